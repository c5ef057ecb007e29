import { daysBetween, type IsoDate } from '../model/iso-date.js';
import { dyadMatcher, type DyadSpec } from './dyad.js';
import type { Move } from './move.js';
import { median, olsSlope } from './stats.js';

/**
 * Engagement steps by default: every CAMEO 04 consult (040 consult, 041 telephone talks, 042–043
 * visits, 044 meetings, 045 mediation, 046 negotiation) and 057 signing an agreement. 036
 * "express intent to meet" is left out on purpose: an announced meeting is a promise, not a step,
 * and counting it would show a process speeding up on words alone. Pass `codePrefixes` to change.
 */
export const DEFAULT_STEP_PREFIXES: readonly string[] = Object.freeze(['04', '057']);

/**
 * `stalled`: the gap still running is a stall. `resumed after a stall`: one of the latest
 * `recentGaps` gaps was; a median of recent gaps that holds a stall says nothing about speed.
 */
export type PaceVerdict = 'speeding up' | 'steady' | 'slowing' | 'stalled' | 'resumed after a stall';

export interface PaceOptions {
  /** Date the pace is read on; later moves are ignored. */
  asOf: IsoDate;
  /** Event-code prefixes that make a move a step. Default `DEFAULT_STEP_PREFIXES`. */
  codePrefixes?: readonly string[];
  /** Only steps between the dyad's two sides (either direction). */
  dyad?: DyadSpec;
  /** Stalled when days since the last step exceed this × the median gap. Default 2. */
  stalledFactor?: number;
  /** How many of the latest gaps are compared with the earlier ones. Default 3. */
  recentGaps?: number;
  /** Recent ÷ earlier median below this: speeding up. Default 0.8. */
  fasterBelow?: number;
  /** Recent ÷ earlier median above this: slowing. Default 1.25 (1 ÷ 0.8, symmetric on a log scale). */
  slowerAbove?: number;
  /**
   * Last day the record covers (a case's period end). After it, no step in the record is no
   * evidence of no step, so the open gap runs to this day at most.
   */
  recordEnds?: IsoDate;
}

/** One day with at least one step; several moves on the same day are one step. */
export interface PaceStep {
  date: IsoDate;
  moves: number;
  codes: string[];
  /** Ids of the moves that carry one. */
  ids: string[];
}

export interface PaceGap {
  from: IsoDate;
  to: IsoDate;
  days: number;
}

/** A gap longer than `stalledFactor` × the median gap. */
export interface PaceStall extends PaceGap {
  /** True for the gap still running: from the last step to `readTo`, with no step yet. */
  open: boolean;
}

export interface PaceResult {
  asOf: IsoDate;
  codePrefixes: string[];
  rule: { stalledFactor: number; recentGaps: number; fasterBelow: number; slowerAbove: number };
  steps: PaceStep[];
  gaps: PaceGap[];
  /** Null with fewer than 2 steps. */
  medianGap: number | null;
  /** OLS slope of gap length on gap index, in days per step: negative means gaps shrink. */
  slopeDaysPerStep: number | null;
  /** Median of the latest `recentGaps` gaps; null unless there is at least one earlier gap. */
  recentMedianGap: number | null;
  /** Median of the gaps before those. */
  earlierMedianGap: number | null;
  lastStep: IsoDate | null;
  /** Days from the last step to `readTo`. */
  daysSinceLastStep: number | null;
  /** `recordEnds` from the options, or null. */
  recordEnds: IsoDate | null;
  /** The day gaps are read to: `asOf`, or the record's end when that is earlier. */
  readTo: IsoDate;
  /** `stalledFactor` × the median gap: a gap longer than this is a stall. Null without a median. */
  stallThresholdDays: number | null;
  /**
   * Every stall up to `readTo` in date order, the open gap (last step to `readTo`) included when it
   * is long enough: a stall among the recent gaps is reported even when the medians look steady.
   */
  stalls: PaceStall[];
  /** Null when there are too few steps to judge; see `reason`. */
  verdict: PaceVerdict | null;
  /** The rule that gave the verdict, in words, with its numbers, and the latest stall with its dates. */
  reason: string;
}

/**
 * Time between engagement steps and whether it is shrinking. The verdict, in order:
 * 1. fewer than 2 steps: null (no gap to measure);
 * 2. `stalled` when days since the last step (to `asOf`, or the record's end if earlier) >
 *    stalledFactor × median gap: the open gap is a stall like any other;
 * 3. `resumed after a stall` when one of the last `recentGaps` gaps is a stall;
 * 4. with more than `recentGaps` gaps: the median of the last `recentGaps` gaps against the median
 *    of the earlier ones: below `fasterBelow` → `speeding up`, above `slowerAbove` → `slowing`,
 *    else `steady`;
 * 5. with 2..`recentGaps` gaps: the OLS trend across them, as a share of the median gap, with the
 *    same thresholds (change < fasterBelow − 1 → speeding up, > slowerAbove − 1 → slowing);
 * 6. with one gap: null (no trend from one interval).
 * Whatever the verdict, every gap over stalledFactor × median gap is listed in `stalls`, and the
 * reason names the latest one with its dates.
 */
export function pace(moves: Iterable<Move>, options: PaceOptions): PaceResult {
  const prefixes = [...(options.codePrefixes ?? DEFAULT_STEP_PREFIXES)];
  const stalledFactor = options.stalledFactor ?? 2;
  const recentGaps = options.recentGaps ?? 3;
  const fasterBelow = options.fasterBelow ?? 0.8;
  const slowerAbove = options.slowerAbove ?? 1.25;
  const readTo =
    options.recordEnds !== undefined && options.recordEnds < options.asOf ? options.recordEnds : options.asOf;
  const steps = collectSteps(moves, prefixes, options.dyad, readTo);
  const gaps: PaceGap[] = [];
  for (let i = 1; i < steps.length; i++) {
    gaps.push({ from: steps[i - 1]!.date, to: steps[i]!.date, days: daysBetween(steps[i - 1]!.date, steps[i]!.date) });
  }
  const g = gaps.map((x) => x.days);
  const medianGap = median(g);
  const slope =
    g.length >= 2
      ? olsSlope(
          g.map((_, i) => i),
          g,
        )
      : null;
  const hasSplit = g.length > recentGaps;
  const recentMedianGap = hasSplit ? median(g.slice(-recentGaps)) : null;
  const earlierMedianGap = hasSplit ? median(g.slice(0, -recentGaps)) : null;
  const lastStep = steps.length > 0 ? steps[steps.length - 1]!.date : null;
  const daysSinceLastStep = lastStep === null ? null : daysBetween(lastStep, readTo);
  const stallThresholdDays = medianGap === null ? null : stalledFactor * medianGap;
  const stalls = findStalls(gaps, lastStep, readTo, stallThresholdDays);
  const latest = stalls.at(-1);
  const afterRecord =
    readTo < options.asOf
      ? `; the record ends on ${readTo}, so the days after it (to ${options.asOf}) are not counted as a gap`
      : '';

  const base: PaceFigures = {
    asOf: options.asOf,
    codePrefixes: prefixes,
    rule: { stalledFactor, recentGaps, fasterBelow, slowerAbove },
    steps,
    gaps,
    medianGap,
    slopeDaysPerStep: slope,
    recentMedianGap,
    earlierMedianGap,
    lastStep,
    daysSinceLastStep,
    recordEnds: options.recordEnds ?? null,
    readTo,
    stallThresholdDays,
    stalls,
  };
  const { verdict, reason } = verdictOf(base, base.rule);
  const lastStall =
    latest && !latest.open
      ? `; but it stalled for ${latest.days} days, ${latest.from} to ${latest.to} (the latest gap over ${stalledFactor} × the median gap of ${medianGap} days)`
      : '';
  const stallNote = verdict === null || verdict === 'stalled' || verdict === 'resumed after a stall' ? '' : lastStall;
  return { ...base, verdict, reason: `${reason}${stallNote}${afterRecord}` };
}

type PaceFigures = Omit<PaceResult, 'verdict' | 'reason'>;

/** The verdict by the rules of `pace`, and the rule that gave it with its numbers. */
function verdictOf(p: PaceFigures, rule: PaceResult['rule']): { verdict: PaceVerdict | null; reason: string } {
  const { medianGap, daysSinceLastStep, recentMedianGap, earlierMedianGap, slopeDaysPerStep: slope } = p;
  const g = p.gaps.map((x) => x.days);
  const latest = p.stalls.at(-1);
  if (medianGap === null || daysSinceLastStep === null) {
    return {
      verdict: null,
      reason: `${p.steps.length === 1 ? '1 step' : `${p.steps.length} steps`} up to ${p.readTo}; at least 2 are needed to measure a gap`,
    };
  }
  if (latest?.open) {
    return {
      verdict: 'stalled',
      reason: `stalled for ${latest.days} days, ${latest.from} to ${p.readTo} with no step: more than ${rule.stalledFactor} × the median gap of ${medianGap} days`,
    };
  }
  const recentStall = latest && !latest.open && p.gaps.slice(-rule.recentGaps).some((x) => x.from === latest.from);
  if (recentStall) {
    const after = p.steps.filter((x) => x.date >= latest.to).length;
    return {
      verdict: 'resumed after a stall',
      reason: `stalled for ${latest.days} days, ${latest.from} to ${latest.to} (one of the last ${rule.recentGaps} gaps, more than ${rule.stalledFactor} × the median gap of ${medianGap} days); ${after} ${after === 1 ? 'step' : 'steps'} since, the last on ${p.lastStep}`,
    };
  }
  const judge = (ratio: number, what: string): { verdict: PaceVerdict; reason: string } => {
    const r = ratio.toFixed(2);
    if (ratio < rule.fasterBelow)
      return { verdict: 'speeding up', reason: `${what} is ${r} (below ${rule.fasterBelow})` };
    if (ratio > rule.slowerAbove) return { verdict: 'slowing', reason: `${what} is ${r} (above ${rule.slowerAbove})` };
    return { verdict: 'steady', reason: `${what} is ${r} (between ${rule.fasterBelow} and ${rule.slowerAbove})` };
  };
  if (recentMedianGap !== null && earlierMedianGap !== null) {
    return judge(
      recentMedianGap / earlierMedianGap,
      `the median of the last ${rule.recentGaps} gaps (${recentMedianGap} days) over the median of the earlier ${g.length - rule.recentGaps} (${earlierMedianGap} days)`,
    );
  }
  if (slope !== null) {
    const change = (slope * (g.length - 1)) / medianGap;
    return judge(
      1 + change,
      `with only ${g.length} gaps, 1 + the trend across them (${slope.toFixed(1)} days per step) as a share of the median gap (${medianGap} days)`,
    );
  }
  return { verdict: null, reason: `only one gap (${g[0]} days); no trend can be read from one interval` };
}

/** Closed gaps over the threshold, then the open one (last step to `readTo`) if it is over too. */
function findStalls(
  gaps: readonly PaceGap[],
  lastStep: IsoDate | null,
  readTo: IsoDate,
  threshold: number | null,
): PaceStall[] {
  if (threshold === null || lastStep === null) return [];
  const stalls: PaceStall[] = gaps.filter((g) => g.days > threshold).map((g) => ({ ...g, open: false }));
  const open = daysBetween(lastStep, readTo);
  if (open > threshold) stalls.push({ from: lastStep, to: readTo, days: open, open: true });
  return stalls;
}

/** Days with at least one step up to `readTo`, in date order; several moves on one day are one step. */
function collectSteps(
  moves: Iterable<Move>,
  prefixes: readonly string[],
  dyad: DyadSpec | undefined,
  readTo: IsoDate,
): PaceStep[] {
  const matcher = dyad ? dyadMatcher(dyad) : null;
  const byDay = new Map<IsoDate, PaceStep>();
  for (const m of moves) {
    if (m.date > readTo) continue;
    if (!prefixes.some((p) => m.code.startsWith(p))) continue;
    if (matcher && matcher.directionOf(m.sourceCode, m.targetCode) === null) continue;
    let s = byDay.get(m.date);
    if (!s) {
      s = { date: m.date, moves: 0, codes: [], ids: [] };
      byDay.set(m.date, s);
    }
    s.moves++;
    if (!s.codes.includes(m.code)) s.codes.push(m.code);
    if (m.id !== undefined) s.ids.push(m.id);
  }
  return [...byDay.values()].sort((x, y) => (x.date < y.date ? -1 : 1));
}
