import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { StoreError } from '../model/errors.js';
import type { Database } from './database.js';
import { migrateToLatest } from './migrate-store.js';
import { BUSY_TIMEOUT_MS } from './sqlite-busy-timeout.js';
import { ImmediateSqliteDialect } from './sqlite-dialects.js';

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
    // The busy timeout first: switching a fresh file to WAL waits for other processes opening it too.
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('cache_size = -65536');
    opened = {
      db: new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) }),
      dialect: 'sqlite',
      sqlite,
      location,
    };
  }
  try {
    await migrateToLatest(opened);
  } catch (err) {
    await opened.db.destroy();
    throw err;
  }
  return opened;
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
