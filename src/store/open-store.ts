import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationProvider, type Migration } from 'kysely';
import { StoreError } from '../model/errors.js';
import type { Database } from './database.js';
import { migrations } from './migrations/index.js';

export type Dialect = 'sqlite' | 'postgres';

export interface OpenedDatabase {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The better-sqlite3 handle, for bulk paths that bypass the query builder (imports). */
  sqlite?: BetterSqlite3.Database;
  /** The pg pool, for COPY. */
  pool?: pg.Pool;
  /** The PostgreSQL schema the session works in. */
  schema?: string;
  location: string;
  /** Opened for reading only (`openReadOnlyDatabase`): a write fails. */
  readOnly?: boolean;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

// pg returns int8 (count(*), sum of integers) as strings to be safe for huge values; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/**
 * Opens SQLite (a file path, or `:memory:`) or PostgreSQL (a `postgres://` URL) and brings the
 * schema up to date. `searchPath` puts a PostgreSQL session in one schema (the tests use a fresh
 * schema each).
 */
export async function openDatabase(location: string, options: { searchPath?: string } = {}): Promise<OpenedDatabase> {
  let opened: OpenedDatabase;
  if (isPostgresUrl(location)) {
    const pool = new pg.Pool({
      connectionString: location,
      max: 4,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    });
    let schema: string;
    try {
      const client = await pool.connect();
      try {
        schema = String((await client.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]?.s ?? 'public');
      } finally {
        client.release();
      }
    } catch (cause) {
      await pool.end().catch(() => undefined);
      throw new StoreError(`cannot connect to PostgreSQL at ${redactUrl(location)}: ${(cause as Error).message}`, {
        cause,
      });
    }
    opened = {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      dialect: 'postgres',
      pool,
      location,
      schema,
    };
  } else {
    let sqlite: BetterSqlite3.Database;
    try {
      if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
      sqlite = new BetterSqlite3(location);
    } catch (cause) {
      throw new StoreError(`cannot open the SQLite database at ${location}: ${(cause as Error).message}`, { cause });
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('cache_size = -65536');
    opened = {
      db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }),
      dialect: 'sqlite',
      sqlite,
      location,
    };
  }
  await migrateToLatest(opened.db, opened.schema);
  return opened;
}

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/**
 * On PostgreSQL the migration tables are looked for in the session's own schema: left unset,
 * Kysely would take another schema's tables for ours and skip creating them.
 */
export async function migrateToLatest(db: Kysely<Database>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: new StaticMigrationProvider(),
    // Migrations are numbered by the line of work that wrote them and may land out of order:
    // one numbered below a migration already run still runs.
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

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
