import { Kysely, Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import { StoreError } from '../model/errors.js';
import type { Database } from './database.js';
import { migrations } from './migrations/index.js';
import type { OpenedDatabase } from './open-store.js';
import { PostgresMigrationDialect } from './postgres-migration-dialect.js';
import { NestedSqliteDialect } from './sqlite-dialects.js';

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/**
 * Brings the schema up to date, one process at a time. Several processes may open a fresh store at
 * once (parallel `parley event add`, a cron job beside an interactive command): each first checks,
 * without a lock, whether every migration has run; only if one has not does it take the store's
 * exclusive lock (SQLite: `BEGIN IMMEDIATE` around the whole migrator; PostgreSQL: an advisory
 * lock per schema, held by one session), and the migrator then finds, under the lock, what the
 * processes before it left to do.
 */
export async function migrateToLatest(opened: OpenedDatabase): Promise<void> {
  if (await isUpToDate(opened)) return;
  if (opened.sqlite) await migrateSqlite(opened);
  else await migratePostgres(opened);
}

async function isUpToDate(opened: OpenedDatabase): Promise<boolean> {
  const names = Object.keys(migrations);
  try {
    const done = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(opened.db);
    const have = new Set(done.rows.map((r) => r.name));
    return names.every((n) => have.has(n));
  } catch {
    // No migration table yet: a fresh store.
    return false;
  }
}

async function migrateSqlite(opened: OpenedDatabase): Promise<void> {
  const sqlite = opened.sqlite!;
  // The busy timeout makes a second process wait here until the first has committed.
  sqlite.exec('BEGIN IMMEDIATE');
  const db = new Kysely<Database>({ dialect: new NestedSqliteDialect({ database: sqlite }) });
  try {
    await runMigrator(db);
    sqlite.exec('COMMIT');
  } catch (err) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw err;
  } finally {
    await db.destroy();
  }
}

async function migratePostgres(opened: OpenedDatabase): Promise<void> {
  const pool = opened.pool!;
  const client = await pool.connect();
  const key = `parley.migrate.${opened.schema ?? 'public'}`;
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    try {
      // The store's own pool, seen through an introspector of this schema only. Not destroyed:
      // that would end the pool, which the store goes on using.
      const db = new Kysely<Database>({ dialect: new PostgresMigrationDialect({ pool }) });
      await runMigrator(db, opened.schema);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
    }
  } finally {
    client.release();
  }
}

/**
 * On PostgreSQL the migration tables are looked for in the session's own schema: left unset,
 * Kysely would take another schema's tables for ours and skip creating them. Migrations are
 * numbered as they are planned and may land in another order (a store that ran 005 before 004
 * existed runs 004 next), so they are not required to have run in name order.
 */
async function runMigrator(db: Kysely<Database>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: new StaticMigrationProvider(),
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new StoreError(`database migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
