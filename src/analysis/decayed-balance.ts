/**
 * Decayed balance (reference 2.5): Bal(t) = λ·Bal(t−1) + (S_AB(t) − S_BA(t)), Bal(−1) = 0, with
 * λ = 0.5^(1/halfLife) so that a week's imbalance counts half after `halfLife` bins. Positive:
 * A has given more than it got, recently weighted more than long ago (in the spirit of the
 * "time remembered" models of Crescenzi & Enterline 2000).
 */
export interface DecayedBalance {
  /** Half-life in bins (weeks for the weekly series). */
  halfLifeBins: number;
  /** λ = 0.5^(1/halfLifeBins). */
  lambda: number;
  /** Bal(t) per bin, aligned with the series. */
  balance: number[];
  /** Bal at the last bin; 0 for empty series. */
  last: number;
}

/** Default: 8 weeks, about two months, so a gift still weighs half two months on. */
export const DEFAULT_HALF_LIFE_WEEKS = 8;

export function decayedBalance(
  aToB: readonly number[],
  bToA: readonly number[],
  halfLifeBins = DEFAULT_HALF_LIFE_WEEKS,
): DecayedBalance {
  if (aToB.length !== bToA.length) throw new RangeError('decayedBalance: series of different lengths');
  if (!(halfLifeBins > 0) || !Number.isFinite(halfLifeBins))
    throw new RangeError(`halfLife must be a positive number of bins, got ${halfLifeBins}`);
  const lambda = 0.5 ** (1 / halfLifeBins);
  const balance: number[] = [];
  let b = 0;
  for (let t = 0; t < aToB.length; t++) {
    b = lambda * b + (aToB[t]! - bToA[t]!);
    balance.push(b);
  }
  return { halfLifeBins, lambda, balance, last: b };
}
