import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCaseFolder } from '../case/load-case.js';
import { importFile } from '../importers/import-file.js';
import { inputsOf } from '../importers/test-support/fixtures.js';
import { todayIso } from '../model/iso-date.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../store/test-support/test-stores.js';
import { briefCase } from './build-brief.js';

const MINI = fileURLToPath(new URL('../case/fixtures/mini/', import.meta.url));

/** Follow-up of issue 8: a brief rebuilt "as recorded on" a day reads the imported rows then held. */
describe.each(TEST_DIALECTS)('brief as recorded on a day, with imported rows (%s)', (dialect) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(dialect);
    await loadCaseFolder(t.store, MINI);
    const dir = mkdtempSync(join(tmpdir(), 'parley-recorded-imports-'));
    const csv = join(dir, 'extract.csv');
    // Two rows of the dyad (one each way) and one of another dyad, which is not brought along.
    writeFileSync(
      csv,
      'id,date,source,target,code\nx1,2018-06-13,USAGOV,PRKGOV,057\nx2,2018-07-20,PRKGOV,USAGOV,111\nx3,2018-07-21,CHN,RUS,040\n',
    );
    await importFile((await inputsOf([csv]))[0]!, t.store, { filters: {}, dataDir: dir });
  });
  afterEach(async () => t.close());

  it('holds the dyad rows of the imports complete by then, as the live brief does', async () => {
    const options = { caseId: 'mini', dyad: ['USA', 'PRK'] as [string, string], asOf: '2018-12-31' };
    const live = await briefCase(t.store, options);
    const recorded = await briefCase(t.store, { ...options, recordedOn: todayIso() });
    expect(recorded.importedReciprocity).toMatchObject({ rows: 2, alsoInCase: 1, datasets: ['csv'] });
    expect(recorded.importedReciprocity).toEqual(live.importedReciprocity);
    expect(recorded.ledger.imported).toBe(live.ledger.imported);
  });

  it('leaves out an import completed after the day asked about', async () => {
    await t.store.db
      .updateTable('import_files' as never)
      .set({ finished_at: '2999-01-01T00:00:00.000Z' } as never)
      .execute();
    const recorded = await briefCase(t.store, {
      caseId: 'mini',
      dyad: ['USA', 'PRK'],
      asOf: '2018-12-31',
      recordedOn: todayIso(),
    });
    expect(recorded.importedReciprocity).toBeUndefined();
    expect(recorded.ledger.imported).toBe(0);
  });
});
