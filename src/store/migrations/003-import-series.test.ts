import { Migrator, sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from './index.js';
import { TEST_DIALECTS, openTestStore, type TestStore } from '../test-support/test-stores.js';

function migrator(t: TestStore): Migrator {
  const db = t.store.db as unknown as Kysely<unknown>;
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(t.searchPath ? { migrationTableSchema: t.searchPath } : {}),
  });
}

describe.each(TEST_DIALECTS)('migration 003-import-series (%s)', (dialect) => {
  let t: TestStore;
  afterEach(async () => t?.close());

  it('carries imported rows from the 002 shape into series, and back down again', async () => {
    t = await openTestStore(dialect);
    const m = migrator(t);
    const down = await m.migrateTo('002-imports');
    expect(down.error).toBeUndefined();
    const db = t.store.db as unknown as Kysely<unknown>;
    await sql`
      INSERT INTO imported_events (case_id, dataset, event_key, file_id, date, day, source_party, target_party, code, quad_class, goldstein, extra)
      VALUES ('imports', 'gdelt2', '1', 1, '2018-06-12', 17694, 'USA', 'PRK', '042', 1, 1.9, NULL),
             ('imports', 'icews', '7|2018-06-13', 2, '2018-06-13', 17695, 'PRK', 'USA', '043', 1, 2.8, '{"publisher":"KCNA"}'),
             ('us-dprk-2018', 'gdelt2', '1', 3, '2018-06-14', 17696, NULL, NULL, '010', 1, 0, NULL)
    `.execute(db);

    const up = await m.migrateToLatest();
    expect(up.error).toBeUndefined();
    const series = await sql<{
      id: number;
      case_id: string;
      dataset: string;
    }>`SELECT id, case_id, dataset FROM import_series ORDER BY id`.execute(db);
    expect(series.rows.map((r) => [Number(r.id), r.case_id, r.dataset])).toEqual([
      [1, 'imports', 'gdelt2'],
      [2, 'imports', 'icews'],
      [3, 'us-dprk-2018', 'gdelt2'],
    ]);
    const rows = await sql<{ series: number; event_key: string; day: number; extra: string | null }>`
      SELECT series, event_key, day, extra FROM imported_events ORDER BY series`.execute(db);
    expect(rows.rows.map((r) => [Number(r.series), r.event_key, Number(r.day), r.extra])).toEqual([
      [1, '1', 17694, null],
      [2, '7|2018-06-13', 17695, '{"publisher":"KCNA"}'],
      [3, '1', 17696, null],
    ]);

    expect((await m.migrateTo('002-imports')).error).toBeUndefined();
    const back = await sql<{
      case_id: string;
      dataset: string;
      date: string;
    }>`SELECT case_id, dataset, date FROM imported_events ORDER BY day`.execute(db);
    expect(back.rows).toEqual([
      { case_id: 'imports', dataset: 'gdelt2', date: '2018-06-12' },
      { case_id: 'imports', dataset: 'icews', date: '2018-06-13' },
      { case_id: 'us-dprk-2018', dataset: 'gdelt2', date: '2018-06-14' },
    ]);
    expect((await m.migrateToLatest()).error).toBeUndefined();
  });
});
