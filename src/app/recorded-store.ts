import { partyOf } from '../model/actor-code.js';
import { NotFoundError } from '../model/errors.js';
import { IMPORTS_CASE_ID } from '../store/import-tables.js';
import { copyRecordedImports } from '../store/recorded-imports.js';
import { openStore, type Store } from '../store/store.js';

/** The end of a day, UTC, as the ISO timestamp the record's times are compared with. */
export function endOfDay(date: string): string {
  return `${date}T23:59:59.999Z`;
}

export interface RecordedStoreOptions {
  /** The dyad whose imported rows are brought along (default: the case's two parties then). */
  dyad?: readonly [string, string];
}

/**
 * Runs `work` on a scratch in-memory store holding one case as it was recorded at the end of
 * `date`: the case frame then in force and each event in the version it had then, and the imported
 * rows of the dyad (the case's own and those imported without a case) that imports complete by
 * then had brought. What the analyses read comes from it exactly as from the live store. Imported
 * rows are not versioned: a source removed since is not brought back.
 */
export async function withRecordedStore<T>(
  store: Store,
  caseId: string,
  date: string,
  work: (past: Store) => Promise<T>,
  options: RecordedStoreOptions = {},
): Promise<T> {
  const at = endOfDay(date);
  const frame = await store.cases.frameAsRecordedAt(caseId, at);
  if (!frame) throw new NotFoundError(`case ${caseId} was not yet in the store on ${date}`);
  const events = await store.events.history.asRecordedAt(caseId, at);
  const past = await openStore(':memory:');
  try {
    await past.transaction(async (tx) => {
      await tx.cases.writeFrame(frame, { filesHash: null, sourceDir: null }, at);
      await tx.events.insert(events, null);
      await tx.aggregates.rebuildCase(caseId);
      const [a, b] = options.dyad ?? frame.info.settings.parties;
      if (a && b) {
        const cases = caseId === IMPORTS_CASE_ID ? [caseId] : [caseId, IMPORTS_CASE_ID];
        await copyRecordedImports(store.db, tx.db, { cases, a: partyOf(a), b: partyOf(b), at });
      }
    });
    return await work(past);
  } finally {
    await past.close();
  }
}
