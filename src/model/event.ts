import type { IsoDate } from './iso-date.js';

/** How an event came in: typed by an analyst, read from text, or imported from a dataset. */
export const PROVENANCES = ['typed', 'read', 'imported'] as const;
export type Provenance = (typeof PROVENANCES)[number];

export const REVIEW_STATUSES = ['proposed', 'confirmed', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * How the reader takes an action in a sentence: it happened (asserted), a speaker relays it
 * (reported), it is planned or hoped (intended), conditional (hypothetical), advice
 * (recommended), or it did not happen (negated).
 */
export const READ_MODES = ['asserted', 'reported', 'intended', 'hypothetical', 'recommended', 'negated'] as const;
export type ReadMode = (typeof READ_MODES)[number];
/** The modes that make a move: what happened, or what a source says happened. */
export const MOVE_MODES: readonly ReadMode[] = ['asserted', 'reported'];

/**
 * How a move is known: checked by an inspecting body, observed by outsiders (imagery,
 * journalists), or only claimed by a party. Ordered from strongest to weakest.
 */
export const VERIFICATIONS = ['verified', 'observed', 'claimed'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

/** Rank for comparisons: verified 3, observed 2, claimed 1. */
export function verificationRank(v: Verification): number {
  return v === 'verified' ? 3 : v === 'observed' ? 2 : 1;
}

/** CAMEO quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export const QUAD_CLASSES = [1, 2, 3, 4] as const;
export type QuadClass = (typeof QUAD_CLASSES)[number];

export interface Source {
  publisher: string;
  /**
   * When it was published: a day; for the arguments a condition cites (an op-ed), a month
   * (`2018-09`) when the day is not known.
   */
  date?: IsoDate;
  /** The article's or document's own title. */
  title?: string;
  /** A URL or a citation a reader can follow. */
  link?: string;
  quote?: string;
  /** For a move read from text: the characters of `quote` the reader coded it from, [start, end). */
  span?: [number, number];
}

/**
 * Who would verify a commitment or offer to let outsiders into a site: an inspecting body (the
 * IAEA or an equivalent international inspectorate), named experts (invited by a party, such as
 * "US experts" or "experts from relevant countries"), journalists, or no one.
 */
export const VERIFIERS = ['inspecting-body', 'named-experts', 'journalists', 'none'] as const;
export type Verifier = (typeof VERIFIERS)[number];

/**
 * Where a commitment stands: offered without conditions, offered on a condition (corresponding
 * measures, sanctions relief), accepted by the other side, or withdrawn.
 */
export const COMMITMENT_STATUSES = ['offered', 'conditional', 'accepted', 'withdrawn'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** A later change of a commitment's status, dated and sourced like any fact. */
export interface CommitmentChange {
  date: IsoDate;
  status: CommitmentStatus;
  sources: Source[];
  /** When the change became known (the earliest publication date of its sources). */
  known?: IsoDate;
  note?: string;
}

/** What a move that commits or offers to let outsiders in promises: who would verify, and where it stands. */
export interface Commitment {
  verifier: Verifier;
  /** Who would verify, in words (`IAEA`, `US experts`). */
  by?: string;
  /** The status on the event's own date. */
  status: CommitmentStatus;
  changes?: CommitmentChange[];
}

/** A commitment's status on a date: the last change on or before it, else the status it was made with. */
export function commitmentStatusOn(c: Commitment, date: IsoDate): CommitmentStatus {
  let status = c.status;
  let at = '';
  for (const ch of c.changes ?? []) if (ch.date <= date && ch.date >= at) [status, at] = [ch.status, ch.date];
  return status;
}

/** A part of a summary or note that became known after the fact it belongs to. */
export interface LaterNote {
  known: IsoDate;
  text: string;
}

export interface LedgerEvent {
  id: string;
  caseId: string;
  date: IsoDate;
  /** Last day of a span (a three-day visit); undefined for a single day. */
  endDate?: IsoDate;
  /** Actor ids from the case (a person, a state, an organisation). */
  sourceActor: string;
  targetActor?: string;
  /** CAMEO codes of the actors on the event's date (a person's from the role held then). */
  sourceCode: string;
  targetCode?: string;
  /** Titles of the roles held on the event's date, for persons (`Secretary of State`). */
  sourceTitle?: string;
  targetTitle?: string;
  /** CAMEO event code, kept as a string (`042`, `0355`). */
  code: string;
  goldstein: number;
  quadClass: QuadClass;
  /** Set when the Goldstein weight differs from the code table's, with why. */
  goldsteinReason?: string;
  summary: string;
  facilities: string[];
  sources: Source[];
  provenance: Provenance;
  status: ReviewStatus;
  verification: Verification;
  /** 0..1 */
  confidence: number;
  notes?: string;
  /**
   * When the move became known: the earliest publication date of its sources (a source with no
   * date counts as published on the event's date), never before the event. Set on load.
   */
  known?: IsoDate;
  /** Parts of the summary learned later, each with the date it became known. */
  later?: LaterNote[];
  /** For a commitment or offer to let outsiders in: who would verify it, and where it stands. */
  commitment?: Commitment;
}
