import { createHash, type Hash } from 'node:crypto';
import { mkdirSync, openSync, readdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip, createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { UsageError, ValidationError } from '../model/errors.js';
import { crc32 } from './crc32.js';
import { DamagedInputError } from './damaged-input-error.js';
import { RawFile } from './raw-file.js';

/** One stream of event rows: a plain file, a .gz, one entry of a .zip, or stdin. */
export interface InputSource {
  /** What the user sees: the file name, `archive.zip:entry.CSV` for a zip entry, or `stdin`. */
  name: string;
  /** Absolute path of the file on disk, for a rejects file beside it; null for stdin. */
  path: string | null;
  /** Bytes to read as stored (compressed, for .gz and zip entries); null for stdin. */
  size: number | null;
  /** Size plus a hash of the first and last 64 KiB, known before reading: finds earlier imports to check; null for stdin. */
  fingerprint: string | null;
  /** MD5 of the first `length` bytes as stored, read again now; null when the input cannot be read twice (stdin). */
  md5Prefix: ((length: number) => Promise<string>) | null;
  open(): OpenedInput;
}

/** A file named on the command line, or found in a folder, that cannot be read at all. */
export interface UnreadableInput {
  name: string;
  error: ValidationError;
}

export interface OpenedInput {
  /** The decompressed bytes; the checks of the container (zip CRC-32 and size, gzip trailer) run as it ends. */
  stream: AsyncIterable<Buffer>;
  /** Bytes read as stored so far, for progress. */
  bytesRead(): number;
  /** Bytes read as stored so far and their MD5, taken together, for a resumed import to check. */
  readSoFar(): { bytes: number; md5: string };
  /** MD5 of every byte as stored, once the stream has ended. */
  contentHash(): string;
  close(): void;
}

const CHUNK = 1 << 20;

export interface ExpandOptions {
  /** A zip already spooled from stdin (`spoolStdinZip`), read where `-` is given. */
  stdinZip?: RawFile | null;
  /** Names to show instead of a file's own (an upload spooled under a safe name shows the name it was sent with). */
  displayNames?: ReadonlyMap<string, string>;
}

/**
 * Expands the command line's inputs: `-` is stdin, a folder stands for the files in it (sorted by
 * name, not recursive, hidden files and rejects files left out), a `.zip` for each of its entries
 * (read with yauzl). A zip that cannot be read is listed as unreadable, for the caller to report
 * and go on with the others.
 */
export async function expandInputs(
  args: readonly string[],
  options: ExpandOptions = {},
): Promise<(InputSource | UnreadableInput)[]> {
  const { stdinZip, displayNames } = options;
  const out: (InputSource | UnreadableInput)[] = [];
  for (const arg of args) {
    if (arg === '-') {
      if (stdinZip) out.push(...(await zipInputs(stdinZip, 'stdin.zip', null)));
      else out.push(stdinInput());
      continue;
    }
    const path = resolve(arg);
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(path);
    } catch {
      throw new UsageError(`cannot read ${arg}: no such file or folder`);
    }
    if (st.isDirectory()) {
      const names = readdirSync(path)
        .filter((n) => !n.startsWith('.') && !n.endsWith('.rejects.tsv'))
        .sort();
      for (const n of names) {
        const p = join(path, n);
        if (statSync(p).isFile()) out.push(...(await fileInputs(p, displayNames?.get(p))));
      }
    } else if (!st.isFile()) {
      // A FIFO or a device would block reading its head, or never end.
      const message = 'not a regular file (a pipe or a device); give `-` and pipe it in instead';
      out.push({ name: arg, error: new ValidationError([{ location: { file: arg }, message }]) });
    } else {
      out.push(...(await fileInputs(path, displayNames?.get(path) ?? displayNames?.get(arg))));
    }
  }
  return out;
}

export function isUnreadable(i: InputSource | UnreadableInput): i is UnreadableInput {
  return 'error' in i;
}

function isZipHead(head: Buffer): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/**
 * A zip can only be read from its central directory, at its end: when stdin starts like one, it is
 * copied to a file under `dir` (streamed, memory flat) and that file is returned open, to be read
 * as a file. Its name is removed as soon as it is made, so nothing is left behind however the
 * process ends (a kill included). Anything else is put back for `-` to read as a stream; null then.
 */
export async function spoolStdinZip(dir: string, stdin: NodeJS.ReadStream = process.stdin): Promise<RawFile | null> {
  const head = await firstChunk(stdin);
  if (head === null) return null;
  if (!isZipHead(head)) {
    stdin.unshift(head);
    return null;
  }
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `stdin-${process.pid}-${Date.now()}.zip`);
  const fd = openSync(path, 'w+');
  unlinkSync(path);
  const raw = RawFile.ofDescriptor(fd);
  try {
    writeSync(fd, head);
    for await (const chunk of stdin) writeSync(fd, chunk as Buffer);
  } catch (cause) {
    raw.close();
    throw new UsageError(`could not copy the zip read from stdin to ${dir}: ${(cause as Error).message}`);
  }
  return raw;
}

/** The first bytes of a stream (at least 4, unless it ends first), leaving it paused; null when empty. */
function firstChunk(stream: NodeJS.ReadStream): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let length = 0;
    const done = (value: Buffer | null, err?: Error): void => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', onError);
      if (err) reject(err);
      else resolve(value);
    };
    const onReadable = (): void => {
      for (let c = stream.read() as Buffer | null; c !== null; c = stream.read() as Buffer | null) {
        parts.push(c);
        length += c.length;
        if (length >= 4) {
          done(Buffer.concat(parts));
          return;
        }
      }
    };
    const onEnd = (): void => done(length > 0 ? Buffer.concat(parts) : null);
    const onError = (e: Error): void => done(null, e);
    stream.on('readable', onReadable);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}

async function fileInputs(path: string, shown?: string): Promise<(InputSource | UnreadableInput)[]> {
  const raw = RawFile.atPath(path);
  const name = shown ?? basename(path);
  if (isZipHead(raw.read(0, 4))) return zipInputs(raw, name, path);
  const size = statSync(path).size;
  const head = raw.read(0, 2);
  const decode = head[0] === 0x1f && head[1] === 0x8b ? 'gunzip' : 'none';
  return [
    {
      name,
      path,
      size,
      fingerprint: fingerprint(raw, 0, size, ''),
      md5Prefix: (length) => raw.md5(0, length),
      open: () => openStored(raw, 0, size, decode, name, null),
    },
  ];
}

function stdinInput(): InputSource {
  return {
    name: 'stdin',
    path: null,
    size: null,
    fingerprint: null,
    md5Prefix: null,
    open: () => openStream(process.stdin, 'stdin'),
  };
}

/**
 * The entries of a zip, each an input, from its central directory (yauzl: ZIP64, file name
 * encodings, entries that run past the end of the file). Each entry's bytes are then read straight
 * from the file, inflated, and checked against the CRC-32 and size the directory gives.
 */
async function zipInputs(raw: RawFile, shown: string, path: string | null): Promise<(InputSource | UnreadableInput)[]> {
  let zip: yauzl.ZipFile | undefined;
  const bad = (why: string, cause?: unknown): UnreadableInput => ({
    name: shown,
    error: new ValidationError([{ location: { file: shown }, message: `not a readable zip: ${why}` }], { cause }),
  });
  try {
    zip = path
      ? await yauzl.openPromise(path, { autoClose: false, strictFileNames: false })
      : await yauzl.fromFdPromise(raw.descriptor!, { autoClose: false });
    const out: InputSource[] = [];
    const count = zip.entryCount;
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      if (entry.isEncrypted()) return [bad(`entry ${entry.fileName} is encrypted`)];
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
        return [
          bad(
            `entry ${entry.fileName} uses compression method ${entry.compressionMethod}; only stored and deflate are read`,
          ),
        ];
      const { fileDataStart: start } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
      const name = count === 1 ? shown : `${shown}:${entry.fileName}`;
      const length = entry.compressedSize;
      const expect = { crc32: entry.crc32, size: entry.uncompressedSize };
      const decode = entry.compressionMethod === 8 ? 'inflate' : 'none';
      out.push({
        name,
        path,
        size: length,
        fingerprint: fingerprint(raw, start, length, entry.fileName),
        md5Prefix: (n) => raw.md5(start, n),
        open: () => openStored(raw, start, length, decode, name, expect),
      });
    }
    return out;
  } catch (cause) {
    return [bad((cause as Error).message, cause)];
  } finally {
    // A zip read by descriptor keeps it: closing yauzl's reader would close the spooled file.
    if (path) zip?.close();
  }
}

/** Size, entry name and MD5 of the first and last 64 KiB: cheap, and enough to find an earlier import to check. */
function fingerprint(raw: RawFile, start: number, length: number, entry: string): string {
  const h = createHash('md5');
  const span = 65536;
  h.update(raw.read(start, Math.min(span, length)));
  if (length > span) h.update(raw.read(start + Math.max(span, length - span), Math.min(span, length - span)));
  h.update(`${length}:${entry}`);
  return `${length}:${h.digest('hex')}`;
}

interface Expected {
  crc32: number;
  size: number;
}

/** `length` bytes from `start`, as stored, decompressed as they stream and checked at their end. */
function openStored(
  raw: RawFile,
  start: number,
  length: number,
  decode: 'none' | 'gunzip' | 'inflate',
  name: string,
  expect: Expected | null,
): OpenedInput {
  if (length === 0) return openStream(Readable.from([]), name, 'none', expect);
  return openStream(raw.stream(start, start + length - 1), name, decode, expect);
}

/**
 * A stream of stored bytes, counted and hashed as they are read, then decompressed (`decode`, or
 * from its first bytes for stdin: a .gz on stdin is gunzipped) and checked.
 */
function openStream(
  source: NodeJS.ReadableStream,
  name: string,
  decode: 'none' | 'gunzip' | 'inflate' | 'sniff' = 'sniff',
  expect: Expected | null = null,
): OpenedInput {
  const hash = createHash('md5');
  let read = 0;
  let digest: string | undefined;
  const counted = (async function* () {
    for await (const chunk of source) {
      const b = chunk as Buffer;
      read += b.length;
      hash.update(b);
      yield b;
    }
  })();
  return {
    stream: checked(decompressed(counted, decode, name), name, expect),
    bytesRead: () => read,
    readSoFar: () => ({ bytes: read, md5: (hash as Hash).copy().digest('hex') }),
    contentHash: () => (digest ??= hash.digest('hex')),
    close: () => {
      void counted.return(undefined);
      (source as Readable).destroy?.();
    },
  };
}

async function* decompressed(
  source: AsyncGenerator<Buffer>,
  decode: 'none' | 'gunzip' | 'inflate' | 'sniff',
  name: string,
): AsyncGenerator<Buffer> {
  const first = await source.next();
  if (first.done) return;
  const head = first.value;
  async function* all(): AsyncGenerator<Buffer> {
    yield head;
    yield* source;
  }
  let how = decode;
  if (how === 'sniff') {
    // `parley import -` spools a zip first (spoolStdinZip); a caller that did not is told.
    if (head[0] === 0x50 && head[1] === 0x4b)
      throw new UsageError(
        `${name}: a .zip on stdin must be spooled to a file first (spoolStdinZip); pass the file name instead`,
      );
    how = head[0] === 0x1f && head[1] === 0x8b ? 'gunzip' : 'none';
  }
  if (how === 'none') yield* all();
  else {
    const z = how === 'gunzip' ? createGunzip({ chunkSize: CHUNK }) : createInflateRaw({ chunkSize: CHUNK });
    yield* Readable.from(all()).pipe(z) as AsyncIterable<Buffer>;
  }
}

/**
 * The decompressed bytes, passed on as they come, with the container's checks: a zip entry's size
 * and CRC-32 against its directory (more bytes than announced stop at once), and zlib's own errors
 * (data that does not inflate, a .gz trailer that does not match) as a damaged file.
 */
async function* checked(source: AsyncIterable<Buffer>, name: string, expect: Expected | null): AsyncGenerator<Buffer> {
  let size = 0;
  let crc = 0;
  try {
    for await (const chunk of source) {
      size += chunk.length;
      if (expect) {
        if (size > expect.size)
          throw new DamagedInputError(
            name,
            `it inflates to more than the ${sizeText(expect.size)} its zip directory gives`,
          );
        crc = crc32(chunk, crc);
      }
      yield chunk;
    }
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Z_'))
      throw new DamagedInputError(name, `its compressed data cannot be read (${(err as Error).message})`, {
        cause: err,
      });
    throw err;
  }
  if (!expect) return;
  if (size !== expect.size)
    throw new DamagedInputError(
      name,
      `it inflates to ${sizeText(size)}, not the ${sizeText(expect.size)} its zip directory gives`,
    );
  if (crc >>> 0 !== expect.crc32 >>> 0)
    throw new DamagedInputError(
      name,
      `its CRC-32 is ${hex(crc)}, not the ${hex(expect.crc32)} its zip directory gives`,
    );
}

function sizeText(n: number): string {
  return `${n.toLocaleString('en-US')} bytes`;
}

function hex(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
