import { Migrator, sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportRepository } from '../import-repository.js';
import { TEST_DIALECTS, openTestStore, type TestStore } from '../test-support/test-stores.js';
import { migrations } from './index.js';

function migrator(t: TestStore): Migrator {
  return new Migrator({
    db: t.store.db as unknown as Kysely<unknown>,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
    ...(t.searchPath ? { migrationTableSchema: t.searchPath } : {}),
  });
}

/** An import_files row in the shape before 005. */
function fileRow(id: number, kept: number, added: number, first: string, last: string) {
  return sql`
    INSERT INTO import_files (id, case_id, path, name, size, fingerprint, content_hash, format, dataset, imported_at,
                              finished_at, status, lines_done, rows_read, rows_kept, rows_rejected, rows_new,
                              first_date, last_date, rejects_path, rejects_bytes, options)
    VALUES (${id}, 'imports', NULL, ${`f${id}.CSV`}, 1, NULL, NULL, 'gdelt2', 'gdelt2', '2026-01-01', '2026-01-01',
            'complete', ${kept}, ${kept}, ${kept}, 0, ${added}, ${first}, ${last}, NULL, 0, '{}')`;
}

describe.each(TEST_DIALECTS)('migration 005-import-holders (%s)', (dialect) => {
  let t: TestStore;
  afterEach(async () => t?.close());

  it('carries rows over, and lets a later overlapping file hold the earlier rows of its dates', async () => {
    t = await openTestStore(dialect);
    const m = migrator(t);
    expect((await m.migrateTo('003-import-series')).error).toBeUndefined();
    const db = t.store.db as unknown as Kysely<unknown>;
    await sql`INSERT INTO import_series (id, case_id, dataset) VALUES (1, 'imports', 'gdelt2')`.execute(db);
    // File 1 brought k1..k3 (2018-06-12..14); file 2 read 3 rows of 2018-06-13..15 and added one, k4.
    await fileRow(1, 3, 3, '2018-06-12', '2018-06-14').execute(db);
    await fileRow(2, 3, 1, '2018-06-13', '2018-06-15').execute(db);
    await sql`
      INSERT INTO imported_events (series, event_key, file_id, day, source_party, target_party, code, quad_class, goldstein)
      VALUES (1, 'k1', 1, 17694, 'USA', 'PRK', '042', 1, 1.9), (1, 'k2', 1, 17695, 'USA', 'PRK', '042', 1, 1.9),
             (1, 'k3', 1, 17696, 'PRK', 'USA', '043', 1, 2.8), (1, 'k4', 2, 17697, 'PRK', 'USA', '043', 1, 2.8)
    `.execute(db);

    expect((await m.migrateToLatest()).error).toBeUndefined();
    const holders = await sql<{ event_key: string; file_id: number }>`
      SELECT event_key, file_id FROM imported_event_holders ORDER BY event_key`.execute(db);
    expect(holders.rows.map((r) => [r.event_key, Number(r.file_id)])).toEqual([
      ['k2', 2],
      ['k3', 2],
    ]);
    const removed = await new ImportRepository(t.store.db, t.store.opened).remove(1);
    expect(removed).toMatchObject({ rows: 1, kept: 2 });
    const left = await sql<{ event_key: string; file_id: number }>`
      SELECT event_key, file_id FROM imported_events ORDER BY event_key`.execute(db);
    expect(left.rows.map((r) => [r.event_key, Number(r.file_id)])).toEqual([
      ['k2', 2],
      ['k3', 2],
      ['k4', 2],
    ]);
    expect((await sql`SELECT * FROM imported_event_holders`.execute(db)).rows).toEqual([]);

    expect((await m.migrateTo('003-import-series')).error).toBeUndefined();
    expect((await m.migrateToLatest()).error).toBeUndefined();
  });
});
