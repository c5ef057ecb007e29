import {
  accessSync,
  appendFileSync,
  constants,
  existsSync,
  mkdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { InputSource } from './open-input.js';

const HEADER = 'file\tline\treason\trow\n';

/**
 * The rejects file of one input: a TSV of file, line, reason and the rejected record, whole. The
 * record is the last column, so its own tabs stay as they are; a backslash, a line break and a
 * carriage return inside it are written `\\`, `\n` and `\r`, so that a record that spanned lines
 * (a quoted CSV field) is one line here and can be restored byte for byte. Rejects are held until
 * the chunk that read them commits, and written before the commit that records how far the file
 * goes, so that a resumed import can cut back what an uncommitted chunk wrote.
 */
export class RejectsFile {
  private pending = '';
  private readonly tag: string;

  constructor(
    readonly path: string,
    inputName: string,
  ) {
    this.tag = inputName.replace(/[\t\n\r]/g, ' ');
  }

  /** `--rejects PATH`, else beside the input, else in the data folder (stdin, read-only folders). */
  static locate(input: InputSource, explicit: string | undefined, dataDir: string): string {
    if (explicit) return explicit;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    if (!input.path) return join(dataDir, 'rejects', `${input.name.replace(/[^\w.-]/g, '_')}-${stamp}.rejects.tsv`);
    const beside = `${input.path}${input.name.includes(':') ? `-${input.name.split(':').pop()}` : ''}.rejects.tsv`;
    try {
      accessSync(dirname(beside), constants.W_OK);
      return beside;
    } catch {
      return join(dataDir, 'rejects', basename(beside));
    }
  }

  /** A new import starts a new file (unless it is one the user named, which is appended to). */
  startFresh(explicit: boolean): void {
    if (!explicit) rmSync(this.path, { force: true });
  }

  /** A resumed import drops what the chunk that never committed wrote. */
  cutBackTo(bytes: number): void {
    if (existsSync(this.path) && statSync(this.path).size > bytes) truncateSync(this.path, bytes);
  }

  add(line: number, reason: string, record: string): void {
    this.pending += `${this.tag}\t${line}\t${reason.replace(/[\t\r\n]+/g, ' ')}\t${escapeRecord(record)}\n`;
  }

  /** Writes what the chunk rejected; returns the file's size, for the progress the commit records. */
  flush(): number {
    if (this.pending === '') return existsSync(this.path) ? statSync(this.path).size : 0;
    mkdirSync(dirname(this.path), { recursive: true });
    if (!existsSync(this.path) || statSync(this.path).size === 0) writeFileSync(this.path, HEADER);
    appendFileSync(this.path, this.pending);
    this.pending = '';
    return statSync(this.path).size;
  }

  remove(): void {
    rmSync(this.path, { force: true });
  }
}

export function escapeRecord(record: string): string {
  return /[\\\n\r]/.test(record)
    ? record.replace(/[\\\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : '\\r'))
    : record;
}
