import { describe, expect, it } from 'vitest';
import { forEachLine, lineBlocks, type DecodeState } from './line-reader.js';

async function lines(pieces: (Buffer | string)[], state?: DecodeState): Promise<string[]> {
  async function* src(): AsyncGenerator<Buffer | string> {
    yield* pieces;
  }
  const out: string[] = [];
  const st = state ?? { encoding: 'utf8' };
  for await (const block of lineBlocks(src(), st)) forEachLine(block, st.encoding, (l) => void out.push(l));
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
