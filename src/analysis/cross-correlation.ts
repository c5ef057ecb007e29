import { pearson } from './stats.js';

/** r at one lag. */
export interface LaggedCorrelation {
  /** k, in bins (weeks for the weekly series). */
  lag: number;
  /** Pairs used: T − k. */
  n: number;
  /** corr(leader(t), follower(t+k)); null when undefined. */
  r: number | null;
  /** Why `r` is null (too few pairs, a constant series); null otherwise. */
  reason: string | null;
}

export interface CrossCorrelation {
  maxLag: number;
  lags: LaggedCorrelation[];
}

export const DEFAULT_MAX_LAG = 4;

/**
 * Lagged cross-correlation r_k = corr(S_leader(t), S_follower(t+k)) for k = 0..maxLag (reference
 * 2.4d). A positive r at small k means the follower tends to answer in kind. No significance is
 * claimed: with n pairs, |r| above about 2/√n is the usual rough bar.
 */
export function crossCorrelation(
  leader: readonly number[],
  follower: readonly number[],
  maxLag = DEFAULT_MAX_LAG,
): CrossCorrelation {
  if (leader.length !== follower.length) throw new RangeError('crossCorrelation: series of different lengths');
  const lags: LaggedCorrelation[] = [];
  for (let k = 0; k <= maxLag; k++) {
    const n = Math.max(0, leader.length - k);
    const { r, reason } = pearson(leader.slice(0, n), follower.slice(k, k + n));
    lags.push({ lag: k, n, r, reason });
  }
  return { maxLag, lags };
}
