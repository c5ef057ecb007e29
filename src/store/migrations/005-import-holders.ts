import { sql, type Kysely } from 'kysely';
import { isPostgres } from './is-postgres.js';

/**
 * Every file that brought an imported row, and what a resumed import checks before it skips lines.
 *
 * - `imported_event_holders`: a row belongs to every file that brought it, and goes only when no
 *   file holds it any more (`parley sources remove`). The file that brought a row first stays in
 *   the row's own `file_id`; this table lists the others. Most rows of most imports are new, and
 *   those cost nothing here: only a row that was already stored, brought again by another file,
 *   adds a line (a re-issued GDELT day, an ICEWS yearly file after the weekly ones).
 * - `import_files.bytes_done` and `prefix_hash`: how many bytes of the input (as stored: the
 *   compressed bytes of a .gz or a zip entry) had been read when the last chunk committed, and
 *   their MD5. An interrupted import resumes only on an input whose first `bytes_done` bytes hash
 *   the same; a file that changed in between is imported afresh.
 *
 * Rows imported before this migration carry over with the file that brought them. Which later
 * files also held them was not recorded; a later file of the same case and dataset that found rows
 * already stored (it kept more than it added) is taken to hold every earlier row within its date
 * range, so that removing the earlier file never takes a row the later one may need. At worst a
 * row stays until that later file is removed too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = await isPostgres(db);
  await db.schema
    .createTable('imported_event_holders')
    .addColumn('series', 'integer', (c) => c.notNull())
    .addColumn('event_key', 'text', (c) => c.notNull())
    .addColumn('file_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('imported_event_holders_pk', ['series', 'event_key', 'file_id'])
    .$call((t) => (postgres ? t : t.modifyEnd(sql`WITHOUT ROWID`)))
    .execute();
  await db.schema
    .createIndex('imported_event_holders_by_file')
    .on('imported_event_holders')
    .column('file_id')
    .execute();
  await db.schema
    .alterTable('import_files')
    .addColumn('bytes_done', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('import_files').addColumn('prefix_hash', 'text').execute();

  const day = (column: string) =>
    postgres
      ? sql`(${sql.ref(column)}::date - DATE '1970-01-01')`
      : sql`CAST(julianday(${sql.ref(column)}) - 2440587.5 AS INTEGER)`;
  await sql`
    INSERT INTO imported_event_holders (series, event_key, file_id)
    SELECT e.series, e.event_key, l.id
    FROM import_files l
    JOIN import_series s ON s.case_id = l.case_id AND s.dataset = l.dataset
    JOIN imported_events e ON e.series = s.id AND e.file_id < l.id
      AND e.day BETWEEN ${day('l.first_date')} AND ${day('l.last_date')}
    WHERE l.rows_kept > l.rows_new AND l.first_date IS NOT NULL AND l.last_date IS NOT NULL
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('imported_event_holders').execute();
  await db.schema.alterTable('import_files').dropColumn('prefix_hash').execute();
  await db.schema.alterTable('import_files').dropColumn('bytes_done').execute();
}
