import type { Verification } from '../model/event.js';
import { fromDayNumber, type IsoDate } from '../model/iso-date.js';
import { rootOf } from '../cameo/event-codes.js';
import { dailyQuadCounts, dayNumberCache, type Direction, type DyadGrid } from './dyad-grid.js';
import type { DyadMatcher } from './dyad.js';
import { DEFAULT_VERIFICATION_WEIGHTS, type Move, type VerificationWeights } from './move.js';

/**
 * `yield`: CAMEO root 08 (ease sanctions, release, allow international involvement including 0861
 * peacekeepers and 0862 inspectors, 087 de-escalate). `intent to yield`: 035x, a promise to do
 * one of those, counted apart because a promise is not a deed.
 */
export type ConcessionKind = 'yield' | 'intent to yield';

export function concessionKind(code: string): ConcessionKind | null {
  if (rootOf(code) === '08') return 'yield';
  if (code.startsWith('035')) return 'intent to yield';
  return null;
}

export interface ConcessionCount {
  count: number;
  /** Σ verification weight: a verified yield counts 1, a claimed one 0.25 by default. */
  weighted: number;
  /** Σ Goldstein × verification weight. */
  goldsteinWeighted: number;
  /** Counts by how each concession is known. */
  byVerification: Record<Verification, number>;
}

export interface ConcessionTally {
  yields: ConcessionCount;
  intentsToYield: ConcessionCount;
}

/** A concession with no material cooperation (quad class 2) back from the other side. */
export interface UnansweredConcession {
  id: string | null;
  date: IsoDate;
  code: string;
  kind: ConcessionKind;
  summary: string | null;
  verification: Verification;
  weight: number;
  /** Last day an answer would have counted: date + k. */
  answerBy: IsoDate;
  /**
   * True when `answerBy` is after the window's end: unanswered so far, but the other side still
   * has time. False when the k days have passed with no answer.
   */
  open: boolean;
}

/** Concessions one side gave the other, and which of them went unanswered. */
export interface ConcessionReport {
  tally: ConcessionTally;
  /** Concessions (both kinds) answered by material cooperation within k days. */
  answered: number;
  /** Unanswered, in date order. */
  unanswered: UnansweredConcession[];
  /** Of `unanswered`, those whose k days have run out. */
  unansweredClosed: number;
  /** Of `unanswered`, those still within their k days at the window's end. */
  unansweredOpen: number;
}

export const DEFAULT_ANSWER_WITHIN_DAYS = 30;

function emptyCount(): ConcessionCount {
  return { count: 0, weighted: 0, goldsteinWeighted: 0, byVerification: { verified: 0, observed: 0, claimed: 0 } };
}

export function resolveWeights(w?: Partial<VerificationWeights>): VerificationWeights {
  return { ...DEFAULT_VERIFICATION_WEIGHTS, ...w };
}

/**
 * Prefix sums of a direction's daily quad-2 (material cooperation) counts: the moves of a day
 * range are then one subtraction, so each concession is checked in O(1).
 */
function answerSums(grid: DyadGrid, dir: Direction): Float64Array {
  const daily = dailyQuadCounts(grid, dir, 2);
  const p = new Float64Array(daily.length + 1);
  for (let i = 0; i < daily.length; i++) p[i + 1] = p[i]! + daily[i]!;
  return p;
}

function emptyReport(): ConcessionReport {
  return {
    tally: { yields: emptyCount(), intentsToYield: emptyCount() },
    answered: 0,
    unanswered: [],
    unansweredClosed: 0,
    unansweredOpen: 0,
  };
}

/** Adds one concession, of weight `w` for its verification, to its kind's count. */
function addConcession(c: ConcessionCount, m: Move, w: number): void {
  c.count++;
  c.weighted += w;
  c.goldsteinWeighted += m.goldstein * w;
  c.byVerification[m.verification]++;
}

/**
 * Tallies concessions in `moves` (those inside the grid's window and the dyad) and checks each
 * against the other direction's quad-2 counts in the grid. A concession is answered when the
 * other side made any material cooperation move toward the giver on days [date, date + k]: the
 * same day counts, because a day-dated ledger cannot tell which came first and a same-day
 * exchange is reciprocal. Answers after the window's end are not seen (results are as of `to`).
 */
export function concessionReports(
  moves: Iterable<Move>,
  matcher: DyadMatcher,
  grid: DyadGrid,
  answerWithinDays: number = DEFAULT_ANSWER_WITHIN_DAYS,
  weights: VerificationWeights = DEFAULT_VERIFICATION_WEIGHTS,
): Record<Direction, ConcessionReport> {
  const answers: Record<Direction, Float64Array> = { aToB: answerSums(grid, 'aToB'), bToA: answerSums(grid, 'bToA') };
  const reports: Record<Direction, ConcessionReport> = { aToB: emptyReport(), bToA: emptyReport() };
  const dayOf = dayNumberCache();
  for (const m of moves) {
    if (m.date < grid.from || m.date > grid.to || !Number.isFinite(m.goldstein)) continue;
    const kind = concessionKind(m.code);
    if (kind === null) continue;
    const dir = matcher.directionOf(m.sourceCode, m.targetCode);
    if (dir === null) continue;
    const report = reports[dir];
    const w = weights[m.verification];
    addConcession(kind === 'yield' ? report.tally.yields : report.tally.intentsToYield, m, w);

    const d = dayOf(m.date) - grid.fromDay;
    const end = Math.min(d + answerWithinDays, grid.days - 1);
    const p = answers[dir === 'aToB' ? 'bToA' : 'aToB'];
    if (p[end + 1]! - p[d]! > 0) {
      report.answered++;
      continue;
    }
    const open = d + answerWithinDays > grid.days - 1;
    report.unanswered.push({
      id: m.id ?? null,
      date: m.date,
      code: m.code,
      kind,
      summary: m.summary ?? null,
      verification: m.verification,
      weight: w,
      answerBy: fromDayNumber(grid.fromDay + d + answerWithinDays),
      open,
    });
    if (open) report.unansweredOpen++;
    else report.unansweredClosed++;
  }
  for (const r of Object.values(reports)) {
    r.unanswered.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  }
  return reports;
}
