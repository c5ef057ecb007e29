import { sql, type Kysely } from 'kysely';

/**
 * Whether a migration runs on PostgreSQL. `version()` is PostgreSQL's; on SQLite the call fails,
 * which (unlike on PostgreSQL) leaves the migration's transaction usable.
 */
export async function isPostgres(db: Kysely<unknown>): Promise<boolean> {
  return (await sql`SELECT version()`.execute(db).catch(() => undefined)) !== undefined;
}
