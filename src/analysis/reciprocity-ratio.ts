/**
 * What one side got back for what it gave: Σ received / Σ given, or null with the reason when
 * nothing was given (a ratio over zero is not a number a reader can use).
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
}

export function reciprocityRatio(received: number, given: number, whoGave: string, kind: string): ReciprocityRatio {
  if (given === 0) {
    return {
      value: null,
      received,
      given,
      reason: `${whoGave} gave no ${kind} in the window, so there is nothing to compare with (denominator 0)`,
    };
  }
  return { value: received / given, received, given, reason: null };
}
