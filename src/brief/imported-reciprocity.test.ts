import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCaseFolder } from '../case/load-case.js';
import { importFile } from '../importers/import-file.js';
import { inputsOf } from '../importers/test-support/fixtures.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../store/test-support/test-stores.js';
import { buildBrief } from './build-brief.js';
import { renderBrief } from './render-brief.js';
import { textStyle } from './brief-style.js';

const MINI = fileURLToPath(new URL('../case/fixtures/mini/', import.meta.url));

type Counted = {
  reciprocity: { aToB: { sums: { total: { count: number } } }; bToA: { sums: { total: { count: number } } } };
};
const moves = (b: Counted): number => b.reciprocity.aToB.sums.total.count + b.reciprocity.bToA.sums.total.count;

/** Issue 8, §2: a move both in the hand-kept case and in an imported dataset is not counted twice. */
describe.each(TEST_DIALECTS)('imported rows in the brief (%s)', (dialect) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(dialect);
    await loadCaseFolder(t.store, MINI);
  });
  afterEach(async () => t.close());

  it('counts the case moves and the imported rows apart, and says how many rows repeat a case move', async () => {
    const before = await buildBrief(t.store, { caseId: 'mini', dyad: ['USA', 'PRK'] });
    expect(before.importedReciprocity).toBeUndefined();
    // Two rows: the joint statement the case holds (reported a day late), and a move it does not.
    const dir = mkdtempSync(join(tmpdir(), 'parley-brief-imports-'));
    const csv = join(dir, 'extract.csv');
    writeFileSync(
      csv,
      'id,date,source,target,code\nx1,2018-06-13,USAGOV,PRKGOV,057\nx2,2018-07-20,PRKGOV,USAGOV,111\n',
    );
    await importFile((await inputsOf([csv]))[0]!, t.store, { filters: {}, dataDir: dir });
    const after = await buildBrief(t.store, { caseId: 'mini', dyad: ['USA', 'PRK'] });
    expect(moves(after)).toBe(moves(before));
    expect(after.reciprocity).toEqual(before.reciprocity);
    const imported = after.importedReciprocity!;
    expect(imported).toMatchObject({ rows: 2, alsoInCase: 1, datasets: ['csv'] });
    expect(moves(imported)).toBe(2);
    expect(after.ledger.imported).toBe(2);
    const text = renderBrief(after, textStyle(false));
    expect(text).toContain('Reciprocity USA ↔ PRK in imported rows');
    expect(text).toContain('1 of the 2 look like a move the case already holds');
  });
});
