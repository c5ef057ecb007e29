import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/store.js';
import { TEST_DIALECTS } from '../store/test-support/test-stores.js';
import { dbArg, emptyPostgresSchema, runCli } from './test-support/processes.js';

const WRITERS = 20;

/** A store nobody has opened yet: a path to no file, or an empty PostgreSQL schema. */
interface FreshStore {
  /** What a child process is given as --db. */
  db: string;
  open(): Promise<Store>;
  drop(): Promise<void>;
}

async function freshStore(dialect: 'sqlite' | 'postgres'): Promise<FreshStore> {
  if (dialect === 'sqlite') {
    const path = join(mkdtempSync(join(tmpdir(), 'parley-writers-')), 'parley.db');
    return { db: path, open: () => openStore(path), drop: async () => undefined };
  }
  const schema = await emptyPostgresSchema();
  return {
    db: dbArg(schema),
    open: () => openStore(schema.location, { searchPath: schema.searchPath }),
    drop: () => schema.drop(),
  };
}

/** 20 `event add` of the same day, actors and code (no --id), all started at once. */
async function addAtOnce(db: string, home: string): Promise<void> {
  const runs = await Promise.all(
    Array.from({ length: WRITERS }, (_, i) =>
      runCli(
        [
          'event',
          'add',
          '2018-11-20',
          'mike-pompeo',
          '040',
          'prk',
          '--summary',
          `call ${i}`,
          '--publisher',
          'Yonhap',
          '--verbose',
        ],
        { env: { PARLEY_HOME: home, PARLEY_DB: db } },
      ),
    ),
  );
  const failed = runs.filter((r) => r.code !== 0);
  expect(failed.map((r) => r.stderr)).toEqual([]);
}

async function countAdded(fresh: FreshStore): Promise<{ events: number; ids: number }> {
  const store = await fresh.open();
  try {
    const events = await store.events.find({
      caseId: 'us-dprk-2018',
      from: '2018-11-20',
      to: '2018-11-20',
      codes: ['040'],
    });
    return { events: events.length, ids: new Set(events.map((e) => e.id)).size };
  } finally {
    await store.close();
  }
}

describe.each(TEST_DIALECTS)('parallel writers (%s)', (dialect) => {
  it(`${WRITERS} event add processes on a fresh store all succeed: migrations run once, under a lock`, async () => {
    const home = mkdtempSync(join(tmpdir(), 'parley-home-'));
    const fresh = await freshStore(dialect);
    try {
      await addAtOnce(fresh.db, home);
      expect(await countAdded(fresh)).toEqual({ events: WRITERS, ids: WRITERS });
    } finally {
      await fresh.drop();
    }
  });

  it(`${WRITERS} event add processes on an initialised store each get their own id`, async () => {
    const home = mkdtempSync(join(tmpdir(), 'parley-home-'));
    const fresh = await freshStore(dialect);
    try {
      // Initialised: migrated, with the built-in case loaded, and a move of the day before.
      const first = await runCli(
        ['event', 'add', '2018-11-19', 'mike-pompeo', '040', 'prk', '--summary', 'first', '--publisher', 'Yonhap'],
        { env: { PARLEY_HOME: home, PARLEY_DB: fresh.db } },
      );
      expect(first.stderr).toBe('');
      await addAtOnce(fresh.db, home);
      expect(await countAdded(fresh)).toEqual({ events: WRITERS, ids: WRITERS });
    } finally {
      await fresh.drop();
    }
  });
});
