import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
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
export function expandInputs(args: readonly string[]): InputSource[] {
  const out: InputSource[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push(stdinInput());
      continue;
    }
    const path = resolve(arg);
    let st;
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
      out.push(...fileInputs(path));
    }
  }
  return out;
}

function fileInputs(path: string): InputSource[] {
  const head = readBytes(path, 0, 4);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return zipInputs(path);
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
        if (head[0] === 0x50 && head[1] === 0x4b) throw new UsageError('a .zip cannot be read from stdin; pass the file name, or unzip it into the pipe (unzip -p FILE)');
        async function* all(): AsyncGenerator<Buffer> {
          yield head;
          for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
        }
        if (head[0] === 0x1f && head[1] === 0x8b) yield* Readable.from(all()).pipe(createGunzip({ chunkSize: CHUNK })) as AsyncIterable<Buffer>;
        else yield* all();
      }
      return { stream: bytes(), bytesRead: () => read, contentHash: () => hash.digest('hex'), close: () => source.destroy() };
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
 * central header, §4.3.7 local header): each stored or deflated entry becomes one input, inflated
 * with zlib as it streams. GDELT ships one file per zip. ZIP64 archives (over 4 GiB) are refused.
 */
function zipInputs(path: string): InputSource[] {
  const size = statSync(path).size;
  const tailLen = Math.min(size, 65557);
  const tail = readBytes(path, size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  const bad = (why: string): ValidationError => new ValidationError([{ location: { file: basename(path) }, message: `not a readable zip: ${why}` }]);
  if (eocd === -1) throw bad('no end of central directory');
  const entries = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || entries === 0xffff) throw bad('ZIP64 archives are not supported; unzip it first');
  const cd = readBytes(path, cdOffset, cdSize);
  const out: InputSource[] = [];
  let p = 0;
  for (let e = 0; e < entries; e++) {
    if (cd.readUInt32LE(p) !== 0x02014b50) throw bad('broken central directory');
    const method = cd.readUInt16LE(p + 10);
    const compressed = cd.readUInt32LE(p + 20);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const local = cd.readUInt32LE(p + 42);
    const entryName = cd.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (entryName.endsWith('/')) continue;
    if (method !== 0 && method !== 8) throw bad(`entry ${entryName} uses compression method ${method}; only stored and deflate are read`);
    const lh = readBytes(path, local, 30);
    if (lh.readUInt32LE(0) !== 0x04034b50) throw bad(`no local header for ${entryName}`);
    const dataStart = local + 30 + lh.readUInt16LE(26) + lh.readUInt16LE(28);
    out.push({
      name: entries === 1 ? basename(path) : `${basename(path)}:${entryName}`,
      path,
      size: compressed,
      fingerprint: fingerprint(path, size, entryName, dataStart, compressed),
      open: () => (compressed === 0 ? emptyInput() : openRange(path, dataStart, dataStart + compressed - 1, method === 8 ? 'inflate' : 'none')),
    });
  }
  return out;
}

function emptyInput(): OpenedInput {
  async function* none(): AsyncGenerator<Buffer> {}
  return { stream: none(), bytesRead: () => 0, contentHash: () => createHash('md5').digest('hex'), close: () => undefined };
}
