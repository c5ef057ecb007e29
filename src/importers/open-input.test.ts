import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { expandInputs, type InputSource } from './open-input.js';
import { fixture } from './test-support/fixtures.js';

async function text(input: InputSource): Promise<string> {
  const opened = input.open();
  const parts: Buffer[] = [];
  for await (const b of opened.stream) parts.push(b);
  return Buffer.concat(parts).toString('utf8');
}

describe('open-input', () => {
  it('reads a GDELT zip through its central directory and inflates the one entry', async () => {
    const [input] = expandInputs([fixture('20180612031500.export.CSV.zip')]);
    expect(input!.name).toBe('20180612031500.export.CSV.zip');
    const t = await text(input!);
    expect(t.split('\n')[0]!.split('\t')).toHaveLength(61);
    expect(t.split('\n').filter((l) => l !== '')).toHaveLength(7);
  });

  it('reads .gz and plain files, and a folder as its files in name order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-input-'));
    writeFileSync(join(dir, 'b.tsv.gz'), gzipSync('x\ty\n'));
    writeFileSync(join(dir, 'a.tsv'), 'p\tq\n');
    writeFileSync(join(dir, 'a.tsv.rejects.tsv'), 'ignored\n');
    writeFileSync(join(dir, '.hidden'), 'ignored\n');
    const inputs = expandInputs([dir]);
    expect(inputs.map((i) => i.name)).toEqual(['a.tsv', 'b.tsv.gz']);
    expect(await text(inputs[0]!)).toBe('p\tq\n');
    expect(await text(inputs[1]!)).toBe('x\ty\n');
  });

  it('fingerprints a file by size and content, the same for the same bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-input-'));
    writeFileSync(join(dir, 'one.tsv'), 'same\n');
    writeFileSync(join(dir, 'two.tsv'), 'same\n');
    writeFileSync(join(dir, 'three.tsv'), 'diff\n');
    const [a, b, c] = expandInputs([join(dir, 'one.tsv'), join(dir, 'two.tsv'), join(dir, 'three.tsv')]);
    expect(a!.fingerprint).toBe(b!.fingerprint);
    expect(a!.fingerprint).not.toBe(c!.fingerprint);
  });

  it('names a missing file in one sentence', () => {
    expect(() => expandInputs(['/no/such/file.zip'])).toThrow('cannot read /no/such/file.zip: no such file or folder');
  });
});
