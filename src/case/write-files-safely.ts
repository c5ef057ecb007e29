import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ParleyError } from '../model/errors.js';
import { describeFsError } from './fs-errors.js';

/** Writing a folder failed, or would have written through a link or over something that is not a file. */
export class WriteRefusedError extends ParleyError {}

export interface WriteFilesOptions {
  /**
   * Called with the temporary folder that holds the files written, before any of them takes its
   * place; what it throws stops the write with nothing written.
   */
  verify?: (written: string) => void;
}

/**
 * Writes files into a folder without ever writing through a symbolic link or leaving a half-written
 * file. A new folder is written whole in a temporary folder beside it and renamed into place. In an
 * existing folder each file is written in a temporary folder inside it, then renamed over its name
 * (a rename replaces a name, never follows it); a name held by a link, a folder or anything but a
 * plain file is refused before anything is written. Other files in the folder are left alone.
 * A failure of the file system is a WriteRefusedError naming the folder. Returns the paths written.
 */
export function writeFilesSafely(
  dir: string,
  files: ReadonlyMap<string, string>,
  options: WriteFilesOptions = {},
): string[] {
  try {
    const existing = kindOf(dir);
    if (existing === 'missing') return writeNewFolder(dir, files, options);
    if (existing !== 'folder') throw new WriteRefusedError(`${dir} exists and is not a folder; nothing was written`);
    return writeIntoFolder(dir, files, options);
  } catch (e) {
    if (e instanceof ParleyError) throw e;
    throw new WriteRefusedError(`cannot write the folder ${dir}: ${describeFsError(e)}`, { cause: e });
  }
}

function writeIntoFolder(dir: string, files: ReadonlyMap<string, string>, options: WriteFilesOptions): string[] {
  const real = realpathSync(dir);
  refuseUnsafeTargets(real, [...files.keys()]);
  const tmp = tryFs(dir, () => mkdtempSync(join(real, '.parley-write-')));
  try {
    tryFs(dir, () => {
      for (const [name, text] of files) writeFileSync(join(tmp, name), text, { flag: 'wx' });
    });
    options.verify?.(tmp);
    refuseUnsafeTargets(real, [...files.keys()]);
    const done: string[] = [];
    for (const name of files.keys()) {
      try {
        renameSync(join(tmp, name), join(real, name));
      } catch (e) {
        const kept = done.length ? ` (${done.join(', ')} had been replaced)` : '';
        throw new WriteRefusedError(`cannot write ${join(dir, name)}: ${describeFsError(e)}${kept}`, { cause: e });
      }
      done.push(name);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return [...files.keys()].map((name) => join(dir, name));
}

function writeNewFolder(dir: string, files: ReadonlyMap<string, string>, options: WriteFilesOptions): string[] {
  const parent = dirname(dir);
  tryFs(dir, () => mkdirSync(parent, { recursive: true }));
  // mkdirSync, unlike mkdtempSync (always 0700), gives the folder the mode the user's umask asks for.
  const tmp = join(parent, `.${basename(dir)}.parley-${randomBytes(6).toString('hex')}`);
  tryFs(dir, () => mkdirSync(tmp));
  try {
    tryFs(dir, () => {
      for (const [name, text] of files) writeFileSync(join(tmp, name), text, { flag: 'wx' });
    });
    options.verify?.(tmp);
    renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!(e instanceof ParleyError) && kindOf(dir) !== 'missing')
      throw new WriteRefusedError(`${dir} appeared while it was written; nothing was written to it`, { cause: e });
    throw e;
  }
  return [...files.keys()].map((name) => join(dir, name));
}

/** Runs a step that writes nothing in place yet: a failure says so. */
function tryFs<T>(dir: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    throw new WriteRefusedError(`cannot write the folder ${dir}: ${describeFsError(e)}; nothing was written`, {
      cause: e,
    });
  }
}

/** Every name to write must be free or hold a plain file: never a link (inside the folder or out of it), a folder or a FIFO. */
function refuseUnsafeTargets(dir: string, names: readonly string[]): void {
  for (const name of names) {
    const kind = kindOf(join(dir, name));
    if (kind === 'link')
      throw new WriteRefusedError(
        `${join(dir, name)} is a symbolic link; Parley does not write through links (remove it, or write elsewhere); nothing was written`,
      );
    if (kind !== 'missing' && kind !== 'file')
      throw new WriteRefusedError(`${join(dir, name)} is a ${kind}, not a file; nothing was written`);
  }
}

type PathKind = 'missing' | 'file' | 'folder' | 'link' | 'FIFO, socket or device';

export function kindOf(path: string): PathKind {
  try {
    const s = lstatSync(path);
    if (s.isSymbolicLink()) return isFolderLink(path) ? 'folder' : 'link';
    if (s.isDirectory()) return 'folder';
    return s.isFile() ? 'file' : 'FIFO, socket or device';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw new WriteRefusedError(`cannot look at ${path}: ${describeFsError(e)}`, { cause: e });
  }
}

/** A folder given by a link (`--out ~/cases/current`) is the folder the analyst named: it is written into. */
function isFolderLink(path: string): boolean {
  try {
    return lstatSync(realpathSync(path)).isDirectory();
  } catch {
    return false;
  }
}
