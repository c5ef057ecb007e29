import { partyOf } from '../model/actor-code.js';
import type { LedgerEvent, ReviewStatus } from '../model/event.js';
import { addDays, daysBetween } from '../model/iso-date.js';
import type { Store } from '../store/store.js';

/** A move in the case that another may repeat. */
export interface LikelyDuplicate {
  id: string;
  date: string;
  code: string;
  status: ReviewStatus;
  summary: string;
}

/** Two reports of one move are rarely dated more than this many days apart (time zones, "on Sunday"). */
const DUPLICATE_WINDOW_DAYS = 2;

/** The same two parties in either direction (a visit and the host's meeting are one move), and the same root code. */
function moveKey(e: LedgerEvent): string {
  const parties = [partyOf(e.sourceCode), e.targetCode ? partyOf(e.targetCode) : ''].sort();
  return `${parties.join(':')}|${e.code.slice(0, 2)}`;
}

/**
 * For each event, the other moves of its case that it likely repeats: the same pair of parties,
 * the same CAMEO root code, dated at most two days apart. Confirmed moves come first, then other
 * proposals; rejected ones are left out.
 */
export async function likelyDuplicates(
  store: Store,
  events: readonly LedgerEvent[],
): Promise<Map<string, LikelyDuplicate[]>> {
  const found = new Map<string, LikelyDuplicate[]>();
  const caseIds = [...new Set(events.map((e) => e.caseId))];
  for (const caseId of caseIds) {
    const mine = events.filter((e) => e.caseId === caseId);
    const dates = mine.map((e) => e.date).sort();
    const candidates = await store.events.find({
      caseId,
      from: addDays(dates[0]!, -DUPLICATE_WINDOW_DAYS),
      to: addDays(dates[dates.length - 1]!, DUPLICATE_WINDOW_DAYS),
      statuses: ['confirmed', 'proposed'],
      bare: true,
    });
    const byKey = new Map<string, LedgerEvent[]>();
    for (const c of candidates) (byKey.get(moveKey(c)) ?? byKey.set(moveKey(c), []).get(moveKey(c))!).push(c);
    for (const e of mine) {
      const near = (byKey.get(moveKey(e)) ?? [])
        .filter((c) => c.id !== e.id && Math.abs(daysBetween(c.date, e.date)) <= DUPLICATE_WINDOW_DAYS)
        .sort((a, b) => rank(a, e) - rank(b, e) || a.id.localeCompare(b.id))
        .map((c) => ({ id: c.id, date: c.date, code: c.code, status: c.status, summary: c.summary }));
      if (near.length) found.set(e.id, near);
    }
  }
  return found;
}

/** Confirmed moves before proposals, then the nearest in time. */
function rank(c: LedgerEvent, e: LedgerEvent): number {
  return (c.status === 'confirmed' ? 0 : 10) + Math.abs(daysBetween(c.date, e.date));
}
