import { describe, expect, it } from 'vitest';
import { crossCorrelation } from './cross-correlation.js';
import { median, olsSlope, pearson } from './stats.js';
import { titForTat } from './tit-for-tat.js';

describe('crossCorrelation', () => {
  it('finds a one-week echo at lag 1', () => {
    // follower(t) = leader(t−1): pairs at k = 1 are (1,1), (3,3), (2,2), (5,5) → r₁ = 1
    const leader = [1, 3, 2, 5, 4];
    const follower = [0, 1, 3, 2, 5];
    const cc = crossCorrelation(leader, follower, 2);
    expect(cc.maxLag).toBe(2);
    expect(cc.lags[1]).toEqual({ lag: 1, n: 4, r: 1, reason: null });
    // k = 0: x = [1,3,2,5,4] mean 3, y = [0,1,3,2,5] mean 2.2
    // Σxy − n·x̄·ȳ = (0 + 3 + 6 + 10 + 20) − 33 = 6; Σdx² = 55 − 45 = 10; Σdy² = 39 − 24.2 = 14.8
    expect(cc.lags[0]!.r).toBeCloseTo(6 / Math.sqrt(10 * 14.8), 12);
    // k = 2: x = [1,3,2] mean 2, y = [3,2,5] mean 10/3:
    // Σxy = 3 + 6 + 10 = 19, n·x̄·ȳ = 20 → −1; Σdx² = 14 − 12 = 2; Σdy² = 38 − 100/3 = 14/3
    expect(cc.lags[2]!.r).toBeCloseTo(-1 / Math.sqrt((2 * 14) / 3), 12);
  });

  it('says why r is missing for a constant series', () => {
    const cc = crossCorrelation([0, 0, 0, 0], [1, 2, 3, 4], 0);
    expect(cc.lags[0]).toEqual({ lag: 0, n: 4, r: null, reason: 'the leading series is constant' });
    expect(crossCorrelation([1, 2, 3, 4], [5, 5, 5, 5], 0).lags[0]!.reason).toBe('the following series is constant');
    // 0.1 three times: the mean is not exactly 0.1 in floating point, still constant
    expect(pearson([0.1, 0.1, 0.1], [1, 2, 3]).r).toBeNull();
  });
});

describe('titForTat', () => {
  it('counts matches, forgiving and exploited bins', () => {
    // pairs (leader t−1, follower t): (2, 1) match; (−1, 3) forgiving; (4, −2) exploited;
    // (−3, −1) match; (0, 5) skipped
    const r = titForTat([2, -1, 4, -3, 0, 9], [9, 1, 3, -2, -1, 5]);
    expect(r).toEqual({ considered: 4, matches: 2, matchRate: 0.5, forgiving: 1, exploited: 1, reason: null });
  });

  it('is null with a reason when no pair has both sides active', () => {
    expect(titForTat([1, 0, 1], [0, 0, 0])).toMatchObject({ considered: 0, matchRate: null });
  });
});

describe('stats', () => {
  it('median and slope', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(olsSlope([0, 1, 2], [1, 3, 5])).toBe(2);
    expect(olsSlope([1, 1], [1, 3])).toBeNull();
  });
});
