import { describe, expect, it } from 'vitest';
import type { Move } from './move.js';
import { pace } from './pace.js';
import { mv } from './test-support/moves.js';

/** Steps on these days between USA and PRK, alternating directions and codes. */
function steps(dates: string[], code = '042'): Move[] {
  return dates.map((d, i) =>
    i % 2 === 0
      ? mv(d, 'USAGOV', 'PRKGOV', code, 1.9, 1, 'verified', `s${i}`)
      : mv(d, 'PRK', 'USA', code, 1.9, 1, 'verified', `s${i}`),
  );
}

describe('pace', () => {
  // Gaps 30, 20, 10, 5 days; a same-day 057 merges with 03-02; a 036 and a 163 are not steps.
  const moves: Move[] = [
    ...steps(['2018-01-01', '2018-01-31', '2018-02-20', '2018-03-02', '2018-03-07']),
    mv('2018-03-02', 'USA', 'PRK', '057', 8, 1, 'verified', 'sign'),
    mv('2018-03-10', 'USA', 'PRK', '036', 4, 1),
    mv('2018-03-12', 'USA', 'PRK', '163', -8, 4),
  ];

  it('measures gaps, merging same-day steps', () => {
    const p = pace(moves, { asOf: '2018-03-20' });
    expect(p.steps.map((s) => s.date)).toEqual(['2018-01-01', '2018-01-31', '2018-02-20', '2018-03-02', '2018-03-07']);
    expect(p.steps[3]).toEqual({ date: '2018-03-02', moves: 2, codes: ['042', '057'], ids: ['s3', 'sign'] });
    expect(p.gaps.map((g) => g.days)).toEqual([30, 20, 10, 5]);
    // median of [5, 10, 20, 30] = (10 + 20)/2 = 15
    expect(p.medianGap).toBe(15);
    // slope: x = 0..3 (mean 1.5), y mean 16.25; Σdxdy = −20.625 − 1.875 − 3.125 − 16.875 = −42.5; Σdx² = 5
    expect(p.slopeDaysPerStep).toBe(-8.5);
    expect(p.lastStep).toBe('2018-03-07');
    expect(p.daysSinceLastStep).toBe(13);
  });

  it('says speeding up when the last 3 gaps are shorter than the earlier ones', () => {
    const p = pace(moves, { asOf: '2018-03-20' });
    // recent [20, 10, 5] → median 10; earlier [30] → 30; 10/30 = 0.33 < 0.8
    expect([p.recentMedianGap, p.earlierMedianGap]).toEqual([10, 30]);
    expect(p.verdict).toBe('speeding up');
    expect(p.reason).toMatch(/0\.33/);
  });

  it('says stalled when the time since the last step exceeds twice the median gap', () => {
    // 2018-03-07 → 2018-04-07: 31 days > 2 × 15 = 30
    expect(pace(moves, { asOf: '2018-04-07' }).verdict).toBe('stalled');
    // 30 days is not more than 30
    expect(pace(moves, { asOf: '2018-04-06' }).verdict).toBe('speeding up');
    // a settable factor
    expect(pace(moves, { asOf: '2018-04-07', stalledFactor: 3 }).verdict).toBe('speeding up');
  });

  it('says slowing when the gaps grow', () => {
    // gaps 5, 10, 20, 30: recent [10, 20, 30] median 20 / earlier [5] → 4 > 1.25
    const p = pace(steps(['2018-01-01', '2018-01-06', '2018-01-16', '2018-02-05', '2018-03-07']), {
      asOf: '2018-03-10',
    });
    expect(p.verdict).toBe('slowing');
  });

  it('says steady when the gaps hold', () => {
    const p = pace(steps(['2018-01-01', '2018-01-11', '2018-01-21', '2018-01-31', '2018-02-10']), {
      asOf: '2018-02-12',
    });
    expect(p.verdict).toBe('steady');
  });

  it('falls back on the OLS trend with 2 or 3 gaps', () => {
    // gaps 10, 20: slope 10, median 15; 1 + 10·1/15 = 1.67 > 1.25 → slowing
    const p = pace(steps(['2018-01-01', '2018-01-11', '2018-01-31']), { asOf: '2018-02-01' });
    expect(p.recentMedianGap).toBeNull();
    expect(p.verdict).toBe('slowing');
    expect(p.reason).toMatch(/1\.67/);
  });

  it('gives no verdict with fewer than 2 steps or a single gap', () => {
    expect(pace([], { asOf: '2018-01-01' })).toMatchObject({
      verdict: null,
      medianGap: null,
      lastStep: null,
      daysSinceLastStep: null,
    });
    expect(pace(steps(['2018-01-01']), { asOf: '2018-01-05' }).reason).toMatch(/at least 2/);
    expect(pace(steps(['2018-01-01', '2018-01-11']), { asOf: '2018-01-12' }).verdict).toBeNull();
    // … but one gap is enough to call a stall
    expect(pace(steps(['2018-01-01', '2018-01-11']), { asOf: '2018-02-12' }).verdict).toBe('stalled');
  });

  it('ignores moves after asOf, filters by dyad and takes other code prefixes', () => {
    const withThird = [...moves, mv('2018-03-09', 'KOR', 'PRK', '042', 1.9, 1)];
    expect(pace(withThird, { asOf: '2018-03-20', dyad: { a: 'USA', b: 'PRK' } }).steps).toHaveLength(5);
    expect(pace(withThird, { asOf: '2018-03-20' }).steps).toHaveLength(6);
    expect(pace(moves, { asOf: '2018-02-01' }).steps).toHaveLength(2);
    const withIntent = pace(moves, { asOf: '2018-03-20', codePrefixes: ['04', '057', '036'] });
    expect(withIntent.steps.map((s) => s.date)).toContain('2018-03-10');
    expect(withIntent.codePrefixes).toEqual(['04', '057', '036']);
  });

  // The built-in case's steps from 2018-05-09: gaps 21, 2, 11, 24, 9, 73, 11, 103, 1, 18, 15, 6.
  const talks = steps([
    '2018-05-09',
    '2018-05-30',
    '2018-06-01',
    '2018-06-12',
    '2018-07-06',
    '2018-07-15',
    '2018-09-26',
    '2018-10-07',
    '2019-01-18',
    '2019-01-19',
    '2019-02-06',
    '2019-02-21',
    '2019-02-27',
  ]);

  it('reports a long gap among the recent ones as a stall, with its dates, even when the medians look steady', () => {
    const p = pace(talks, { asOf: '2019-03-01' });
    // median of [1, 2, 6, 9, 11, 11, 15, 18, 21, 24, 73, 103] = (11 + 15)/2 = 13; threshold 26
    expect(p.medianGap).toBe(13);
    expect(p.stallThresholdDays).toBe(26);
    expect(p.stalls).toEqual([
      { from: '2018-07-15', to: '2018-09-26', days: 73, open: false },
      { from: '2018-10-07', to: '2019-01-18', days: 103, open: false },
    ]);
    // last 3 gaps [18, 15, 6] → 15; earlier 9 → 11; 15/11 = 1.36 > 1.25
    expect(p.verdict).toBe('slowing');
    expect(p.reason).toMatch(
      /; but it stalled for 103 days, 2018-10-07 to 2019-01-18 \(the latest gap over 2 × the median gap of 13 days\)$/,
    );
    const steady = pace(talks, { asOf: '2019-03-01', slowerAbove: 1.5 });
    expect(steady.verdict).toBe('steady');
    expect(steady.reason).toMatch(/stalled for 103 days, 2018-10-07 to 2019-01-18/);
  });

  it('says "resumed after a stall" when a stall is among the latest gaps, not "speeding up" on the medians', () => {
    // As of 2018-10-07: gaps 21, 2, 11, 24, 9, 73, 11; median 11, threshold 22 → stalls 24 and 73.
    const p = pace(talks, { asOf: '2018-10-07' });
    expect(p.stalls.at(-1)).toEqual({ from: '2018-07-15', to: '2018-09-26', days: 73, open: false });
    // the last 3 gaps [9, 73, 11] have median 11, under the earlier [21, 2, 11, 24] median 16: a
    // median-only rule would say "speeding up"
    expect(p.recentMedianGap! / p.earlierMedianGap!).toBeLessThan(0.8);
    expect(p.verdict).toBe('resumed after a stall');
    expect(p.reason).toBe(
      'stalled for 73 days, 2018-07-15 to 2018-09-26 (one of the last 3 gaps, more than 2 × the median gap of 11 days); 2 steps since, the last on 2018-10-07',
    );
  });

  it('counts the time since the last step as an open gap: a stall when it is long', () => {
    const p = pace(talks, { asOf: '2019-05-01' });
    // 2019-02-27 → 2019-05-01: 63 days > 26
    expect(p.verdict).toBe('stalled');
    expect(p.stalls.at(-1)).toEqual({ from: '2019-02-27', to: '2019-05-01', days: 63, open: true });
    expect(p.reason).toBe(
      'stalled for 63 days, 2019-02-27 to 2019-05-01 with no step: more than 2 × the median gap of 13 days',
    );
    // a short open gap is no stall
    expect(pace(talks, { asOf: '2019-03-20' }).stalls.some((x) => x.open)).toBe(false);
  });

  it('reads gaps only to the end of the record: later silence is not evidence of a stall', () => {
    const p = pace(talks, { asOf: '2019-12-31', recordEnds: '2019-03-10' });
    expect(p.readTo).toBe('2019-03-10');
    expect(p.daysSinceLastStep).toBe(11);
    expect(p.stalls.some((x) => x.open)).toBe(false);
    expect(p.verdict).not.toBe('stalled');
    expect(p.reason).toMatch(
      /the record ends on 2019-03-10, so the days after it \(to 2019-12-31\) are not counted as a gap$/,
    );
    // a record that ends well after the last step still shows the stall, to its end
    const q = pace(talks, { asOf: '2019-12-31', recordEnds: '2019-03-31' });
    expect(q.verdict).toBe('stalled');
    expect(q.stalls.at(-1)).toEqual({ from: '2019-02-27', to: '2019-03-31', days: 32, open: true });
  });

  it('is plain JSON', () => {
    const p = pace(moves, { asOf: '2018-03-20' });
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });
});

describe('moveFromEvent', () => {
  it('turns a ledger event into a move', async () => {
    const { moveFromEvent } = await import('./move.js');
    const m = moveFromEvent({
      id: 'e1',
      caseId: 'c',
      date: '2018-07-06',
      endDate: '2018-07-07',
      sourceActor: 'pompeo',
      sourceCode: 'USAGOV',
      code: '042',
      goldstein: 1.9,
      quadClass: 1,
      summary: 'Pompeo visits Pyongyang',
      facilities: [],
      sources: [],
      provenance: 'typed',
      status: 'confirmed',
      verification: 'observed',
      confidence: 1,
    });
    expect(m).toEqual({
      date: '2018-07-06',
      sourceCode: 'USAGOV',
      targetCode: '',
      code: '042',
      goldstein: 1.9,
      quadClass: 1,
      verification: 'observed',
      id: 'e1',
      summary: 'Pompeo visits Pyongyang',
    });
    expect(pace([m], { asOf: '2018-08-01' }).steps).toHaveLength(1);
    expect(pace([m], { asOf: '2018-08-01', dyad: { a: 'USA', b: 'PRK' } }).steps).toHaveLength(0);
  });
});
