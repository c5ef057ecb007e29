import { isUtf8 } from 'node:buffer';

/** How a file's bytes were decoded: UTF-8 throughout, or latin-1 from the first invalid block on. */
export interface DecodeState {
  encoding: 'utf8' | 'latin1';
  /** Byte offset (in the decompressed stream) where latin-1 took over, if it did. */
  latin1From?: number;
}

/**
 * Turns a byte stream into blocks of whole lines: each block ends right after a `\n` byte, so a
 * multi-byte UTF-8 character is never cut. Blocks stay bytes; `forEachLine` decodes line by line.
 * (Decoding a whole 1 MiB block into one string and slicing lines out of it is no faster, and every
 * field kept from it would keep the whole block alive until the chunk is written: a few hundred
 * MiB of retained blocks and most of the import's time in the garbage collector.)
 *
 * Bytes are read as UTF-8 while they are valid UTF-8; from the first block that is not, the rest of
 * the file is read as latin-1 (POLECAT files are known to carry latin-1).
 */
export async function* lineBlocks(
  source: AsyncIterable<Buffer | string>,
  state: DecodeState = { encoding: 'utf8' },
): AsyncGenerator<Buffer> {
  let carry: Buffer | undefined;
  let offset = 0;
  for await (const piece of source) {
    let buf = typeof piece === 'string' ? Buffer.from(piece) : piece;
    if (carry) {
      buf = Buffer.concat([carry, buf]);
      carry = undefined;
    }
    const end = buf.lastIndexOf(10);
    if (end === -1) {
      carry = buf;
      continue;
    }
    const whole = buf.subarray(0, end + 1);
    if (end + 1 < buf.length) carry = Buffer.from(buf.subarray(end + 1));
    check(whole, state, offset);
    offset += whole.length;
    yield whole;
  }
  if (carry && carry.length > 0) {
    const last = Buffer.concat([carry, Buffer.from('\n')]);
    check(last, state, offset);
    yield last;
  }
}

function check(bytes: Buffer, state: DecodeState, offset: number): void {
  if (state.encoding === 'utf8' && !isUtf8(bytes)) {
    state.encoding = 'latin1';
    state.latin1From = offset;
  }
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
