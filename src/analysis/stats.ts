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

/** t₀.₉₇₅ for 1..30 degrees of freedom (two-sided 5%), from the standard table. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * The two-sided 5% critical value of Student's t with `df` degrees of freedom: the table up to
 * 30, then the Cornish–Fisher expansion around z = 1.96 (within 0.001 of the exact value from 30
 * on). Null for df < 1, where no test is possible.
 */
export function tCritical95(df: number): number | null {
  if (!(df >= 1)) return null;
  const k = Math.floor(df);
  if (k <= T_975.length) return T_975[k - 1]!;
  const z = 1.959964;
  return (
    z +
    (z ** 3 + z) / (4 * k) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * k ** 2) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * k ** 3)
  );
}

/** Linear-interpolated quantile (type 7, as R's default) of values sorted ascending; null when empty. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** `x` to two significant digits, never in exponent form: 0.0034, 0.41, 2.6, 130. */
export function twoSignificant(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  const digits = Math.max(0, 1 - Math.floor(Math.log10(Math.abs(x))));
  const s = x.toFixed(Math.min(digits, 8));
  return digits === 0 ? String(Number(Number(s).toPrecision(2))) : s;
}
