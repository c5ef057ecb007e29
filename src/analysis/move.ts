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

export type { DyadDay } from '../model/dyad-day.js';

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
