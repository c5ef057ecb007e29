import { existsSync, readFileSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { StoreError } from '../model/errors.js';
import type { Database } from './database.js';
import { migrations } from './migrations/index.js';
import { isPostgresUrl, type OpenedDatabase, redactUrl } from './open-store.js';

/** A WAL database in a folder that cannot be written is read from a copy in memory up to this size. */
const MAX_MEMORY_COPY = 256 * 1024 * 1024;

/**
 * Opens a store for reading only: nothing is created, migrated or written, so a database file or
 * a PostgreSQL role without write access can still be read. Returns undefined when the store
 * cannot be read without a write first (no file yet, or a schema older than this version); the
 * caller then opens it for writing.
 */
export async function openReadOnlyDatabase(
  location: string,
  options: { searchPath?: string } = {},
): Promise<OpenedDatabase | undefined> {
  const opened = isPostgresUrl(location) ? await openPostgres(location, options) : openSqlite(location);
  if (!opened) return undefined;
  if (await schemaIsCurrent(opened.db)) return { ...opened, readOnly: true };
  await opened.db.destroy();
  return undefined;
}

function openSqlite(location: string): OpenedDatabase | undefined {
  if (location === ':memory:' || !existsSync(location)) return undefined;
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(location, { readonly: true, fileMustExist: true });
    sqlite.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
  } catch (cause) {
    if ((cause as { code?: string }).code !== 'SQLITE_READONLY_DIRECTORY')
      throw new StoreError(`cannot read the SQLite database at ${location}: ${(cause as Error).message}`, { cause });
    sqlite = memoryCopy(location);
  }
  sqlite.pragma('busy_timeout = 5000');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }),
    dialect: 'sqlite',
    sqlite,
    location,
  };
}

/**
 * SQLite reads a WAL database only with its shared-memory file beside it, which a read-only
 * folder cannot hold. A copy in memory, marked as a rollback-journal database (header bytes 18
 * and 19), reads the same data.
 */
function memoryCopy(location: string): BetterSqlite3.Database {
  const size = statSync(location).size;
  if (size > MAX_MEMORY_COPY)
    throw new StoreError(
      `cannot read ${location}: its folder is read-only, so SQLite cannot keep its shared-memory file beside it, ` +
        `and at ${Math.round(size / 1048576)} MiB it is too large to read from memory; copy it to a folder you can write`,
    );
  const bytes = readFileSync(location);
  bytes[18] = 1;
  bytes[19] = 1;
  return new BetterSqlite3(bytes, { readonly: true });
}

async function openPostgres(location: string, options: { searchPath?: string }): Promise<OpenedDatabase> {
  const settings = ['-c default_transaction_read_only=on'];
  if (options.searchPath) settings.push(`-c search_path=${options.searchPath}`);
  const pool = new pg.Pool({ connectionString: location, max: 4, options: settings.join(' ') });
  let schema: string;
  try {
    schema = String((await pool.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]?.s ?? 'public');
  } catch (cause) {
    await pool.end().catch(() => undefined);
    throw new StoreError(`cannot connect to PostgreSQL at ${redactUrl(location)}: ${(cause as Error).message}`, {
      cause,
    });
  }
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    dialect: 'postgres',
    pool,
    location,
    schema,
  };
}

/** Every migration this version knows has run (Kysely records them in `kysely_migration`). */
async function schemaIsCurrent(db: Kysely<Database>): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
    const done = new Set(rows.map((r) => r.name));
    return Object.keys(migrations).every((name) => done.has(name));
  } catch {
    return false;
  }
}
