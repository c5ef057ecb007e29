/**
 * Reciprocity at scale: 1,000,000 synthetic moves over 5 years, and the same 5 years as the daily
 * aggregates the store keeps. Standalone:
 *
 *   node --expose-gc --import tsx bench/analysis.bench.ts
 *
 * Writes bench/out/analysis.json. Heap figures are approximate: V8 keeps no peak counter, so
 * `heapGrowthMB` is heapUsed right after the run minus heapUsed before it (a lower bound on the
 * extra heap the run needed, since a GC during the run can hide some of it), `retainedMB` is what
 * is still held after a full GC, and `maxRssMB` is the process's peak resident size so far
 * (input included).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toDyadDays } from '../src/analysis/dyad-grid.js';
import type { Move } from '../src/analysis/move.js';
import { pace } from '../src/analysis/pace.js';
import { type ReciprocityResult, reciprocity, reciprocityFromAggregates } from '../src/analysis/reciprocity.js';
import type { DyadDay } from '../src/model/dyad-day.js';
import { eventCodes } from '../src/cameo/event-codes.js';
import { fromDayNumber, toDayNumber } from '../src/model/iso-date.js';
import { partyOf } from '../src/model/actor-code.js';
import type { Verification } from '../src/model/event.js';
import { seededRandom } from '../src/util/seeded-random.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('run with: node --expose-gc --import tsx bench/analysis.bench.ts');
  process.exit(2);
}

const MB = 1024 * 1024;
const FROM = '2015-01-01';
const TO = '2019-12-31';
const N = 1_000_000;

function synthesise(): Move[] {
  const rand = seededRandom(2018);
  const codes = [...eventCodes().values()];
  // Mostly the dyad at several roles, some third parties so filtering is exercised.
  const a = ['USA', 'USAGOV', 'USAMIL', 'USAGOVDIP', 'USALEG'];
  const b = ['PRK', 'PRKGOV', 'PRKMIL', 'PRKGOVDIP', 'PRKLEG'];
  const others = ['KOR', 'KORGOV', 'CHN', 'CHNGOV', 'JPN', 'RUS', 'IGOUNOIAE'];
  const verifs: Verification[] = ['verified', 'observed', 'claimed'];
  const day0 = toDayNumber(FROM);
  const days = toDayNumber(TO) - day0 + 1;
  const dates = Array.from({ length: days }, (_, i) => fromDayNumber(day0 + i));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const moves: Move[] = new Array<Move>(N);
  for (let i = 0; i < N; i++) {
    const c = pick(codes);
    const r = rand();
    const [s, t] =
      r < 0.4 ? [pick(a), pick(b)] : r < 0.8 ? [pick(b), pick(a)] : [pick(others), pick(rand() < 0.5 ? a : b)];
    moves[i] = {
      date: dates[Math.floor(rand() * days)]!,
      sourceCode: s,
      targetCode: t,
      code: c.code,
      goldstein: c.goldstein,
      quadClass: c.quadClass,
      verification: pick(verifs),
      id: `m${i}`,
    };
  }
  return moves;
}

interface Measure<T> {
  result: T;
  ms: number;
  heapGrowthMB: number;
  retainedMB: number;
}

function measure<T>(fn: () => T): Measure<T> {
  gc!();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const result = fn();
  const ms = performance.now() - t0;
  const after = process.memoryUsage().heapUsed;
  gc!();
  const retained = process.memoryUsage().heapUsed;
  return { result, ms, heapGrowthMB: (after - before) / MB, retainedMB: (retained - before) / MB };
}

const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;

const dyad = { a: 'USA', b: 'PRK' };
const window = { from: FROM, to: TO };

const gen = measure(synthesise);
const moves = gen.result;

// Warm-up on a slice so the timed run measures steady-state code, not the JIT.
reciprocity(moves.slice(0, 50_000), dyad, window);

const fromMoves = measure(() => reciprocity(moves, dyad, window));
const rowsBuilt = measure(() => toDyadDays(moves));
const rows: DyadDay[] = rowsBuilt.result;
// What the store would pass for the aggregate path: the rows, plus the concession moves only.
const concessionMoves = moves.filter((m) => m.code.startsWith('08') || m.code.startsWith('035'));
reciprocityFromAggregates(rows.slice(0, 5_000), dyad, window);
const fromDays = measure(() => reciprocityFromAggregates(rows, dyad, { ...window, concessionMoves }));
const fromDaysOnly = measure(() => reciprocityFromAggregates(rows, dyad, window));
// The same days kept at country level (USAGOV → USA), as a store would for a country dyad:
// 5 years × directions × quad classes, a few thousand rows.
function toCountryRows(fine: readonly DyadDay[]): DyadDay[] {
  const m = new Map<string, DyadDay>();
  for (const r of fine) {
    const source = partyOf(r.source);
    const target = partyOf(r.target);
    const key = `${r.day}|${source}|${target}|${r.quadClass}`;
    const c = m.get(key);
    if (c) {
      c.count += r.count;
      c.goldsteinSum += r.goldsteinSum;
      c.positiveSum += r.positiveSum;
      c.negativeSum += r.negativeSum;
    } else m.set(key, { ...r, source, target });
  }
  return [...m.values()];
}
const countryRows = toCountryRows(rows);
const fromCountryDays = measure(() => reciprocityFromAggregates(countryRows, dyad, { ...window, concessionMoves }));
const paced = measure(() => pace(moves, { asOf: TO, dyad }));

function maxDiff(x: ReciprocityResult, y: ReciprocityResult): number {
  let d = 0;
  const cmp = (p: number[], q: number[]): void => {
    for (const [i, v] of p.entries()) d = Math.max(d, Math.abs(v - q[i]!));
  };
  cmp(x.weekly.aToB.net, y.weekly.aToB.net);
  cmp(x.weekly.bToA.net, y.weekly.bToA.net);
  cmp([x.aToB.sums.total.net, x.bToA.sums.total.net], [y.aToB.sums.total.net, y.bToA.sums.total.net]);
  return d;
}

const out = {
  node: process.version,
  date: new Date().toISOString(),
  window,
  moves: { count: moves.length, generateMs: round(gen.ms), inputHeapMB: round(gen.retainedMB) },
  reciprocityFromMoves: {
    ms: round(fromMoves.ms),
    heapGrowthMB: round(fromMoves.heapGrowthMB),
    retainedMB: round(fromMoves.retainedMB, 2),
    movesInDyad: fromMoves.result.aToB.sums.total.count + fromMoves.result.bToA.sums.total.count,
    weeks: fromMoves.result.weekly.weekStarts.length,
  },
  dailyAggregates: {
    rows: rows.length,
    /** toDyadDays in JS (the reference builder; the store does this in SQL). */
    buildMs: round(rowsBuilt.ms),
    note: 'rows at role level: one per day, source code, target code and quad class',
    concessionMoves: concessionMoves.length,
  },
  reciprocityFromAggregates: {
    ms: round(fromDays.ms),
    heapGrowthMB: round(fromDays.heapGrowthMB),
    retainedMB: round(fromDays.retainedMB, 2),
  },
  reciprocityFromCountryAggregates: {
    rows: countryRows.length,
    ms: round(fromCountryDays.ms),
    heapGrowthMB: round(fromCountryDays.heapGrowthMB),
    note: 'daily rows kept at country level, plus the concession moves',
  },
  reciprocityFromAggregatesWithoutConcessions: {
    ms: round(fromDaysOnly.ms),
    heapGrowthMB: round(fromDaysOnly.heapGrowthMB),
  },
  pace: { ms: round(paced.ms), steps: paced.result.steps.length, verdict: paced.result.verdict },
  agreement: {
    maxAbsDifferenceMovesVsAggregates: maxDiff(fromMoves.result, fromDays.result),
    note: 'non-zero only from floating-point summation order when several rows fall in one day cell',
  },
  maxRssMB: round(process.resourceUsage().maxRSS / 1024),
  resultJsonKB: round(JSON.stringify(fromMoves.result).length / 1024),
};

const here = dirname(fileURLToPath(import.meta.url));
mkdirSync(join(here, 'out'), { recursive: true });
writeFileSync(join(here, 'out', 'analysis.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(JSON.stringify(out, null, 2));
