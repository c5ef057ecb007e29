import type { IsoDate } from '../model/iso-date.js';
import {
  concessionKind,
  concessionReports,
  DEFAULT_ANSWER_WITHIN_DAYS,
  resolveWeights,
  type ConcessionReport,
} from './concessions.js';
import { crossCorrelation, DEFAULT_MAX_LAG, type CrossCorrelation } from './cross-correlation.js';
import { decayedBalance, DEFAULT_HALF_LIFE_WEEKS, type DecayedBalance } from './decayed-balance.js';
import { directionSums, type DirectionSums } from './direction-sums.js';
import { dyadMatcher, type DyadDescription, type DyadMatcher, type DyadSpec } from './dyad.js';
import { dailyQuadCooperation, gridFromDays, gridFromMoves, type DyadGrid } from './dyad-grid.js';
import type { DyadDay, Move, VerificationWeights } from './move.js';
import { reactionRegression, type ReactionRegression } from './reaction-regression.js';
import { bootstrapRatios, reciprocityRatio, worthBootstrapping, type ReciprocityRatio } from './reciprocity-ratio.js';
import { titForTat, type TitForTat } from './tit-for-tat.js';
import { weeklySeries, type WeeklySeries } from './weekly-series.js';

export interface ReciprocityOptions {
  /** First day of the window, included. */
  from: IsoDate;
  /** Last day of the window, included; also the "as of" date for unanswered concessions. */
  to: IsoDate;
  /** k: days the other side has to answer a concession with material cooperation. Default 30. */
  answerWithinDays?: number;
  /** Verification weights; unset ones keep the defaults (verified 1, observed 0.5, claimed 0.25). */
  verificationWeights?: Partial<VerificationWeights>;
  /** K for the lagged cross-correlation (k = 0..K weeks). Default 4. */
  maxLag?: number;
  /** Half-life of the decayed balance, in weeks. Default 8. */
  halfLifeWeeks?: number;
}

export interface AggregateReciprocityOptions extends ReciprocityOptions {
  /**
   * Concession moves (codes 08x and 035x) for the dyad and window, so the aggregate path can
   * report concessions too; answers are still read from the aggregates. Omit it and `concessions`
   * is null with the reason.
   */
  concessionMoves?: Iterable<Move>;
}

/** What one side sent the other. */
export interface DirectionReport {
  /** Label of the sending side (its patterns joined by `+`). */
  from: string;
  to: string;
  sums: DirectionSums;
  /** Null on the aggregate path without concession moves; see `ReciprocityResult.concessionsReason`. */
  concessions: ConcessionReport | null;
}

/** How one side (the follower) answers the other (the leader) on the weekly net series. */
export interface ResponsePattern {
  leader: string;
  follower: string;
  /** r_k = corr(S_leader→follower(t), S_follower→leader(t+k)). */
  crossCorrelation: CrossCorrelation;
  /** S_follower→leader(t) on S_leader→follower(t−1) and its own lag. */
  regression: ReactionRegression;
  titForTat: TitForTat;
}

/** Σ received ÷ Σ given for one side, material and verbal. */
export interface SideRatios {
  side: string;
  /**
   * Functional reciprocity FR = Σ g⁺ of material cooperation (quad 2) received ÷ Σ g⁺ of material
   * cooperation given. Below 1: the side gave more than it got.
   */
  functional: ReciprocityRatio;
  /** The same over verbal cooperation (quad 1). */
  verbal: ReciprocityRatio;
}

/**
 * Reciprocity of a dyad over a window. Field names are part of `parley brief --format json`.
 * Every number is finite; anything undefined is null with a reason beside it.
 */
export interface ReciprocityResult {
  /** Which path built it: ledger moves, or the store's daily aggregates. */
  source: 'moves' | 'aggregates';
  dyad: DyadDescription;
  /** `invalidRows`: moves or rows of the dyad and window left out (quad class not 1–4, or a non-finite number). */
  window: { from: IsoDate; to: IsoDate; days: number; invalidRows: number };
  settings: {
    answerWithinDays: number;
    verificationWeights: VerificationWeights;
    maxLag: number;
    halfLifeWeeks: number;
    binDays: number;
  };
  aToB: DirectionReport;
  bToA: DirectionReport;
  /** `a`: what side A got for what it gave (FR_A); `b`: the same for B. */
  ratios: { a: SideRatios; b: SideRatios };
  /** Why concessions are null; null when they are reported. */
  concessionsReason: string | null;
  weekly: WeeklySeries;
  /** What A gave minus what it got, week by week, older weeks fading (net Goldstein A→B − B→A). */
  balance: DecayedBalance;
  /** `ofB`: how B answers A; `ofA`: how A answers B. */
  responses: { ofB: ResponsePattern; ofA: ResponsePattern };
}

function label(patterns: readonly string[]): string {
  return patterns.join('+');
}

interface Resolved {
  answerWithinDays: number;
  weights: VerificationWeights;
  maxLag: number;
  halfLifeWeeks: number;
}

function resolve(o: ReciprocityOptions): Resolved {
  const answerWithinDays = o.answerWithinDays ?? DEFAULT_ANSWER_WITHIN_DAYS;
  const maxLag = o.maxLag ?? DEFAULT_MAX_LAG;
  if (!Number.isInteger(answerWithinDays) || answerWithinDays < 0)
    throw new RangeError(`answerWithinDays must be a whole number ≥ 0, got ${answerWithinDays}`);
  if (!Number.isInteger(maxLag) || maxLag < 0) throw new RangeError(`maxLag must be a whole number ≥ 0, got ${maxLag}`);
  return {
    answerWithinDays,
    weights: resolveWeights(o.verificationWeights),
    maxLag,
    halfLifeWeeks: o.halfLifeWeeks ?? DEFAULT_HALF_LIFE_WEEKS,
  };
}

function response(
  series: WeeklySeries,
  leader: string,
  follower: string,
  leaderIsA: boolean,
  maxLag: number,
): ResponsePattern {
  const lead = leaderIsA ? series.aToB.net : series.bToA.net;
  const follow = leaderIsA ? series.bToA.net : series.aToB.net;
  return {
    leader,
    follower,
    crossCorrelation: crossCorrelation(lead, follow, maxLag),
    regression: reactionRegression(lead, follow, leader, follower),
    titForTat: titForTat(lead, follow),
  };
}

/**
 * FR and the verbal ratio for both sides, with the moves behind them and a bootstrap interval. B's
 * ratio is the mirror of A's (B's = 1 / A's), so one set of resamples serves both sides.
 */
function sideRatios(grid: DyadGrid, a: string, b: string): { a: SideRatios; b: SideRatios } {
  const pair = (quad: 1 | 2, kind: string): [ReciprocityRatio, ReciprocityRatio] => {
    const ab = dailyQuadCooperation(grid, 'aToB', quad);
    const ba = dailyQuadCooperation(grid, 'bToA', quad);
    const draws = worthBootstrapping(ba, ab) ? bootstrapRatios(ba.sums, ab.sums) : null;
    return [reciprocityRatio(ba, ab, a, kind, draws), reciprocityRatio(ab, ba, b, kind, draws, true)];
  };
  const [fa, fb] = pair(2, 'material cooperation');
  const [va, vb] = pair(1, 'verbal cooperation');
  return { a: { side: a, functional: fa, verbal: va }, b: { side: b, functional: fb, verbal: vb } };
}

/** Everything read from the grid; the two entry points differ only in how they fill it. */
function analyse(
  source: 'moves' | 'aggregates',
  grid: DyadGrid,
  matcher: DyadMatcher,
  r: Resolved,
  concessions: Record<'aToB' | 'bToA', ConcessionReport> | null,
  concessionsReason: string | null,
): ReciprocityResult {
  const { dyad } = matcher;
  const a = label(dyad.a);
  const b = label(dyad.b);
  const ab = directionSums(grid, 'aToB');
  const ba = directionSums(grid, 'bToA');
  const weekly = weeklySeries(grid);
  return {
    source,
    dyad,
    window: { from: grid.from, to: grid.to, days: grid.days, invalidRows: grid.invalid },
    settings: {
      answerWithinDays: r.answerWithinDays,
      verificationWeights: r.weights,
      maxLag: r.maxLag,
      halfLifeWeeks: r.halfLifeWeeks,
      binDays: weekly.binDays,
    },
    aToB: { from: a, to: b, sums: ab, concessions: concessions?.aToB ?? null },
    bToA: { from: b, to: a, sums: ba, concessions: concessions?.bToA ?? null },
    ratios: sideRatios(grid, a, b),
    concessionsReason,
    weekly,
    balance: decayedBalance(weekly.aToB.net, weekly.bToA.net, r.halfLifeWeeks),
    responses: {
      ofB: response(weekly, a, b, true, r.maxLag),
      ofA: response(weekly, b, a, false, r.maxLag),
    },
  };
}

/**
 * Reciprocity from individual moves (hand-kept events, or imported rows streamed from the
 * store). Moves outside the window or the dyad are skipped; one pass over `moves`.
 */
export function reciprocity(moves: Iterable<Move>, dyad: DyadSpec, options: ReciprocityOptions): ReciprocityResult {
  const r = resolve(options);
  const matcher = dyadMatcher(dyad);
  const kept: Move[] = [];
  const grid = gridFromMoves(moves, matcher, options.from, options.to, (m) => {
    if (concessionKind(m.code) !== null) kept.push(m);
  });
  const concessions = concessionReports(kept, matcher, grid, r.answerWithinDays, r.weights);
  return analyse('moves', grid, matcher, r, concessions, null);
}

/**
 * Reciprocity from the store's daily aggregates. Sums, ratios, the weekly series and the response
 * patterns are identical to `reciprocity` on the moves the rows were built from (same cells, same
 * order of arithmetic). Concessions need event codes, so they come from `concessionMoves`.
 */
export function reciprocityFromAggregates(
  days: Iterable<DyadDay>,
  dyad: DyadSpec,
  options: AggregateReciprocityOptions,
): ReciprocityResult {
  const r = resolve(options);
  const matcher = dyadMatcher(dyad);
  const grid = gridFromDays(days, matcher, options.from, options.to);
  if (options.concessionMoves === undefined) {
    return analyse(
      'aggregates',
      grid,
      matcher,
      r,
      null,
      'daily aggregates carry no event codes; pass concessionMoves to report concessions',
    );
  }
  const concessions = concessionReports(options.concessionMoves, matcher, grid, r.answerWithinDays, r.weights);
  return analyse('aggregates', grid, matcher, r, concessions, null);
}
