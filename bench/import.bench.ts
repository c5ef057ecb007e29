/**
 * Import benchmark: a generated GDELT 2.0 export of N rows (default 1,000,000) imported into
 * SQLite, and into PostgreSQL when PARLEY_BENCH_PG or PARLEY_TEST_PG holds a URL, with the daily
 * dyad aggregates maintained; beside it, the same file loaded by the sqlite3 shell's own `.import`
 * into a bare 61-column table (skipped when /usr/bin/sqlite3 is missing). SQLite runs twice: with
 * its writer thread (the default) and all in one thread, and once more on the same rows zipped (as
 * GDELT ships them: yauzl's directory, inflating, and the CRC-32 check). Each run is a child
 * process, so that its peak RSS is its own. A second SQLite run at a quarter of the rows shows
 * whether memory stays flat as files grow. Then ICEWS, POLECAT and Phoenix files of that quarter size,
 * each in its own layout, through their own importers. Writes bench/out/import.json.
 *
 *   node --expose-gc --import tsx bench/import.bench.ts [rows]
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { ImportFormat } from '../src/importers/format-parser.js';
import { importFile } from '../src/importers/import-file.js';
import { expandInputs, isUnreadable } from '../src/importers/open-input.js';
import { writeSyntheticEvents } from '../src/importers/synthetic-events.js';
import { writeZipStreaming } from '../src/importers/test-support/zip-writer.js';
import { openStore } from '../src/store/store.js';

interface RunResult {
  target: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  mibPerSecond: number;
  peakRssMiB: number;
  rssByTenthMiB?: number[];
  note?: string;
}

const MiB = 1048576;
const SQLITE3 = '/usr/bin/sqlite3';

async function child(
  target: 'sqlite' | 'postgres',
  file: string,
  rows: number,
  format: ImportFormat = 'gdelt2',
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  let location = join(dir, 'bench.db');
  let schema: string | undefined;
  const url = process.env.PARLEY_BENCH_PG ?? process.env.PARLEY_TEST_PG;
  if (target === 'postgres') {
    schema = `bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    location = url!;
  }
  const store = await openStore(location, schema ? { searchPath: schema } : {});
  const [input] = await expandInputs([file]);
  const size = statSync(file).size;
  if (!input || isUnreadable(input)) throw new Error(`cannot read ${file}`);
  global.gc?.();
  const t0 = performance.now();
  // RSS (all threads) as each tenth of the rows is read: flat memory shows as a plateau.
  const rssByTenth: number[] = [];
  const r = await importFile(input, store, {
    filters: {},
    dataDir: dir,
    format,
    onProgress: (p) => {
      while (rssByTenth.length < 10 && p.rowsRead >= ((rssByTenth.length + 1) * rows) / 10)
        rssByTenth.push(Math.round(process.memoryUsage().rss / MiB));
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const agg = await store.db
    .selectFrom('dyad_days')
    .select((eb) => eb.fn.sum<number>('n').as('n'))
    .executeTakeFirst();
  await store.close();
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
  rmSync(dir, { recursive: true, force: true });
  if (r.progress.rowsNew !== rows || Number(agg?.n) !== rows)
    throw new Error(`imported ${r.progress.rowsNew} rows, aggregates count ${agg?.n}; expected ${rows}`);
  const result: RunResult = {
    target,
    rows,
    seconds,
    rowsPerSecond: Math.round(rows / seconds),
    mibPerSecond: Number((size / MiB / seconds).toFixed(1)),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    rssByTenthMiB: rssByTenth,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** A file's bytes in 4 MiB pieces, for zipping it without holding it. */
function* chunksOf(path: string): Generator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const buf = Buffer.alloc(4 << 20);
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) return;
      yield buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

function runChild(
  target: string,
  file: string,
  rows: number,
  env: Record<string, string> = {},
  format: ImportFormat = 'gdelt2',
): RunResult {
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'bench/import.bench.ts', '--child', target, file, String(rows), format],
    {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    },
  );
  if (r.status !== 0) throw new Error(`${target} run failed (exit ${r.status ?? r.signal})`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as RunResult;
}

function sqliteBaseline(file: string, rows: number): RunResult | { target: string; skipped: string } {
  if (!existsSync(SQLITE3)) return { target: 'sqlite3 .import', skipped: `${SQLITE3} not found` };
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const db = join(dir, 'baseline.db');
  const cols = Array.from({ length: 61 }, (_, i) => `c${i + 1} TEXT`).join(', ');
  const script = `CREATE TABLE events (${cols});\n.mode tabs\n.import ${file} events\n`;
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', SQLITE3, db], { input: script, encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) return { target: 'sqlite3 .import', skipped: `sqlite3 failed: ${r.stderr.slice(0, 200)}` };
  const rssKb = Number(r.stderr.trim().split('\n').pop());
  return {
    target: 'sqlite3 .import (bare 61-column table, no keys, no aggregates)',
    rows,
    seconds,
    rowsPerSecond: Math.round(rows / seconds),
    mibPerSecond: Number((statSync(file).size / MiB / seconds).toFixed(1)),
    peakRssMiB: Number.isFinite(rssKb) ? Math.round(rssKb / 1024) : -1,
  };
}

/**
 * The other datasets' importers on synthetic files of their own layout (ICEWS and POLECAT
 * tab-separated with a header, Phoenix without), at a quarter of the rows, into SQLite with the
 * writer thread; GDELT at the same size is the quarter run above.
 */
function otherFormats(rows: number): RunResult[] {
  const out: RunResult[] = [];
  for (const format of ['icews', 'polecat', 'phoenix'] as const) {
    const file = `bench/out/synthetic-${rows}.${format}.tsv`;
    if (!existsSync(file)) writeSyntheticEvents(file, format, rows);
    out.push({
      ...runChild('sqlite', file, rows, {}, format),
      target: `sqlite, ${format} (${rows.toLocaleString('en-US')} rows)`,
    });
  }
  return out;
}

async function main(): Promise<void> {
  // `import.bench.ts [rows]`, or `--child DIALECT LOCATION ROWS` for one measured import in a fresh process.
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { child: { type: 'boolean' } } });
  if (values.child) {
    const [dialect, location, n, format] = positionals;
    if (dialect !== 'sqlite' && dialect !== 'postgres')
      throw new Error(`--child takes sqlite or postgres, not ${dialect}`);
    await child(dialect, location!, Number(n), (format ?? 'gdelt2') as ImportFormat);
    return;
  }
  const rows = Number(positionals[0] ?? 1_000_000);
  mkdirSync('bench/out', { recursive: true });
  const file = `bench/out/synthetic-${rows}.export.CSV`;
  if (!existsSync(file)) writeSyntheticEvents(file, 'gdelt2', rows);
  const quarter = Math.max(1, Math.floor(rows / 4));
  const small = `bench/out/synthetic-${quarter}.export.CSV`;
  if (!existsSync(small)) writeSyntheticEvents(small, 'gdelt2', quarter);
  const zip = `${file}.zip`;
  if (!existsSync(zip)) await writeZipStreaming(zip, basename(file), chunksOf(file));
  const sizeMiB = statSync(file).size / MiB;
  console.log(`GDELT 2.0 synthetic export: ${rows.toLocaleString('en-US')} rows, ${sizeMiB.toFixed(1)} MiB`);
  const results: (RunResult | { target: string; skipped: string })[] = [];
  results.push({ ...runChild('sqlite', file, rows), target: 'sqlite (writer thread, the default for a file store)' });
  results.push({
    ...runChild('sqlite', file, rows, { PARLEY_IMPORT_THREADS: '1' }),
    target: 'sqlite (all in one thread, PARLEY_IMPORT_THREADS=1)',
  });
  results.push({ ...runChild('sqlite', small, quarter), target: 'sqlite (quarter of the rows, for memory flatness)' });
  results.push({ ...runChild('sqlite', zip, rows), target: 'sqlite (the same rows zipped, writer thread)' });
  if (process.env.PARLEY_BENCH_PG ?? process.env.PARLEY_TEST_PG) results.push(runChild('postgres', file, rows));
  else results.push({ target: 'postgres', skipped: 'set PARLEY_BENCH_PG or PARLEY_TEST_PG to a postgres:// URL' });
  results.push(sqliteBaseline(file, rows));
  results.push(...otherFormats(quarter));
  for (const r of results) {
    if ('skipped' in r) console.log(`${r.target.padEnd(70)} skipped: ${r.skipped}`);
    else
      console.log(
        `${r.target.padEnd(70)} ${r.rows.toLocaleString('en-US').padStart(10)} rows ${r.seconds.toFixed(2).padStart(7)} s ` +
          `${r.rowsPerSecond.toLocaleString('en-US').padStart(9)} rows/s ${String(r.mibPerSecond).padStart(6)} MiB/s  peak RSS ${r.peakRssMiB} MiB` +
          (r.rssByTenthMiB?.length
            ? `\n${''.padEnd(70)} RSS at each tenth of the rows: ${r.rssByTenthMiB.join(' ')} MiB`
            : ''),
      );
  }
  writeFileSync(
    'bench/out/import.json',
    `${JSON.stringify({ rows, fileMiB: Number(sizeMiB.toFixed(1)), node: process.version, results }, null, 2)}\n`,
  );
  console.log('wrote bench/out/import.json');
}

await main();
