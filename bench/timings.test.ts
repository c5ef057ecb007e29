import { describe, expect, it } from 'vitest';
import { compareSteps, summarise, timingsOf } from './timings.js';

describe('bench timings', () => {
  it('takes the timings from a benchmark JSON and leaves out sizes and counts', () => {
    const json = {
      events: 1000,
      loadMs: 2500,
      brief: { ms: 120.5, peakRssMiB: 300 },
      conditions: { c1: { ms: 4, gatedMoves: 7 } },
      'built-in: cached brief': 'p50 134 ms, p99 474 ms, 301 req/s',
      rebuild: '2.5 s',
      note: 'rows at role level',
    };
    expect(timingsOf(json, 'core')).toEqual({
      'core.loadMs': 2500,
      'core.brief.ms': 120.5,
      'core.conditions.c1.ms': 4,
      'core.built-in: cached brief': 134,
      'core.rebuild': 2500,
    });
  });

  it('summarises each step over runs by its median and range', () => {
    const s = summarise([{ a: 10 }, { a: 30, b: 5 }, { a: 20 }, { a: 12 }]);
    expect(s.a).toMatchObject({ median: 16, min: 10, max: 30 });
    expect(s.b).toMatchObject({ median: 5, min: 5, max: 5, runs: [5] });
  });

  it('flags a step only when it is slower than the baseline by more than the larger spread', () => {
    const base = summarise([
      { steady: 100, noisy: 100 },
      { steady: 102, noisy: 140 },
      { steady: 101, noisy: 120 },
    ]);
    const now = summarise([
      { steady: 110, noisy: 150 },
      { steady: 111, noisy: 130 },
      { steady: 112, noisy: 145 },
    ]);
    const byStep = Object.fromEntries(compareSteps(base, now).map((c) => [c.step, c]));
    expect(byStep.steady).toMatchObject({ slower: true, noise: 2 });
    expect(byStep.noisy).toMatchObject({ slower: false, noise: 40 });
  });
});
