/**
 * `npm run bench:compare -- BASELINE [SUMMARY]`: compares a run's summary (default
 * bench/out/summary.json) with a saved baseline, one line per step, and exits 1 when a step is
 * slower than the baseline by more than the run-to-run noise (see compareSteps).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readSummary } from './summary.js';
import { compareSteps, formatMs } from './timings.js';

const { positionals } = parseArgs({ allowPositionals: true });
const [basePath, nowPath = 'bench/out/summary.json'] = positionals;
if (!basePath) throw new Error('usage: npm run bench:compare -- BASELINE.json [SUMMARY.json]');
const base = readSummary(readFileSync(basePath, 'utf8'), basePath);
const now = readSummary(readFileSync(nowPath, 'utf8'), nowPath);

if (base.size !== now.size) process.stdout.write(`warning: sizes differ (${base.size} vs ${now.size})\n`);
if (base.runs < 2 || now.runs < 2) {
  process.stdout.write('warning: a side has one run, so its noise is unknown; use --runs 3 or more\n');
}
const rows = compareSteps(base.steps, now.steps);
const width = Math.max(0, ...rows.map((r) => r.step.length));
for (const r of rows) {
  const change = ((r.now.median - r.base.median) / r.base.median) * 100;
  const verdict = r.slower ? 'SLOWER beyond noise' : 'within noise or faster';
  process.stdout.write(
    `${r.step.padEnd(width)}  ${formatMs(r.base.median).padStart(9)} -> ${formatMs(r.now.median).padStart(9)}  ` +
      `${change >= 0 ? '+' : ''}${change.toFixed(0)}%  noise ${formatMs(r.noise)}  ${verdict}\n`,
  );
}
const missing = Object.keys(base.steps).filter((s) => !now.steps[s]);
if (missing.length) process.stdout.write(`not in this run: ${missing.join(', ')}\n`);
const slower = rows.filter((r) => r.slower).length;
process.stdout.write(`${rows.length} steps compared, ${slower} slower beyond the noise\n`);
process.exitCode = slower ? 1 : 0;
