import { isConstant, mean } from './stats.js';

/** How the follower's behaviour relates to the leader's of the bin before. */
export type ResponseKind = 'reciprocity' | 'inverse response' | 'no response';

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
  /** β / se(β); |t| ≥ 2 is the usual rough bar. Null with `betaStdError`. */
  betaT: number | null;
  /** Sign of β: > 0 reciprocity, < 0 inverse response. */
  response: ResponseKind;
  /** One sentence a reader can take at face value. */
  reading: string;
}

export interface ReactionRegression {
  /** Null when the regression cannot be fitted; see `reason`. */
  fit: ReactionFit | null;
  reason: string | null;
  /** Observations available (T − 1, or 0). */
  n: number;
}

/** Three parameters need at least one residual degree of freedom. */
export const MIN_REGRESSION_OBSERVATIONS = 4;

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

  const my = mean(y);
  const m1 = mean(x1);
  const m2 = mean(x2);
  let s11 = 0,
    s22 = 0,
    s12 = 0,
    s1y = 0,
    s2y = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
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
  const response: ResponseKind = beta > 0 ? 'reciprocity' : beta < 0 ? 'inverse response' : 'no response';
  const weak = betaT !== null && Math.abs(betaT) < 2 ? ` (weak: |t| = ${Math.abs(betaT).toFixed(1)} < 2)` : '';
  const reading =
    response === 'reciprocity'
      ? `${followerName} answers ${leaderName} in kind: a week of more cooperation from ${leaderName} is followed by more cooperation from ${followerName} (β = ${beta.toFixed(2)})${weak}.`
      : response === 'inverse response'
        ? `${followerName} answers ${leaderName} inversely: cooperation from ${leaderName} is followed by less cooperation from ${followerName}, pressure by more (β = ${beta.toFixed(2)})${weak}.`
        : `${followerName}'s behaviour does not follow ${leaderName}'s of the week before (β = 0).`;
  return { fit: { alpha, beta, gamma, n, rSquared, betaStdError, betaT, response, reading }, reason: null, n };
}
