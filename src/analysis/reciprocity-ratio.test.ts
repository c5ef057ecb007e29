import { describe, expect, it } from 'vitest';
import { toDyadDays } from './dyad-grid.js';
import type { Move } from './move.js';
import { reciprocity, reciprocityFromAggregates } from './reciprocity.js';
import { BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED, bootstrapRatios, MIN_RATIO_MOVES } from './reciprocity-ratio.js';
import { seededRandom } from '../util/seeded-random.js';
import { mv } from './test-support/moves.js';

const dyad = { a: 'USA', b: 'PRK' } as const;
const window = { from: '2018-06-01', to: '2018-12-31' };

/** One material-cooperation move a day from `from`, every `every` days, with these Goldstein values. */
function material(source: string, target: string, start: number, every: number, values: number[]): Move[] {
  return values.map((g, i) => {
    const day = new Date(Date.UTC(2018, 5, 1 + start + i * every)).toISOString().slice(0, 10);
    return mv(day, source, target, '0841', g, 2, 'verified', `${source}${i}`);
  });
}

describe('functional reciprocity: counts and thin ratios', () => {
  it('says a ratio over 3 material moves rests on too few, and gives no interval', () => {
    const moves = [...material('USA', 'PRK', 0, 7, [9, 7, 7]), ...material('PRK', 'USA', 3, 7, [7, 7, 7, 7, 7, 7])];
    const fr = reciprocity(moves, dyad, window).ratios.a.functional;
    expect(fr).toMatchObject({ value: 42 / 23, givenMoves: 3, receivedMoves: 6, enoughMoves: false, interval: null });
    expect(fr.intervalReason).toBe(`fewer than ${MIN_RATIO_MOVES} moves on a side (6 received, 3 given)`);
  });

  it('gives no interval when many moves fall on few days (the days are what is resampled)', () => {
    const sameDay = (source: string, target: string, date: string): Move[] =>
      Array.from({ length: 4 }, (_, i) => mv(date, source, target, '0841', 7, 2, 'verified', `${source}${date}${i}`));
    const moves = [
      ...sameDay('USA', 'PRK', '2018-06-04'),
      ...sameDay('USA', 'PRK', '2018-07-04'),
      ...sameDay('PRK', 'USA', '2018-06-05'),
      ...sameDay('PRK', 'USA', '2018-08-05'),
    ];
    const fr = reciprocity(moves, dyad, window).ratios.a.functional;
    expect(fr).toMatchObject({ givenMoves: 8, givenDays: 2, enoughMoves: true, interval: null });
    expect(fr.intervalReason).toMatch(/too few days to resample \(2 received, 2 given; 5 needed\)/);
  });
});

describe('functional reciprocity: bootstrap interval', () => {
  const given = [5, 9, 7, 6, 8, 7, 9, 5, 6, 8, 7, 7];
  const got = [2, 9, 4, 7, 3, 9, 8, 1];
  const moves = [...material('USA', 'PRK', 0, 9, given), ...material('PRK', 'USA', 4, 12, got)];
  const r = reciprocity(moves, dyad, window);
  const fr = r.ratios.a.functional;

  it('brackets the ratio, says its method and resamples, and is the same on every run', () => {
    expect(fr.value).toBe(43 / 84);
    expect(fr.interval).toMatchObject({ level: 0.95, resamples: BOOTSTRAP_RESAMPLES });
    expect(fr.interval!.method).toMatch(/bootstrap/);
    expect(fr.interval!.low).toBeLessThan(fr.value!);
    expect(fr.interval!.high).toBeGreaterThan(fr.value!);
    expect(reciprocity(moves, dyad, window).ratios.a.functional.interval).toEqual(fr.interval);
  });

  it('has about the width the spread of the moves implies', () => {
    // Relative spread of each resampled sum: received sd 3.04 / √8 / mean 5.375 ≈ 0.20, given
    // 1.29 / √12 / 7 ≈ 0.053; of the ratio √(0.20² + 0.053²) ≈ 0.21, so sd ≈ 0.512 × 0.21 ≈ 0.11
    // and a 95% interval about 4 × 0.11 ≈ 0.43 wide.
    const width = fr.interval!.high - fr.interval!.low;
    expect(width).toBeGreaterThan(0.33);
    expect(width).toBeLessThan(0.53);
  });

  it('collapses to the value when every day carries the same value', () => {
    const flat = [...material('USA', 'PRK', 0, 9, [7, 7, 7, 7, 7]), ...material('PRK', 'USA', 4, 9, [9, 9, 9, 9, 9])];
    const i = reciprocity(flat, dyad, window).ratios.a.functional.interval!;
    expect(i.low).toBeCloseTo(9 / 7, 12);
    expect(i.high).toBeCloseTo(9 / 7, 12);
  });

  it('gives the other side the reciprocal interval (FR_B = 1 / FR_A)', () => {
    const b = r.ratios.b.functional;
    expect(b.value).toBe(84 / 43);
    expect(b.interval!.low).toBeCloseTo(1 / fr.interval!.high, 12);
    expect(b.interval!.high).toBeCloseTo(1 / fr.interval!.low, 12);
  });

  it('is the same from the daily aggregates as from the moves', () => {
    expect(reciprocityFromAggregates(toDyadDays(moves), dyad, window).ratios).toEqual(r.ratios);
  });

  it('resamples days, so its cost does not grow with the moves of a day', () => {
    const d = bootstrapRatios(Float64Array.from([1, 2, 3]), Float64Array.from([2, 2]), 50, 7);
    expect(d.sorted).toHaveLength(50);
    // sums of 3 draws from {1,2,3} over sums of 2 draws of 2: between 3/4 and 9/4
    expect(d.sorted[0]).toBeGreaterThanOrEqual(0.75);
    expect(d.sorted[49]).toBeLessThanOrEqual(2.25);
    expect(d.method).not.toMatch(/normal/);
    expect([...d.sorted]).toEqual([...d.sorted].sort((x, y) => x - y));
  });

  it('draws long windows from the normal approximation, close to the day-by-day bootstrap', () => {
    const rand = seededRandom(3);
    const got = Float64Array.from({ length: 300 }, () => 1 + Math.floor(rand() * 9));
    const given = Float64Array.from({ length: 320 }, () => 2 + Math.floor(rand() * 8));
    const normal = bootstrapRatios(got, given);
    const exact = bootstrapRatios(got, given, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED, Number.POSITIVE_INFINITY);
    expect(normal.method).toMatch(/normal approximation/);
    expect(exact.method).not.toMatch(/normal/);
    for (const p of [0.025, 0.5, 0.975]) {
      const i = Math.round(p * (BOOTSTRAP_RESAMPLES - 1));
      expect(normal.sorted[i]!).toBeCloseTo(exact.sorted[i]!, 1);
    }
  });
});
