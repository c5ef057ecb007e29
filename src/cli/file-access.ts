import { statSync, writeFileSync } from 'node:fs';
import { describeFsError } from '../case/fs-errors.js';
import { FileAccessError } from '../model/errors.js';

/**
 * Files the CLI itself opens (an article, a --docs file, a brief's --output): failures named with
 * the file and said in plain words. Node's own messages ("EISDIR: illegal operation on a
 * directory, read") name no file when the failure comes from a read on an open descriptor.
 */

/** Whether `path` is an existing folder (then neither readable nor writable as a file). */
function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

/** Refuses a folder where a file is to be read, before anything is read. */
export function checkReadableFile(path: string, what: string): void {
  if (isFolder(path)) throw new FileAccessError(`cannot read ${what} "${path}": it is a folder, not a file`);
}

/** Refuses a folder where a file is to be written, before the work that would fill it. */
export function checkWritableFile(path: string, what: string): void {
  if (isFolder(path))
    throw new FileAccessError(`cannot write ${what} to "${path}": it is a folder, not a file; nothing was written`);
}

/** A failure while reading `path`, named with it. */
export function readFailure(path: string, what: string, cause: unknown): FileAccessError {
  return new FileAccessError(`cannot read ${what} "${path}": ${describeFsError(cause)}`, { cause });
}

/** Writes a whole output file, or says which file could not be written and why. */
export function writeOutputFile(path: string, data: string | Uint8Array, what: string): void {
  try {
    writeFileSync(path, data);
  } catch (cause) {
    throw new FileAccessError(`cannot write ${what} to "${path}": ${describeFsError(cause)}`, { cause });
  }
}
