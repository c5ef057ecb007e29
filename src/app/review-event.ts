import { newEvent } from '../case/new-event.js';
import { ConflictError, NotFoundError, ValidationError } from '../model/errors.js';
import type { LedgerEvent, Source, Verification } from '../model/event.js';
import type { Store } from '../store/store.js';
import { type Acting, auditEntry, requireRole } from './acting.js';

/** Fields of an event an edit may change; those left out keep their value. */
export interface EventChanges {
  date?: string;
  endDate?: string | null;
  source?: string;
  target?: string | null;
  code?: string;
  summary?: string;
  sources?: Source[];
  facilities?: string[];
  verification?: Verification;
  confidence?: number;
  notes?: string | null;
}

export type ReviewDecision =
  | { action: 'confirm' }
  | { action: 'reject'; reason: string }
  | { action: 'edit'; changes: EventChanges };

export interface ReviewResult {
  /** The event as it was before the review. */
  before: LedgerEvent;
  event: LedgerEvent;
  revision: number;
}

/**
 * Confirms, rejects (with a reason) or edits one event. The change is made only on the version
 * the reviewer saw: given `expectedRevision`, any change since is a conflict; without it,
 * confirming what is already confirmed (or rejecting what is rejected) is one too, so of two
 * reviewers acting at once one wins and the other is told, and nothing is overwritten.
 */
export async function reviewEvent(
  acting: Acting,
  caseId: string,
  eventId: string,
  decision: ReviewDecision,
  expectedRevision?: number,
): Promise<ReviewResult> {
  requireRole(acting, 'analyst', 'reviewing events');
  return acting.store.transaction((tx) => reviewOne(tx, acting, caseId, eventId, decision, expectedRevision));
}

/**
 * Confirms or rejects several events at once (`parley review confirm|reject ID...`), in one
 * transaction: an id not in the case changes nothing at all; an event already in that state is
 * left as it is. Returns how many changed.
 */
export async function reviewEvents(
  acting: Acting,
  caseId: string,
  ids: readonly string[],
  decision: Extract<ReviewDecision, { action: 'confirm' | 'reject' }>,
): Promise<number> {
  requireRole(acting, 'analyst', 'reviewing events');
  return acting.store.transaction(async (tx) => {
    const found = await tx.events.find({ caseId, ids: [...ids], bare: true });
    const missing = ids.filter((id) => !found.some((e) => e.id === id));
    if (missing.length)
      throw new NotFoundError(
        `no event ${missing.map((m) => `"${m}"`).join(', ')} in case ${caseId}; nothing was changed`,
      );
    const target = decision.action === 'confirm' ? 'confirmed' : 'rejected';
    let changed = 0;
    for (const e of found) {
      if (e.status === target) continue;
      await reviewOne(tx, acting, caseId, e.id, decision);
      changed++;
    }
    return changed;
  });
}

async function reviewOne(
  tx: Store,
  acting: Acting,
  caseId: string,
  eventId: string,
  decision: ReviewDecision,
  expectedRevision?: number,
): Promise<ReviewResult> {
  const [before] = await tx.events.find({ caseId, ids: [eventId] });
  if (!before) throw new NotFoundError(`no event "${eventId}" in case ${caseId}; nothing was changed`);
  const revision = (await tx.events.revisions(caseId, [eventId])).get(eventId)!.revision;
  if (expectedRevision !== undefined && expectedRevision !== revision)
    throw new ConflictError(await staleMessage(tx, caseId, eventId, expectedRevision, revision));
  const after = await decide(tx, before, decision);
  if (!(await tx.events.replace(after, revision)))
    throw new ConflictError(await staleMessage(tx, caseId, eventId, revision, revision + 1));
  await tx.aggregates.refreshDays(caseId, [...new Set([before.date, after.date])]);
  await tx.audit.record([
    auditEntry(acting, {
      kind: 'event',
      action: decision.action,
      caseId,
      subject: eventId,
      before,
      after,
      note: decision.action === 'reject' ? decision.reason : null,
    }),
  ]);
  return { before, event: after, revision: revision + 1 };
}

async function decide(tx: Store, before: LedgerEvent, decision: ReviewDecision): Promise<LedgerEvent> {
  if (decision.action === 'confirm') {
    if (before.status === 'confirmed') throw new ConflictError(`event ${before.id} is already confirmed`);
    return { ...before, status: 'confirmed' };
  }
  if (decision.action === 'reject') {
    if (!decision.reason.trim())
      throw new ValidationError([
        { location: { file: 'review', field: 'reason' }, message: 'a rejection needs a reason' },
      ]);
    if (before.status === 'rejected') throw new ConflictError(`event ${before.id} is already rejected`);
    const note = `rejected: ${decision.reason.trim()}`;
    return { ...before, status: 'rejected', notes: before.notes ? `${before.notes}\n${note}` : note };
  }
  return applyChanges(tx, before, decision.changes);
}

/** The event with the changes applied, checked as a new event is (actors, code, facilities, sources). */
async function applyChanges(tx: Store, before: LedgerEvent, c: EventChanges): Promise<LedgerEvent> {
  const frame = await tx.cases.readFrame(before.caseId);
  if (!frame) throw new NotFoundError(`no case "${before.caseId}" in the store`);
  const pick = <T>(value: T | null | undefined, old: T | undefined): T | undefined =>
    value === null ? undefined : value === undefined ? old : value;
  const endDate = pick(c.endDate, before.endDate);
  const target = pick(c.target, before.targetActor);
  const notes = pick(c.notes, before.notes);
  const edited = newEvent(
    {
      caseId: before.caseId,
      id: before.id,
      date: c.date ?? before.date,
      source: c.source ?? before.sourceActor,
      code: c.code ?? before.code,
      summary: c.summary ?? before.summary,
      sources: c.sources ?? before.sources,
      facilities: c.facilities ?? before.facilities,
      verification: c.verification ?? before.verification,
      confidence: c.confidence ?? before.confidence,
      status: before.status,
      provenance: before.provenance,
      ...(endDate ? { endDate } : {}),
      ...(target ? { target } : {}),
      ...(notes ? { notes } : {}),
    },
    frame.actors,
    new Set(frame.facilities.map((f) => f.id)),
    new Set(),
  );
  // A Goldstein weight set by hand stays unless the code changed.
  if (before.goldsteinReason && edited.code === before.code) {
    edited.goldstein = before.goldstein;
    edited.goldsteinReason = before.goldsteinReason;
  }
  return edited;
}

async function staleMessage(tx: Store, caseId: string, eventId: string, seen: number, now: number): Promise<string> {
  const [last] = await tx.audit.find({ caseId, kind: 'event', subject: eventId, order: 'desc', limit: 1 });
  const who = last ? ` (last ${last.action} by ${last.actor} at ${last.at})` : '';
  return `event ${eventId} changed since revision ${seen}; it is now at revision ${now}${who}; nothing was changed`;
}
