import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../store.js';

/**
 * The engines the store suite runs on: SQLite always, PostgreSQL when PARLEY_TEST_PG holds a URL
 * (`.ci/run` starts one). Each test store is fresh: an in-memory SQLite database, or a new
 * PostgreSQL schema dropped on close.
 */
export const TEST_DIALECTS: readonly ('sqlite' | 'postgres')[] = process.env.PARLEY_TEST_PG
  ? ['sqlite', 'postgres']
  : ['sqlite'];

export interface TestStore {
  store: Store;
  /** Where it lives, for code under test that opens its own connection. */
  location: string;
  searchPath?: string;
  close(): Promise<void>;
}

export async function openTestStore(dialect: 'sqlite' | 'postgres', sqlitePath = ':memory:'): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const store = await openStore(sqlitePath);
    return { store, location: sqlitePath, close: () => store.close() };
  }
  const url = process.env.PARLEY_TEST_PG!;
  // Random bytes, not a clock and a counter: test processes start together and share pids across
  // containers, and two of them picking one name dropped each other's schema mid-test.
  const schema = `t_${process.pid}_${randomBytes(8).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const store = await openStore(url, { searchPath: schema });
  return {
    store,
    location: url,
    searchPath: schema,
    async close() {
      await store.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
