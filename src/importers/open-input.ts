import { createHash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createInflateRaw } from 'node:zlib';
import { UsageError, ValidationError } from '../model/errors.js';

/** One stream of event rows: a plain file, a .gz, one entry of a .zip, or stdin. */
export interface InputSource {
  /** What the user sees: the file name, `archive.zip:entry.CSV` for a zip entry, or `stdin`. */
  name: string;
  /** Absolute path of the file on disk; null for stdin. */
  path: string | null;
  /** Bytes to read from disk (the compressed size for .gz and zip entries); null for stdin. */
  size: number | null;
  /** Size plus a hash of the first and last 64 KiB, known before reading; null for stdin. */
  fingerprint: string | null;
  open(): OpenedInput;
}

export interface OpenedInput {
  /** The decompressed bytes. */
  stream: AsyncIterable<Buffer>;
  /** Raw bytes read so far (before decompression), for progress. */
  bytesRead(): number;
  /** MD5 of the raw bytes read, complete once the stream has ended. */
  contentHash(): string;
  close(): void;
}

const CHUNK = 1 << 20;

/**
 * Expands the command line's inputs: `-` is stdin, a folder stands for the files in it (sorted by
 * name, not recursive, hidden files and rejects files left out), a `.zip` for each of its entries.
 */
export function expandInputs(
  args: readonly string[],
  options: { displayNames?: ReadonlyMap<string, string> } = {},
): InputSource[] {
  const out: InputSource[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push(stdinInput());
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
        if (statSync(p).isFile()) out.push(...fileInputs(p));
      }
    } else {
      out.push(...fileInputs(path, options.displayNames?.get(arg)));
    }
  }
  return out;
}

function isZipHead(head: Buffer): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/**
 * A zip can only be read from its central directory, at its end: when stdin starts like one, it is
 * copied to a file under `dir` (streamed, memory flat) and that path is returned, to be read as a
 * file and deleted afterwards. Anything else is put back for `-` to read as a stream; null then.
 */
export async function spoolStdinZip(dir: string, stdin: NodeJS.ReadStream = process.stdin): Promise<string | null> {
  const head = await firstChunk(stdin);
  if (head === null) return null;
  if (!isZipHead(head)) {
    stdin.unshift(head);
    return null;
  }
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `stdin-${process.pid}-${Date.now()}.zip`);
  const out = createWriteStream(path);
  out.write(head);
  try {
    await pipeline(stdin, out);
  } catch (cause) {
    rmSync(path, { force: true });
    throw new UsageError(`could not copy the zip read from stdin to ${dir}: ${(cause as Error).message}`);
  }
  return path;
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

function fileInputs(path: string, displayName?: string): InputSource[] {
  const head = readBytes(path, 0, 4);
  if (isZipHead(head)) return zipInputs(path, displayName);
  const size = statSync(path).size;
  const gz = head[0] === 0x1f && head[1] === 0x8b;
  return [
    {
      name: basename(path),
      path,
      size,
      fingerprint: fingerprint(path, size, ''),
      open: () => (size === 0 ? emptyInput() : openRange(path, 0, size - 1, gz ? 'gunzip' : 'none')),
    },
  ];
}

function stdinInput(): InputSource {
  return {
    name: 'stdin',
    path: null,
    size: null,
    fingerprint: null,
    open(): OpenedInput {
      const hash = createHash('md5');
      let read = 0;
      const counted = new Transform({
        transform(chunk: Buffer, _enc, done) {
          read += chunk.length;
          hash.update(chunk);
          done(null, chunk);
        },
      });
      const source = process.stdin.pipe(counted);
      async function* bytes(): AsyncGenerator<Buffer> {
        const it = (source as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
        const first = await it.next();
        if (first.done) return;
        const head = first.value;
        // `parley import -` spools a zip first (spoolStdinZip); a caller that did not is told.
        if (head[0] === 0x50 && head[1] === 0x4b)
          throw new UsageError(
            'a .zip on stdin must be spooled to a file first (spoolStdinZip); pass the file name instead',
          );
        async function* all(): AsyncGenerator<Buffer> {
          yield head;
          for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
        }
        if (head[0] === 0x1f && head[1] === 0x8b)
          yield* Readable.from(all()).pipe(createGunzip({ chunkSize: CHUNK })) as AsyncIterable<Buffer>;
        else yield* all();
      }
      return {
        stream: bytes(),
        bytesRead: () => read,
        contentHash: () => hash.digest('hex'),
        close: () => source.destroy(),
      };
    },
  };
}

function openRange(path: string, start: number, end: number, decode: 'none' | 'gunzip' | 'inflate'): OpenedInput {
  const hash = createHash('md5');
  let read = 0;
  let digest: string | undefined;
  const raw = createReadStream(path, { start, end, highWaterMark: CHUNK });
  raw.on('data', (d) => {
    const b = d as Buffer;
    read += b.length;
    hash.update(b);
  });
  let stream: Readable = raw;
  if (decode === 'gunzip') stream = raw.pipe(createGunzip({ chunkSize: CHUNK }));
  if (decode === 'inflate') stream = raw.pipe(createInflateRaw({ chunkSize: CHUNK }));
  if (stream !== raw) raw.on('error', (e) => stream.destroy(e));
  return {
    stream: stream as AsyncIterable<Buffer>,
    bytesRead: () => read,
    contentHash: () => (digest ??= hash.digest('hex')),
    close: () => {
      raw.destroy();
      stream.destroy();
    },
  };
}

function readBytes(path: string, position: number, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, position);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Size, entry name and MD5 of the first and last 64 KiB: cheap, and enough to recognise a file again. */
function fingerprint(path: string, size: number, entry: string, start = 0, length = size): string {
  const h = createHash('md5');
  const span = 65536;
  h.update(readBytes(path, start, Math.min(span, length)));
  if (length > span) h.update(readBytes(path, start + Math.max(span, length - span), Math.min(span, length - span)));
  h.update(`${length}:${entry}`);
  return `${length}:${h.digest('hex')}`;
}

/**
 * A .zip read from its central directory (APPNOTE.TXT §4.3.16 end of central directory, §4.3.12
 * central header, §4.3.7 local header; ZIP64 §4.3.14–15 and the extended information field
 * §4.5.3, for archives and entries over 4 GiB): each stored or deflated entry becomes one input,
 * inflated with zlib as it streams. GDELT ships one file per zip.
 */
function zipInputs(path: string, displayName?: string): InputSource[] {
  const size = statSync(path).size;
  const shown = displayName ?? basename(path);
  const tailLen = Math.min(size, 65557);
  const tailStart = size - tailLen;
  const tail = readBytes(path, tailStart, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  const bad = (why: string): ValidationError =>
    new ValidationError([{ location: { file: shown }, message: `not a readable zip: ${why}` }]);
  if (eocd === -1) throw bad('no end of central directory');
  let entries = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: a locator just before the end record points to the ZIP64 end of central directory.
    const loc = eocd - 20;
    if (loc < 0 || tail.readUInt32LE(loc) !== 0x07064b50)
      throw bad('ZIP64 sizes without a ZIP64 end of central directory locator');
    const z = readBytes(path, safeNumber(tail.readBigUInt64LE(loc + 8)), 56);
    if (z.length < 56 || z.readUInt32LE(0) !== 0x06064b50) throw bad('broken ZIP64 end of central directory');
    entries = safeNumber(z.readBigUInt64LE(32));
    cdSize = safeNumber(z.readBigUInt64LE(40));
    cdOffset = safeNumber(z.readBigUInt64LE(48));
  }
  const cd = readBytes(path, cdOffset, cdSize);
  if (cd.length < cdSize) throw bad('the central directory runs past the end of the file');
  const out: InputSource[] = [];
  let p = 0;
  for (let e = 0; e < entries; e++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw bad('broken central directory');
    const method = cd.readUInt16LE(p + 10);
    let compressed = cd.readUInt32LE(p + 20);
    const uncompressed = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    let local = cd.readUInt32LE(p + 42);
    const entryName = cd.toString('utf8', p + 46, p + 46 + nameLen);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff || local === 0xffffffff) {
      // The ZIP64 extended information field holds, in this order, those of the uncompressed
      // size, compressed size and local header offset that the central header marks 0xFFFFFFFF.
      const field = findExtraField(cd, p + 46 + nameLen, extraLen, 0x0001);
      if (!field) throw bad(`entry ${entryName} has ZIP64 sizes but no ZIP64 extended information`);
      let q = field.start;
      const next = (): number => {
        if (q + 8 > field.end) throw bad(`entry ${entryName} has a short ZIP64 extended information field`);
        const v = safeNumber(cd.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (uncompressed === 0xffffffff) next();
      if (compressed === 0xffffffff) compressed = next();
      if (local === 0xffffffff) local = next();
    }
    p += 46 + nameLen + extraLen + commentLen;
    if (entryName.endsWith('/')) continue;
    if (method !== 0 && method !== 8)
      throw bad(`entry ${entryName} uses compression method ${method}; only stored and deflate are read`);
    const lh = readBytes(path, local, 30);
    if (lh.length < 30 || lh.readUInt32LE(0) !== 0x04034b50) throw bad(`no local header for ${entryName}`);
    const dataStart = local + 30 + lh.readUInt16LE(26) + lh.readUInt16LE(28);
    const length = compressed;
    out.push({
      name: entries === 1 ? shown : `${shown}:${entryName}`,
      path,
      size: length,
      fingerprint: fingerprint(path, size, entryName, dataStart, length),
      open: () =>
        length === 0
          ? emptyInput()
          : openRange(path, dataStart, dataStart + length - 1, method === 8 ? 'inflate' : 'none'),
    });
  }
  return out;
}

function findExtraField(
  buf: Buffer,
  start: number,
  length: number,
  id: number,
): { start: number; end: number } | undefined {
  for (let q = start; q + 4 <= start + length; ) {
    const fieldId = buf.readUInt16LE(q);
    const size = buf.readUInt16LE(q + 2);
    if (fieldId === id) return { start: q + 4, end: Math.min(q + 4 + size, start + length) };
    q += 4 + size;
  }
  return undefined;
}

function safeNumber(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER))
    throw new ValidationError([{ message: `a zip offset or size of ${v} bytes is beyond what can be read` }]);
  return Number(v);
}

function emptyInput(): OpenedInput {
  async function* none(): AsyncGenerator<Buffer> {}
  return {
    stream: none(),
    bytesRead: () => 0,
    contentHash: () => createHash('md5').digest('hex'),
    close: () => undefined,
  };
}
