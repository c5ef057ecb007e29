/**
 * `npm run bench`: every benchmark in turn, each in its own process so one's memory does not
 * colour the next's figures. Each prints its table and writes bench/out/<name>.json; at the end,
 * one line per timed step (median and spread over the runs) goes to the screen and to
 * bench/out/summary.json, which `npm run bench:compare` compares with a saved baseline.
 *
 *   npm run bench -- core import              only some benchmarks
 *   npm run bench -- --runs 3 --size 200000   each three times, on 200,000 events or rows
 *
 * `--size` goes to the benchmarks that take a size (core, import, server, dashboard: events or
 * rows; reader: sentences); the analysis benchmark has a fixed size.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { summariseRuns } from './summary.js';
import { type Timings, timingsOf } from './timings.js';

const ALL = ['core', 'analysis', 'import', 'reader', 'server', 'dashboard'];
const SIZE_ARGS: Record<string, (size: string) => string[]> = {
  core: (n) => [n],
  import: (n) => [n],
  server: (n) => [n],
  dashboard: (n) => [n],
  reader: (n) => ['--sentences', n],
};

const { positionals: chosen, values } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '1' },
    size: { type: 'string' },
    summary: { type: 'string', default: 'bench/out/summary.json' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a whole number of runs, got ${values.runs}`);
const names = chosen.length ? chosen : ALL;
const loadAtStart = loadavg()[0]!;

/**
 * The 1,000,000-event case the server and dashboard benches serve, written once for both (it
 * takes minutes) unless PARLEY_BENCH_DB names one already or --size asks for another size;
 * removed at the end.
 */
function sharedLargeCase(): (() => void) | undefined {
  if (process.env.PARLEY_BENCH_DB || values.size) return undefined;
  if (!names.some((n) => n === 'server' || n === 'dashboard')) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const db = join(dir, 'large.db');
  process.stdout.write(`\n>>> writing the 1,000,000-event case for the server and dashboard benches (${db})\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/core.bench.ts', '--load', db], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    process.stdout.write('writing the large case failed; each bench writes its own\n');
    return undefined;
  }
  process.env.PARLEY_BENCH_DB = db;
  return () => rmSync(dir, { recursive: true, force: true });
}

/** Runs one benchmark once; its timings, or undefined when it failed or was not found. */
function runOnce(name: string): Timings | undefined {
  const file = `bench/${name}.bench.ts`;
  if (!existsSync(file)) {
    process.stdout.write(`\n(${file} not found; skipped)\n`);
    return undefined;
  }
  const sized = values.size && SIZE_ARGS[name] ? SIZE_ARGS[name](values.size) : [];
  process.stdout.write(`\n>>> ${file} ${sized.join(' ')}\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file, ...sized], { stdio: 'inherit' });
  if (r.status !== 0) {
    process.stdout.write(`${file} failed (exit ${r.status ?? r.signal})\n`);
    return undefined;
  }
  const out = `bench/out/${name}.json`;
  return existsSync(out) ? timingsOf(JSON.parse(readFileSync(out, 'utf8')), name) : {};
}

let failed = 0;
const cleanUp = sharedLargeCase();
const perRun: Timings[] = [];
for (let run = 0; run < runs; run++) {
  const timings: Timings = {};
  for (const name of names) {
    const t = runOnce(name);
    if (t) Object.assign(timings, t);
    else failed++;
  }
  perRun.push(timings);
}

const summary = summariseRuns(perRun, {
  benchmarks: names,
  size: values.size ?? 'default',
  cpus: cpus().length,
  loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0]! },
});
mkdirSync('bench/out', { recursive: true });
writeFileSync(values.summary, `${JSON.stringify(summary, null, 2)}\n`);
process.stdout.write(`wrote ${values.summary}\n`);
cleanUp?.();
process.exitCode = failed ? 1 : 0;
