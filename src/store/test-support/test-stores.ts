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

let counter = 0;

export async function openTestStore(dialect: 'sqlite' | 'postgres', sqlitePath = ':memory:'): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const store = await openStore(sqlitePath);
    return { store, location: sqlitePath, close: () => store.close() };
  }
  const url = process.env.PARLEY_TEST_PG!;
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
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
