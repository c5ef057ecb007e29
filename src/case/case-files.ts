import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FileLocation, ValidationProblem } from '../model/errors.js';
import { CASE_FILES, type CaseFileName } from './case-schema.js';
import { describeFsError, errorCode } from './fs-errors.js';
import { parseYamlFile, type YamlFile } from './yaml-file.js';

/** A case file larger than this is refused unread (the built-in case's largest is about 100 KB). */
export const MAX_CASE_FILE_BYTES = 32 * 1024 * 1024;

/** One file of a case folder as found on disk: its bytes, absent, or why it cannot be read. */
export type CaseFileBytes = { bytes: Buffer } | { missing: true } | { problem: ValidationProblem };

/**
 * Reads a case file without trusting what sits at its path: a dangling symbolic link is an error
 * (not a missing file), a folder, FIFO or device is refused before it is opened for reading (a FIFO
 * would block), and so is a file over the size limit.
 */
export function readCaseFileBytes(path: string): CaseFileBytes {
  const problem = (message: string): CaseFileBytes => ({ problem: { location: { file: path }, message } });
  let link = false;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return { missing: true };
    return problem(`cannot be read: ${describeFsError(e)}`);
  }
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch (e) {
    if (link && errorCode(e) === 'ENOENT')
      return problem(`is a symbolic link to ${linkTarget(path)}, which does not exist`);
    return problem(`cannot be read: ${describeFsError(e)}`);
  }
  if (stat.isDirectory()) return problem('is a folder, not a file');
  if (!stat.isFile())
    return problem('is not a plain file (a FIFO, socket or device); a case file must be a plain file');
  if (stat.size > MAX_CASE_FILE_BYTES)
    return problem(`is ${megabytes(stat.size)}; a case file may hold at most ${megabytes(MAX_CASE_FILE_BYTES)}`);
  try {
    return { bytes: readBounded(path) };
  } catch (e) {
    if (e instanceof TooLargeError) return problem(`grew past ${megabytes(MAX_CASE_FILE_BYTES)} while it was read`);
    return problem(`cannot be read: ${describeFsError(e)}`);
  }
}

class TooLargeError extends Error {}

/** Opened non-blocking so that a FIFO swapped in after the check cannot hang the read. */
function readBounded(path: string): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw new Error('it is no longer a plain file');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(1 << 16);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_CASE_FILE_BYTES) throw new TooLargeError();
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * Case files are UTF-8. A byte-order mark is dropped; UTF-16 (with or without its mark), NUL
 * bytes and invalid UTF-8 are refused with the line where they start.
 */
export function decodeCaseText(bytes: Buffer, path: string): { text: string } | { problem: ValidationProblem } {
  const problem = (message: string, line?: number) => ({
    problem: { location: line === undefined ? { file: path } : { file: path, line }, message },
  });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return problem('is UTF-16 text; save it as UTF-8');
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    return problem('holds NUL bytes: it is binary, or UTF-16 or UTF-32 text; save it as UTF-8', lineAt(bytes, nul));
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const bad = loose.indexOf('\ufffd');
    return problem(
      'is not UTF-8 text; save it as UTF-8',
      bad >= 0 ? loose.slice(0, bad).split('\n').length : undefined,
    );
  }
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export interface CaseFilesRead {
  /** The files that were read and parsed. */
  files: Map<CaseFileName, YamlFile>;
  /** Files present but unreadable or not YAML: references to what they define are not checked. */
  unreadable: Set<CaseFileName>;
  problems: ValidationProblem[];
  /** Hash of every file's bytes; equal hashes mean nothing changed. */
  hash: string;
}

/** Reads and parses every file of a case folder, collecting every file's problems in one pass. */
export function readCaseFiles(dir: string): CaseFilesRead {
  const out: CaseFilesRead = { files: new Map(), unreadable: new Set(), problems: [], hash: '' };
  const hash = createHash('sha256');
  for (const name of Object.keys(CASE_FILES) as CaseFileName[]) {
    const path = join(dir, name);
    const found = readCaseFileBytes(path);
    if ('missing' in found) {
      if (name === 'case.yaml') out.problems.push(missingCaseYaml(path));
      continue;
    }
    const decoded = 'bytes' in found ? decodeCaseText(found.bytes, path) : found;
    if ('bytes' in found) hash.update(name).update('\0').update(found.bytes).update('\0');
    const parsed = 'text' in decoded ? parseYamlFile(decoded.text, path) : { problems: [decoded.problem] };
    out.problems.push(...parsed.problems);
    if (parsed.yaml) out.files.set(name, parsed.yaml);
    else out.unreadable.add(name);
  }
  out.hash = hash.digest('hex');
  return out;
}

/** The same hash `readCaseFiles` computes, without parsing: enough to see that nothing changed. */
export function hashCaseFolder(dir: string): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(CASE_FILES)) {
    const found = readCaseFileBytes(join(dir, name));
    if ('bytes' in found) hash.update(name).update('\0').update(found.bytes).update('\0');
  }
  return hash.digest('hex');
}

function missingCaseYaml(path: string): ValidationProblem {
  const location: FileLocation = { file: path };
  return { location, message: 'missing: every case folder needs a case.yaml' };
}

function linkTarget(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return 'a path';
  }
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
