import { describe, expect, it } from 'vitest';
import { forEachLine, LongLine, lineBlocks, LONG_LINE_HEAD_BYTES, type DecodeState } from './line-reader.js';

async function lines(pieces: (Buffer | string)[], state?: DecodeState, maxLine = 1 << 20): Promise<string[]> {
  async function* src(): AsyncGenerator<Buffer | string> {
    yield* pieces;
  }
  const out: string[] = [];
  const st = state ?? { encoding: 'utf8' };
  for await (const block of lineBlocks(src(), st, maxLine)) {
    if (block instanceof LongLine) out.push(`<${block.bytes} bytes: ${block.head.toString()}>`);
    else forEachLine(block, st.encoding, (l) => void out.push(l));
  }
  return out;
}

describe('line reader', () => {
  it('splits lines across chunk boundaries, strips CR, keeps a last line without newline', async () => {
    expect(await lines(['a\tb\nc', 'd\r\ne\n', 'f'])).toEqual(['a\tb', 'cd', 'e', 'f']);
  });

  it('never cuts a multi-byte character split between chunks', async () => {
    const bytes = Buffer.from('Hôtel\nPyŏngyang\n');
    expect(await lines([bytes.subarray(0, 2), bytes.subarray(2, 12), bytes.subarray(12)])).toEqual([
      'Hôtel',
      'Pyŏngyang',
    ]);
  });

  it('falls back to latin-1 from the first block that is not UTF-8', async () => {
    const state: DecodeState = { encoding: 'utf8' };
    const out = await lines([Buffer.from('ok\n'), Buffer.from('S\xe3o Paulo\n', 'latin1')], state);
    expect(out).toEqual(['ok', 'São Paulo']);
    expect(state).toEqual({ encoding: 'latin1', latin1From: 3 });
  });

  it('gives a line over the limit as its first bytes and length, never holding it, and goes on', async () => {
    const huge = 'x'.repeat(5000);
    // Long lines inside a block, split over pieces, and at the end without a newline.
    expect(await lines(['a\n', huge, huge, '\nb\n', `c\n${huge}\nd\n`, huge], undefined, 4096)).toEqual([
      'a',
      `<10000 bytes: ${'x'.repeat(LONG_LINE_HEAD_BYTES)}>`,
      'b',
      'c',
      `<5000 bytes: ${'x'.repeat(LONG_LINE_HEAD_BYTES)}>`,
      'd',
      `<5000 bytes: ${'x'.repeat(LONG_LINE_HEAD_BYTES)}>`,
    ]);
  });

  it('holds no more than the limit however long a line without a newline runs', async () => {
    let largest = 0;
    async function* endless(): AsyncGenerator<Buffer> {
      const piece = Buffer.alloc(1 << 16, 120);
      for (let i = 0; i < 2000; i++) yield piece;
      yield Buffer.from('\nafter\n');
    }
    const out: string[] = [];
    for await (const block of lineBlocks(endless(), { encoding: 'utf8' }, 1 << 16)) {
      if (block instanceof LongLine) out.push(`long ${block.bytes}`);
      else {
        largest = Math.max(largest, block.length);
        forEachLine(block, 'utf8', (l) => void out.push(l));
      }
    }
    expect(out).toEqual([`long ${2000 * (1 << 16)}`, 'after']);
    expect(largest).toBeLessThanOrEqual(1 << 17);
  });

  it('stops when the visitor returns false', () => {
    const seen: string[] = [];
    expect(
      forEachLine(Buffer.from('a\nb\nc\n'), 'utf8', (l) => {
        seen.push(l);
        return l !== 'b';
      }),
    ).toBe(false);
    expect(seen).toEqual(['a', 'b']);
  });
});
