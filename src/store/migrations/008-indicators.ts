import type { Kysely } from 'kysely';

/**
 * Indicators of a case (measured quantities with a unit, an optional facility and limit) and
 * their dated measurements. A measurement keeps the date it refers to and the date it was
 * reported (`known_date`), so a reading as known on a day leaves out what was reported later.
 * New tables only: nothing existing changes, and cases loaded before read as having none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('indicators')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text')
    .addColumn('limit_json', 'text')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('indicators_pk', ['case_id', 'id'])
    .execute();
  await db.schema
    .createTable('indicator_measurements')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('known_date', 'text', (c) => c.notNull())
    .addColumn('figure', 'text', (c) => c.notNull())
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('by', 'text', (c) => c.notNull())
    .addColumn('report', 'text')
    .addColumn('paragraph', 'text')
    .addColumn('report_seen', 'integer')
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('indicator_measurements_pk', ['case_id', 'indicator_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('indicator_measurements').ifExists().execute();
  await db.schema.dropTable('indicators').ifExists().execute();
}
