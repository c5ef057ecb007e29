import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../model/errors.js';
import { ImportRepository } from '../store/import-repository.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../store/test-support/test-stores.js';
import { parseFilters } from './filters.js';
import { importFile } from './import-file.js';
import { writeSyntheticEvents } from './synthetic-events.js';
import { importFixtures, inputsOf } from './test-support/fixtures.js';

const SUMMIT = '20180612031500.export.CSV.zip';
const REISSUE = '20180713101500.export.CSV';

describe.each(TEST_DIALECTS)('importing into %s', (dialect) => {
  let t: TestStore;
  let repo: ImportRepository;
  beforeEach(async () => {
    t = await openTestStore(dialect);
    repo = new ImportRepository(t.store.db, t.store.opened);
  });
  afterEach(async () => {
    await t.close();
  });

  async function dyadTotals(): Promise<{
    rows: number;
    dyadRows: number;
    aggregateN: number;
    aggregateGoldstein: number;
  }> {
    return repo.totals('imports');
  }

  it('imports a GDELT 2.0 zip into the imports case with its dyad aggregates', async () => {
    const [r] = await importFixtures(t.store, [SUMMIT]);
    expect(r!.outcome).toBe('imported');
    expect(r!.caseId).toBe('imports');
    expect(r!.progress).toMatchObject({
      rowsRead: 7,
      rowsKept: 7,
      rowsNew: 7,
      rowsRejected: 0,
      firstDate: '2018-06-12',
      lastDate: '2018-09-20',
    });
    const moves = await repo.findImportedMoves({
      caseId: 'imports',
      a: 'USA',
      b: 'PRK',
      from: '2018-01-01',
      to: '2019-03-01',
    });
    expect(moves).toEqual([
      {
        id: 'gdelt2:778899001',
        date: '2018-06-12',
        sourceCode: 'USAGOV',
        targetCode: 'PRKGOV',
        code: '044',
        goldstein: 2.5,
        quadClass: 1,
      },
      {
        id: 'gdelt2:778899002',
        date: '2018-06-12',
        sourceCode: 'PRKGOV',
        targetCode: 'USAGOV',
        code: '057',
        goldstein: 8,
        quadClass: 1,
      },
      {
        id: 'gdelt2:778899003',
        date: '2018-07-06',
        sourceCode: 'USAGOV',
        targetCode: 'PRK',
        code: '042',
        goldstein: 1.9,
        quadClass: 1,
      },
      {
        id: 'gdelt2:778899004',
        date: '2018-07-07',
        sourceCode: 'PRKGOV',
        targetCode: 'USA',
        code: '111',
        goldstein: -2,
        quadClass: 3,
      },
    ]);
    const coded = await repo.findImportedMoves({
      caseId: 'imports',
      a: 'PRK',
      b: 'USA',
      from: '2018-01-01',
      to: '2019-03-01',
      codes: ['04'],
    });
    expect(coded.map((m) => m.code)).toEqual(['044', '042']);
    const days = await t.store.aggregates.dyadDays('imports', 'USA', 'PRK', '2018-06-01', '2018-07-31');
    expect(days).toEqual([
      {
        day: '2018-06-12',
        source: 'PRK',
        target: 'USA',
        quadClass: 1,
        count: 1,
        goldsteinSum: 8,
        positiveSum: 8,
        negativeSum: 0,
      },
      {
        day: '2018-06-12',
        source: 'USA',
        target: 'PRK',
        quadClass: 1,
        count: 1,
        goldsteinSum: 2.5,
        positiveSum: 2.5,
        negativeSum: 0,
      },
      {
        day: '2018-07-06',
        source: 'USA',
        target: 'PRK',
        quadClass: 1,
        count: 1,
        goldsteinSum: 1.9,
        positiveSum: 1.9,
        negativeSum: 0,
      },
      {
        day: '2018-07-07',
        source: 'PRK',
        target: 'USA',
        quadClass: 3,
        count: 1,
        goldsteinSum: -2,
        positiveSum: 0,
        negativeSum: -2,
      },
    ]);
    // Six of the seven rows have two parties (one has no target); aggregates count exactly those.
    expect(await dyadTotals()).toMatchObject({ rows: 7, dyadRows: 6, aggregateN: 6 });
  });

  it('CSV: a quoted field may hold line breaks; an unclosed one is rejected at its first line, and the lines after it are read', async () => {
    const [r] = await importFixtures(t.store, ['multiline-notes.csv']);
    expect(r!.progress).toMatchObject({ rowsRead: 5, rowsKept: 4, rowsRejected: 1, linesDone: 9 });
    expect(r!.rejectSamples).toEqual([
      { line: 8, reason: 'a quoted field opened on line 8 is not closed before the end of the file' },
    ]);
    const rows = await t.store.db
      .selectFrom('imported_events' as never)
      .select(['event_key' as never, 'extra' as never])
      .orderBy('event_key' as never)
      .execute();
    expect(
      rows.map((x) => [(x as { event_key: string }).event_key, JSON.parse((x as { extra: string }).extra).note]),
    ).toEqual([
      ['m1', 'summit in Singapore;\nthe joint statement was signed\nthe same afternoon'],
      ['m2', 'one line, with "quotes"'],
      ['m3', 'the statement called the talks\n"gangster-like"'],
      ['m5', 'this line is swallowed by the open quote'],
    ]);
    const rejects = readFileSync(r!.rejectsPath!, 'utf8').trim().split('\n');
    expect(rejects[1]!.split('\t').slice(1)).toEqual([
      '8',
      'a quoted field opened on line 8 is not closed before the end of the file',
      'm4,2018-07-08,USAGOV,PRKGOV,036,"a note that is never closed',
    ]);
  });

  it('CSV: an import stopped while a multi-line record was open resumes with the whole record', async () => {
    // 3 MiB of records with two-line notes: the reader's 1 MiB blocks end inside some of them,
    // and with one commit per block a stop after the first commit leaves one open at the cut.
    const dir = mkdtempSync(join(tmpdir(), 'parley-multiline-'));
    const path = join(dir, 'notes.csv');
    const rows = 12_000;
    let text = `id,date,source,target,code,note\ns0,2018-06-11,USAGOV,PRKGOV,043,${'y'.repeat(220)}\n`;
    for (let i = 0; i < rows; i++)
      text += `n${i},2018-06-12,USAGOV,PRKGOV,043,"first line of note ${i} ${'x'.repeat(200)}\nsecond line"\n`;
    writeFileSync(path, text);
    const opts = { filters: {}, dataDir: dir, chunkRows: 1 };
    let blocks = 0;
    await expect(
      importFile((await inputsOf([path]))[0]!, t.store, {
        ...opts,
        onProgress: () => {
          if (++blocks === 1) throw new Error('stopped');
        },
      }),
    ).rejects.toThrow('stopped');
    const stopped = (await repo.list())[0]!;
    expect(stopped.status).toBe('importing');
    // The first block ends after line 7,669: the header, s0, 3,833 two-line records, and the first
    // line of the next one. The committed progress stops before that record, which is read again whole.
    expect(stopped.progress).toMatchObject({ rowsNew: 3834, linesDone: 7668 });
    const resumed = await importFile((await inputsOf([path]))[0]!, t.store, opts);
    expect(resumed.outcome).toBe('resumed');
    expect(resumed.progress).toMatchObject({ rowsNew: rows + 1, rowsRejected: 0, linesDone: 2 * rows + 2 });
    expect((await repo.totals('imports')).rows).toBe(rows + 1);
  });

  it('CSV --strict names the line where an unclosed quoted field starts', async () => {
    await expect(importFixtures(t.store, ['multiline-notes.csv'], { strict: true })).rejects.toThrow(
      /multiline-notes.csv:8: a quoted field opened on line 8/,
    );
    expect(await repo.list()).toHaveLength(0);
  });

  it('reads a file again when it was imported with filters that left rows out, adding only those', async () => {
    const [dyad] = await importFixtures(t.store, [SUMMIT], { filters: parseFilters({ dyad: 'USA:PRK' }) });
    expect(dyad!.progress).toMatchObject({ rowsKept: 4, rowsNew: 4 });
    const [again] = await importFixtures(t.store, [SUMMIT], { filters: parseFilters({ dyad: 'USA:PRK' }) });
    expect(again!.outcome).toBe('already');
    const [all] = await importFixtures(t.store, [SUMMIT]);
    expect(all!.outcome).toBe('imported');
    expect(all!.progress).toMatchObject({ rowsKept: 7, rowsNew: 3 });
    const [once, more] = [
      await importFixtures(t.store, [SUMMIT]),
      await importFixtures(t.store, [SUMMIT], { filters: parseFilters({ codes: '04' }) }),
    ];
    expect([once[0]!.outcome, more[0]!.outcome]).toEqual(['already', 'already']);
    expect(await dyadTotals()).toMatchObject({ rows: 7, dyadRows: 6, aggregateN: 6 });
  });

  it('adds nothing when the same file is imported again', async () => {
    await importFixtures(t.store, [SUMMIT]);
    const before = await dyadTotals();
    const [again] = await importFixtures(t.store, [SUMMIT]);
    expect(again!.outcome).toBe('already');
    expect(await dyadTotals()).toEqual(before);
    expect(await repo.list()).toHaveLength(1);
  });

  it('does not duplicate the events of an overlapping file, and counts only its new rows in the aggregates', async () => {
    await importFixtures(t.store, [SUMMIT]);
    const [r] = await importFixtures(t.store, [REISSUE]);
    expect(r!.progress).toMatchObject({ rowsRead: 3, rowsKept: 3, rowsNew: 1 });
    expect(await dyadTotals()).toMatchObject({ rows: 8, dyadRows: 7, aggregateN: 7 });
    const g = (await dyadTotals()).aggregateGoldstein;
    expect(g).toBeCloseTo(2.5 + 8 + 1.9 - 2 + 1 - 2 + 4, 9);
  });

  it('imports GDELT 1.0 files of both widths side by side', async () => {
    const rs = await importFixtures(t.store, ['201212.gdelt1-backfile.csv', '20130402.export.CSV']);
    expect(rs.map((r) => [r.format, r.progress.rowsNew])).toEqual([
      ['gdelt1', 3],
      ['gdelt1', 2],
    ]);
    const moves = await repo.findImportedMoves({
      caseId: 'imports',
      a: 'USA',
      b: 'PRK',
      from: '2012-01-01',
      to: '2013-12-31',
    });
    expect(moves.map((m) => m.id)).toEqual([
      'gdelt1:150000002',
      'gdelt1:150000001',
      'gdelt1:255000001',
      'gdelt1:255000002',
    ]);
  });

  it('writes bad rows to the rejects file with line and reason, and goes on', async () => {
    const [r] = await importFixtures(t.store, ['broken.gdelt2.export.CSV'], { format: 'gdelt2' });
    expect(r!.progress).toMatchObject({ rowsRead: 4, rowsRejected: 3, rowsKept: 1, rowsNew: 1 });
    const lines = readFileSync(r!.rejectsPath!, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('file\tline\treason\trow');
    expect(lines.slice(1).map((l) => l.split('\t').slice(0, 3))).toEqual([
      ['broken.gdelt2.export.CSV', '1', 'expected 61 tab-separated columns, found 40'],
      ['broken.gdelt2.export.CSV', '2', 'bad SQLDATE "20181345" (expected YYYYMMDD)'],
      ['broken.gdelt2.export.CSV', '3', 'unknown CAMEO event code "999"'],
    ]);
    expect(lines[1]!.split('\t').slice(3)).toHaveLength(40);
  });

  it('--strict stops at the first bad row and keeps nothing of the file', async () => {
    await expect(
      importFixtures(t.store, ['broken.gdelt2.export.CSV'], { format: 'gdelt2', strict: true, chunkRows: 1 }),
    ).rejects.toThrow(ValidationError);
    await expect(
      importFixtures(t.store, ['broken.gdelt2.export.CSV'], { format: 'gdelt2', strict: true }),
    ).rejects.toThrow(/broken.gdelt2.export.CSV:1: expected 61 tab-separated columns, found 40/);
    expect(await dyadTotals()).toMatchObject({ rows: 0, aggregateN: 0 });
    expect(await repo.list()).toEqual([]);
  });

  it('filters while reading: dyad, actors, codes, dates', async () => {
    const run = async (f: Parameters<typeof parseFilters>[0]): Promise<number> => {
      const [r] = await importFixtures(null, [SUMMIT], { filters: parseFilters(f), dryRun: true });
      return r!.progress.rowsKept;
    };
    expect(await run({ dyad: 'USA:PRK' })).toBe(4);
    expect(await run({ dyad: 'PRK:USA' })).toBe(4);
    expect(await run({ actors: 'KOR' })).toBe(1);
    expect(await run({ actors: 'IGOUNOIAE,KOR' })).toBe(2);
    expect(await run({ actors: 'USAGOV' })).toBe(3);
    expect(await run({ codes: '04' })).toBe(3);
    expect(await run({ codes: '057,11' })).toBe(3);
    expect(await run({ from: '2018-07-01', to: '2018-08-31' })).toBe(3);
    expect(await run({ dyad: 'USA:PRK', codes: '04', from: '2018-07-01' })).toBe(1);
    // Filtered files keep only what passed.
    const [kept] = await importFixtures(t.store, [SUMMIT], { filters: parseFilters({ dyad: 'USA:PRK' }) });
    expect(kept!.progress).toMatchObject({ rowsRead: 7, rowsKept: 4, rowsNew: 4 });
    expect(await dyadTotals()).toMatchObject({ rows: 4, aggregateN: 4 });
  });

  it('a dry run stores nothing', async () => {
    const [r] = await importFixtures(t.store, [SUMMIT], { dryRun: true });
    expect(r!.outcome).toBe('dry-run');
    expect(r!.progress.rowsKept).toBe(7);
    expect(await dyadTotals()).toMatchObject({ rows: 0, aggregateN: 0 });
  });

  it('sources remove takes the rows and their aggregates out again', async () => {
    await importFixtures(t.store, [SUMMIT]);
    const [second] = await importFixtures(t.store, [REISSUE]);
    const removed = await repo.remove(second!.fileId!);
    expect(removed.rows).toBe(1);
    expect(await dyadTotals()).toMatchObject({ rows: 7, dyadRows: 6, aggregateN: 6 });
    await repo.remove(1);
    expect(await dyadTotals()).toMatchObject({ rows: 0, aggregateN: 0 });
    const left = await t.store.db.selectFrom('dyad_days').selectAll().where('origin', '=', 'import').execute();
    expect(left).toEqual([]);
  });

  it('a row belongs to every source that brought it: removing one leaves the rows another holds', async () => {
    // A: 3,000 rows; B: 5,000 rows, the first 3,000 with A's keys (issue 9, §1).
    const dir = mkdtempSync(join(tmpdir(), 'parley-holders-'));
    const a = join(dir, '20180101000000.export.CSV');
    const b = join(dir, '20180101001500.export.CSV');
    writeSyntheticEvents(a, 'gdelt2', 3000, { seed: 1 });
    writeSyntheticEvents(b, 'gdelt2', 5000, { seed: 2 });
    const opts = { filters: {}, dataDir: dir };
    const first = await importFile((await inputsOf([a]))[0]!, t.store, opts);
    const second = await importFile((await inputsOf([b]))[0]!, t.store, opts);
    expect(second.progress).toMatchObject({ rowsKept: 5000, rowsNew: 2000 });
    const both = await dyadTotals();
    expect(both.rows).toBe(5000);

    const removed = await repo.remove(first.fileId!);
    expect(removed).toMatchObject({ rows: 0, kept: 3000 });
    const afterA = await dyadTotals();
    expect(afterA).toEqual(both);
    const again = await importFile((await inputsOf([b]))[0]!, t.store, opts);
    expect(again.outcome).toBe('already');

    // Removing B too takes everything, aggregates included.
    expect(await repo.remove(second.fileId!)).toMatchObject({ rows: 5000, kept: 0 });
    expect(await dyadTotals()).toMatchObject({ rows: 0, dyadRows: 0, aggregateN: 0 });
    const holders = await t.store.db
      .selectFrom('imported_event_holders' as never)
      .selectAll()
      .execute();
    expect(holders).toEqual([]);
  });

  it('removing the later of two sources that share rows takes only the rows it alone brought', async () => {
    await importFixtures(t.store, [SUMMIT]);
    const [reissue] = await importFixtures(t.store, [REISSUE]);
    expect(await repo.remove(reissue!.fileId!)).toMatchObject({ rows: 1, kept: 2 });
    expect(await dyadTotals()).toMatchObject({ rows: 7, dyadRows: 6, aggregateN: 6 });
  });

  it('imports into a given case and keeps its rows apart from other cases', async () => {
    await t.store.db
      .insertInto('cases')
      .values({
        id: 'c1',
        title: 'C1',
        description: null,
        settings: '{"parties":["USA","PRK"]}',
        files_hash: null,
        loaded_at: '2026-01-01',
      })
      .execute();
    await importFixtures(t.store, [SUMMIT], { caseId: 'c1' });
    const [other] = await importFixtures(t.store, [SUMMIT]);
    // A different case is a different ledger: the same file is imported there too.
    expect(other!.outcome).toBe('imported');
    expect((await repo.totals('c1')).rows).toBe(7);
    expect((await repo.totals('imports')).rows).toBe(7);
    await expect(importFixtures(t.store, [SUMMIT], { caseId: 'nope' })).rejects.toThrow(
      /case "nope" is not in the store/,
    );
  });

  it('ICEWS: a weekly file then the yearly file that supersedes it adds only the events the weekly lacked', async () => {
    const [weekly] = await importFixtures(t.store, ['20180708-icews-events.tsv']);
    expect(weekly!.progress.rowsNew).toBe(2);
    const [yearly] = await importFixtures(t.store, ['events.2018.sample.tab']);
    // 33000002 on 2018-07-07 came in the weekly file; the same id on 2018-07-06 is another event.
    expect(yearly!.progress).toMatchObject({ rowsRead: 6, rowsKept: 6, rowsNew: 5 });
    expect(await dyadTotals()).toMatchObject({ rows: 7, dyadRows: 6, aggregateN: 6 });
    const moves = await repo.findImportedMoves({
      caseId: 'imports',
      a: 'USA',
      b: 'PRK',
      from: '2018-01-01',
      to: '2018-12-31',
    });
    expect(moves.map((m) => m.id)).toEqual([
      'icews:33000001|2018-06-12',
      'icews:33000002|2018-07-06',
      'icews:33000002|2018-07-07',
      'icews:33000010|2018-07-08',
    ]);
  });

  it('POLECAT: a latin-1 file is read as latin-1, and a later release with the same event adds nothing for it', async () => {
    const [r] = await importFixtures(t.store, ['ngecEvents.20180612.polecat.tsv']);
    expect(r!.encoding.encoding).toBe('latin1');
    const [r2] = await importFixtures(t.store, ['ngecEventsDV-2018.polecat.tsv']);
    expect(r2!.progress).toMatchObject({ rowsKept: 2, rowsNew: 1 });
    const row = await t.store.db
      .selectFrom('imported_events' as never)
      .select(['extra' as never])
      .where('event_key' as never, '=', 'a1f3c9e2_1' as never)
      .executeTakeFirstOrThrow();
    expect(JSON.parse((row as { extra: string }).extra).place).toBe('Hôtel Capella, Sentosa');
  });

  it('imports every fixture format from a folder, rows and aggregates in agreement', async () => {
    const rs = await importFixtures(t.store, [
      '20180612031500.export.CSV.zip',
      'phoenix_events_20181109.txt',
      'us-dprk-moves.csv',
      'cline-phoenix.sample.csv',
    ]);
    expect(rs.map((r) => [r.format, r.progress.rowsNew])).toEqual([
      ['gdelt2', 7],
      ['phoenix', 4],
      ['csv', 4],
      ['csv', 2],
    ]);
    const totals = await dyadTotals();
    expect(totals.aggregateN).toBe(totals.dyadRows);
    const moves = await repo.findImportedMoves({
      caseId: 'imports',
      a: 'USA',
      b: 'PRK',
      from: '2018-05-01',
      to: '2018-05-31',
    });
    expect(moves.map((m) => [m.id, m.code])).toEqual([
      ['csv:detainees-2018-05-09', '0841'],
      ['csv:pompeo-2018-05-09', '042'],
    ]);
  });
});
