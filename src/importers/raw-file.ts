import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, read, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';

const readAt = promisify(read);

const CHUNK = 1 << 20;

/**
 * The bytes of an input as stored, read by position: a file by its path, or an open descriptor
 * (a zip spooled from stdin, whose name is removed as soon as it is made, so that nothing is left
 * behind whatever ends the process).
 */
export class RawFile {
  private constructor(
    private readonly path: string | null,
    private readonly fd: number | null,
  ) {}

  static atPath(path: string): RawFile {
    return new RawFile(path, null);
  }

  static ofDescriptor(fd: number): RawFile {
    return new RawFile(null, fd);
  }

  /** The open descriptor of a file that has no name (a spooled zip); null for a file read by its path. */
  get descriptor(): number | null {
    return this.fd;
  }

  read(position: number, length: number): Buffer {
    const fd = this.fd ?? openSync(this.path!, 'r');
    try {
      const buf = Buffer.alloc(length);
      let n = 0;
      while (n < length) {
        const got = readSync(fd, buf, n, length - n, position + n);
        if (got === 0) break;
        n += got;
      }
      return buf.subarray(0, n);
    } finally {
      if (this.fd === null) closeSync(fd);
    }
  }

  /**
   * Bytes `start` to `end` inclusive, streamed. A descriptor is read by position rather than
   * through fs.ReadStream, which closes it when destroyed even with `autoClose: false`, and one
   * spooled zip is read once per entry.
   */
  stream(start: number, end: number): Readable {
    if (this.fd === null) return createReadStream(this.path!, { start, end, highWaterMark: CHUNK });
    const fd = this.fd;
    return Readable.from(
      (async function* () {
        for (let pos = start; pos <= end; ) {
          const want = Math.min(CHUNK, end - pos + 1);
          const { bytesRead, buffer } = await readAt(fd, Buffer.allocUnsafe(want), 0, want, pos);
          if (bytesRead === 0) return;
          pos += bytesRead;
          yield buffer.subarray(0, bytesRead);
        }
      })(),
      { objectMode: false },
    );
  }

  /** MD5 of `length` bytes from `start`: what an earlier import recorded of the same input, to compare. */
  async md5(start: number, length: number): Promise<string> {
    const hash = createHash('md5');
    if (length > 0) for await (const chunk of this.stream(start, start + length - 1)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
  }
}
