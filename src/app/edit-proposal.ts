import { type NewEventInput, newEvent } from '../case/new-event.js';
import { NotFoundError, StoreError, UsageError } from '../model/errors.js';
import type { LedgerEvent } from '../model/event.js';
import type { Store } from '../store/store.js';
import { type LikelyDuplicate, likelyDuplicates } from './likely-duplicates.js';

/** What a reviewer may correct in a proposal before confirming it; fields left out stay. */
export interface ProposalEdit {
  date?: string;
  /** Actor ids of the case (or a state's code), as `event add` takes them. */
  source?: string;
  /** `null` takes the target away. */
  target?: string | null;
  code?: string;
  facilities?: readonly string[];
}

export interface EditedProposal {
  before: LedgerEvent;
  after: LedgerEvent;
  /** Moves of the case the corrected proposal likely repeats. */
  duplicates: LikelyDuplicate[];
}

/**
 * Corrects a proposed event (its date, actors, code or facilities), checked as a typed move is
 * checked. It keeps its id, sources and place in the review queue; what it was read from is kept
 * too, so reading the article again still adds nothing.
 */
export async function editProposal(
  store: Store,
  caseId: string,
  id: string,
  edit: ProposalEdit,
): Promise<EditedProposal> {
  return store.transaction(async (tx) => {
    const [before] = await tx.events.find({ caseId, ids: [id] });
    if (!before) throw new NotFoundError(`no event "${id}" in case ${caseId}; \`parley review\` lists the proposals`);
    if (before.status !== 'proposed')
      throw new UsageError(`event ${id} is ${before.status}, not proposed: only proposals are edited in review`);
    const frame = await tx.cases.readFrame(caseId);
    if (!frame) throw new NotFoundError(`no case "${caseId}" in the store`);
    const after = newEvent(merged(before, edit), frame.actors, new Set(frame.facilities.map((f) => f.id)), new Set());
    const revision = (await tx.events.revisions(caseId, [id])).get(id)?.revision;
    if (revision === undefined || !(await tx.events.replace(after, revision)))
      throw new StoreError(`event ${id} changed while it was being edited; nothing was changed, try again`);
    await tx.aggregates.refreshDays(caseId, [...new Set([before.date, after.date])]);
    const duplicates = await likelyDuplicates(tx, [after]);
    return { before, after, duplicates: duplicates.get(id) ?? [] };
  });
}

function merged(before: LedgerEvent, edit: ProposalEdit): NewEventInput {
  const target = edit.target === null ? undefined : (edit.target ?? before.targetActor);
  return {
    caseId: before.caseId,
    id: before.id,
    date: edit.date ?? before.date,
    ...(before.endDate && !edit.date ? { endDate: before.endDate } : {}),
    source: edit.source ?? before.sourceActor,
    ...(target !== undefined ? { target } : {}),
    code: edit.code ?? before.code,
    summary: before.summary,
    sources: before.sources,
    facilities: [...(edit.facilities ?? before.facilities)],
    verification: before.verification,
    confidence: before.confidence,
    status: 'proposed',
    provenance: before.provenance,
    ...(before.notes ? { notes: before.notes } : {}),
  };
}
