import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { builtinCaseNeedsLoad, ensureBuiltinCase } from '../case/builtin-cases.js';
import { StoreError, UsageError } from '../model/errors.js';
import { redactUrl } from '../store/open-store.js';
import { openStore, type Store } from '../store/store.js';

/** Where Parley keeps its data: $PARLEY_HOME, else $XDG_DATA_HOME/parley, else ~/.local/share/parley. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PARLEY_HOME) return env.PARLEY_HOME;
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'parley');
}

/**
 * The store to use: `--db`, else $PARLEY_DB, else parley.db in the data directory. A URL of
 * another database (`mysql://…`) is refused: taken as a path it would make a SQLite file named
 * `mysql:`. So is a folder, which SQLite would report only as "unable to open database file".
 */
export function dbLocation(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const location = flag ?? env.PARLEY_DB ?? join(dataDir(env), 'parley.db');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(location)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'postgres' && scheme !== 'postgresql') {
    const where = flag !== undefined ? '--db' : '$PARLEY_DB';
    throw new UsageError(
      `${where} "${redactUrl(location)}" is a ${scheme}:// URL; Parley stores its data in a SQLite file (give its path) ` +
        'or in PostgreSQL (give a postgres:// or postgresql:// URL)',
    );
  }
  if (scheme === undefined && statSync(location, { throwIfNoEntry: false })?.isDirectory()) {
    const where = flag !== undefined ? '--db' : '$PARLEY_DB';
    throw new UsageError(
      `${where} "${location}" is a folder; give the path of a SQLite file, such as ${join(location, 'parley.db')}`,
    );
  }
  return location;
}

/** What a command knows of the whole command line: the program's options too. */
export interface CommandLine {
  optsWithGlobals(): Record<string, unknown>;
}

/** The `--db` given anywhere on the command line (it is a program-level option). */
export function dbFlag(cmd: CommandLine): string | undefined {
  const db = cmd.optsWithGlobals().db;
  return typeof db === 'string' ? db : undefined;
}

/** How a command uses the store. */
export interface StoreUse {
  /** `read` for commands that only read: a read-only database file then works. Default `write`. */
  access?: 'read' | 'write';
  /** A built-in case the command reads, loaded (or updated) first when the store lacks it. */
  builtinCase?: string;
}

/**
 * Opens the store for one command and always closes it. A write refused because the database is
 * read-only is said in one sentence naming the database and what needed the write.
 */
export async function withStore<T>(
  location: string,
  work: (store: Store) => Promise<T>,
  use: StoreUse = {},
): Promise<T> {
  const store = await openForUse(location, use);
  try {
    return await work(store);
  } catch (err) {
    throw readOnlyRefusal(err, location, 'this command changes it');
  } finally {
    await store.close();
  }
}

async function openForUse(location: string, use: StoreUse): Promise<Store> {
  const needs =
    use.access === 'read'
      ? 'it must first be brought up to date for this version of Parley'
      : 'this command changes it';
  let store = await openStore(location, { access: use.access ?? 'write' }).catch((err: unknown) => {
    throw readOnlyRefusal(err, location, needs);
  });
  const builtin = use.builtinCase;
  if (builtin === undefined) return store;
  try {
    if (store.readOnly) {
      if (!(await builtinCaseNeedsLoad(store, builtin))) return store;
      await store.close();
      store = await openStore(location, { access: 'write' });
    }
    await ensureBuiltinCase(store, builtin);
    return store;
  } catch (err) {
    await store.close();
    throw readOnlyRefusal(err, location, `the built-in case ${builtin} must first be loaded into it`);
  }
}

/** The error to throw for `err`: one sentence when it is a write refused by a read-only database. */
function readOnlyRefusal(err: unknown, location: string, needs: string): unknown {
  if (!isReadOnlyError(err)) return err;
  return new StoreError(
    `cannot write to the database ${redactUrl(location)}: it is read-only, and ${needs}; nothing was changed`,
    {
      cause: err,
    },
  );
}

/** SQLite's SQLITE_READONLY family, and PostgreSQL's read-only transaction and missing privilege. */
function isReadOnlyError(err: unknown): boolean {
  for (let e = err; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code === '25006' || code === '42501'))
      return true;
  }
  return false;
}

/** Exit codes shared by every command: 0 fine, 1 a check found something unmet, 2 an error. */
export const EXIT = { ok: 0, unmet: 1, error: 2 } as const;
