import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importEach } from '../importers/import-each.js';
import { expandInputs } from '../importers/open-input.js';
import { fixture } from '../importers/test-support/fixtures.js';
import { ImportRepository } from '../store/import-repository.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../store/test-support/test-stores.js';
import { cliActing } from './acting.js';
import { importInputs, removeSource } from './import-files.js';

describe.each(TEST_DIALECTS)('imports and the audit trail (%s)', (dialect) => {
  let t: TestStore;
  let dir: string;
  beforeEach(async () => {
    t = await openTestStore(dialect);
    dir = mkdtempSync(join(tmpdir(), 'parley-import-audit-'));
  });
  afterEach(async () => t.close());

  it('audits a source when it is made and when it is complete, and its removal', async () => {
    const inputs = await expandInputs([fixture('us-dprk-moves.csv')]);
    const run = await importInputs(cliActing(t.store), inputs, { filters: {}, dataDir: dir });
    const id = run.results[0]!.fileId!;
    const entries = await t.store.audit.find({ kind: 'source', order: 'asc' });
    expect(entries.map((e) => [e.action, e.subject, e.route])).toEqual([
      ['create', String(id), 'import'],
      ['complete', String(id), 'import'],
    ]);
    expect(entries[1]!.after).toMatchObject({
      status: 'complete',
      progress: { rowsKept: run.results[0]!.progress.rowsKept },
    });
    await removeSource(cliActing(t.store), id);
    expect((await t.store.audit.find({ kind: 'source', order: 'asc' })).map((e) => e.action)).toEqual([
      'create',
      'complete',
      'remove',
    ]);
  });

  it('a completion whose audit entry cannot be written is not complete: the two commit together', async () => {
    const inputs = await expandInputs([fixture('us-dprk-moves.csv')]);
    const run = importEach(inputs, t.store, {
      filters: {},
      dataDir: dir,
      onSourceChange: async (tx, change) => {
        await tx.audit.record([
          {
            at: new Date().toISOString(),
            actor: 'test',
            accountId: null,
            route: 'import',
            kind: 'source',
            action: change.action,
            caseId: change.file.caseId,
            subject: String(change.file.id),
            before: null,
            after: null,
            note: null,
          },
        ]);
        if (change.action === 'complete') throw new Error('the audit trail is full');
      },
    });
    await expect(run).rejects.toThrow('the audit trail is full');
    const [file] = await new ImportRepository(t.store.db, t.store.opened).list();
    expect(file?.status).toBe('importing');
    expect((await t.store.audit.find({ kind: 'source' })).map((e) => e.action)).toEqual(['create']);
  });

  it('an import that keeps nothing leaves its making and its removal in the trail, and no source', async () => {
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'date,source,code\nnot-a-date,USA,040\n');
    const run = await importInputs(cliActing(t.store), await expandInputs([csv]), { filters: {}, dataDir: dir });
    expect(run.results[0]!.outcome).toBe('nothing-kept');
    expect(await new ImportRepository(t.store.db, t.store.opened).list()).toEqual([]);
    const entries = await t.store.audit.find({ kind: 'source', order: 'asc' });
    expect(entries.map((e) => [e.action, e.note])).toEqual([
      ['create', null],
      ['remove', 'no row was kept'],
    ]);
  });
});
