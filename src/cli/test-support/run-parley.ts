import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The CLI's entry, run from source by tsx as `npx parley` runs it from dist. */
export const ENTRY = fileURLToPath(new URL('../parley.ts', import.meta.url));
/** tsx's loader by its full path, so that a child started in another folder finds it. */
export const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
export const MINI_CASE = fileURLToPath(new URL('../../case/fixtures/mini/', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `parley ARGS` in a child process with the given database and no colour. */
export function runParley(db: string, args: readonly string[], options: SpawnSyncOptions = {}): Run {
  const { FORCE_COLOR: _force, ...env } = process.env;
  const r = spawnSync(process.execPath, ['--import', TSX, ENTRY, ...args], {
    encoding: 'utf8',
    ...options,
    env: { ...env, PARLEY_DB: db, NO_COLOR: '1', ...options.env },
  });
  return { code: r.status ?? -1, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}
