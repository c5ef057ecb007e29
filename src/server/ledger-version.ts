import type { Store } from '../store/store.js';

/** Reads the ledger's version: the audit trail's newest id, which every change in any process moves. */
export type LedgerVersion = () => Promise<number>;

/**
 * The version check every cached answer makes. On SQLite it is one prepared statement run on the
 * open handle (microseconds, no query building), except while a transaction holds the connection:
 * then it waits its turn through the query layer, so it never sees an audit entry that may yet be
 * rolled back.
 */
export function ledgerVersion(store: Store): LedgerVersion {
  const sqlite = store.opened.sqlite;
  if (!sqlite) return () => store.audit.lastId();
  const newest = sqlite.prepare('SELECT max(id) AS id FROM audit');
  return async () => {
    if (sqlite.inTransaction) return store.audit.lastId();
    return Number((newest.get() as { id: number | null }).id ?? 0);
  };
}
