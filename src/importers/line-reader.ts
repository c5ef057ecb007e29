import { isUtf8 } from 'node:buffer';

/** How a file's bytes were decoded: UTF-8 throughout, or latin-1 from the first invalid byte on. */
export interface DecodeState {
  encoding: 'utf8' | 'latin1';
  /** Byte offset (in the decompressed stream) where latin-1 took over, if it did. */
  latin1From?: number;
}

/**
 * Turns a byte stream into blocks of whole lines. Each block ends right after a `\n` byte, so a
 * multi-byte UTF-8 character is never cut and the caller splits the block with `indexOf('\n')`
 * (faster than `readline`, see reference/stack.md §6). Bytes are decoded as UTF-8 while they are
 * valid UTF-8; at the first block that is not, the rest of the file is read as latin-1 (POLECAT
 * files are known to carry latin-1 bytes, reference/event_formats.md §3).
 */
export async function* lineBlocks(source: AsyncIterable<Buffer | string>, state: DecodeState = { encoding: 'utf8' }): AsyncGenerator<string> {
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
    yield decode(whole, state, offset);
    offset += whole.length;
  }
  if (carry && carry.length > 0) yield decode(carry, state, offset) + '\n';
}

function decode(bytes: Buffer, state: DecodeState, offset: number): string {
  if (state.encoding === 'utf8') {
    if (isUtf8(bytes)) return bytes.toString('utf8');
    state.encoding = 'latin1';
    state.latin1From = offset;
  }
  return bytes.toString('latin1');
}

/**
 * Calls `visit` for each line of a block from `lineBlocks`, without the `\n` (and without a
 * trailing `\r`). Stops early when `visit` returns false.
 */
export function forEachLine(block: string, visit: (line: string) => boolean | void): boolean {
  let start = 0;
  const len = block.length;
  while (start < len) {
    let nl = block.indexOf('\n', start);
    if (nl === -1) nl = len;
    const stop = nl > start && block.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (visit(block.slice(start, stop)) === false) return false;
    start = nl + 1;
  }
  return true;
}
