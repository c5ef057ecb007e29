/**
 * `npm run bench`: every benchmark in turn, each in its own process so one's memory does not
 * colour the next's figures. Each prints its table and writes bench/out/<name>.json.
 * Pass names to run only some: npm run bench -- core import
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const ALL = ['core', 'analysis', 'import', 'reader', 'server', 'dashboard'];
const { positionals: chosen } = parseArgs({ allowPositionals: true });
const names = chosen.length ? chosen : ALL;
let failed = 0;

/**
 * The 1,000,000-event case the server and dashboard benches serve, written once for both (it
 * takes minutes) unless PARLEY_BENCH_DB names one already; removed at the end.
 */
function sharedLargeCase(): (() => void) | undefined {
  if (process.env.PARLEY_BENCH_DB || !names.some((n) => n === 'server' || n === 'dashboard')) return undefined;
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

const cleanUp = sharedLargeCase();
for (const name of names) {
  const file = `bench/${name}.bench.ts`;
  if (!existsSync(file)) {
    process.stdout.write(`\n(${file} not found; skipped)\n`);
    continue;
  }
  process.stdout.write(`\n>>> ${file}\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    process.stdout.write(`${file} failed (exit ${r.status ?? r.signal})\n`);
  }
}
cleanUp?.();
process.exitCode = failed ? 1 : 0;
