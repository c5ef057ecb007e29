import { type Kysely, sql } from 'kysely';

/**
 * One side of a move and its code: "moves by PRK under 04", "moves on PRK under 087". The
 * conditions of a brief and the events page's actor filter ask this; without these indexes
 * the planner either walks every event of the code or every event of the party. A store whose
 * planner statistics were gathered (after an import) has the new indexes measured too, so that
 * the planner weighs them with the others rather than by guesswork. Nothing existing changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const side of ['source', 'target'] as const)
    await db.schema
      .createIndex(`events_case_${side}_code`)
      .ifNotExists()
      .on('events')
      .columns(['case_id', `${side}_party`, 'code', 'date'])
      .execute();
  if (await hasSqliteStatistics(db)) {
    await sql`ANALYZE events_case_source_code`.execute(db);
    await sql`ANALYZE events_case_target_code`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_case_source_code').ifExists().execute();
  await db.schema.dropIndex('events_case_target_code').ifExists().execute();
}

/**
 * SQLite with an sqlite_stat1 table (ANALYZE has run). PostgreSQL reads column statistics, not
 * index ones. `version()` is PostgreSQL's: asked first, because a failed query on PostgreSQL
 * would spoil the migration's transaction, while on SQLite it leaves it usable.
 */
async function hasSqliteStatistics(db: Kysely<unknown>): Promise<boolean> {
  if ((await sql`SELECT version()`.execute(db).catch(() => undefined)) !== undefined) return false;
  const found = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`.execute(
    db,
  );
  return Number(found.rows[0]?.n ?? 0) > 0;
}
