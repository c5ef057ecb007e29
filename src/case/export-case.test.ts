import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../store/test-support/test-stores.js';
import { CASE_FILES } from './case-schema.js';
import { ExportCheckError, exportCase } from './export-case.js';
import { loadCaseFolder } from './load-case.js';
import { readCaseFolder } from './read-case-folder.js';
import { WriteRefusedError } from './write-files-safely.js';

const MINI = fileURLToPath(new URL('./fixtures/mini/', import.meta.url));
const BUILTIN = fileURLToPath(new URL('../../cases/us-dprk-2018/', import.meta.url));
const NAMES = Object.keys(CASE_FILES);

function diffLines(a: string, b: string): string[] {
  try {
    execFileSync('diff', [a, b]);
    return [];
  } catch (e) {
    return String((e as { stdout: Buffer }).stdout)
      .split('\n')
      .filter((l) => l.startsWith('<') || l.startsWith('>'));
  }
}

describe('case export', () => {
  let t: TestStore;
  let root: string;
  let src: string;
  beforeEach(async () => {
    t = await openTestStore('sqlite');
    root = mkdtempSync(join(tmpdir(), 'parley-export-'));
    src = join(root, 'src');
    cpSync(MINI, src, { recursive: true });
    await loadCaseFolder(t.store, src);
  });
  afterEach(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('writes an unchanged case byte for byte as it was read, comments and flow style included', async () => {
    const out = join(root, 'out');
    const r = await exportCase(t.store, 'mini', out);
    expect(r.template).toBe(src);
    for (const name of NAMES) expect(readFileSync(join(out, name), 'utf8')).toBe(readFileSync(join(src, name), 'utf8'));
    await loadCaseFolder(t.store, BUILTIN);
    const big = join(root, 'big');
    await exportCase(t.store, 'us-dprk-2018', big);
    // A case that follows no indicator is written without an indicators.yaml, as it was read.
    expect(existsSync(join(big, 'indicators.yaml'))).toBe(existsSync(join(BUILTIN, 'indicators.yaml')));
    for (const name of NAMES.filter((n) => existsSync(join(BUILTIN, n))))
      expect(readFileSync(join(big, name), 'utf8')).toBe(readFileSync(join(BUILTIN, name), 'utf8'));
  });

  it('writes one edited event as a one-line diff, and a new one after the others in the same style', async () => {
    const out = join(root, 'out');
    await exportCase(t.store, 'mini', out);
    const [halt] = await t.store.events.find({ caseId: 'mini', ids: ['2018-06-18-exercise-halt'] });
    await t.store.events.deleteIds('mini', [halt!.id]);
    await t.store.events.insert([{ ...halt!, summary: 'Exercise suspended: "for now".' }], 'file');
    await exportCase(t.store, 'mini', out);
    expect(diffLines(join(src, 'events.yaml'), join(out, 'events.yaml'))).toEqual([
      '<   summary: Exercise suspended.',
      '>   summary: \'Exercise suspended: "for now".\'',
    ]);
    await t.store.events.insert([{ ...halt!, id: 'zz-later', date: '2018-12-01' }], 'typed');
    // The folder holds what the last export wrote: no one's edits are lost, so no --force is needed.
    await exportCase(t.store, 'mini', out);
    const added = diffLines(join(src, 'events.yaml'), join(out, 'events.yaml'));
    expect(added).toContain('> - id: zz-later');
    expect(added).toContainEqual(expect.stringMatching(/^> {3}sources: \[\{ ?publisher: Test Wire ?\}\]$/));
    expect(readCaseFolder(out).data.events.map((e) => e.id)).toContain('zz-later');
  });

  it('refuses a folder that is not empty unless forced, and leaves other files alone', async () => {
    const out = join(root, 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'my notes');
    await expect(exportCase(t.store, 'mini', out)).rejects.toThrow(/is not empty \(notes\.txt\); give --force/);
    expect(readdirSync(out)).toEqual(['notes.txt']);
    await exportCase(t.store, 'mini', out, { force: true });
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('my notes');
    expect(readdirSync(out).sort()).toEqual([...NAMES, 'notes.txt'].sort());
  });

  it('refuses to overwrite hand edits that were not loaded, and writes over files that hold the case', async () => {
    const out = join(root, 'out');
    await exportCase(t.store, 'mini', out);
    await exportCase(t.store, 'mini', out);
    const edited = readFileSync(join(out, 'events.yaml'), 'utf8').replace('Exercise suspended.', 'Hand edit.');
    writeFileSync(join(out, 'events.yaml'), edited);
    await expect(exportCase(t.store, 'mini', out)).rejects.toThrow(/differ from case mini .*give --force/);
    expect(readFileSync(join(out, 'events.yaml'), 'utf8')).toBe(edited);
    await loadCaseFolder(t.store, out);
    await exportCase(t.store, 'mini', out);
    expect(readFileSync(join(out, 'events.yaml'), 'utf8')).toBe(edited);
  });

  it('never writes through a symbolic link, even when forced', async () => {
    const out = join(root, 'out');
    await exportCase(t.store, 'mini', out);
    const target = join(root, 'elsewhere.yaml');
    writeFileSync(target, 'precious');
    rmSync(join(out, 'events.yaml'));
    symlinkSync(target, join(out, 'events.yaml'));
    await expect(exportCase(t.store, 'mini', out, { force: true })).rejects.toThrow(WriteRefusedError);
    await expect(exportCase(t.store, 'mini', out, { force: true })).rejects.toThrow(/is a symbolic link/);
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(lstatSync(join(out, 'events.yaml')).isSymbolicLink()).toBe(true);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('writes a new folder whole or not at all', async () => {
    const out = join(root, 'fresh');
    await exportCase(t.store, 'mini', out);
    expect(readdirSync(out).sort()).toEqual([...NAMES].sort());
    expect(readdirSync(root).filter((n) => n.includes('parley'))).toEqual([]);
    expect(existsSync(join(root, 'fresh', 'case.yaml'))).toBe(true);
  });

  it('gives a new folder the mode the umask asks for, as mkdir would', async () => {
    const out = join(root, 'fresh');
    const plain = join(root, 'plain');
    mkdirSync(plain);
    await exportCase(t.store, 'mini', out);
    expect(statSync(out).mode & 0o777).toBe(statSync(plain).mode & 0o777);
  });

  it('names the folder and says why in plain words when the file system refuses', async () => {
    writeFileSync(join(root, 'a-file'), 'x');
    const out = join(root, 'a-file', 'case');
    const err = await exportCase(t.store, 'mini', out).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WriteRefusedError);
    expect((err as Error).message).toContain(out);
    expect((err as Error).message).toMatch(/a part of the path is a file, not a folder/);
    expect((err as Error).message).not.toMatch(/ENOTDIR/);
  });

  it('writes nothing when the files would not load back as the case the store holds', async () => {
    const out = join(root, 'out');
    await exportCase(t.store, 'mini', out);
    const before = readFileSync(join(out, 'events.yaml'), 'utf8');
    const [halt] = await t.store.events.find({ caseId: 'mini', ids: ['2018-06-18-exercise-halt'] });
    await t.store.events.insert([{ ...halt!, id: 'by-nobody', sourceActor: 'nobody' }], 'typed');
    const err = await exportCase(t.store, 'mini', out).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExportCheckError);
    expect((err as Error).message).toMatch(/would not load back from .*nothing was written/);
    expect((err as Error).message).toContain(`${join(out, 'events.yaml')}:`);
    expect((err as Error).message).toMatch(/unknown actor "nobody"/);
    expect(readFileSync(join(out, 'events.yaml'), 'utf8')).toBe(before);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
    const fresh = join(root, 'fresh');
    await expect(exportCase(t.store, 'mini', fresh)).rejects.toThrow(ExportCheckError);
    expect(existsSync(fresh)).toBe(false);
    expect(readdirSync(root).filter((n) => n.includes('parley'))).toEqual([]);
  });

  it('says which files it wrote afresh when their layout could not be kept', async () => {
    const out = join(root, 'out');
    await exportCase(t.store, 'mini', out);
    writeFileSync(join(out, 'events.yaml'), '- {id: [unclosed\n');
    const r = await exportCase(t.store, 'mini', out, { force: true });
    expect(r.fresh).toEqual(['events.yaml']);
    expect(readCaseFolder(out).data.events.length).toBeGreaterThan(0);
    const again = await exportCase(t.store, 'mini', out);
    expect(again.fresh).toEqual([]);
  });

  it('keeps the finer codes an event read from text acted under, and only those', async () => {
    const out = join(root, 'out');
    const [halt] = await t.store.events.find({ caseId: 'mini', ids: ['2018-06-18-exercise-halt'] });
    expect(halt!.sourceCode).toBe('USA');
    const read = { ...halt!, id: 'read-in', sourceCode: 'USAGOV', provenance: 'read' as const };
    await t.store.events.insert([read], 'read:article');
    await exportCase(t.store, 'mini', out);
    const text = readFileSync(join(out, 'events.yaml'), 'utf8');
    expect(text.match(/codes:/g)).toHaveLength(1);
    expect(text).toMatch(/codes:\n {4}source: USAGOV\n {2}code:/);
    const back = readCaseFolder(out).data.events.find((e) => e.id === 'read-in');
    expect(back?.sourceCode).toBe('USAGOV');
    expect(back?.targetCode).toBe(halt!.targetCode);
  });
});
