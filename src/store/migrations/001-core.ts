import type { Kysely } from 'kysely';

/** The case ledger: actors, events with their facilities and sources, agreements, facilities, conditions, and dyad aggregates. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('files_hash', 'text')
    .addColumn('source_dir', 'text')
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('actors')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('notes', 'text')
    .addPrimaryKeyConstraint('actors_pk', ['case_id', 'id'])
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('source_actor', 'text', (c) => c.notNull())
    .addColumn('target_actor', 'text')
    .addColumn('source_code', 'text', (c) => c.notNull())
    .addColumn('target_code', 'text')
    .addColumn('source_title', 'text')
    .addColumn('target_title', 'text')
    .addColumn('source_party', 'text', (c) => c.notNull())
    .addColumn('target_party', 'text')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('root', 'text', (c) => c.notNull())
    .addColumn('goldstein', 'double precision', (c) => c.notNull())
    .addColumn('quad_class', 'integer', (c) => c.notNull())
    .addColumn('goldstein_reason', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('provenance', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('confidence', 'double precision', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('origin_key', 'text')
    .addPrimaryKeyConstraint('events_pk', ['case_id', 'id'])
    .execute();
  await db.schema.createIndex('events_case_date').on('events').columns(['case_id', 'date']).execute();
  await db.schema.createIndex('events_case_code').on('events').columns(['case_id', 'code', 'date']).execute();
  // Dyad and code together: gates (USA 042 PRK), concessions and pace steps of a dyad read only their own rows.
  await db.schema
    .createIndex('events_case_dyad_code')
    .on('events')
    .columns(['case_id', 'source_party', 'target_party', 'code', 'date'])
    .execute();
  await db.schema.createIndex('events_case_status_date').on('events').columns(['case_id', 'status', 'date']).execute();
  await db.schema.createIndex('events_case_origin').on('events').columns(['case_id', 'origin_key']).execute();

  await db.schema
    .createTable('event_facilities')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_facilities_pk', ['case_id', 'event_id', 'facility_id'])
    .execute();
  await db.schema
    .createIndex('event_facilities_facility')
    .on('event_facilities')
    .columns(['case_id', 'facility_id'])
    .execute();

  await db.schema
    .createTable('event_sources')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('link', 'text')
    .addColumn('quote', 'text')
    .addPrimaryKeyConstraint('event_sources_pk', ['case_id', 'event_id', 'seq'])
    .execute();

  await db.schema
    .createTable('agreements')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('parties', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agreements_pk', ['case_id', 'id'])
    .execute();

  await db.schema
    .createTable('provisions')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('owed_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('provisions_pk', ['case_id', 'agreement_id', 'id'])
    .execute();

  await db.schema
    .createTable('provision_statuses')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('provision_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('provision_statuses_pk', ['case_id', 'agreement_id', 'provision_id', 'date'])
    .execute();

  await db.schema
    .createTable('facilities')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('key', 'integer', (c) => c.notNull())
    .addColumn('declared', 'integer')
    .addColumn('notes', 'text')
    .addPrimaryKeyConstraint('facilities_pk', ['case_id', 'id'])
    .execute();

  await db.schema
    .createTable('facility_statuses')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('facility_statuses_pk', ['case_id', 'facility_id', 'date'])
    .execute();

  await db.schema
    .createTable('observations')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('by', 'text', (c) => c.notNull())
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('finding', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text')
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('observations_pk', ['case_id', 'facility_id', 'seq'])
    .execute();

  await db.schema
    .createTable('conditions')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('since', 'text')
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('current', 'integer', (c) => c.notNull())
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('conditions_pk', ['case_id', 'id', 'version'])
    .execute();

  await db.schema
    .createTable('event_days')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_days_pk', ['case_id', 'day', 'status'])
    .execute();

  await db.schema
    .createTable('dyad_days')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('quad_class', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('goldstein_sum', 'double precision', (c) => c.notNull())
    .addColumn('positive_sum', 'double precision', (c) => c.notNull())
    .addColumn('negative_sum', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('dyad_days_pk', ['case_id', 'source', 'target', 'day', 'quad_class', 'origin'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'dyad_days',
    'event_days',
    'conditions',
    'observations',
    'facility_statuses',
    'facilities',
    'provision_statuses',
    'provisions',
    'agreements',
    'event_sources',
    'event_facilities',
    'events',
    'actors',
    'cases',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
