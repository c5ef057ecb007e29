/**
 * `npm run bench`: every benchmark in turn, each in its own process so one's memory does not
 * colour the next's figures. Each prints its table and writes bench/out/<name>.json.
 * Pass names to run only some: npm run bench -- core import
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';

const ALL = ['core', 'analysis', 'import', 'reader', 'server', 'dashboard'];
const { positionals: chosen } = parseArgs({ allowPositionals: true });
const names = chosen.length ? chosen : ALL;
let failed = 0;
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
process.exitCode = failed ? 1 : 0;
