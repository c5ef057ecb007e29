import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportRepository } from '../import-repository.js';
import { PostgresMigrationDialect } from '../postgres-migration-dialect.js';
import { openStore, type Store } from '../store.js';
import { TEST_DIALECTS } from '../test-support/test-stores.js';
import { migrations } from './index.js';

/**
 * Migration 005 was written beside 006 to 014 and landed after them: stores in use have run every
 * migration but 005. Opening such a store must run 005 then, and keep what it holds.
 */
const withoutHolders = Object.fromEntries(Object.entries(migrations).filter(([name]) => !name.startsWith('005-')));

/** A store as the code before 005 left it: every other migration run, one imported file of three rows. */
async function migrateWithout005(db: Kysely<unknown>, schema?: string): Promise<void> {
  const m = new Migrator({
    db,
    provider: { getMigrations: async () => withoutHolders },
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await m.migrateToLatest();
  expect(error).toBeUndefined();
  await sql`INSERT INTO import_series (id, case_id, dataset) VALUES (1, 'imports', 'gdelt2')`.execute(db);
  await sql`
    INSERT INTO import_files (id, case_id, path, name, size, fingerprint, content_hash, format, dataset, imported_at,
                              finished_at, status, lines_done, rows_read, rows_kept, rows_rejected, rows_new,
                              first_date, last_date, rejects_path, rejects_bytes, options)
    VALUES (1, 'imports', NULL, 'a.CSV', 1, NULL, NULL, 'gdelt2', 'gdelt2', '2026-01-01', '2026-01-01',
            'complete', 3, 3, 3, 0, 3, '2018-06-12', '2018-06-14', NULL, 0, '{}')`.execute(db);
  await sql`
    INSERT INTO imported_events (series, event_key, file_id, day, source_party, target_party, code, quad_class, goldstein)
    VALUES (1, 'k1', 1, 17694, 'USA', 'PRK', '042', 1, 1.9), (1, 'k2', 1, 17695, 'USA', 'PRK', '042', 1, 1.9),
           (1, 'k3', 1, 17696, 'PRK', 'USA', '043', 1, 2.8)`.execute(db);
}

interface Prepared {
  location: string;
  searchPath?: string;
  cleanup(): Promise<void>;
}

async function prepareSqlite(): Promise<Prepared> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-005-'));
  const location = join(dir, 'parley.db');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(location) }) });
  await migrateWithout005(db);
  await db.destroy();
  return { location, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function preparePostgres(): Promise<Prepared> {
  const location = process.env.PARLEY_TEST_PG!;
  const schema = `t005_${process.pid}_${randomBytes(8).toString('hex')}`;
  const admin = new pg.Client({ connectionString: location });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const pool = new pg.Pool({ connectionString: location, max: 2, options: `-c search_path=${schema}` });
  // Kysely's own introspector reads every schema, and fails when a parallel test drops its own meanwhile.
  const db = new Kysely<unknown>({ dialect: new PostgresMigrationDialect({ pool }) });
  await migrateWithout005(db, schema);
  await db.destroy();
  return {
    location,
    searchPath: schema,
    async cleanup() {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

describe.each(TEST_DIALECTS)('migration 005 on a store that ran 006 to 014 first (%s)', (dialect) => {
  let prepared: Prepared | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    await prepared?.cleanup();
    store = undefined;
    prepared = undefined;
  });

  it('runs 005 when the store is next opened, keeps the imported rows, and removes them with their file', async () => {
    prepared = dialect === 'sqlite' ? await prepareSqlite() : await preparePostgres();
    store = await openStore(prepared.location, prepared.searchPath ? { searchPath: prepared.searchPath } : {});
    const db = store.db as unknown as Kysely<unknown>;

    const ran = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY timestamp, name`.execute(db);
    const names = ran.rows.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(Object.keys(migrations)));
    expect(names.at(-1)).toBe('005-import-holders');

    const files = await sql<{ bytes_done: number; prefix_hash: string | null }>`
      SELECT bytes_done, prefix_hash FROM import_files`.execute(db);
    expect(files.rows.map((r) => [Number(r.bytes_done), r.prefix_hash])).toEqual([[0, null]]);
    expect((await sql`SELECT * FROM imported_event_holders`.execute(db)).rows).toEqual([]);

    const removed = await new ImportRepository(store.db, store.opened).remove(1);
    expect(removed).toMatchObject({ rows: 3, kept: 0 });
    expect((await sql`SELECT * FROM imported_events`.execute(db)).rows).toEqual([]);
  });
});
