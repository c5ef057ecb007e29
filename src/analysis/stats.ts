/** Small numeric helpers shared by the analyses; none of them returns NaN on short input. */

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length === 0 ? 0 : s / xs.length;
}

/** Median of a non-empty list (mean of the two middle values for even length); null when empty. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function isConstant(xs: readonly number[]): boolean {
  for (const x of xs) if (x !== xs[0]) return false;
  return true;
}

/**
 * Pearson correlation, or null with a reason. Constant series have no correlation (zero
 * variance); say so instead of dividing by zero.
 */
export function pearson(x: readonly number[], y: readonly number[]): { r: number | null; reason: string | null } {
  const n = x.length;
  if (n !== y.length) throw new RangeError('pearson: series of different lengths');
  if (n < 3) return { r: null, reason: `only ${n} pair(s); at least 3 are needed` };
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // Constancy is tested on the values, not on sxx, which rounding can leave slightly above 0.
  const cx = isConstant(x);
  const cy = isConstant(y);
  if (cx && cy) return { r: null, reason: 'both series are constant' };
  if (cx) return { r: null, reason: 'the leading series is constant' };
  if (cy) return { r: null, reason: 'the following series is constant' };
  return { r: sxy / Math.sqrt(sxx * syy), reason: null };
}

/** OLS slope of y on x; null when fewer than 2 points or x is constant. */
export function olsSlope(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 2) return null;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
  }
  return isConstant(x) ? null : sxy / sxx;
}
