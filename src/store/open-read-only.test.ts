import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './store.js';
import { openTestStore, TEST_DIALECTS } from './test-support/test-stores.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-ro-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const row = {
  id: 'c',
  title: 'C',
  description: null,
  settings: '{}',
  files_hash: null,
  source_dir: null,
  loaded_at: 'x',
};

describe.each(TEST_DIALECTS)('a store opened for reading on %s', (dialect) => {
  it('reads what is there and refuses every write', async () => {
    const t = await openTestStore(dialect, join(dir, `${dialect}.db`));
    await t.store.db.insertInto('cases').values(row).execute();
    try {
      const reader = await openStore(t.location, {
        access: 'read',
        ...(t.searchPath ? { searchPath: t.searchPath } : {}),
      });
      try {
        expect(reader.readOnly).toBe(true);
        expect(await reader.cases.list()).toHaveLength(1);
        const write = reader.db
          .insertInto('cases')
          .values({ ...row, id: 'd' })
          .execute();
        await expect(write).rejects.toMatchObject({ code: dialect === 'sqlite' ? 'SQLITE_READONLY' : '25006' });
      } finally {
        await reader.close();
      }
    } finally {
      await t.close();
    }
  });
});

describe('a SQLite store opened for reading', () => {
  it('is opened for writing when it has to be created first', async () => {
    const store = await openStore(join(dir, 'new.db'), { access: 'read' });
    expect(store.readOnly).toBe(false);
    expect(await store.cases.list()).toEqual([]);
    await store.close();
    const again = await openStore(join(dir, 'new.db'), { access: 'read' });
    expect(again.readOnly).toBe(true);
    await again.close();
  });
});
