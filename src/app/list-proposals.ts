import { NotFoundError } from '../model/errors.js';
import type { LedgerEvent } from '../model/event.js';
import type { Store } from '../store/store.js';
import { importedLike } from './imported-rows.js';
import { type LikelyDuplicate, likelyDuplicates } from './likely-duplicates.js';

export interface Proposal {
  event: LedgerEvent;
  /** Moves of the case this proposal likely repeats; empty when none. */
  duplicates: LikelyDuplicate[];
  /** Imported dataset rows that look like it (same direction and CAMEO root, within a day); kept apart from the case. */
  importedLike: number;
}

/** The review queue of a case: its proposed events in date order, each with the moves it may repeat. */
export async function listProposals(store: Store, caseId: string): Promise<Proposal[]> {
  if (!(await store.cases.info(caseId)))
    throw new NotFoundError(`no case "${caseId}" in the store; \`parley case list\` shows the cases`);
  const events = await store.events.find({ caseId, statuses: ['proposed'] });
  if (events.length === 0) return [];
  const duplicates = await likelyDuplicates(store, events);
  const imported = await importedLike(store, events);
  return events.map((event) => ({
    event,
    duplicates: duplicates.get(event.id) ?? [],
    importedLike: imported.get(event.id) ?? 0,
  }));
}
