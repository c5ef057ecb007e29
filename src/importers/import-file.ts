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
import { ValidationError } from '../model/errors.js';
import { ImportRepository, type ImportedFile } from '../store/import-repository.js';
import { ImportRowBuffer, type FileProgress } from '../store/import-rows.js';
import type { ImportWriter } from '../store/import-writer.js';
import type { Store } from '../store/store.js';
import { createParser } from './create-parser.js';
import { detectFormat } from './detect-format.js';
import { passes, type ImportFilters } from './filters.js';
import { HeaderError, newParsedRow, type ImportFormat } from './format-parser.js';
import { forEachLine, lineBlocks, type DecodeState } from './line-reader.js';
import type { InputSource } from './open-input.js';

export interface ImportOptions {
  format?: ImportFormat;
  filters: ImportFilters;
  caseId?: string;
  /** Stop at the first bad row and keep nothing of the file. */
  strict?: boolean;
  /** Read and count, store nothing, write no rejects file. */
  dryRun?: boolean;
  /** One rejects file for every input; else `<input>.rejects.tsv` beside each input. */
  rejectsPath?: string;
  /** Where rejects go when the input's folder cannot take them (stdin, read-only folders). */
  dataDir: string;
  /** Rows read between commits. Each commit is one transaction; a kill loses at most one chunk's work. */
  chunkRows?: number;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportProgress {
  name: string;
  bytesRead: number;
  size: number | null;
  rowsRead: number;
  rowsKept: number;
  rowsRejected: number;
}

export interface RejectSample {
  line: number;
  reason: string;
}

export interface FileResult {
  name: string;
  format: ImportFormat;
  /** imported: read to the end now; resumed: an interrupted import completed; already: skipped; dry-run. */
  outcome: 'imported' | 'resumed' | 'already' | 'dry-run' | 'empty';
  fileId: number | null;
  caseId: string | null;
  progress: FileProgress;
  rejectsPath: string | null;
  rejectSamples: RejectSample[];
  encoding: DecodeState;
  bytes: number;
  seconds: number;
  /** A complete import of identical content, if there was one (its rows were deduplicated). */
  sameAs: number | null;
}

/**
 * Rows read per transaction. Rows go to the store block by block (about 2,500 GDELT rows a block)
 * inside the open transaction, so this bounds the work a kill can lose, not the memory used.
 */
const DEFAULT_CHUNK_ROWS = 100_000;
const SAMPLE_REJECTS = 5;
/** The longest record a quoted field may make of several lines before it is taken as unclosed. */
const MAX_RECORD_CHARS = 1 << 20;

function emptyProgress(): FileProgress {
  return {
    linesDone: 0,
    rowsRead: 0,
    rowsKept: 0,
    rowsRejected: 0,
    rowsNew: 0,
    firstDate: null,
    lastDate: null,
    rejectsBytes: 0,
  };
}

/** The rejects file of an input: `--rejects PATH`, else beside the input, else in the data folder. */
function rejectsLocation(input: InputSource, opts: ImportOptions): string {
  if (opts.rejectsPath) return opts.rejectsPath;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  if (!input.path) return join(opts.dataDir, 'rejects', `stdin-${stamp}.rejects.tsv`);
  const beside = `${input.path}${input.name.includes(':') ? `-${input.name.split(':').pop()}` : ''}.rejects.tsv`;
  try {
    accessSync(dirname(beside), constants.W_OK);
    return beside;
  } catch {
    return join(opts.dataDir, 'rejects', basename(beside));
  }
}

const REJECTS_HEADER = 'file\tline\treason\trow\n';

/**
 * Imports one input: detects or takes its format, finds an earlier import of the same file (skips
 * it when complete, resumes it when interrupted), then streams its lines through the parser and
 * the filters into chunks, each committed in one transaction with the file's progress, so that a
 * kill at any moment leaves the store consistent and the same command completes the work.
 */
export async function importFile(input: InputSource, store: Store | null, opts: ImportOptions): Promise<FileResult> {
  const started = process.hrtime.bigint();
  const opened = input.open();
  const decode: DecodeState = { encoding: 'utf8' };
  const blocks = lineBlocks(opened.stream, decode)[Symbol.asyncIterator]();
  let writer: ImportWriter | undefined;
  try {
    let first = await blocks.next();
    if (first.done) {
      // Nothing to read (an empty file in a folder, say): said so, and nothing recorded.
      return {
        name: input.name,
        format: opts.format ?? 'csv',
        outcome: 'empty',
        fileId: null,
        caseId: null,
        progress: emptyProgress(),
        rejectsPath: null,
        rejectSamples: [],
        encoding: decode,
        bytes: 0,
        seconds: 0,
        sameAs: null,
      };
    }
    const firstLines = first.done
      ? []
      : first.value
          .toString(decode.encoding, 0, Math.min(first.value.length, 1 << 16))
          .split('\n', 20)
          .map((l) => l.replace(/\r$/, ''));
    const format = opts.format ?? detectFormat(input.name, firstLines);
    const parser = createParser(format);
    const result: FileResult = {
      name: input.name,
      format,
      outcome: opts.dryRun ? 'dry-run' : 'imported',
      fileId: null,
      caseId: null,
      progress: emptyProgress(),
      rejectsPath: null,
      rejectSamples: [],
      encoding: decode,
      bytes: 0,
      seconds: 0,
      sameAs: null,
    };
    const repo = store && !opts.dryRun ? new ImportRepository(store.db, store.opened) : null;
    let file: ImportedFile | undefined;
    if (repo) {
      const caseId = await repo.resolveCase(opts.caseId);
      result.caseId = caseId;
      const earlier = input.fingerprint ? await repo.findByFingerprint(caseId, input.fingerprint) : undefined;
      // An earlier import covers this one when it kept at least as much: no filters, or the same
      // ones. Read with other filters, the file is read again; its rows already stored are found by
      // their keys and add nothing.
      const filters = JSON.stringify(opts.filters);
      const sameFilters = earlier !== undefined && earlier.options === filters;
      if (earlier && earlier.status === 'complete' && (sameFilters || earlier.options === '{}')) {
        result.outcome = 'already';
        result.fileId = earlier.id;
        result.progress = earlier.progress;
        result.progress.rowsNew = 0;
        result.rejectsPath = earlier.rejectsPath;
        return result;
      }
      if (earlier && earlier.status !== 'complete' && earlier.format === format && sameFilters) {
        file = earlier;
        result.outcome = 'resumed';
      } else {
        file = await repo.create({
          caseId,
          path: input.path,
          name: input.name,
          size: input.size,
          fingerprint: input.fingerprint,
          format,
          dataset: parser.dataset,
          rejectsPath: rejectsLocation(input, opts),
          options: filters,
        });
      }
      result.fileId = file.id;
      result.rejectsPath = file.rejectsPath;
      result.progress = { ...file.progress };
      writer = await repo.openWriter(file);
    }
    const progress = result.progress;
    const rejectsPath = result.rejectsPath;
    if (rejectsPath && file) {
      if (result.outcome === 'resumed') {
        // A resumed import drops the rejects written by the chunk that never committed.
        if (existsSync(rejectsPath) && statSync(rejectsPath).size > progress.rejectsBytes)
          truncateSync(rejectsPath, progress.rejectsBytes);
      } else if (!opts.rejectsPath) {
        rmSync(rejectsPath, { force: true });
      }
    }

    const buffer = new ImportRowBuffer();
    const row = newParsedRow();
    const skipUntil = progress.linesDone;
    const chunkRows = opts.chunkRows ?? DEFAULT_CHUNK_ROWS;
    let lineNo = 0;
    let readAtFlush = progress.rowsRead;
    let rejects = '';
    let headerSeen = !parser.hasHeader;
    let strictFailure: ValidationError | undefined;
    let pending = '';
    let pendingStart = 0;
    const tag = input.name.replace(/[\t\n]/g, ' ');

    /** Hands the parsed rows of the last block to the writer (inside the open chunk). */
    const drain = async (): Promise<void> => {
      if (buffer.count > 0 && writer) await writer.write(buffer);
      buffer.clear();
    };

    /** Ends a chunk: its rejects are on disk before the commit that records how far they go. */
    const commit = async (): Promise<void> => {
      await drain();
      // A record still open at a chunk's end is read again, whole, by a resumed import.
      progress.linesDone = pending !== '' ? pendingStart - 1 : lineNo;
      if (rejects !== '' && rejectsPath && file) {
        mkdirSync(dirname(rejectsPath), { recursive: true });
        if (!existsSync(rejectsPath) || statSync(rejectsPath).size === 0) writeFileSync(rejectsPath, REJECTS_HEADER);
        appendFileSync(rejectsPath, rejects);
        progress.rejectsBytes = statSync(rejectsPath).size;
      }
      rejects = '';
      if (writer) await writer.commit(progress);
      readAtFlush = progress.rowsRead;
    };

    const visit = (physical: string): boolean => {
      lineNo++;
      if (!headerSeen) {
        if (physical === '') return true;
        headerSeen = true;
        try {
          parser.header(physical);
        } catch (err) {
          if (err instanceof HeaderError)
            throw new ValidationError([{ location: { file: input.name, line: lineNo }, message: err.message }]);
          throw err;
        }
        return true;
      }
      if (lineNo <= skipUntil) return true;
      // A record may span lines (a quoted CSV field holding a line break): its lines are joined,
      // and it is reported by the number of its first line.
      let line = physical;
      let recordLine = lineNo;
      if (parser.recordIsOpen) {
        if (pending !== '') {
          line = `${pending}\n${physical}`;
          recordLine = pendingStart;
        }
        if (parser.recordIsOpen(line)) {
          if (pending === '') pendingStart = lineNo;
          if (line.length <= MAX_RECORD_CHARS) {
            pending = line;
            return true;
          }
          pending = '';
          progress.rowsRead++;
          return reject(
            recordLine,
            `a quoted field opened on line ${recordLine} is still open after ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters`,
            line.slice(0, 1000),
          );
        }
        pending = '';
      }
      if (line === '') return true;
      progress.rowsRead++;
      const reason = parser.parse(line, row);
      if (reason !== null) return reject(recordLine, reason, line);
      if (!passes(opts.filters, row)) return true;
      progress.rowsKept++;
      if (progress.firstDate === null || row.date < progress.firstDate) progress.firstDate = row.date;
      if (progress.lastDate === null || row.date > progress.lastDate) progress.lastDate = row.date;
      buffer.push(
        row.key,
        row.day,
        row.sourceCode,
        row.targetCode,
        row.sourceParty,
        row.targetParty,
        row.code,
        row.quad,
        row.goldstein,
        row.sourceName,
        row.targetName,
        row.url,
        row.extra,
      );
      return true;
    };

    /** Counts a bad row and writes it to the rejects file; false stops the file (--strict). */
    const reject = (at: number, reason: string, text: string): boolean => {
      progress.rowsRejected++;
      if (opts.strict) {
        strictFailure = new ValidationError([
          { location: { file: input.name, line: at }, message: `${reason} (--strict: nothing of this file was kept)` },
        ]);
        return false;
      }
      if (result.rejectSamples.length < SAMPLE_REJECTS) result.rejectSamples.push({ line: at, reason });
      if (rejectsPath) rejects += `${tag}\t${at}\t${reason}\t${text.replace(/[\r\n]+/g, ' ')}\n`;
      return true;
    };

    for (; !first.done; first = await blocks.next()) {
      const more = forEachLine(first.value, decode.encoding, visit);
      if (!more) break;
      await drain();
      if (progress.rowsRead - readAtFlush >= chunkRows) await commit();
      opts.onProgress?.({
        name: input.name,
        bytesRead: opened.bytesRead(),
        size: input.size,
        rowsRead: progress.rowsRead,
        rowsKept: progress.rowsKept,
        rowsRejected: progress.rowsRejected,
      });
    }
    if (pending !== '' && !strictFailure) {
      const text = pending;
      pending = '';
      progress.rowsRead++;
      reject(
        pendingStart,
        `a quoted field opened on line ${pendingStart} is not closed before the end of the file`,
        text.slice(0, 1000),
      );
    }
    if (strictFailure) {
      if (repo && file) {
        await writer?.close();
        writer = undefined;
        await repo.remove(file.id);
        result.fileId = null;
      }
      throw strictFailure;
    }
    await commit();
    result.bytes = opened.bytesRead();
    if (repo && file) {
      const hash = opened.contentHash();
      await repo.finish(file.id, hash);
      const same = await repo.findCompleteByHash(file.caseId, hash, file.id);
      result.sameAs = same ? same.id : null;
    }
    result.seconds = Number(process.hrtime.bigint() - started) / 1e9;
    opts.onProgress?.({
      name: input.name,
      bytesRead: result.bytes,
      size: input.size,
      rowsRead: progress.rowsRead,
      rowsKept: progress.rowsKept,
      rowsRejected: progress.rowsRejected,
    });
    return result;
  } finally {
    await writer?.close();
    opened.close();
  }
}
