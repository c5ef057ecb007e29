import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCaseFolder } from '../case/load-case.js';
import { importFile } from '../importers/import-file.js';
import { inputsOf } from '../importers/test-support/fixtures.js';
import { UsageError } from '../model/errors.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../store/test-support/test-stores.js';
import { countImportedRows, importedLike, listImportedRows } from './imported-rows.js';
import { listEvents } from './list-events.js';

const MINI = fileURLToPath(new URL('../case/fixtures/mini/', import.meta.url));

/** Issue 8, §2: `events` and `review` see imported rows, apart from the case's own moves. */
describe.each(TEST_DIALECTS)('imported rows of a case dyad (%s)', (dialect) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(dialect);
    await loadCaseFolder(t.store, MINI);
    const dir = mkdtempSync(join(tmpdir(), 'parley-imported-rows-'));
    const csv = join(dir, 'extract.csv');
    // Three rows of USA–PRK (one repeats the case's joint statement a day late) and one of another dyad.
    writeFileSync(
      csv,
      'id,date,source,target,code,goldstein\n' +
        'x1,2018-06-13,USAGOV,PRKGOV,057,8\n' +
        'x2,2018-07-20,PRKGOV,USAGOV,111,-2\n' +
        'x3,2018-07-21,USA,PRK,042,1.9\n' +
        'x4,2018-07-21,CHN,PRK,042,1.9\n',
    );
    await importFile((await inputsOf([csv]))[0]!, t.store, { filters: {}, dataDir: dir });
  });
  afterEach(async () => t.close());

  it('counts and lists the rows of the dyad, both directions, with the same filters as the events', async () => {
    expect(await countImportedRows(t.store, { caseId: 'mini' })).toEqual({
      dyad: ['USA', 'PRK'],
      datasets: ['csv'],
      total: 3,
    });
    const july = await listImportedRows(t.store, { caseId: 'mini', from: '2018-07-01' });
    expect(july?.total).toBe(2);
    expect(july?.rows.map((r) => [r.id, r.date, r.sourceCode, r.code, r.targetCode])).toEqual([
      ['csv:x2', '2018-07-20', 'PRKGOV', '111', 'USAGOV'],
      ['csv:x3', '2018-07-21', 'USA', '042', 'PRK'],
    ]);
    const bySource = await listImportedRows(t.store, { caseId: 'mini', sources: ['prk'], codes: ['11'] });
    expect(bySource?.rows.map((r) => r.id)).toEqual(['csv:x2']);
    const page = await listImportedRows(t.store, { caseId: 'mini', limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 3 });
    expect(page?.rows.map((r) => r.id)).toEqual(['csv:x2']);
  });

  it('never mixes them into the case events', async () => {
    const events = await listEvents(t.store, { caseId: 'mini' });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.caseId === 'mini' && !e.id.startsWith('csv:'))).toBe(true);
  });

  it('refuses a person as a filter of rows that name no people, and counts nothing for one', async () => {
    await expect(listImportedRows(t.store, { caseId: 'mini', actors: ['envoy'] })).rejects.toThrow(UsageError);
    await expect(listImportedRows(t.store, { caseId: 'mini', actors: ['envoy'] })).rejects.toThrow(
      /imported rows name no people/,
    );
    expect(await countImportedRows(t.store, { caseId: 'mini', actors: ['envoy'] })).toBeNull();
  });

  it('says for each move how many imported rows look like it', async () => {
    const events = await listEvents(t.store, { caseId: 'mini', from: '2018-06-12', to: '2018-06-12' });
    // x1 (USAGOV → PRKGOV, 057, a day later) looks like the United States' side of the statement, not North Korea's.
    expect(events.map((e) => e.id).sort()).toEqual(['2018-06-12-summit-a', '2018-06-12-summit-b']);
    const like = await importedLike(t.store, events);
    expect([...like]).toEqual([['2018-06-12-summit-a', 1]]);
  });
});
