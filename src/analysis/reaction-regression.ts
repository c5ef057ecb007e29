import { isConstant, mean, tCritical95, twoSignificant } from './stats.js';

/**
 * What the fit supports: a direction only when β clears the bar (see `ReactionFit.clear`);
 * otherwise `no clear pattern`, whatever the sign of β.
 */
export type ResponseKind = 'reciprocity' | 'inverse response' | 'no clear pattern';

/**
 * S_follower(t) = α + β·S_leader(t−1) + γ·S_follower(t−1) + ε, fitted by OLS (reference 2.4d,
 * after Ward 1982). β is the response to the other side, γ the inertia.
 */
export interface ReactionFit {
  alpha: number;
  beta: number;
  gamma: number;
  /** Observations used: T − 1. */
  n: number;
  rSquared: number;
  /** Standard error of β; null when the fit is exact (no residual variance). */
  betaStdError: number | null;
  /** β / se(β). Null with `betaStdError`. */
  betaT: number | null;
  /** The |t| β must reach: max(2, t₀.₉₇₅ with n − 3 degrees of freedom). */
  tThreshold: number;
  /** Lagged weeks in which the leader did anything (S ≠ 0): a fit resting on a few weeks says little. */
  leaderActiveWeeks: number;
  /**
   * True when the data support a direction: n ≥ `MIN_PATTERN_OBSERVATIONS`, the leader active in
   * at least `MIN_ACTIVE_WEEKS` of them, and |t| ≥ `tThreshold` (or an exact fit).
   */
  clear: boolean;
  /** The finding: the sign of β when `clear`, else `no clear pattern`. */
  response: ResponseKind;
  /** One sentence a reader can take at face value, with β, t and n. */
  reading: string;
}

export interface ReactionRegression {
  /** Null when the regression cannot be fitted; see `reason`. */
  fit: ReactionFit | null;
  reason: string | null;
  /** Observations available (T − 1, or 0). */
  n: number;
}

/** Fewer weekly observations than this and no direction is stated, whatever t says. */
export const MIN_PATTERN_OBSERVATIONS = 10;
/** Weeks in which the leader must have acted for its influence to be read. */
export const MIN_ACTIVE_WEEKS = 5;

/** Three parameters need at least one residual degree of freedom. */
const MIN_REGRESSION_OBSERVATIONS = 4;

/**
 * `leaderName` and `followerName` only shape the reading ("PRK answers USA in kind ...").
 * Degenerate input (too few bins, a constant series, collinear regressors) returns a null fit
 * with the reason.
 */
export function reactionRegression(
  leader: readonly number[],
  follower: readonly number[],
  leaderName = 'A',
  followerName = 'B',
): ReactionRegression {
  if (leader.length !== follower.length) throw new RangeError('reactionRegression: series of different lengths');
  const n = Math.max(0, leader.length - 1);
  const fail = (reason: string): ReactionRegression => ({ fit: null, reason, n });
  if (n < MIN_REGRESSION_OBSERVATIONS) {
    return fail(`only ${n} lagged observation(s); at least ${MIN_REGRESSION_OBSERVATIONS} are needed for 3 parameters`);
  }
  const y = follower.slice(1);
  const x1 = leader.slice(0, n);
  const x2 = follower.slice(0, n);
  if (isConstant(y)) return fail(`${followerName}'s series is constant; there is no response to explain`);
  if (isConstant(x1)) return fail(`${leaderName}'s series is constant; there is nothing to respond to`);
  if (isConstant(x2)) return fail(`${followerName}'s lagged series is constant; inertia cannot be estimated`);

  const { my, m1, m2, s11, s22, s12, s1y, s2y, syy } = centredSums(y, x1, x2);
  const det = s11 * s22 - s12 * s12;
  // Relative test: perfectly collinear regressors leave det at rounding noise, not exactly 0.
  if (det <= 1e-10 * s11 * s22) {
    return fail(
      `${leaderName}'s lagged series and ${followerName}'s lagged series move together exactly; β and γ cannot be told apart`,
    );
  }
  const beta = (s22 * s1y - s12 * s2y) / det;
  const gamma = (s11 * s2y - s12 * s1y) / det;
  const alpha = my - beta * m1 - gamma * m2;
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const e = y[i]! - (alpha + beta * x1[i]! + gamma * x2[i]!);
    rss += e * e;
  }
  const rSquared = Math.max(0, Math.min(1, 1 - rss / syy));
  const df = n - 3;
  const sigma2 = rss / df;
  const se = Math.sqrt((sigma2 * s22) / det);
  const betaStdError = se > 0 ? se : null;
  const betaT = betaStdError === null ? null : beta / betaStdError;
  const judged = judge(n, x1, beta, betaT, df, leaderName, followerName);
  return { fit: { alpha, beta, gamma, n, rSquared, betaStdError, betaT, ...judged }, reason: null, n };
}

/** The means of y, x1 and x2, and the sums of squares and cross-products of their deviations from them. */
function centredSums(y: readonly number[], x1: readonly number[], x2: readonly number[]) {
  const my = mean(y);
  const m1 = mean(x1);
  const m2 = mean(x2);
  let s11 = 0,
    s22 = 0,
    s12 = 0,
    s1y = 0,
    s2y = 0,
    syy = 0;
  for (let i = 0; i < y.length; i++) {
    const a = x1[i]! - m1;
    const b = x2[i]! - m2;
    const c = y[i]! - my;
    s11 += a * a;
    s22 += b * b;
    s12 += a * b;
    s1y += a * c;
    s2y += b * c;
    syy += c * c;
  }
  return { my, m1, m2, s11, s22, s12, s1y, s2y, syy };
}

/** What a fitted β supports, and the sentence that says it with β, t and n. */
function judge(
  n: number,
  laggedLeader: readonly number[],
  beta: number,
  betaT: number | null,
  df: number,
  leaderName: string,
  followerName: string,
): Pick<ReactionFit, 'tThreshold' | 'leaderActiveWeeks' | 'clear' | 'response' | 'reading'> {
  const tThreshold = Math.max(2, tCritical95(df)!);
  const leaderActiveWeeks = laggedLeader.reduce((k, v) => k + (v !== 0 ? 1 : 0), 0);
  const weakness = whyUnclear(n, leaderActiveWeeks, betaT, tThreshold, leaderName);
  const clear = weakness === null && beta !== 0;
  const response: ResponseKind = !clear ? 'no clear pattern' : beta > 0 ? 'reciprocity' : 'inverse response';
  const numbers = `β = ${twoSignificant(beta)}, t = ${betaT === null ? 'n/a (exact fit)' : betaT.toFixed(1)}, n = ${n} weeks`;
  const reading =
    response === 'reciprocity'
      ? `${followerName} answers ${leaderName} in kind: a week of more cooperation from ${leaderName} is followed by more cooperation from ${followerName} (${numbers}).`
      : response === 'inverse response'
        ? `${followerName} answers ${leaderName} inversely: cooperation from ${leaderName} is followed by less cooperation from ${followerName}, pressure by more (${numbers}).`
        : `No clear pattern in how ${followerName} answers ${leaderName} (${numbers}; ${weakness ?? 'β = 0'}).`;
  return { tThreshold, leaderActiveWeeks, clear, response, reading };
}

/** Why a fit supports no direction, in words with its numbers; null when it does. */
function whyUnclear(
  n: number,
  leaderActiveWeeks: number,
  betaT: number | null,
  tThreshold: number,
  leaderName: string,
): string | null {
  if (n < MIN_PATTERN_OBSERVATIONS) return `a pattern needs at least ${MIN_PATTERN_OBSERVATIONS} weeks`;
  if (leaderActiveWeeks < MIN_ACTIVE_WEEKS)
    return `${leaderName} acted in only ${leaderActiveWeeks} of the ${n} weeks; a pattern needs ${MIN_ACTIVE_WEEKS}`;
  if (betaT !== null && Math.abs(betaT) < tThreshold) return `a pattern needs |t| ≥ ${tThreshold.toFixed(2)}`;
  return null;
}
