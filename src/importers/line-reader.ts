import { isUtf8 } from 'node:buffer';

/** How a file's bytes were decoded: UTF-8 throughout, or latin-1 from the first invalid block on. */
export interface DecodeState {
  encoding: 'utf8' | 'latin1';
  /** Byte offset (in the decompressed stream) where latin-1 took over, if it did. */
  latin1From?: number;
}

/** The longest line read by default (`--max-line`); docs/limits.md. */
export const DEFAULT_MAX_LINE_BYTES = 1 << 20;
/** How much of an over-long line is kept, to show and to write to the rejects file. */
export const LONG_LINE_HEAD_BYTES = 1024;

/** A line longer than the limit, in place of its bytes: its first bytes and its length. */
export class LongLine {
  constructor(
    readonly head: Buffer,
    readonly bytes: number,
  ) {}
}

/**
 * Turns a byte stream into blocks of whole lines: each block ends right after a `\n` byte, so a
 * multi-byte UTF-8 character is never cut. Blocks stay bytes; `forEachLine` decodes line by line.
 * (Decoding a whole 1 MiB block into one string and slicing lines out of it is no faster, and every
 * field kept from it would keep the whole block alive until the chunk is written: a few hundred
 * MiB of retained blocks and most of the import's time in the garbage collector.)
 *
 * A line longer than `maxLineBytes` is not held: once the bytes since the last newline pass the
 * limit they are dropped as they come, up to the next newline, and the line is yielded in its place
 * as a `LongLine` (its first KiB and its length), so that memory stays bounded by the limit
 * whatever the input (a file with no newline at all, a zip entry of one gigabyte-long line).
 *
 * Bytes are read as UTF-8 while they are valid UTF-8; from the first block that is not, the rest of
 * the file is read as latin-1 (POLECAT files are known to carry latin-1).
 */
export async function* lineBlocks(
  source: AsyncIterable<Buffer | string>,
  state: DecodeState = { encoding: 'utf8' },
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): AsyncGenerator<Buffer | LongLine> {
  let carry: Buffer | undefined;
  let long: { head: Buffer; bytes: number } | undefined;
  let offset = 0;
  for await (const piece of source) {
    let buf = typeof piece === 'string' ? Buffer.from(piece) : piece;
    if (long) {
      // Inside an over-long line: skip to its newline.
      const nl = buf.indexOf(10);
      if (nl === -1) {
        long.bytes += buf.length;
        offset += buf.length;
        continue;
      }
      long.bytes += nl;
      offset += nl + 1;
      yield new LongLine(long.head, long.bytes);
      long = undefined;
      buf = buf.subarray(nl + 1);
    }
    if (carry) {
      buf = Buffer.concat([carry, buf]);
      carry = undefined;
    }
    const end = buf.lastIndexOf(10);
    const tail = buf.length - (end + 1);
    if (end !== -1) {
      const whole = buf.subarray(0, end + 1);
      yield* splitLong(whole, maxLineBytes, state, offset);
      offset += whole.length;
    }
    if (tail > maxLineBytes) {
      long = { head: Buffer.from(buf.subarray(end + 1, end + 1 + LONG_LINE_HEAD_BYTES)), bytes: tail };
      offset += tail;
    } else if (tail > 0) {
      carry = Buffer.from(buf.subarray(end + 1));
    }
  }
  if (long) yield new LongLine(long.head, long.bytes);
  else if (carry && carry.length > 0)
    yield* splitLong(Buffer.concat([carry, Buffer.from('\n')]), maxLineBytes, state, offset);
}

/**
 * A block of whole lines as it goes out: as is when no line in it is over the limit (the usual
 * case, found by one scan for newlines), else cut around the long ones.
 */
function* splitLong(
  block: Buffer,
  maxLineBytes: number,
  state: DecodeState,
  offset: number,
): Generator<Buffer | LongLine> {
  if (block.length <= maxLineBytes + 1) {
    yield checked(block, state, offset);
    return;
  }
  let start = 0;
  let from = 0;
  for (let nl = block.indexOf(10); nl !== -1; nl = block.indexOf(10, nl + 1)) {
    if (nl - from > maxLineBytes) {
      if (from > start) yield checked(block.subarray(start, from), state, offset + start);
      yield new LongLine(Buffer.from(block.subarray(from, from + LONG_LINE_HEAD_BYTES)), nl - from);
      start = nl + 1;
    }
    from = nl + 1;
  }
  if (start < block.length) yield checked(start === 0 ? block : block.subarray(start), state, offset + start);
}

function checked(bytes: Buffer, state: DecodeState, offset: number): Buffer {
  if (state.encoding === 'utf8' && !isUtf8(bytes)) {
    state.encoding = 'latin1';
    state.latin1From = offset;
  }
  return bytes;
}

/**
 * Calls `visit` for each line of a block from `lineBlocks`, decoded on its own, without the `\n`
 * (and without a trailing `\r`). Stops early when `visit` returns false.
 */
export function forEachLine(
  block: Buffer,
  encoding: 'utf8' | 'latin1',
  visit: (line: string) => boolean | undefined,
): boolean {
  let start = 0;
  const len = block.length;
  while (start < len) {
    let nl = block.indexOf(10, start);
    if (nl === -1) nl = len;
    const stop = nl > start && block[nl - 1] === 13 ? nl - 1 : nl;
    if (visit(block.toString(encoding, start, stop)) === false) return false;
    start = nl + 1;
  }
  return true;
}
