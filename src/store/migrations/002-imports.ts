import type { Kysely } from 'kysely';

/**
 * Imported event data (GDELT, ICEWS, POLECAT, Phoenix, CSV): one row per imported file, and one
 * narrow row per imported event. Rows are keyed by (case, dataset, the dataset's own event key), so
 * re-importing a file or an overlapping file adds nothing. Raw extras that no query filters on are
 * packed into `extra` (JSON text) to keep the table and its indexes narrow: imports are measured in
 * hundreds of thousands of rows per second, and every column costs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_files')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('path', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint')
    // Cheap identity known before reading: size plus a hash of the head and tail. Finds an
    // interrupted import of the same file to resume, or a complete one to skip.
    .addColumn('fingerprint', 'text')
    // MD5 of the bytes as stored (the zip itself for a .zip, as GDELT's masterfilelist lists it).
    .addColumn('content_hash', 'text')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('dataset', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    // importing (interrupted or running), complete
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lines_done', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_read', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_kept', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_rejected', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_new', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('first_date', 'text')
    .addColumn('last_date', 'text')
    .addColumn('rejects_path', 'text')
    .addColumn('rejects_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    // JSON of the filters the file was imported with, so `sources` can say what was left out.
    .addColumn('options', 'text')
    .execute();
  await db.schema
    .createIndex('import_files_fingerprint')
    .on('import_files')
    .columns(['case_id', 'fingerprint'])
    .execute();

  await db.schema
    .createTable('imported_events')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('dataset', 'text', (c) => c.notNull())
    // The dataset's own event id (ICEWS: `id|date`, since ICEWS ids repeat across dates).
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
  await db.schema
    .createIndex('imported_events_dyad')
    .on('imported_events')
    .columns(['case_id', 'source_party', 'target_party', 'day'])
    .execute();
  await db.schema.createIndex('imported_events_file').on('imported_events').column('file_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('imported_events').ifExists().execute();
  await db.schema.dropTable('import_files').ifExists().execute();
}
