import type { LedgerEvent, QuadClass, Verification } from '../model/event.js';
import type { IsoDate } from '../model/iso-date.js';

/**
 * The least a move needs to carry for reciprocity and pace, so that hand-kept ledger events and
 * imported rows (GDELT, ICEWS, ...) can both feed the same functions.
 */
export interface Move {
  /** Day of the move, `YYYY-MM-DD`. */
  date: IsoDate;
  /** CAMEO actor code of the source on that date (`USAGOV`). */
  sourceCode: string;
  /** CAMEO actor code of the target on that date (`PRKGOV`). */
  targetCode: string;
  /** CAMEO event code, as a string (`0862`). */
  code: string;
  goldstein: number;
  quadClass: QuadClass;
  verification: Verification;
  id?: string;
  summary?: string;
}

/**
 * One pre-aggregated row: every move from `source` to `target` of one quad class on one day. The
 * store keeps these for millions of imported rows, so that reciprocity never has to load the rows.
 * All numeric fields must be JS numbers: PostgreSQL returns COUNT and SUM as strings through `pg`,
 * and a row whose fields are not finite numbers is left out and counted in `window.invalidRows`.
 */
export interface DyadDay {
  day: IsoDate;
  /** CAMEO actor code of the source (as fine as the store keeps it). */
  source: string;
  target: string;
  quadClass: QuadClass;
  /** Number of moves. */
  count: number;
  /** Σ Goldstein. */
  goldsteinSum: number;
  /** Σ max(g, 0). */
  positiveSum: number;
  /** Σ min(g, 0), so zero or negative. */
  negativeSum: number;
}

/** Weight of a move by how it is known; the reference's example factors are the defaults. */
export type VerificationWeights = Record<Verification, number>;

export const DEFAULT_VERIFICATION_WEIGHTS: Readonly<VerificationWeights> = Object.freeze({
  verified: 1,
  observed: 0.5,
  claimed: 0.25,
});

/**
 * A ledger event as a move. A span (`endDate`) counts on its first day; an event without a
 * target gets an empty target code, so it falls outside every dyad but still counts for pace
 * when no dyad is given. Which review statuses count is the caller's choice: filter first.
 */
export function moveFromEvent(e: LedgerEvent): Move {
  return {
    date: e.date,
    sourceCode: e.sourceCode,
    targetCode: e.targetCode ?? '',
    code: e.code,
    goldstein: e.goldstein,
    quadClass: e.quadClass,
    verification: e.verification,
    id: e.id,
    summary: e.summary,
  };
}
