import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeSyntheticEvents } from '../importers/synthetic-events.js';
import { zipOf } from '../importers/test-support/zip-writer.js';
import { ImportRepository } from '../store/import-repository.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../store/test-support/test-stores.js';
import { seededRandom } from '../util/seeded-random.js';
import { dbArg, runCli, startCli, type Finished } from './test-support/processes.js';
import { snapshotStore } from './test-support/snapshot.js';

/**
 * Real `parley` processes killed (SIGKILL) at random points, on SQLite and PostgreSQL: an import
 * in the middle of its chunks, a case load and a review anywhere in their run. After each kill the
 * store holds either what it held before or what a clean run leaves, never a mix; and the same
 * command run again ends as a clean run does. The seed is printed; PARLEY_FAULT_SEED replays it.
 */
const SEED = Number(process.env.PARLEY_FAULT_SEED ?? Date.now() % 100_000);
const random = seededRandom(SEED);
const KILLS = 3;
const MINI = fileURLToPath(new URL('../case/fixtures/mini/', import.meta.url));

function describeSeed(): string {
  return `seed ${SEED} (PARLEY_FAULT_SEED=${SEED} replays it)`;
}

/** A fresh test store on a file (SQLite) or schema (PostgreSQL), for processes to share. */
async function storeIn(dialect: 'sqlite' | 'postgres', dir: string, name: string): Promise<TestStore> {
  return openTestStore(dialect, join(dir, `${name}.db`));
}

/** Starts `args`, kills it after `ms` (or lets it end first); how it ended. */
async function killAfter(args: string[], env: Record<string, string>, ms: number): Promise<Finished> {
  const run = startCli(args, { env });
  const timer = setTimeout(() => run.kill(), ms);
  const done = await run.done;
  clearTimeout(timer);
  return done;
}

/** How long a clean run of `args` takes, to choose kill points inside it. */
async function timed(args: string[], env: Record<string, string>): Promise<number> {
  const t0 = performance.now();
  const r = await runCli(args, { env });
  expect(r.stderr).toBe('');
  return performance.now() - t0;
}

describe.each(TEST_DIALECTS)(`kills at random points (%s), ${describeSeed()}`, (dialect) => {
  it('an import killed between and inside its chunks resumes, and ends as a clean import does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-kill-import-'));
    const plain = join(dir, 'rows.tsv');
    writeSyntheticEvents(plain, 'gdelt2', 40_000, { seed: SEED });
    const zip = join(dir, '20180612000000.export.CSV.zip');
    writeFileSync(zip, zipOf([['20180612000000.export.CSV', readFileSync(plain)]]));
    const env = { PARLEY_HOME: dir };
    const args = (t: TestStore) => ['import', zip, '--db', dbArg(t), '--chunk-rows', '2000'];

    const killed = await storeIn(dialect, dir, 'killed');
    const repo = new ImportRepository(killed.store.db, killed.store.opened);
    for (let k = 0; k < KILLS; k++) {
      const stopAt = Math.floor(random() * 40_000);
      const run = startCli(args(killed), { env });
      let ended = false;
      void run.done.then(() => (ended = true));
      for (;;) {
        const [f] = await repo.list();
        if (ended || (f && f.progress.linesDone >= stopAt)) break;
        await new Promise((r) => setTimeout(r, 5 + random() * 20));
      }
      run.kill();
      await run.done;
      // Whatever the moment: rows, aggregates and progress agree.
      const totals = await repo.totals('imports');
      const [f] = await repo.list();
      expect(totals.aggregateN).toBe(totals.dyadRows);
      expect(totals.rows).toBe(f?.progress.rowsNew ?? 0);
    }
    const last = await runCli(args(killed), { env });
    expect(last.code).toBe(0);
    const after = await snapshotStore(killed.store);
    await killed.close();

    const clean = await storeIn(dialect, dir, 'clean');
    expect((await runCli(args(clean), { env })).code).toBe(0);
    const reference = await snapshotStore(clean.store);
    await clean.close();
    expect(after.imported_events).toHaveLength(40_000);
    expect(after).toEqual(reference);
  });

  it('a case load killed anywhere leaves the case as it was or as loaded, and loads whole when run again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-kill-load-'));
    const folder = join(dir, 'mini');
    cpSync(MINI, folder, { recursive: true });
    const env = { PARLEY_HOME: dir };
    const before = await storeIn(dialect, dir, 'before');
    expect((await runCli(['case', 'load', folder, '--db', dbArg(before)], { env })).code).toBe(0);
    const beforeSnap = await snapshotStore(before.store);
    // An edited folder: an event's summary changed, one event added.
    const events = join(folder, 'events.yaml');
    writeFileSync(events, readFileSync(events, 'utf8').replace('The envoy visits as Secretary of State.', 'Edited.'));
    appendFileSync(
      events,
      '- id: 2018-06-13-added\n  date: 2018-06-13\n  source: envoy\n  target: prk\n  code: "040"\n  summary: Added.\n  sources: [{ publisher: Test Wire }]\n',
    );
    const took = await timed(['case', 'load', folder, '--db', dbArg(before)], env);
    const afterSnap = await snapshotStore(before.store);
    await before.close();
    expect(afterSnap).not.toEqual(beforeSnap);

    const killed = await storeIn(dialect, dir, 'killed');
    cpSync(MINI, join(dir, 'mini-original'), { recursive: true });
    expect((await runCli(['case', 'load', join(dir, 'mini-original'), '--db', dbArg(killed)], { env })).code).toBe(0);
    for (let k = 0; k < KILLS; k++) {
      await killAfter(['case', 'load', folder, '--db', dbArg(killed)], env, random() * took);
      const now = await snapshotStore(killed.store);
      const whole = [beforeSnap, afterSnap].some(
        (s) => JSON.stringify(withoutSourceDir(s)) === JSON.stringify(withoutSourceDir(now)),
      );
      expect(whole).toBe(true);
    }
    expect((await runCli(['case', 'load', folder, '--db', dbArg(killed)], { env })).code).toBe(0);
    expect(withoutSourceDir(await snapshotStore(killed.store))).toEqual(withoutSourceDir(afterSnap));
    await killed.close();
  });

  it('a review killed anywhere confirms all its events or none, and confirms them when run again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-kill-review-'));
    const folder = join(dir, 'mini');
    cpSync(MINI, folder, { recursive: true });
    const ids: string[] = [];
    let proposed = '';
    for (let i = 0; i < 200; i++) {
      const id = `2018-07-${String(1 + (i % 28)).padStart(2, '0')}-proposed-${i}`;
      ids.push(id);
      proposed += `- id: ${id}\n  date: ${id.slice(0, 10)}\n  source: envoy\n  target: prk\n  code: "040"\n  summary: Proposed ${i}.\n  status: proposed\n  sources: [{ publisher: Test Wire }]\n`;
    }
    appendFileSync(join(folder, 'events.yaml'), proposed);
    const env = { PARLEY_HOME: dir };
    const review = (t: TestStore) => ['review', '--case', 'mini', 'confirm', ...ids, '--db', dbArg(t)];

    const clean = await storeIn(dialect, dir, 'clean');
    expect((await runCli(['case', 'load', folder, '--db', dbArg(clean)], { env })).code).toBe(0);
    const beforeSnap = await snapshotStore(clean.store);
    const took = await timed(review(clean), env);
    const afterSnap = await snapshotStore(clean.store);
    await clean.close();

    const killed = await storeIn(dialect, dir, 'killed');
    expect((await runCli(['case', 'load', folder, '--db', dbArg(killed)], { env })).code).toBe(0);
    for (let k = 0; k < KILLS; k++) {
      await killAfter(review(killed), env, random() * took);
      const now = JSON.stringify(await snapshotStore(killed.store));
      expect([JSON.stringify(beforeSnap), JSON.stringify(afterSnap)]).toContain(now);
    }
    expect((await runCli(review(killed), { env })).code).toBe(0);
    expect(await snapshotStore(killed.store)).toEqual(afterSnap);
    await killed.close();
  });

  it('removing a killed stdin import keeps the rows the completed import of the same data holds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-kill-stdin-'));
    const plain = join(dir, 'rows.tsv');
    writeSyntheticEvents(plain, 'gdelt2', 30_000, { seed: SEED + 1 });
    const bytes = readFileSync(plain);
    const env = { PARLEY_HOME: dir };
    const t = await storeIn(dialect, dir, 'stdin');
    const repo = new ImportRepository(t.store.db, t.store.opened);
    const args = ['import', '-', '--format', 'gdelt2', '--db', dbArg(t), '--chunk-rows', '2000'];
    const first = startCli(args, { env, stdin: 'pipe' });
    first.stdin!.write(bytes.subarray(0, bytes.length / 2));
    for (;;) {
      const [f] = await repo.list();
      if (f && f.progress.rowsNew >= 4000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    first.kill();
    await first.done;
    const second = startCli(args, { env, stdin: 'pipe' });
    second.stdin!.end(bytes);
    expect((await second.done).code).toBe(0);
    const [stale, complete] = await repo.list();
    expect([stale!.status, complete!.status]).toEqual(['importing', 'complete']);
    const removed = await repo.remove(stale!.id);
    expect(removed.rows).toBe(0);
    expect(removed.kept).toBe(stale!.progress.rowsNew);
    expect((await repo.totals('imports')).rows).toBe(30_000);
    await t.close();
  });
});

/** The folder a case was loaded from differs between the stores of one test; what it holds does not. */
function withoutSourceDir(s: Record<string, string[]>): Record<string, string[]> {
  return { ...s, cases: s.cases!.map((row) => row.replace(/"source_dir","[^"]*"/, '"source_dir",""')) };
}
