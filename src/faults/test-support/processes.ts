import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestStore } from '../../store/test-support/test-stores.js';

/** The built CLI: the suite's global setup (build-once.ts) makes sure it is up to date. */
const PARLEY = fileURLToPath(new URL('../../../bin/parley.js', import.meta.url));

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  done: Promise<Finished>;
  pid: number;
  kill(): void;
  /** Writes to the child's stdin (when started with `stdin: 'pipe'`). */
  stdin: NodeJS.WritableStream | null;
}

/** A real `parley` process. */
export function startCli(
  args: readonly string[],
  options: { env?: Record<string, string>; stdin?: 'pipe' | 'ignore'; nodeArgs?: readonly string[] } = {},
): Running {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), PARLEY, ...args], {
    env: { ...process.env, ...options.env },
    stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
  });
  // A child killed while it is being fed closes its end of the pipe: the writes left fail with
  // EPIPE, which is what the test caused, not an error of the test.
  child.stdin?.on('error', () => undefined);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Finished>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { done, pid: child.pid ?? -1, kill: () => child.kill('SIGKILL'), stdin: child.stdin };
}

export function runCli(args: readonly string[], options: Parameters<typeof startCli>[1] = {}): Promise<Finished> {
  return startCli(args, options).done;
}

/** The `--db` a child process needs to reach a test store (a PostgreSQL schema travels in the URL). */
export function dbArg(t: Pick<TestStore, 'location' | 'searchPath'>): string {
  if (!t.searchPath) return t.location;
  const sep = t.location.includes('?') ? '&' : '?';
  return `${t.location}${sep}options=${encodeURIComponent(`-c search_path=${t.searchPath}`)}`;
}

/** An empty PostgreSQL schema (no tables, nothing migrated), for tests of what a fresh store does. */
export async function emptyPostgresSchema(): Promise<{ location: string; searchPath: string; drop(): Promise<void> }> {
  const url = process.env.PARLEY_TEST_PG!;
  const schema = `f_${process.pid}_${randomBytes(8).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  return {
    location: url,
    searchPath: schema,
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
