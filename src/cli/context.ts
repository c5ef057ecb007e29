import { homedir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../store/store.js';

/** Where Parley keeps its data: $PARLEY_HOME, else $XDG_DATA_HOME/parley, else ~/.local/share/parley. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PARLEY_HOME) return env.PARLEY_HOME;
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'parley');
}

/** The store to use: `--db`, else $PARLEY_DB, else parley.db in the data directory. */
export function dbLocation(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.PARLEY_DB ?? join(dataDir(env), 'parley.db');
}

/** The `--db` given anywhere on the command line (it is a program-level option). */
export function dbFlag(cmd: { optsWithGlobals(): Record<string, unknown> }): string | undefined {
  const db = cmd.optsWithGlobals().db;
  return typeof db === 'string' ? db : undefined;
}

/** Opens the store for one command and always closes it. */
export async function withStore<T>(location: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(location);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Colour only on a terminal, and never when NO_COLOR is set. */
export function useColour(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
}

/** Exit codes shared by every command: 0 fine, 1 a check found something unmet, 2 an error. */
export const EXIT = { ok: 0, unmet: 1, error: 2 } as const;
