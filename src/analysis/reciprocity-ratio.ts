import { seededRandom } from '../util/seeded-random.js';
import { quantileSorted } from './stats.js';

/** Fewer moves than this on either side and a ratio is not a number a reader should weigh. */
export const MIN_RATIO_MOVES = 5;
/** Resamples of the bootstrap interval. */
export const BOOTSTRAP_RESAMPLES = 1000;
/**
 * Above this many days (both sides together) each resampled sum is drawn from its normal
 * approximation instead of day by day: the cost stays bounded (resamples × this) however long
 * the window, and with hundreds of days a resampled sum is close to normal anyway.
 */
export const BOOTSTRAP_EXACT_DAYS = 500;
/** Fixed, so the same data always give the same interval. */
export const BOOTSTRAP_SEED = 20180612;

/**
 * A 95% percentile bootstrap interval. Each side's moves are resampled with replacement, the
 * moves of one day together (daily aggregates hold no finer grain, and same-day moves are often
 * reports of one event); with at most one move a day this is a plain bootstrap over moves.
 */
export interface RatioInterval {
  level: 0.95;
  low: number;
  high: number;
  method: string;
  resamples: number;
  seed: number;
}

/**
 * What one side got back for what it gave: Σ received / Σ given, with the moves behind each sum,
 * or null with the reason when nothing was given (a ratio over zero is not a number a reader can
 * use).
 */
export interface ReciprocityRatio {
  /** Received ÷ given; null when `given` is 0. */
  value: number | null;
  /** Σ Goldstein of the cooperation received (numerator). */
  received: number;
  /** Σ Goldstein of the cooperation given (denominator). */
  given: number;
  /** Why `value` is null; null when it is a number. */
  reason: string | null;
  /** Moves of the quad class received (the numerator's moves). */
  receivedMoves: number;
  /** Moves of the quad class given. */
  givenMoves: number;
  /** Distinct days of those moves, received and given: the units the bootstrap resamples. */
  receivedDays: number;
  givenDays: number;
  /** At least `MIN_RATIO_MOVES` on both sides; otherwise the text shows the counts, not the ratio. */
  enoughMoves: boolean;
  /** Null with `intervalReason` when there are too few moves or days, or no interval was asked for. */
  interval: RatioInterval | null;
  intervalReason: string | null;
}

/** Daily Σ g⁺ of one side's moves of a quad class, on the days it made any. */
export interface DailySums {
  sums: Float64Array;
  moves: number;
}

/** The resampled ratios of one received/given pair, sorted; shared by a side and its mirror. */
export interface BootstrapDraws {
  sorted: Float64Array;
  resamples: number;
  seed: number;
  method: string;
}

const METHOD =
  'percentile bootstrap over days: each side’s days with such moves drawn with replacement (the moves of one day together)';
const METHOD_NORMAL = `${METHOD}; with more than ${BOOTSTRAP_EXACT_DAYS} days, each resampled sum drawn from its normal approximation (mean n·x̄, variance n·s²)`;

/** A sampler of one side's resampled sum: day by day, or from the sum's normal approximation. */
function sumSampler(xs: Float64Array, rand: () => number, exact: boolean): () => number {
  const n = xs.length;
  if (exact) {
    // Day indices from a mulberry32 stream of its own, seeded from `rand`, kept inline: this loop
    // is the whole cost of the bootstrap.
    let state = Math.floor(rand() * 4294967296) >>> 0;
    return () => {
      let s = 0;
      for (let i = 0; i < n; i++) {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = Math.imul(state ^ (state >>> 15), state | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        s += xs[((((t ^ (t >>> 14)) >>> 0) * n) / 4294967296) | 0]!;
      }
      return s;
    };
  }
  let m = 0;
  for (let i = 0; i < n; i++) m += xs[i]!;
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (xs[i]! - m) ** 2;
  // n draws, each with the plug-in variance v / n: the resampled sum has variance v.
  const sd = Math.sqrt(v);
  return () => n * m + sd * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/**
 * `BOOTSTRAP_RESAMPLES` ratios Σ received* ÷ Σ given*, each side's days drawn with replacement.
 * Cost: resamples × (days received + days given), at most resamples × `BOOTSTRAP_EXACT_DAYS`.
 */
export function bootstrapRatios(
  received: Float64Array,
  given: Float64Array,
  resamples = BOOTSTRAP_RESAMPLES,
  seed = BOOTSTRAP_SEED,
  exactDays = BOOTSTRAP_EXACT_DAYS,
): BootstrapDraws {
  const rand = seededRandom(seed);
  const exact = received.length + given.length <= exactDays;
  const drawReceived = sumSampler(received, rand, exact);
  const drawGiven = sumSampler(given, rand, exact);
  const out = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    const r = drawReceived();
    const g = drawGiven();
    out[b] = g > 0 ? r / g : Number.POSITIVE_INFINITY;
  }
  out.sort();
  return { sorted: out, resamples, seed, method: exact ? METHOD : METHOD_NORMAL };
}

function intervalOf(draws: BootstrapDraws, invert: boolean): RatioInterval | null {
  const lo = quantileSorted(draws.sorted, 0.025)!;
  const hi = quantileSorted(draws.sorted, 0.975)!;
  const [low, high] = invert ? [1 / hi, 1 / lo] : [lo, hi];
  if (!Number.isFinite(low) || !Number.isFinite(high)) return null;
  return { level: 0.95, low, high, method: draws.method, resamples: draws.resamples, seed: draws.seed };
}

/**
 * The ratio for the side that gave `given` and got `received`. `draws` are the bootstrap of this
 * pair, or of its mirror (`mirrored`: the other side's received ÷ given, whose percentiles are the
 * reciprocals of these); null when no interval is wanted.
 */
export function reciprocityRatio(
  received: DailySums,
  given: DailySums,
  whoGave: string,
  kind: string,
  draws: BootstrapDraws | null = null,
  mirrored = false,
): ReciprocityRatio {
  const r = sumOf(received.sums);
  const g = sumOf(given.sums);
  const counts = {
    receivedMoves: received.moves,
    givenMoves: given.moves,
    receivedDays: received.sums.length,
    givenDays: given.sums.length,
    enoughMoves: received.moves >= MIN_RATIO_MOVES && given.moves >= MIN_RATIO_MOVES,
  };
  if (g === 0) {
    return {
      value: null,
      received: r,
      given: g,
      reason: `${whoGave} gave no ${kind} in the window, so there is nothing to compare with (denominator 0)`,
      ...counts,
      interval: null,
      intervalReason: 'no ratio to give an interval for',
    };
  }
  let interval: RatioInterval | null = null;
  let intervalReason: string | null = null;
  if (!counts.enoughMoves)
    intervalReason = `fewer than ${MIN_RATIO_MOVES} moves on a side (${received.moves} received, ${given.moves} given)`;
  else if (counts.receivedDays < MIN_RATIO_MOVES || counts.givenDays < MIN_RATIO_MOVES)
    intervalReason = `the moves fall on too few days to resample (${counts.receivedDays} received, ${counts.givenDays} given; ${MIN_RATIO_MOVES} needed)`;
  else if (draws === null) intervalReason = 'no interval computed for this ratio';
  else {
    interval = intervalOf(draws, mirrored);
    if (interval === null)
      intervalReason = 'some resamples gave nothing on the given side, so the interval is unbounded';
  }
  return { value: r / g, received: r, given: g, reason: null, ...counts, interval, intervalReason };
}

/** Whether a pair has enough moves and days on both sides to be worth bootstrapping. */
export function worthBootstrapping(received: DailySums, given: DailySums): boolean {
  return (
    received.moves >= MIN_RATIO_MOVES &&
    given.moves >= MIN_RATIO_MOVES &&
    received.sums.length >= MIN_RATIO_MOVES &&
    given.sums.length >= MIN_RATIO_MOVES
  );
}

function sumOf(xs: Float64Array): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
}
