import { describe, expect, it } from 'vitest';
import { dyadMatcher } from './dyad.js';
import { gridFromMoves } from './dyad-grid.js';
import { mv } from './test-support/moves.js';
import { isoWeekStart, weeklySeries } from './weekly-series.js';

describe('isoWeekStart', () => {
  it('goes back to Monday', () => {
    expect(isoWeekStart('2018-06-10')).toBe('2018-06-04'); // Sunday
    expect(isoWeekStart('2018-06-11')).toBe('2018-06-11'); // Monday
    expect(isoWeekStart('1970-01-01')).toBe('1969-12-29'); // Thursday, day 0
    expect(isoWeekStart('1969-12-28')).toBe('1969-12-22'); // Sunday before day 0
    expect(isoWeekStart('2021-01-03')).toBe('2020-12-28'); // ISO week 53 of 2020
  });
});

describe('weeklySeries', () => {
  const m = dyadMatcher({ a: 'USA', b: 'PRK' });

  it('records partial weeks at the ends of the window', () => {
    // 2018-06-06 is a Wednesday: W 06-04 holds 06-06..06-10 (5 days), W 06-11 holds 06-11..06-12 (2)
    const s = weeklySeries(gridFromMoves([mv('2018-06-12', 'USA', 'PRK', '042', 2, 1)], m, '2018-06-06', '2018-06-12'));
    expect(s.weekStarts).toEqual(['2018-06-04', '2018-06-11']);
    expect(s.daysInWindow).toEqual([5, 2]);
    expect(s.aToB.net).toEqual([0, 2]);
  });

  it('fills empty weeks with zeros', () => {
    const s = weeklySeries(
      gridFromMoves(
        [
          mv('2018-06-04', 'USA', 'PRK', '042', 2, 1),
          mv('2018-06-24', 'PRK', 'USA', '163', -8, 4),
          mv('2018-06-22', 'PRK', 'USA', '042', 2, 1),
        ],
        m,
        '2018-06-04',
        '2018-06-24',
      ),
    );
    expect(s.aToB).toEqual({ net: [2, 0, 0], cooperation: [2, 0, 0], conflict: [0, 0, 0], count: [1, 0, 0] });
    // B→A W3: 2 − 8 = −6, cooperation 2, conflict −8
    expect(s.bToA).toEqual({ net: [0, 0, -6], cooperation: [0, 0, 2], conflict: [0, 0, -8], count: [0, 0, 2] });
  });
});
