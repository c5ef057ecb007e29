import type { DyadDay } from '../model/dyad-day.js';
import { partyOf } from '../model/actor-code.js';
import type { LedgerEvent, ReviewStatus } from '../model/event.js';
import type { IsoDate } from '../model/iso-date.js';
import { frameAsKnown, type KnownBy, lateFacts } from '../model/knowledge.js';
import type { CaseFrame } from '../store/case-repository.js';
import type { Store } from '../store/store.js';
import type { Hindsight } from './brief.js';

/*
 * The store keeps daily aggregates and counts over every event it holds. A brief read as known on
 * a day takes out the events that became known after that day: there are few of them, so they
 * are read one by one and subtracted, and the aggregates stay the fast path.
 */

/** Events of a case dated up to `through` that became known after `knownBy`, every review status. */
export async function lateEventsOf(
  store: Store,
  caseId: string,
  through: IsoDate,
  knownBy: IsoDate,
): Promise<LedgerEvent[]> {
  return store.events.find({ caseId, to: through, knownAfter: knownBy, bare: true });
}

/** Daily dyad aggregates without the confirmed events that became known later. */
export function withoutLateEvents(days: readonly DyadDay[], late: readonly LedgerEvent[]): DyadDay[] {
  if (late.length === 0) return [...days];
  const out = days.map((d) => ({ ...d }));
  for (const e of late) {
    if (e.status !== 'confirmed' || !e.targetCode) continue;
    const [src, tgt] = [partyOf(e.sourceCode), partyOf(e.targetCode)];
    const row = out.find(
      (d) => d.day === e.date && d.source === src && d.target === tgt && d.quadClass === e.quadClass,
    );
    if (!row) continue;
    row.count -= 1;
    row.goldsteinSum -= e.goldstein;
    if (e.goldstein > 0) row.positiveSum -= e.goldstein;
    else row.negativeSum -= e.goldstein;
  }
  return out.filter((d) => d.count > 0);
}

/** Events per review status up to a date, without those that became known later. */
export function countsAsKnown(
  counts: Record<ReviewStatus, number>,
  late: readonly LedgerEvent[],
  asOf: IsoDate,
): Record<ReviewStatus, number> {
  const out = { ...counts };
  for (const e of late) if (e.date <= asOf) out[e.status] -= 1;
  return out;
}

/**
 * What a brief read with later knowledge adds: the facts dated by `asOf` that were learned after
 * it (up to `knownBy`, or ever with null), so a reader can tell hindsight from what was known.
 */
export async function hindsightOf(store: Store, frame: CaseFrame, asOf: IsoDate, knownBy: KnownBy): Promise<Hindsight> {
  const events = await store.events.find({
    caseId: frame.info.id,
    to: asOf,
    knownAfter: asOf,
    statuses: ['confirmed'],
    ...(knownBy === null ? {} : { knownBy }),
  });
  const record = knownBy === null ? frame : frameAsKnown(frame, knownBy);
  return { knownBy, notYetKnown: lateFacts({ ...record, events }, asOf, knownBy) };
}
