import type { ActorKind } from '../model/actor.js';
import type { RequiredLevel } from '../model/agreement.js';
import type { ObservationFinding } from '../model/condition.js';
import type { Provenance, QuadClass, ReviewStatus, Verification } from '../model/event.js';
import type { FacilityStatus } from '../model/facility.js';

/**
 * The table types of Parley's store, shared by SQLite and PostgreSQL. Dates are ISO `YYYY-MM-DD`
 * text in both (they sort and compare as strings); `day` columns hold days since 1970-01-01 where
 * a range scan or a GROUP BY needs an integer. Booleans are 0/1 in both, JSON is text in both, so
 * one query layer serves both engines.
 */
export interface Database {
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
}

/** Events of a case per day and review status, so the ledger's counts need no scan of the events. */
export interface EventDaysTable {
  case_id: string;
  day: number;
  status: ReviewStatus;
  n: number;
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
