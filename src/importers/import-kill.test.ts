import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRepository } from '../store/import-repository.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../store/test-support/test-stores.js';
import { writeSyntheticEvents } from './synthetic-events.js';

const RUN_CLI = fileURLToPath(new URL('./test-support/run-cli.ts', import.meta.url));
const ROWS = 60_000;
const CHUNK = 2_000;

function dbArg(t: TestStore): string {
  // The child opens its own connection: a PostgreSQL test schema travels in the URL's options.
  if (!t.searchPath) return t.location;
  const sep = t.location.includes('?') ? '&' : '?';
  return `${t.location}${sep}options=${encodeURIComponent(`-c search_path=${t.searchPath}`)}`;
}

/** `threads` '1' keeps SQLite's writes in the main thread; unset, a file store gets its writer thread. */
function startImport(
  file: string,
  db: string,
  home: string,
  threads?: '1',
): { done: Promise<number | null>; kill(): void } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', RUN_CLI, 'import', file, '--db', db, '--chunk-rows', String(CHUNK)],
    {
      env: { ...process.env, PARLEY_HOME: home, PARLEY_IMPORT_THREADS: threads ?? '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) process.stderr.write(stderr);
      resolve(code);
    }),
  );
  return { done, kill: () => child.kill('SIGKILL') };
}

interface Snapshot {
  rows: number;
  dyadRows: number;
  aggregateN: number;
  days: string[];
}

async function snapshot(t: TestStore): Promise<Snapshot> {
  const repo = new ImportRepository(t.store.db, t.store.opened);
  const totals = await repo.totals('imports');
  const rows = await sql<{
    day: number;
    source: string;
    target: string;
    quad_class: number;
    n: number;
    goldstein_sum: number;
  }>`
    SELECT day, source, target, quad_class, n, goldstein_sum FROM dyad_days WHERE origin = 'import' ORDER BY day, source, target, quad_class
  `.execute(t.store.db);
  return {
    rows: totals.rows,
    dyadRows: totals.dyadRows,
    aggregateN: totals.aggregateN,
    days: rows.rows.map(
      (r) => `${r.day}|${r.source}|${r.target}|${r.quad_class}|${Number(r.n)}|${Number(r.goldstein_sum).toFixed(6)}`,
    ),
  };
}

describe.each(TEST_DIALECTS)('an import killed mid-way (%s)', (dialect) => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-kill-'));
  const file = join(dir, '20180612000000.export.CSV');
  let killed: TestStore | undefined;
  let clean: TestStore | undefined;

  beforeAll(() => {
    writeSyntheticEvents(file, 'gdelt2', ROWS, { seed: 7 });
  });
  afterAll(async () => {
    await killed?.close();
    await clean?.close();
  });

  // Three real imports, each a process compiling the CLI through tsx: more time on a busy machine.
  it('leaves rows, aggregates and progress in agreement, and a second run completes it without duplicates', async () => {
    // One test store open at a time: two fresh PostgreSQL test schemas open at once trip Kysely's
    // migrator (it finds the other schema's lock table).
    const k = await openTestStore(dialect, join(dir, 'killed.db'));
    killed = k;
    const repo = new ImportRepository(k.store.db, k.store.opened);
    const run = startImport(file, dbArg(k), dir);
    // Kill it once a few chunks are in, while it is still writing.
    let exited = false;
    void run.done.then(() => (exited = true));
    for (;;) {
      const [f] = await repo.list();
      if (f && f.progress.linesDone >= CHUNK * 3) break;
      if (exited) throw new Error('the import finished before it could be killed; make the file larger');
      await new Promise((r) => setTimeout(r, 10));
    }
    run.kill();
    expect(await run.done).toBeNull();

    const [partial] = await repo.list();
    expect(partial!.status).toBe('importing');
    expect(partial!.progress.linesDone).toBeLessThan(ROWS);
    const mid = await snapshot(k);
    expect(mid.rows).toBe(partial!.progress.rowsNew);
    expect(mid.rows).toBe(partial!.progress.linesDone);
    expect(mid.aggregateN).toBe(mid.dyadRows);

    // The same command again resumes the file and finishes it (on SQLite, through the writer
    // thread this time, so that both write paths are checked against the clean import).
    expect(await startImport(file, dbArg(k), dir, '1').done).toBe(0);
    const [done] = await repo.list();
    expect(done!.status).toBe('complete');
    expect(done!.progress).toMatchObject({
      linesDone: ROWS,
      rowsRead: ROWS,
      rowsKept: ROWS,
      rowsNew: ROWS,
      rowsRejected: 0,
    });

    const after = await snapshot(k);
    await k.close();
    killed = undefined;

    // And it equals an import that was never interrupted.
    const c = await openTestStore(dialect, join(dir, 'clean.db'));
    clean = c;
    expect(await startImport(file, dbArg(c), dir).done).toBe(0);
    const reference = await snapshot(c);
    expect(after.rows).toBe(ROWS);
    expect(after).toEqual(reference);
  }, 180_000);
});
