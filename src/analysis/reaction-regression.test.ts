import { describe, expect, it } from 'vitest';
import { MIN_PATTERN_OBSERVATIONS, reactionRegression } from './reaction-regression.js';
import { tCritical95, twoSignificant } from './stats.js';

describe('reactionRegression', () => {
  it('recovers an exact reciprocal rule', () => {
    // y(t) = 1 + 2·x(t−1) + 0.5·y(t−1), y(0) = 0, x = [1, 0, 2, 0, 1, 3]
    // y1 = 1 + 2 + 0 = 3; y2 = 1 + 0 + 1.5 = 2.5; y3 = 1 + 4 + 1.25 = 6.25;
    // y4 = 1 + 0 + 3.125 = 4.125; y5 = 1 + 2 + 2.0625 = 5.0625
    const x = [1, 0, 2, 0, 1, 3];
    const y = [0, 3, 2.5, 6.25, 4.125, 5.0625];
    const r = reactionRegression(x, y, 'USA', 'PRK');
    expect(r.reason).toBeNull();
    const f = r.fit!;
    expect(f.n).toBe(5);
    expect(f.alpha).toBeCloseTo(1, 10);
    expect(f.beta).toBeCloseTo(2, 10);
    expect(f.gamma).toBeCloseTo(0.5, 10);
    expect(f.rSquared).toBeCloseTo(1, 10);
    // five weeks are too few to state a direction, however good the fit
    expect(f.n).toBeLessThan(MIN_PATTERN_OBSERVATIONS);
    expect(f.clear).toBe(false);
    expect(f.response).toBe('no clear pattern');
    expect(f.reading).toMatch(
      /^No clear pattern in how PRK answers USA \(β = 2\.0, t = .*, n = 5 weeks; a pattern needs at least 10 weeks\)/,
    );
  });

  it('fits a noisy case (worked by hand)', () => {
    // x = [2, 0, −1, 3, 1, 0, −2], y = [1, 2, 0, −1, 2, 1, 0]; t = 1..6:
    //   x1 = x(t−1) = [2, 0, −1, 3, 1, 0]   mean 5/6
    //   x2 = y(t−1) = [1, 2, 0, −1, 2, 1]   mean 5/6
    //   Y  = y(t)   = [2, 0, −1, 2, 1, 0]   mean 2/3
    // Centered sums: S11 = 15 − 25/6 = 65/6; S22 = 11 − 25/6 = 41/6; S12 = 1 − 25/6 = −19/6;
    //   S1y = 12 − 10/3 = 26/3; S2y = 2 − 10/3 = −4/3; det = S11·S22 − S12² = 2304/36 = 64
    // β = (S22·S1y − S12·S2y)/det = (1066/18 − 76/18)/64 = 55/64
    // γ = (S11·S2y − S12·S1y)/det = (−260/18 + 494/18)/64 = 13/64
    // α = 2/3 − (55/64 + 13/64)·5/6 = −7/32
    // RSS = 5/32, TSS = 22/3 → R² = 1 − 15/704 = 689/704
    // se(β) = √(RSS/(n−3) · S22/det) = √(205/36864)
    const r = reactionRegression([2, 0, -1, 3, 1, 0, -2], [1, 2, 0, -1, 2, 1, 0]);
    const f = r.fit!;
    expect(f.n).toBe(6);
    expect(f.beta).toBeCloseTo(55 / 64, 12);
    expect(f.gamma).toBeCloseTo(13 / 64, 12);
    expect(f.alpha).toBeCloseTo(-7 / 32, 12);
    expect(f.rSquared).toBeCloseTo(689 / 704, 12);
    expect(f.betaStdError!).toBeCloseTo(Math.sqrt(205 / 36864), 12);
    expect(f.betaT!).toBeCloseTo(55 / 64 / Math.sqrt(205 / 36864), 9);
  });

  it('reads a negative β as inverse response', () => {
    // y(t) = 5 − x(t−1) + 0.25·y(t−1), y(0) = 0, x = [2, 4, 1, 3, 0, 5]
    const x = [2, 4, 1, 3, 0, 5];
    const y = [0];
    for (let t = 1; t < x.length; t++) y.push(5 - x[t - 1]! + 0.25 * y[t - 1]!);
    const f = reactionRegression(x, y).fit!;
    expect(f.beta).toBeCloseTo(-1, 10);
    expect(f.response).toBe('no clear pattern');
    expect(f.reading).not.toMatch(/inversely|in kind/);
    // exact fit: no residual variance, so no standard error (and no Infinity in JSON)
    expect(f.betaStdError === null || f.betaStdError < 1e-6).toBe(true);
  });

  it('returns null with a reason on degenerate input', () => {
    expect(reactionRegression([1, 2, 3, 4], [1, 0, 1, 0]).reason).toMatch(/only 3 lagged observation/);
    expect(reactionRegression([], []).n).toBe(0);
    expect(reactionRegression([1, 2, 3, 4, 5, 6], [2, 2, 2, 2, 2, 2]).reason).toMatch(/B's series is constant/);
    expect(reactionRegression([0, 0, 0, 0, 0, 1], [1, 3, 2, 5, 4, 1]).reason).toMatch(/A's series is constant/);
    // y(t−1) ≡ x(t−1): the two regressors are the same column
    const s = [1, 4, 2, 8, 5, 7];
    expect(reactionRegression(s, s).reason).toMatch(/cannot be told apart/);
    expect(reactionRegression(s, s).fit).toBeNull();
  });

  // A leader series active in every week, with a deterministic wobble standing in for noise.
  const lead = Array.from({ length: 30 }, (_, t) => 3 * Math.sin(t * 1.7) + ((t * 7) % 5) - 2);
  const wobble = (t: number): number => (t % 2 === 0 ? 0.6 : -0.6) * ((t % 3) + 1);

  it('states a direction only when β clears the bar: in kind', () => {
    const follow = [0];
    for (let t = 1; t < lead.length; t++) follow.push(1.5 * lead[t - 1]! + 0.2 * follow[t - 1]! + wobble(t));
    const f = reactionRegression(lead, follow, 'USA', 'PRK').fit!;
    expect(f.n).toBe(29);
    expect(f.tThreshold).toBeCloseTo(tCritical95(26)!, 12);
    expect(Math.abs(f.betaT!)).toBeGreaterThan(f.tThreshold);
    expect(f.clear).toBe(true);
    expect(f.response).toBe('reciprocity');
    expect(f.reading).toBe(
      `PRK answers USA in kind: a week of more cooperation from USA is followed by more cooperation from PRK (β = ${twoSignificant(f.beta)}, t = ${f.betaT!.toFixed(1)}, n = 29 weeks).`,
    );
  });

  it('states a direction only when β clears the bar: inversely', () => {
    const follow = [0];
    for (let t = 1; t < lead.length; t++) follow.push(-1.5 * lead[t - 1]! + wobble(t));
    const f = reactionRegression(lead, follow, 'USA', 'PRK').fit!;
    expect(f.response).toBe('inverse response');
    expect(f.reading).toMatch(/^PRK answers USA inversely: .*\(β = -1\.\d, t = -\d+\.\d, n = 29 weeks\)\.$/);
  });

  it('says "no clear pattern" with β, t and n when |t| is under the bar, whatever the sign of β', () => {
    // The follower is the wobble alone: nothing to do with the leader.
    const follow = lead.map((_, t) => wobble(t) + ((t * 5) % 7) / 3);
    const f = reactionRegression(lead, follow, 'USA', 'PRK').fit!;
    expect(Math.abs(f.betaT!)).toBeLessThan(2);
    expect(f.clear).toBe(false);
    expect(f.response).toBe('no clear pattern');
    expect(f.reading).toBe(
      `No clear pattern in how PRK answers USA (β = ${twoSignificant(f.beta)}, t = ${f.betaT!.toFixed(1)}, n = 29 weeks; a pattern needs |t| ≥ ${f.tThreshold.toFixed(2)}).`,
    );
    // never a finding and its retraction in one line
    expect(f.reading).not.toMatch(/in kind|inversely|weak/);
  });

  it('says "no clear pattern" when the leader acted in only a few weeks, however large t is', () => {
    const sparse = lead.map((v, t) => (t % 10 === 3 ? v + 5 : 0));
    const follow = [0];
    for (let t = 1; t < sparse.length; t++) follow.push(2 * sparse[t - 1]! + wobble(t));
    const f = reactionRegression(sparse, follow, 'USA', 'PRK').fit!;
    expect(Math.abs(f.betaT!)).toBeGreaterThan(f.tThreshold);
    expect(f.leaderActiveWeeks).toBe(3);
    expect(f.response).toBe('no clear pattern');
    expect(f.reading).toMatch(/USA acted in only 3 of the 29 weeks; a pattern needs 5\)\.$/);
  });
});

describe('tCritical95', () => {
  it('follows the t table and tends to 1.96', () => {
    expect(tCritical95(0)).toBeNull();
    expect(tCritical95(1)).toBe(12.706);
    expect(tCritical95(10)).toBe(2.228);
    expect(tCritical95(30)).toBe(2.042);
    // table values t(40) = 2.021, t(60) = 2.000, t(120) = 1.980
    expect(tCritical95(40)!).toBeCloseTo(2.021, 3);
    expect(tCritical95(60)!).toBeCloseTo(2.0, 3);
    expect(tCritical95(120)!).toBeCloseTo(1.98, 3);
    expect(tCritical95(1e6)!).toBeCloseTo(1.96, 3);
  });
});
