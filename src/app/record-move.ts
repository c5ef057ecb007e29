import { type NewEventInput, newEvent } from '../case/new-event.js';
import { NotFoundError } from '../model/errors.js';
import type { LedgerEvent } from '../model/event.js';
import type { Store } from '../store/store.js';
import { type LikelyDuplicate, likelyDuplicates } from './likely-duplicates.js';

/** Origin of moves typed by hand (`parley event add`): kept when the case's files are loaded again. */
const TYPED_ORIGIN = 'typed';

export interface RecordMoveInput extends Omit<NewEventInput, 'status' | 'provenance'> {
  /** Put the move in the review queue instead of the ledger. */
  proposed?: boolean;
}

export interface RecordedMove {
  event: LedgerEvent;
  /** Moves already in the case that this one may repeat (same parties and root code within two days). */
  duplicates: LikelyDuplicate[];
}

/**
 * Records a move typed by an analyst, checked like a case file's event (known actors with a role
 * on the date, a known code, known facilities). The id is chosen inside the write transaction, so
 * writers running at once never pick the same one.
 */
export async function recordMove(store: Store, input: RecordMoveInput): Promise<RecordedMove> {
  const { proposed, ...fields } = input;
  return store.transaction(async (tx) => {
    const frame = await tx.cases.readFrame(input.caseId);
    if (!frame) throw new NotFoundError(`no case "${input.caseId}" in the store; \`parley case list\` shows the cases`);
    // Generated ids start with the date; only those, and an id given with --id, can collide.
    const taken = await tx.events.idsStartingWith(input.caseId, input.date);
    if (input.id) for (const id of await tx.events.existingIds(input.caseId, [input.id])) taken.add(id);
    const event = newEvent(
      { ...fields, provenance: 'typed', status: proposed ? 'proposed' : 'confirmed' },
      frame.actors,
      new Set(frame.facilities.map((f) => f.id)),
      taken,
    );
    const duplicates = await likelyDuplicates(tx, [event]);
    await tx.events.insert([event], TYPED_ORIGIN);
    await tx.aggregates.refreshDays(input.caseId, [event.date]);
    return { event, duplicates: duplicates.get(event.id) ?? [] };
  });
}
