import { Migrator, sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../model/event.js';
import { migrations } from './index.js';
import { TEST_DIALECTS, openTestStore, type TestStore } from '../test-support/test-stores.js';

function migrator(t: TestStore): Migrator {
  const db = t.store.db as unknown as Kysely<unknown>;
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
    ...(t.searchPath ? { migrationTableSchema: t.searchPath } : {}),
  });
}

const EVENT_COLUMNS = `case_id, id, date, day, source_actor, source_code, source_party, code, root, goldstein, quad_class, summary, provenance, status, verification, confidence`;

describe.each(TEST_DIALECTS)('known dates in the store (%s)', (dialect) => {
  let t: TestStore;
  afterEach(async () => t?.close());

  it('migration 004 carries stored facts over: each known from the earliest date of its sources', async () => {
    t = await openTestStore(dialect);
    const m = migrator(t);
    const down = await m.migrateTo('003-import-series');
    expect(down.error).toBeUndefined();
    const db = t.store.db as unknown as Kysely<unknown>;
    await sql
      .raw(`
      INSERT INTO events (${EVENT_COLUMNS}) VALUES
        ('c', 'same-day', '2018-10-07', 17811, 'kim', 'PRKGOV', 'PRK', '0355', '03', 5, 1, 's', 'typed', 'confirmed', 'claimed', 1),
        ('c', 'revealed', '2018-10-07', 17811, 'kim', 'PRKGOV', 'PRK', '0356', '03', 5, 1, 's', 'typed', 'confirmed', 'claimed', 1),
        ('c', 'undated', '2018-10-07', 17811, 'kim', 'PRKGOV', 'PRK', '0356', '03', 5, 1, 's', 'typed', 'confirmed', 'claimed', 1)
    `)
      .execute(db);
    await sql
      .raw(`
      INSERT INTO event_sources (case_id, event_id, seq, publisher, date) VALUES
        ('c', 'same-day', 0, 'State', '2018-10-07'), ('c', 'same-day', 1, 'KBS', '2018-10-08'),
        ('c', 'revealed', 0, 'NPR', '2019-01-31'), ('c', 'revealed', 1, 'Reuters', '2019-02-01'),
        ('c', 'undated', 0, 'Wire', NULL), ('c', 'undated', 1, 'NPR', '2019-01-31')
    `)
      .execute(db);
    await sql
      .raw(`
      INSERT INTO facility_statuses (case_id, facility_id, date, status, sources) VALUES
        ('c', 'reactor', '2018-12-01', 'dormant', '[{"publisher":"IAEA","date":"2019-08-20"}]')
    `)
      .execute(db);
    const up = await m.migrateToLatest();
    expect(up.error).toBeUndefined();
    const rows = await sql<{ id: string; known_date: string }>`SELECT id, known_date FROM events ORDER BY id`.execute(
      db,
    );
    expect(rows.rows.map((r) => [r.id, r.known_date])).toEqual([
      ['revealed', '2019-01-31'],
      ['same-day', '2018-10-07'],
      ['undated', '2018-10-07'],
    ]);
    const status = await sql<{ known_date: string }>`SELECT known_date FROM facility_statuses`.execute(db);
    expect(status.rows[0]?.known_date).toBe('2019-08-20');
    expect((await t.store.events.find({ caseId: 'c', knownBy: '2018-10-07' })).map((e) => e.id)).toEqual([
      'same-day',
      'undated',
    ]);
    expect((await t.store.events.find({ caseId: 'c', knownAfter: '2018-10-07' })).map((e) => e.id)).toEqual([
      'revealed',
    ]);
  });

  it('round-trips an event with its known date, later summary parts, commitment and source titles', async () => {
    t = await openTestStore(dialect);
    const e: LedgerEvent = {
      id: 'hanoi-offer',
      caseId: 'c',
      date: '2019-02-28',
      sourceActor: 'kim',
      sourceCode: 'PRKGOV',
      code: '0355',
      goldstein: 5,
      quadClass: 1,
      summary: 'The North offers Yongbyon with US experts.',
      facilities: [],
      sources: [{ publisher: 'Yonhap', date: '2019-03-01', title: 'Ri press conference' }],
      provenance: 'typed',
      status: 'confirmed',
      verification: 'claimed',
      confidence: 0.85,
      later: [{ known: '2019-03-15', text: 'Not taken up.' }],
      commitment: {
        verifier: 'named-experts',
        by: 'US experts',
        status: 'conditional',
        changes: [{ date: '2019-03-15', status: 'withdrawn', sources: [{ publisher: 'AP', date: '2019-03-15' }] }],
      },
    };
    const explicit: LedgerEvent = { ...e, id: 'explicit', known: '2019-03-10' };
    await t.store.events.insert([e, explicit], 'file');
    const back = await t.store.events.find({ caseId: 'c' });
    expect(back).toEqual([explicit, e]);
    // Read without sources, a move still knows when it became known.
    const bare = await t.store.events.find({ caseId: 'c', bare: true, knownBy: '2019-03-05' });
    expect(bare.map((x) => [x.id, x.known])).toEqual([['hanoi-offer', '2019-03-01']]);
  });
});
