import type { Kysely } from 'kysely';

/**
 * Where each case was exported and the hash of the files written there, so that a later export
 * to the same folder can tell the files Parley wrote (safe to write over) from a person's edits
 * (kept unless `--force`). Nothing existing changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_exports')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('dir', 'text', (c) => c.notNull())
    .addColumn('files_hash', 'text', (c) => c.notNull())
    .addColumn('exported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_exports_pk', ['case_id', 'dir'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_exports').execute();
}
