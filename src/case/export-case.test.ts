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
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../store/test-support/test-stores.js';
import { CASE_FILES } from './case-schema.js';
import { exportCase } from './export-case.js';
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
    for (const name of NAMES)
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
});
