import { ValidationError } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { type FileResult, type ImportOptions, importFile } from './import-file.js';
import { type InputSource, isUnreadable, type UnreadableInput } from './open-input.js';

/** An input that could not be imported at all: unreadable, damaged, a header the format cannot use, --strict. */
export interface FailedInput {
  name: string;
  error: ValidationError;
}

export interface ImportEachOptions extends ImportOptions {
  /** Called after each file that was read, before the next starts. */
  onFile?: (r: FileResult) => void;
  /** Called for each input that could not be imported; the others go on. */
  onFailure?: (f: FailedInput) => void;
}

export interface ImportRun {
  results: FileResult[];
  failed: FailedInput[];
}

/**
 * Imports inputs one after another. One that cannot be read, or fails its checks, is reported and
 * the others go on: a folder with one broken zip still imports the rest. Any other error (the
 * store gone, a bug) stops the run.
 */
export async function importEach(
  inputs: readonly (InputSource | UnreadableInput)[],
  store: Store | null,
  options: ImportEachOptions,
): Promise<ImportRun> {
  const { onFile, onFailure, ...opts } = options;
  const run: ImportRun = { results: [], failed: [] };
  const fail = (f: FailedInput): void => {
    run.failed.push(f);
    onFailure?.(f);
  };
  for (const input of inputs) {
    if (isUnreadable(input)) {
      fail(input);
      continue;
    }
    try {
      const result = await importFile(input, store, opts);
      run.results.push(result);
      onFile?.(result);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      fail({ name: input.name, error: err });
    }
  }
  return run;
}

/** Whether a file's result is a failure the exit code must show (a cron job must not look successful). */
export function isFailedResult(r: FileResult): boolean {
  if (r.outcome === 'empty') return true;
  return r.progress.rowsRead > 0 && r.progress.rowsRejected === r.progress.rowsRead;
}
