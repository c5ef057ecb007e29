import { NotFoundError } from '../model/errors.js';
import { openStore, type Store } from '../store/store.js';

/** The end of a day, UTC, as the ISO timestamp the record's times are compared with. */
export function endOfDay(date: string): string {
  return `${date}T23:59:59.999Z`;
}

/**
 * Runs `work` on a scratch in-memory store holding one case as it was recorded at the end of
 * `date`: the case frame then in force and each event in the version it had then. What the
 * analyses read comes from it exactly as from the live store; imported dataset rows are not
 * versioned and are left out.
 */
export async function withRecordedStore<T>(
  store: Store,
  caseId: string,
  date: string,
  work: (past: Store) => Promise<T>,
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
    });
    return await work(past);
  } finally {
    await past.close();
  }
}
