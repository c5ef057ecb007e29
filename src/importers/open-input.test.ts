import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { expandInputs, isUnreadable, type InputSource } from './open-input.js';
import { fixture, inputsOf } from './test-support/fixtures.js';
import { zipOf } from './test-support/zip-writer.js';

async function text(input: InputSource): Promise<string> {
  const opened = input.open();
  const parts: Buffer[] = [];
  for await (const b of opened.stream) parts.push(b);
  return Buffer.concat(parts).toString('utf8');
}

describe('open-input', () => {
  it('reads a GDELT zip through its central directory (yauzl) and inflates the one entry', async () => {
    const [input] = await inputsOf([fixture('20180612031500.export.CSV.zip')]);
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
    const inputs = await inputsOf([dir]);
    expect(inputs.map((i) => i.name)).toEqual(['a.tsv', 'b.tsv.gz']);
    expect(await text(inputs[0]!)).toBe('p\tq\n');
    expect(await text(inputs[1]!)).toBe('x\ty\n');
  });

  it('reads a ZIP64 archive (sizes and offsets in the ZIP64 records), entry by entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-input-'));
    const path = join(dir, 'events.zip');
    writeFileSync(
      path,
      zipOf(
        [
          ['a.tsv', 'first\trow\n'],
          ['b.tsv', 'second\trow\n'.repeat(1000)],
        ],
        { zip64: true },
      ),
    );
    const inputs = await inputsOf([path]);
    expect(inputs.map((i) => i.name)).toEqual(['events.zip:a.tsv', 'events.zip:b.tsv']);
    expect(await text(inputs[0]!)).toBe('first\trow\n');
    expect(await text(inputs[1]!)).toBe('second\trow\n'.repeat(1000));
  });

  it('says what is broken in a zip, as an unreadable input the caller reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-input-'));
    const whole = zipOf([['a.tsv', 'x\n']], { zip64: true });
    const path = join(dir, 'cut.zip');
    // The ZIP64 end record cut out: the locator points past the end of the file.
    writeFileSync(path, Buffer.concat([whole.subarray(0, whole.length - 98), whole.subarray(whole.length - 42)]));
    const [input] = await expandInputs([path]);
    expect(input && isUnreadable(input)).toBe(true);
    expect(input && isUnreadable(input) && input.error.message).toMatch(/^cut\.zip: not a readable zip: /);
  });

  it('fingerprints a file by size and content, the same for the same bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-input-'));
    writeFileSync(join(dir, 'one.tsv'), 'same\n');
    writeFileSync(join(dir, 'two.tsv'), 'same\n');
    writeFileSync(join(dir, 'three.tsv'), 'diff\n');
    const [a, b, c] = await inputsOf([join(dir, 'one.tsv'), join(dir, 'two.tsv'), join(dir, 'three.tsv')]);
    expect(a!.fingerprint).toBe(b!.fingerprint);
    expect(a!.fingerprint).not.toBe(c!.fingerprint);
  });

  it('names a missing file in one sentence', async () => {
    await expect(expandInputs(['/no/such/file.zip'])).rejects.toThrow(
      'cannot read /no/such/file.zip: no such file or folder',
    );
  });
});
