import { UsageError, ValidationError } from '../model/errors.js';
import { ImportRepository, type ImportedFile } from '../store/import-repository.js';
import { ImportRowBuffer, type FileProgress } from '../store/import-rows.js';
import type { ImportWriter } from '../store/import-writer.js';
import type { Store } from '../store/store.js';
import { createParser } from './create-parser.js';
import { DamagedInputError } from './damaged-input-error.js';
import { detectFormat } from './detect-format.js';
import { passes, type ImportFilters } from './filters.js';
import { HeaderError, newParsedRow, type FormatParser, type ImportFormat } from './format-parser.js';
import { DEFAULT_MAX_LINE_BYTES, forEachLine, LongLine, lineBlocks, type DecodeState } from './line-reader.js';
import type { InputSource, OpenedInput } from './open-input.js';
import { DEFAULT_RECORD_LIMITS, RecordReader, type RecordLimits, type RecordSink } from './record-reader.js';
import { RejectsFile } from './rejects-file.js';

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
  /** The longest line read (`--max-line`); a longer one is rejected with its line number, unread. */
  maxLineBytes?: number;
  /** How far a quoted CSV field may run over lines. */
  recordLimits?: RecordLimits;
  onProgress?: (p: ImportProgress) => void;
  /**
   * Called inside each transaction that changes the file's record (made, completed, taken out
   * again), with the store bound to it, so that what is written there (the audit trail) commits
   * with the change or not at all.
   */
  onSourceChange?: (tx: Store, change: SourceChange) => Promise<void>;
}

/** A change to an import's record: made when reading starts, completed at the end, or taken out again. */
export interface SourceChange {
  action: 'create' | 'complete' | 'remove';
  file: ImportedFile;
  result: FileResult;
  /** Why a record is taken out again (nothing kept, a damaged file, the same as an earlier import). */
  why?: string;
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
  /**
   * imported: read to the end now; resumed: an interrupted import completed; already: an earlier
   * import of the same content, format and filters covers it; dry-run; empty: nothing to read;
   * nothing-kept: read, but no row was kept (every row rejected or left out), so no source is recorded.
   */
  outcome: 'imported' | 'resumed' | 'already' | 'dry-run' | 'empty' | 'nothing-kept';
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
/** How many of the first lines tell the format (files without a header are told by their column counts). */
const DETECT_LINES = 20;

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
    bytesDone: 0,
    prefixHash: null,
  };
}

/**
 * Imports one input: detects or takes its format and reads its header, finds an earlier import of
 * the same content (skips it when complete, resumes it when interrupted), then streams its lines
 * through the parser and the filters into chunks, each committed in one transaction with the
 * file's progress, so that a kill at any moment leaves the store consistent and the same command
 * completes the work. A damaged input (its zip or gzip checks fail) or a --strict failure leaves
 * nothing behind.
 */
export async function importFile(input: InputSource, store: Store | null, opts: ImportOptions): Promise<FileResult> {
  return new FileImport(input, store, opts).run();
}

/** One import of one input, stage by stage (`run`). */
class FileImport implements RecordSink {
  private readonly started = process.hrtime.bigint();
  private readonly decode: DecodeState = { encoding: 'utf8' };
  private readonly opened: OpenedInput;
  private readonly blocks: AsyncIterator<Buffer | LongLine>;
  private readonly store: Store | null;
  private readonly repo: ImportRepository | null;
  private readonly filters: string;
  private readonly maxLineBytes: number;
  private readonly result: FileResult;
  private readonly buffer = new ImportRowBuffer();
  private readonly row = newParsedRow();
  /** The first block with something in it, and how many blank lines came before it. */
  private first: Buffer | LongLine | undefined;
  private blankLines = 0;
  private headerLine = 0;
  private parser!: FormatParser;
  private file: ImportedFile | undefined;
  private writer: ImportWriter | undefined;
  private rejects: RejectsFile | null = null;
  private records: RecordReader | null = null;
  private lineNo = 0;
  private skipUntil = 0;
  private readAtCommit = 0;
  private strictFailure: ValidationError | undefined;

  constructor(
    private readonly input: InputSource,
    store: Store | null,
    private readonly opts: ImportOptions,
  ) {
    this.opened = input.open();
    this.maxLineBytes = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.blocks = lineBlocks(this.opened.stream, this.decode, this.maxLineBytes)[Symbol.asyncIterator]();
    this.store = opts.dryRun ? null : store;
    this.repo = this.store ? new ImportRepository(this.store.db, this.store.opened) : null;
    this.filters = JSON.stringify(opts.filters);
    this.result = {
      name: input.name,
      format: opts.format ?? 'csv',
      outcome: opts.dryRun ? 'dry-run' : 'imported',
      fileId: null,
      caseId: null,
      progress: emptyProgress(),
      rejectsPath: null,
      rejectSamples: [],
      encoding: this.decode,
      bytes: 0,
      seconds: 0,
      sameAs: null,
    };
  }

  async run(): Promise<FileResult> {
    try {
      if (!(await this.readHead())) {
        this.result.outcome = 'empty';
        return this.result;
      }
      this.identify();
      if (await this.findEarlier()) return this.result;
      await this.begin();
      await this.readAll();
      return await this.finish();
    } catch (err) {
      await this.abort(err);
      throw err;
    } finally {
      await this.writer?.close();
      this.opened.close();
    }
  }

  /** Stage 1: the first block with something in it; false when the input holds nothing but blank lines. */
  private async readHead(): Promise<boolean> {
    for (let b = await this.blocks.next(); !b.done; b = await this.blocks.next()) {
      if (b.value instanceof LongLine || hasContent(b.value)) {
        this.first = b.value;
        return true;
      }
      this.blankLines += countLines(b.value);
    }
    return false;
  }

  /** Stage 2: the format (given, or told from the first lines) and the header, before anything is recorded. */
  private identify(): void {
    const first = this.first!;
    const lines =
      first instanceof LongLine
        ? [first.head.toString(this.decode.encoding)]
        : first
            .toString(this.decode.encoding, 0, Math.min(first.length, 1 << 16))
            .split('\n', DETECT_LINES)
            .map((l) => l.replace(/\r$/, ''));
    const lead = lines.findIndex((l) => l !== '');
    const format = this.opts.format ?? detect(this.input.name, lines.slice(lead));
    this.result.format = format;
    this.parser = createParser(format);
    if (!this.parser.hasHeader) return;
    this.headerLine = this.blankLines + lead + 1;
    const at = { file: this.input.name, line: this.headerLine };
    if (first instanceof LongLine)
      throw new ValidationError([{ location: at, message: `the header is longer than ${this.maxLineBytes} bytes` }]);
    try {
      this.parser.header(firstContentLine(first, this.decode.encoding));
    } catch (err) {
      if (err instanceof HeaderError) throw new ValidationError([{ location: at, message: err.message }]);
      throw err;
    }
  }

  /**
   * Stage 3: an earlier import of this input. Candidates are found by fingerprint and format; a
   * complete one covers this import only if its content hash is this input's (the input is hashed
   * whole, without parsing) and it kept at least as much (the same filters, or none); an
   * interrupted one is resumed only if the bytes it had read hash the same now and it had the same
   * filters. Returns true when an earlier import covers this one (`result` says which).
   */
  private async findEarlier(): Promise<boolean> {
    if (!this.repo) return false;
    const caseId = await this.repo.resolveCase(this.opts.caseId);
    this.result.caseId = caseId;
    const { fingerprint, md5Prefix, size } = this.input;
    if (!fingerprint || !md5Prefix || size === null) return false;
    let whole: string | undefined;
    for (const earlier of await this.repo.findByFingerprint(caseId, fingerprint, this.result.format)) {
      if (earlier.status === 'complete') {
        if (earlier.options !== this.filters && earlier.options !== '{}') continue;
        whole ??= await md5Prefix(size);
        if (earlier.contentHash !== whole) continue;
        this.result.outcome = 'already';
        this.result.fileId = earlier.id;
        this.result.progress = { ...earlier.progress, rowsNew: 0 };
        this.result.rejectsPath = earlier.rejectsPath;
        return true;
      }
      if (earlier.options !== this.filters || this.file) continue;
      const p = earlier.progress;
      // Records from before prefixes were kept (migration 005) are trusted on their fingerprint.
      if (p.prefixHash !== null && (await md5Prefix(p.bytesDone)) !== p.prefixHash) continue;
      this.file = earlier;
      this.result.outcome = 'resumed';
    }
    return false;
  }

  /** Stage 4: the file's record (new, or the interrupted one), its writer and its rejects file. */
  private async begin(): Promise<void> {
    if (!this.repo) return;
    const resumed = this.file !== undefined;
    this.file ??= await this.recorded('create', (repo) =>
      repo.create({
        caseId: this.result.caseId!,
        path: this.input.path,
        name: this.input.name,
        size: this.input.size,
        fingerprint: this.input.fingerprint,
        format: this.result.format,
        dataset: this.parser.dataset,
        rejectsPath: RejectsFile.locate(this.input, this.opts.rejectsPath, this.opts.dataDir),
        options: this.filters,
      }),
    );
    const file = this.file;
    this.result.fileId = file.id;
    this.result.rejectsPath = file.rejectsPath;
    this.result.progress = { ...file.progress };
    if (file.rejectsPath) {
      this.rejects = new RejectsFile(file.rejectsPath, this.input.name);
      if (resumed) this.rejects.cutBackTo(file.progress.rejectsBytes);
      else this.rejects.startFresh(this.opts.rejectsPath !== undefined);
    }
    this.writer = await this.repo.openWriter(file);
  }

  /** Stage 5: every line, into rows, committed a chunk at a time. */
  private async readAll(): Promise<void> {
    const progress = this.result.progress;
    const chunkRows = this.opts.chunkRows ?? DEFAULT_CHUNK_ROWS;
    this.lineNo = this.blankLines;
    this.skipUntil = progress.linesDone;
    this.readAtCommit = progress.rowsRead;
    if (this.parser.lineEndsOpen)
      this.records = new RecordReader(
        this.parser.lineEndsOpen.bind(this.parser),
        this.opts.recordLimits ?? DEFAULT_RECORD_LIMITS,
        this,
      );
    for (let block = this.first; block; block = await this.nextBlock()) {
      if (!this.readBlock(block)) break;
      await this.drain();
      if (progress.rowsRead - this.readAtCommit >= chunkRows) await this.commit();
      this.reportProgress();
    }
    if (!this.strictFailure) this.records?.end();
    if (this.strictFailure) throw this.strictFailure;
  }

  private async nextBlock(): Promise<Buffer | LongLine | undefined> {
    const b = await this.blocks.next();
    return b.done ? undefined : b.value;
  }

  /** False stops the file (--strict). */
  private readBlock(block: Buffer | LongLine): boolean {
    if (block instanceof LongLine) return this.longLine(block);
    return forEachLine(block, this.decode.encoding, (line) => this.line(line));
  }

  private line(text: string): boolean {
    const no = ++this.lineNo;
    if (no === this.headerLine || no <= this.skipUntil) return true;
    if (this.records) return this.records.push(text, no);
    if (text === '') return true;
    const why = this.take(text);
    return why === null || this.reject(no, why, text);
  }

  private longLine(line: LongLine): boolean {
    const no = ++this.lineNo;
    if (no <= this.skipUntil) return true;
    if (this.records && !this.records.interrupt(no)) return false;
    const head = line.head.toString(this.decode.encoding);
    return this.reject(
      no,
      `the line is ${line.bytes.toLocaleString('en-US')} bytes long, over the limit of ` +
        `${this.maxLineBytes.toLocaleString('en-US')} (--max-line); only its first ${line.head.length} bytes are kept here`,
      head,
    );
  }

  /** Parses one record and keeps it if it passes the filters; returns why it is bad, or null. */
  take(text: string): string | null {
    const row = this.row;
    const reason = this.parser.parse(text, row);
    if (reason !== null) return reason;
    const p = this.result.progress;
    p.rowsRead++;
    if (!passes(this.opts.filters, row)) return null;
    p.rowsKept++;
    if (p.firstDate === null || row.date < p.firstDate) p.firstDate = row.date;
    if (p.lastDate === null || row.date > p.lastDate) p.lastDate = row.date;
    this.buffer.push(
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
    return null;
  }

  /** Counts a bad record and writes it to the rejects file; false stops the file (--strict). */
  reject(line: number, reason: string, text: string): boolean {
    const p = this.result.progress;
    p.rowsRead++;
    p.rowsRejected++;
    if (this.opts.strict) {
      this.strictFailure = new ValidationError([
        { location: { file: this.input.name, line }, message: `${reason} (--strict: nothing of this file was kept)` },
      ]);
      return false;
    }
    if (this.result.rejectSamples.length < SAMPLE_REJECTS) this.result.rejectSamples.push({ line, reason });
    this.rejects?.add(line, reason, text);
    return true;
  }

  /** Hands the parsed rows of the last block to the writer (inside the open chunk). */
  private async drain(): Promise<void> {
    if (this.buffer.count > 0 && this.writer) await this.writer.write(this.buffer);
    this.buffer.clear();
  }

  /** Ends a chunk: its rejects are on disk before the commit that records how far they go. */
  private async commit(): Promise<void> {
    await this.drain();
    const p = this.result.progress;
    // A record still open at a chunk's end is read again, whole, by a resumed import.
    const open = this.records?.openSince ?? 0;
    p.linesDone = open > 0 ? open - 1 : this.lineNo;
    const soFar = this.opened.readSoFar();
    p.bytesDone = soFar.bytes;
    p.prefixHash = soFar.md5;
    if (this.rejects) p.rejectsBytes = this.rejects.flush();
    if (this.writer) await this.writer.commit(p);
    this.readAtCommit = p.rowsRead;
  }

  /**
   * Stage 6: the last chunk, then the record: complete; or, when nothing was kept, gone (an import
   * that kept nothing is never complete); or, for an input read from stdin that turns out to be one
   * imported before (same content, format and covering filters), gone in favour of that one.
   */
  private async finish(): Promise<FileResult> {
    await this.commit();
    const r = this.result;
    r.bytes = this.opened.bytesRead();
    if (this.repo && this.file) {
      const file = this.file;
      const hash = this.opened.contentHash();
      const same = r.progress.rowsKept === 0 ? [] : await this.repo.findCompleteByHash(file.caseId, hash, file.id);
      const covering = same.find((f) => f.format === r.format && (f.options === this.filters || f.options === '{}'));
      if (r.progress.rowsKept === 0) {
        r.outcome = 'nothing-kept';
        await this.dropRecord('no row was kept');
      } else if (covering && r.progress.rowsNew === 0 && !this.input.fingerprint) {
        r.outcome = 'already';
        await this.dropRecord(`the same content as source ${covering.id}`);
        r.fileId = covering.id;
      } else {
        r.sameAs = same[0]?.id ?? null;
        await this.recorded('complete', async (repo) => {
          await repo.finish(file.id, hash);
          return (await repo.get(file.id)) ?? file;
        });
      }
    }
    r.seconds = Number(process.hrtime.bigint() - this.started) / 1e9;
    this.reportProgress();
    return r;
  }

  /** Takes this import's record out again, with any rows only it holds. */
  private async dropRecord(why: string): Promise<void> {
    await this.writer?.close();
    this.writer = undefined;
    const file = this.file!;
    await this.recorded(
      'remove',
      async (repo) => {
        await repo.remove(file.id);
        return file;
      },
      why,
    );
    this.result.fileId = null;
  }

  /** A change to the file's record, in one transaction with what `onSourceChange` writes of it. */
  private recorded(
    action: SourceChange['action'],
    change: (repo: ImportRepository) => Promise<ImportedFile>,
    why?: string,
  ): Promise<ImportedFile> {
    return this.store!.transaction(async (tx) => {
      const file = await change(new ImportRepository(tx.db, tx.opened));
      await this.opts.onSourceChange?.(tx, { action, file, result: this.result, ...(why ? { why } : {}) });
      return file;
    });
  }

  /** A damaged input or a --strict failure keeps nothing of the file; an interruption keeps what committed. */
  private async abort(err: unknown): Promise<void> {
    const nothing = err instanceof DamagedInputError || (err !== undefined && err === this.strictFailure);
    if (!nothing || !this.repo || !this.file) return;
    await this.dropRecord((err as Error).message);
    if (err instanceof DamagedInputError && this.opts.rejectsPath === undefined) this.rejects?.remove();
  }

  private reportProgress(): void {
    const p = this.result.progress;
    this.opts.onProgress?.({
      name: this.input.name,
      bytesRead: this.opened.bytesRead(),
      size: this.input.size,
      rowsRead: p.rowsRead,
      rowsKept: p.rowsKept,
      rowsRejected: p.rowsRejected,
    });
  }
}

/** The format told from the first lines; a file that tells none is a problem of that file, not of the run. */
function detect(name: string, lines: readonly string[]): ImportFormat {
  try {
    return detectFormat(name, lines);
  } catch (err) {
    if (err instanceof UsageError) throw new ValidationError([{ message: err.message }], { cause: err });
    throw err;
  }
}

/** Whether a block holds anything but line ends. */
function hasContent(block: Buffer): boolean {
  for (let i = 0; i < block.length; i++) if (block[i] !== 10 && block[i] !== 13) return true;
  return false;
}

function countLines(block: Buffer): number {
  let n = 0;
  for (let i = block.indexOf(10); i !== -1; i = block.indexOf(10, i + 1)) n++;
  return n;
}

/** The first line of a block that is not blank, whole. */
function firstContentLine(block: Buffer, encoding: 'utf8' | 'latin1'): string {
  let line = '';
  forEachLine(block, encoding, (l) => {
    line = l;
    return l === '';
  });
  return line;
}
