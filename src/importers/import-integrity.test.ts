import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../model/errors.js';
import { ImportRepository } from '../store/import-repository.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../store/test-support/test-stores.js';
import { DamagedInputError } from './damaged-input-error.js';
import { importFile, type ImportOptions } from './import-file.js';
import { writeSyntheticEvents } from './synthetic-events.js';
import { inputsOf } from './test-support/fixtures.js';
import { zipOf } from './test-support/zip-writer.js';

/** Hostile inputs and damaged files (issue 9): each case failed before the fix it names. */
describe.each(TEST_DIALECTS)('import integrity (%s)', (dialect) => {
  let t: TestStore;
  let repo: ImportRepository;
  let dir: string;
  beforeEach(async () => {
    t = await openTestStore(dialect);
    repo = new ImportRepository(t.store.db, t.store.opened);
    dir = mkdtempSync(join(tmpdir(), 'parley-integrity-'));
  });
  afterEach(async () => {
    await t.close();
  });

  const importPath = async (path: string, opts: Partial<ImportOptions> = {}) =>
    importFile((await inputsOf([path]))[0]!, t.store, { filters: {}, dataDir: dir, ...opts });

  /** A zipped synthetic GDELT 2.0 export of `rows` rows. */
  function gdeltZip(name: string, rows: number): Buffer {
    const plain = join(dir, `${name}.plain`);
    writeSyntheticEvents(plain, 'gdelt2', rows, { seed: 3 });
    return zipOf([[name, readFileSync(plain)]]);
  }

  it('§2: a zip damaged in the middle is an error that keeps nothing, and the intact zip then imports whole', async () => {
    const intact = gdeltZip('20180612000000.export.CSV', 20_000);
    for (const damage of ['random', 'zeros'] as const) {
      const broken = Buffer.from(intact);
      const mid = Math.floor(broken.length / 2);
      for (let i = 0; i < 5000; i++) broken[mid + i] = damage === 'zeros' ? 0 : (i * 7919 + 13) & 0xff;
      const path = join(dir, `damaged-${damage}.zip`);
      writeFileSync(path, broken);
      await expect(importPath(path)).rejects.toThrow(DamagedInputError);
      expect(await repo.list()).toEqual([]);
      expect((await repo.totals('imports')).rows).toBe(0);
    }
    const path = join(dir, 'intact.zip');
    writeFileSync(path, intact);
    const r = await importPath(path);
    expect(r.outcome).toBe('imported');
    expect(r.progress).toMatchObject({ rowsRead: 20_000, rowsNew: 20_000, rowsRejected: 0 });
  });

  it('§2: a zip entry whose CRC-32 is not the one its directory gives is damaged', async () => {
    const zip = zipOf([['a.export.CSV', 'x\n']]);
    const cd = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE((zip.readUInt32LE(cd + 16) ^ 1) >>> 0, cd + 16);
    const path = join(dir, 'crc.zip');
    writeFileSync(path, zip);
    await expect(importPath(path, { format: 'gdelt2' })).rejects.toThrow(/the file is damaged: its CRC-32 is /);
  });

  it('§3: a file that differs in one event id in the middle is not "already imported"', async () => {
    const a = join(dir, '20180612000000.export.CSV');
    writeSyntheticEvents(a, 'gdelt2', 3000, { seed: 4 });
    const text = readFileSync(a, 'utf8');
    // Same size, same first and last 64 KiB: the id of row 1,500 changes from 800001500 to 900001500.
    const changed = text.replace('\n800001500\t', '\n900001500\t');
    expect(changed).not.toBe(text);
    const b = join(dir, '20180612001500.export.CSV');
    writeFileSync(b, changed);
    const [ia, ib] = await inputsOf([a, b]);
    expect(ia!.fingerprint).toBe(ib!.fingerprint);
    expect((await importPath(a)).progress.rowsNew).toBe(3000);
    const second = await importPath(b);
    expect(second.outcome).toBe('imported');
    expect(second.progress.rowsNew).toBe(1);
  });

  it('§3: a file imported first with the wrong format records nothing, and the right format then imports it', async () => {
    const path = join(dir, 'moves.tsv');
    writeSyntheticEvents(path, 'gdelt2', 500, { seed: 5 });
    const wrong = await importPath(path, { format: 'phoenix' });
    expect(wrong.outcome).toBe('nothing-kept');
    expect(wrong.progress).toMatchObject({ rowsRead: 500, rowsRejected: 500, rowsKept: 0 });
    expect(await repo.list()).toEqual([]);
    const right = await importPath(path, { format: 'gdelt2' });
    expect(right.outcome).toBe('imported');
    expect(right.progress.rowsNew).toBe(500);
    const again = await importPath(path, { format: 'gdelt2' });
    expect(again.outcome).toBe('already');
  });

  it('§3: an interrupted import is not resumed on a file whose first bytes changed since', async () => {
    const path = join(dir, '20180612000000.export.CSV');
    writeSyntheticEvents(path, 'gdelt2', 6000, { seed: 6 });
    let blocks = 0;
    await expect(
      importPath(path, {
        chunkRows: 1,
        onProgress: () => {
          if (++blocks === 1) throw new Error('stopped');
        },
      }),
    ).rejects.toThrow('stopped');
    const [stopped] = await repo.list();
    expect(stopped!.status).toBe('importing');
    // Rewrite a byte inside what was read: same size, same head and tail.
    const bytes = readFileSync(path);
    const at = Math.min(stopped!.progress.bytesDone - 1, 200_000);
    bytes[at] = bytes[at] === 0x31 ? 0x32 : 0x31;
    writeFileSync(path, bytes);
    const r = await importPath(path);
    expect(r.outcome).toBe('imported');
    expect(r.fileId).not.toBe(stopped!.id);
  });

  it('§4: an unclosed quote costs one row, not the 20,000 after it; the rejects file keeps the record whole', async () => {
    const path = join(dir, 'notes.csv');
    let text = 'id,date,source,target,code,note\nbad,2018-06-12,USAGOV,PRKGOV,043,"never closed, with a \\ backslash\n';
    for (let i = 0; i < 20_000; i++) text += `n${i},2018-06-12,USAGOV,PRKGOV,043,plain note ${i}\n`;
    writeFileSync(path, text);
    const r = await importPath(path);
    expect(r.progress).toMatchObject({ rowsRead: 20_001, rowsKept: 20_000, rowsRejected: 1 });
    const [, rejected] = readFileSync(r.rejectsPath!, 'utf8').trimEnd().split('\n');
    const [, line, reason, row] = rejected!.split('\t');
    expect(line).toBe('2');
    expect(reason).toMatch(/^a quoted field opened on line 2 is still open after 100 lines/);
    expect(row).toBe('bad,2018-06-12,USAGOV,PRKGOV,043,"never closed, with a \\\\ backslash');
  });

  it('§4: a quoted field that closes into a bad record gives back the good rows it had swallowed', async () => {
    const path = join(dir, 'closes.csv');
    const text =
      'id,date,source,target,code,note\n' +
      'a1,2018-06-12,USAGOV,PRKGOV,043,"opened here\n' +
      'a2,2018-06-12,USAGOV,PRKGOV,043,good row\n' +
      'a3,2018-06-12,USAGOV,PRKGOV,043,closes "here", with extra,columns\n';
    writeFileSync(path, text);
    const r = await importPath(path);
    expect(r.rejectSamples.map((s) => s.line)).toEqual([2, 4]);
    expect(r.rejectSamples[0]!.reason).toMatch(/opened on line 2 closes on line 4 into a bad record: expected 6/);
    expect(r.progress).toMatchObject({ rowsKept: 1, rowsRejected: 2 });
  });

  it('§7: a line over the limit is rejected with its line number, unread, and the import goes on', async () => {
    const path = join(dir, '20180612000000.export.CSV');
    writeSyntheticEvents(path, 'gdelt2', 100, { seed: 7 });
    const lines = readFileSync(path, 'utf8').split('\n');
    lines.splice(50, 0, 'x'.repeat(300_000));
    writeFileSync(path, lines.join('\n'));
    const r = await importPath(path, { maxLineBytes: 65_536 });
    expect(r.progress).toMatchObject({ rowsRead: 101, rowsKept: 100, rowsRejected: 1 });
    expect(r.rejectSamples).toEqual([
      {
        line: 51,
        reason:
          'the line is 300,000 bytes long, over the limit of 65,536 (--max-line); only its first 1024 bytes are kept here',
      },
    ]);
  });

  it('§7: a zip entry of one line far over the limit is rejected without being held', async () => {
    const huge = zipOf([['20180612000000.export.CSV', Buffer.alloc(20 << 20, 0x78)]]);
    const path = join(dir, 'one-line.zip');
    writeFileSync(path, huge);
    const r = await importPath(path, { maxLineBytes: 65_536, format: 'gdelt2' });
    expect(r.outcome).toBe('nothing-kept');
    expect(r.progress).toMatchObject({ rowsRead: 1, rowsRejected: 1 });
    expect(r.rejectSamples[0]!.reason).toMatch(/^the line is 20,971,520 bytes long/);
  });

  it('a header that fails leaves no source behind', async () => {
    const path = join(dir, 'events.csv');
    writeFileSync(path, 'when,who,what\n2018-06-12,USA,043\n');
    await expect(importPath(path, { format: 'csv' })).rejects.toThrow(ValidationError);
    expect(await repo.list()).toEqual([]);
  });
});
