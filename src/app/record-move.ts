import { ensureBuiltinCase } from '../case/builtin-cases.js';
import { type NewEventInput, newEvent } from '../case/new-event.js';
import { NotFoundError } from '../model/errors.js';
import type { LedgerEvent } from '../model/event.js';
import { type Acting, auditEntry, requireRole } from './acting.js';
import { type LikelyDuplicate, likelyDuplicates } from './likely-duplicates.js';

/** Origin of events recorded by hand (`parley event add`, the API): kept when the case's files are loaded again. */
export const TYPED_ORIGIN = 'typed';

export interface RecordedMove {
  event: LedgerEvent;
  /** Moves already in the case that this one may repeat (same parties and root code within two days). */
  duplicates: LikelyDuplicate[];
}

/**
 * Records one move in a case's ledger (or, with `status: 'proposed'`, in its review queue),
 * checked as a case file is (known actors with a role on the date, a known CAMEO code, known
 * facilities), with its audit entry, in one transaction. The id is chosen inside the transaction,
 * so writers running at once never pick the same one.
 */
export async function recordMove(acting: Acting, input: NewEventInput): Promise<RecordedMove> {
  requireRole(acting, 'analyst', 'recording a move');
  const { store } = acting;
  await ensureBuiltinCase(store, input.caseId);
  return store.transaction(async (tx) => {
    const frame = await tx.cases.readFrame(input.caseId);
    if (!frame) throw new NotFoundError(`no case "${input.caseId}" in the store; \`parley case list\` shows the cases`);
    // The id is chosen inside the write transaction that inserts it (under a lock on PostgreSQL,
    // where transactions do not serialise writers), so parallel moves of one day each get their own.
    await tx.events.lockIdChoice(input.caseId);
    // Generated ids start with the date; only those, and an id given by the user, can collide.
    const taken = await tx.events.idsStartingWith(input.caseId, input.date);
    if (input.id) for (const id of await tx.events.existingIds(input.caseId, [input.id])) taken.add(id);
    const e = newEvent(input, frame.actors, new Set(frame.facilities.map((f) => f.id)), taken);
    const duplicates = await likelyDuplicates(tx, [e]);
    await tx.events.insert([e], TYPED_ORIGIN);
    await tx.aggregates.refreshDays(input.caseId, [e.date]);
    await tx.audit.record([
      auditEntry(acting, { kind: 'event', action: 'create', caseId: e.caseId, subject: e.id, after: e }),
    ]);
    return { event: e, duplicates: duplicates.get(e.id) ?? [] };
  });
}
