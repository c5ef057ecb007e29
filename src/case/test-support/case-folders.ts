import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ValidationError } from '../../model/errors.js';
import { readCaseFolder } from '../read-case-folder.js';

/** The small invented case the case tests edit. */
export const MINI = fileURLToPath(new URL('../fixtures/mini/', import.meta.url));

/** A fresh copy of the mini case in a temporary folder. */
export function copyMini(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-case-'));
  cpSync(MINI, dir, { recursive: true });
  return dir;
}

/** Replaces text in one file of a folder; fails when the text is not there, so a test cannot pass by editing nothing. */
export function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit did not apply to ${file}`);
  writeFileSync(path, next);
}

/** The ValidationError reading the folder throws; fails when it reads or throws something else. */
export function loadError(dir: string): ValidationError {
  try {
    readCaseFolder(dir);
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('expected a validation error');
}
