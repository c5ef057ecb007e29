import type { IsoDate } from './iso-date.js';

export type Provenance = 'typed' | 'read' | 'imported';
export const PROVENANCES: readonly Provenance[] = ['typed', 'read', 'imported'];

export type ReviewStatus = 'proposed' | 'confirmed' | 'rejected';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['proposed', 'confirmed', 'rejected'];

/**
 * How a move is known: checked by an inspecting body, observed by outsiders (imagery,
 * journalists), or only claimed by a party. Ordered from strongest to weakest.
 */
export type Verification = 'verified' | 'observed' | 'claimed';
export const VERIFICATIONS: readonly Verification[] = ['verified', 'observed', 'claimed'];

/** Rank for comparisons: verified 3, observed 2, claimed 1. */
export function verificationRank(v: Verification): number {
  return v === 'verified' ? 3 : v === 'observed' ? 2 : 1;
}

export type QuadClass = 1 | 2 | 3 | 4;

export interface Source {
  publisher: string;
  date?: IsoDate;
  /** A URL or a citation a reader can follow. */
  link?: string;
  quote?: string;
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
}
