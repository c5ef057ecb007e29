import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '../store/store.js';
import { hashCaseFolder } from './case-files.js';
import { loadCaseFolder, type LoadReport } from './load-case.js';

/** The cases shipped with Parley, in `cases/` at the package root. */
export const BUILTIN_CASES_DIR = fileURLToPath(new URL('../../cases/', import.meta.url));

export const DEFAULT_CASE = 'us-dprk-2018';

export function builtinCaseIds(): string[] {
  if (!existsSync(BUILTIN_CASES_DIR)) return [];
  return readdirSync(BUILTIN_CASES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(BUILTIN_CASES_DIR, d.name, 'case.yaml')))
    .map((d) => d.name)
    .sort();
}

/**
 * Makes sure a built-in case is in the store and up to date with the files shipped with this
 * version, so that `parley brief` works on a fresh machine with no set-up. Cases that are not
 * built in are left alone. Returns the load report when something was loaded.
 */
export async function ensureBuiltinCase(store: Store, caseId: string): Promise<LoadReport | undefined> {
  if (!(await builtinCaseNeedsLoad(store, caseId))) return undefined;
  return loadCaseFolder(store, join(BUILTIN_CASES_DIR, caseId));
}

/** Whether `ensureBuiltinCase` would load the case: built in, and missing or older than its shipped files. */
export async function builtinCaseNeedsLoad(store: Store, caseId: string): Promise<boolean> {
  if (!builtinCaseIds().includes(caseId)) return false;
  const dir = join(BUILTIN_CASES_DIR, caseId);
  const info = await store.cases.info(caseId);
  // A copy the analyst loaded from a folder of their own is theirs: never overwrite it.
  if (info && info.sourceDir !== null && resolve(info.sourceDir) !== resolve(dir)) return false;
  return !info || info.filesHash !== hashCaseFolder(dir);
}
