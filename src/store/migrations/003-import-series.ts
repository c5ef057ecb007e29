import { sql, type Kysely } from 'kysely';
import { isPostgres } from './is-postgres.js';

/**
 * Narrower imported rows, for import speed (measured in bench/import.bench.ts: SQLite's B-tree
 * work, not parsing, was two thirds of an import, and it grows with the bytes of each row and of
 * each index entry).
 *
 * - (case, dataset) becomes one small integer, the row's `series` (`import_series`), so that each
 *   row and each entry of the key and dyad indexes carry 1–2 bytes instead of two strings.
 * - The ISO `date` column goes: `day` (days since 1970-01-01) holds the same date.
 * - The dyad index holds only rows with both parties.
 * - On SQLite the table is WITHOUT ROWID, keyed by (series, event key).
 *
 * Rows already imported are carried over.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_series')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addUniqueConstraint('import_series_case_dataset', ['case_id', 'dataset'])
    .execute();
  await sql`
    INSERT INTO import_series (id, case_id, dataset)
    SELECT row_number() OVER (ORDER BY case_id, dataset), case_id, dataset
    FROM (SELECT DISTINCT case_id, dataset FROM imported_events) AS d
  `.execute(db);

  // On SQLite the rows are stored in the order of their key, WITHOUT ROWID: the table is then the
  // key's B-tree, not a table plus a separate key index, one B-tree less to write per row
  // (measured in bench/import.bench.ts). PostgreSQL has no such option and keeps its heap.
  const postgres = await isPostgres(db);
  await db.schema
    .createTable('imported_events_v3')
    .addColumn('series', 'integer', (c) => c.notNull())
    // The dataset's own event id (ICEWS: `id|date`, since ICEWS ids repeat across dates).
    .addColumn('event_key', 'text', (c) => c.notNull())
    .addColumn('file_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('source_code', 'text')
    .addColumn('target_code', 'text')
    .addColumn('source_party', 'text')
    .addColumn('target_party', 'text')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('quad_class', 'integer', (c) => c.notNull())
    .addColumn('goldstein', 'double precision', (c) => c.notNull())
    .addColumn('source_name', 'text')
    .addColumn('target_name', 'text')
    .addColumn('url', 'text')
    .addColumn('extra', 'text')
    .addPrimaryKeyConstraint('imported_events_series_key', ['series', 'event_key'])
    .$call((t) => (postgres ? t : t.modifyEnd(sql`WITHOUT ROWID`)))
    .execute();
  await sql`
    INSERT INTO imported_events_v3 (series, event_key, file_id, day, source_code, target_code, source_party, target_party,
                                    code, quad_class, goldstein, source_name, target_name, url, extra)
    SELECT s.id, e.event_key, e.file_id, e.day, e.source_code, e.target_code, e.source_party, e.target_party,
           e.code, e.quad_class, e.goldstein, e.source_name, e.target_name, e.url, e.extra
    FROM imported_events e JOIN import_series s ON s.case_id = e.case_id AND s.dataset = e.dataset
  `.execute(db);
  await db.schema.dropTable('imported_events').execute();
  await db.schema.alterTable('imported_events_v3').renameTo('imported_events').execute();
  // Only rows with both parties belong to a dyad; in GDELT many rows name one actor only, and
  // leaving them out of the index saves its upkeep on every such row.
  await db.schema
    .createIndex('imported_events_by_dyad')
    .on('imported_events')
    .columns(['series', 'source_party', 'target_party', 'day'])
    .where(sql.ref('source_party'), 'is not', null)
    .where(sql.ref('target_party'), 'is not', null)
    .execute();
  await db.schema.createIndex('imported_events_by_file').on('imported_events').column('file_id').execute();
}

/** Back to the shape of `002-imports`, rows carried over. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('imported_events_v2')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('event_key', 'text', (c) => c.notNull())
    .addColumn('file_id', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('source_code', 'text')
    .addColumn('target_code', 'text')
    .addColumn('source_party', 'text')
    .addColumn('target_party', 'text')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('quad_class', 'integer', (c) => c.notNull())
    .addColumn('goldstein', 'double precision', (c) => c.notNull())
    .addColumn('source_name', 'text')
    .addColumn('target_name', 'text')
    .addColumn('url', 'text')
    .addColumn('extra', 'text')
    .addPrimaryKeyConstraint('imported_events_pk', ['case_id', 'dataset', 'event_key'])
    .execute();
  // The ISO date back from the day number, in each engine's own date arithmetic.
  const date = (await isPostgres(db))
    ? sql`to_char(DATE '1970-01-01' + e.day, 'YYYY-MM-DD')`
    : sql`date(e.day * 86400, 'unixepoch')`;
  await sql`
    INSERT INTO imported_events_v2 (case_id, dataset, event_key, file_id, date, day, source_code, target_code, source_party, target_party,
                                    code, quad_class, goldstein, source_name, target_name, url, extra)
    SELECT s.case_id, s.dataset, e.event_key, e.file_id, ${date}, e.day, e.source_code, e.target_code, e.source_party, e.target_party,
           e.code, e.quad_class, e.goldstein, e.source_name, e.target_name, e.url, e.extra
    FROM imported_events e JOIN import_series s ON s.id = e.series
  `.execute(db);
  await db.schema.dropTable('imported_events').execute();
  await db.schema.dropTable('import_series').execute();
  await db.schema.alterTable('imported_events_v2').renameTo('imported_events').execute();
  await db.schema
    .createIndex('imported_events_dyad')
    .on('imported_events')
    .columns(['case_id', 'source_party', 'target_party', 'day'])
    .execute();
  await db.schema.createIndex('imported_events_file').on('imported_events').column('file_id').execute();
}
