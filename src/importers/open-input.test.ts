import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';
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

  it('reads a ZIP64 archive (sizes and offsets in the ZIP64 records), entry by entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-input-'));
    const path = join(dir, 'events.zip');
    writeFileSync(
      path,
      zip64([
        ['a.tsv', 'first\trow\n'],
        ['b.tsv', 'second\trow\n'.repeat(1000)],
      ]),
    );
    const inputs = expandInputs([path]);
    expect(inputs.map((i) => i.name)).toEqual(['events.zip:a.tsv', 'events.zip:b.tsv']);
    expect(await text(inputs[0]!)).toBe('first\trow\n');
    expect(await text(inputs[1]!)).toBe('second\trow\n'.repeat(1000));
  });

  it('says what is broken in a zip', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-input-'));
    const whole = zip64([['a.tsv', 'x\n']]);
    const path = join(dir, 'cut.zip');
    // The ZIP64 end record cut out: the locator points past the end of the file.
    writeFileSync(path, Buffer.concat([whole.subarray(0, whole.length - 98), whole.subarray(whole.length - 42)]));
    expect(() => expandInputs([path])).toThrow(/cut\.zip: not a readable zip: broken ZIP64 end of central directory/);
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

/**
 * A ZIP64 archive of deflated entries, every size and offset moved to the ZIP64 fields (as a
 * writer does past 4 GiB), per APPNOTE.TXT §4.3.7, §4.3.12, §4.3.14–16 and §4.5.3. CRCs are left
 * zero: the reader does not check them.
 */
function zip64(entries: [string, string][]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = deflateRawSync(Buffer.from(content));
    const raw = Buffer.byteLength(content);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30 + nameBytes.length + 20);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0xffffffff, 18);
    local.writeUInt32LE(0xffffffff, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(20, 28);
    nameBytes.copy(local, 30);
    let q = 30 + nameBytes.length;
    local.writeUInt16LE(1, q);
    local.writeUInt16LE(16, q + 2);
    local.writeBigUInt64LE(BigInt(raw), q + 4);
    local.writeBigUInt64LE(BigInt(data.length), q + 12);
    const head = Buffer.alloc(46 + nameBytes.length + 28);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(45, 4);
    head.writeUInt16LE(45, 6);
    head.writeUInt16LE(8, 10);
    head.writeUInt32LE(0xffffffff, 20);
    head.writeUInt32LE(0xffffffff, 24);
    head.writeUInt16LE(nameBytes.length, 28);
    head.writeUInt16LE(28, 30);
    head.writeUInt32LE(0xffffffff, 42);
    nameBytes.copy(head, 46);
    q = 46 + nameBytes.length;
    head.writeUInt16LE(1, q);
    head.writeUInt16LE(24, q + 2);
    head.writeBigUInt64LE(BigInt(raw), q + 4);
    head.writeBigUInt64LE(BigInt(data.length), q + 12);
    head.writeBigUInt64LE(BigInt(offset), q + 20);
    parts.push(local, data);
    central.push(head);
    offset += local.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeUInt16LE(45, 12);
  end64.writeUInt16LE(45, 14);
  end64.writeBigUInt64LE(BigInt(entries.length), 24);
  end64.writeBigUInt64LE(BigInt(entries.length), 32);
  end64.writeBigUInt64LE(BigInt(cd.length), 40);
  end64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...parts, cd, end64, locator, end]);
}
