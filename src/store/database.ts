import type { Generated } from 'kysely';
import type { Role, SessionKind } from '../model/account.js';
import type { ActorKind } from '../model/actor.js';
import type { AuditKind, AuditRoute } from '../model/audit.js';
import type { RequiredLevel } from '../model/agreement.js';
import type { ObservationFinding } from '../model/condition.js';
import type { Provenance, QuadClass, ReviewStatus, Verification } from '../model/event.js';
import type { FacilityStatus } from '../model/facility.js';
import type { IndicatorKind, MeasurementVerification } from '../model/indicator.js';

/**
 * The table types of Parley's store, shared by SQLite and PostgreSQL. Dates are ISO `YYYY-MM-DD`
 * text in both (they sort and compare as strings); `day` columns hold days since 1970-01-01 where
 * a range scan or a GROUP BY needs an integer. Booleans are 0/1 in both, JSON is text in both, so
 * one query layer serves both engines.
 */
export interface Database {
  case_exports: CaseExportsTable;
  cases: CasesTable;
  actors: ActorsTable;
  events: EventsTable;
  event_facilities: EventFacilitiesTable;
  event_sources: EventSourcesTable;
  agreements: AgreementsTable;
  provisions: ProvisionsTable;
  provision_statuses: ProvisionStatusesTable;
  facilities: FacilitiesTable;
  facility_statuses: FacilityStatusesTable;
  observations: ObservationsTable;
  conditions: ConditionsTable;
  dyad_days: DyadDaysTable;
  event_days: EventDaysTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  sign_in_attempts: SignInAttemptsTable;
  audit: AuditTable;
  event_history: EventHistoryTable;
  frame_history: FrameHistoryTable;
  indicators: IndicatorsTable;
  indicator_measurements: IndicatorMeasurementsTable;
}

/** Events of a case per day and review status, so the ledger's counts need no scan of the events. */
export interface EventDaysTable {
  case_id: string;
  day: number;
  status: ReviewStatus;
  n: number;
}

/** The hash of the files a case was last exported as, per folder (its real path). */
export interface CaseExportsTable {
  case_id: string;
  dir: string;
  files_hash: string;
  exported_at: string;
}

export interface CasesTable {
  id: string;
  title: string;
  description: string | null;
  /** JSON of the case settings (parties, brief defaults). */
  settings: string;
  /** Hash of the files it was last loaded from; a load of unchanged files does nothing. */
  files_hash: string | null;
  /** The folder it was last loaded from. */
  source_dir: string | null;
  loaded_at: string;
}

export interface ActorsTable {
  case_id: string;
  id: string;
  kind: ActorKind;
  name: string;
  code: string | null;
  /** JSON string[] */
  aliases: string;
  /** JSON ActorRole[] */
  roles: string;
  source: string | null;
  notes: string | null;
}

export interface EventsTable {
  case_id: string;
  id: string;
  date: string;
  end_date: string | null;
  day: number;
  source_actor: string;
  target_actor: string | null;
  source_code: string;
  target_code: string | null;
  /** Titles of the roles the actors held on the event's date (`Secretary of State`), for gates on offices. */
  source_title: string | null;
  target_title: string | null;
  /** Country-level parties of the codes (`USAGOV` → `USA`), for dyad queries. */
  source_party: string;
  target_party: string | null;
  code: string;
  root: string;
  goldstein: number;
  quad_class: QuadClass;
  goldstein_reason: string | null;
  summary: string;
  provenance: Provenance;
  status: ReviewStatus;
  verification: Verification;
  confidence: number;
  notes: string | null;
  /** Hash of the article a read event came from, so that reading it again adds nothing. */
  origin_key: string | null;
  /** When this version of the row was written (ISO timestamp); null: before history was kept. */
  recorded_at: string | null;
  /** Bumped by every change, so that a review made on a stale copy is refused. */
  revision: Generated<number>;
  /** When the move became known (earliest source date, never before `date`); null only in rows written before 004. */
  known_date: string | null;
  /** JSON LaterNote[]: parts of the summary learned later. */
  later: string | null;
  /** JSON Commitment: who would verify an offer to let outsiders in, and its status. */
  commitment: string | null;
}

export interface EventFacilitiesTable {
  case_id: string;
  event_id: string;
  facility_id: string;
}

export interface EventSourcesTable {
  case_id: string;
  event_id: string;
  seq: number;
  publisher: string;
  date: string | null;
  link: string | null;
  quote: string | null;
  /** The article's own title; null in rows written before 004. */
  title: string | null;
  /** JSON [start, end] within the quote, for moves read from text (migration 010). */
  span: string | null;
}

export interface AgreementsTable {
  case_id: string;
  id: string;
  name: string;
  date: string;
  /** JSON string[] of actor ids */
  parties: string;
  /** JSON Source[] */
  sources: string;
}

export interface ProvisionsTable {
  case_id: string;
  agreement_id: string;
  id: string;
  seq: number;
  text: string;
  theme: string;
  /** JSON string[] */
  owed_by: string;
}

export interface ProvisionStatusesTable {
  case_id: string;
  agreement_id: string;
  provision_id: string;
  date: string;
  /** 0..3, or -1 for not applicable */
  level: RequiredLevel | -1;
  /** JSON string[] of event ids */
  events: string;
  /** JSON Source[] */
  sources: string;
  note: string | null;
  /** When it became known (see 004-known-dates); null only in rows written before it. */
  known_date: string | null;
  /** JSON LaterNote[]: parts of the note learned later. */
  later: string | null;
}

export interface FacilitiesTable {
  case_id: string;
  id: string;
  name: string;
  type: string;
  /** JSON string[] */
  tags: string;
  location: string;
  country: string;
  key: number;
  /** Degrees, both null when the place is not public (migration 010). */
  longitude: number | null;
  latitude: number | null;
  declared: number | null;
  notes: string | null;
}

export interface FacilityStatusesTable {
  case_id: string;
  facility_id: string;
  date: string;
  status: FacilityStatus;
  /** JSON Source[] */
  sources: string;
  note: string | null;
  /** When it became known (see 004-known-dates); null only in rows written before it. */
  known_date: string | null;
  /** JSON LaterNote[]: parts of the note learned later. */
  later: string | null;
}

export interface ObservationsTable {
  case_id: string;
  facility_id: string;
  seq: number;
  date: string;
  by: string;
  verification: Verification;
  finding: ObservationFinding;
  event_id: string | null;
  /** JSON Source[] */
  sources: string;
  note: string | null;
  /** When it became known (see 004-known-dates); null only in rows written before it. */
  known_date: string | null;
  /** JSON LaterNote[]: parts of the note learned later. */
  later: string | null;
}

export interface ConditionsTable {
  case_id: string;
  id: string;
  version: number;
  title: string;
  since: string | null;
  /** JSON of the whole Condition */
  definition: string;
  /** Only the newest version of a condition is current; older ones are kept for the record. */
  current: number;
  loaded_at: string;
}

/**
 * Daily dyad aggregates: counts and Goldstein sums by quad class, each direction, so that a dyad's
 * year answers from a few hundred rows however many events lie behind it. `origin` separates the
 * rows kept for a case's own events (rebuilt on load) from those kept for imported files.
 */
export interface DyadDaysTable {
  case_id: string;
  origin: string;
  day: number;
  source: string;
  target: string;
  quad_class: QuadClass;
  n: number;
  goldstein_sum: number;
  positive_sum: number;
  negative_sum: number;
}

/** A person who signs in to the team server. */
export interface AccountsTable {
  id: string;
  name: string;
  role: Role;
  /** argon2id; null until a password is set (an admin made on first start signs in by link). */
  password_hash: string | null;
  created_at: string;
}

/** Browser sessions and one-time sign-in links, keyed by the SHA-256 of their secret. */
export interface SessionsTable {
  token_hash: string;
  account_id: string;
  kind: SessionKind;
  /** Sent back in a header by the page on every change it asks for. */
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  token_hash: string;
  name: string;
  role: Role;
  /** Account name (or `os:USER` for the CLI) that made it. */
  created_by: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface SignInAttemptsTable {
  id: Generated<number>;
  at: string;
  account_name: string;
  address: string;
  ok: number;
}

/** Every change: who, when, through which route, what, and the value before and after (JSON). */
export interface AuditTable {
  id: Generated<number>;
  at: string;
  /** Account name, or `os:USER` for the CLI. */
  actor: string;
  account_id: string | null;
  route: AuditRoute;
  kind: AuditKind;
  /** create, update, review, remove, load, ... */
  action: string;
  case_id: string | null;
  subject: string;
  before: string | null;
  after: string | null;
  note: string | null;
}

/** A version of an event that an edit, review or removal replaced, valid over [recorded_from, recorded_to). */
export interface EventHistoryTable {
  id: Generated<number>;
  case_id: string;
  event_id: string;
  recorded_from: string | null;
  recorded_to: string;
  data: string;
}

/** A case frame (actors, agreements, facilities, conditions) that a later load replaced. */
export interface FrameHistoryTable {
  id: Generated<number>;
  case_id: string;
  recorded_from: string;
  recorded_to: string;
  data: string;
}

export interface IndicatorsTable {
  case_id: string;
  id: string;
  /** The indicator's place in its file, so an export keeps the order. */
  seq: number;
  name: string;
  unit: string;
  kind: IndicatorKind;
  facility_id: string | null;
  /** JSON IndicatorLimit */
  limit_json: string | null;
  note: string | null;
}

export interface IndicatorMeasurementsTable {
  case_id: string;
  indicator_id: string;
  seq: number;
  /** The date the figure refers to. */
  date: string;
  /** The date it was reported: when it became known. */
  known_date: string;
  /** JSON Figure */
  figure: string;
  verification: MeasurementVerification;
  by: string;
  report: string | null;
  paragraph: string | null;
  report_seen: number | null;
  /** JSON Source[] */
  sources: string;
  note: string | null;
}
