import { NotFoundError } from '../model/errors.js';
import type { Store } from '../store/store.js';

export type Decision = 'confirm' | 'reject';
const STATUS = { confirm: 'confirmed', reject: 'rejected' } as const;

/**
 * Confirms or rejects events of the review queue, all or none: an id that is not in the case
 * changes nothing. The day aggregates follow. Returns how many changed.
 */
export async function reviewProposals(
  store: Store,
  caseId: string,
  ids: readonly string[],
  decision: Decision,
): Promise<number> {
  return store.transaction(async (tx) => {
    const found = await tx.events.find({ caseId, ids: [...ids], bare: true });
    const byId = new Map(found.map((e) => [e.id, e]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length)
      throw new NotFoundError(
        `no event ${missing.map((m) => `"${m}"`).join(', ')} in case ${caseId}; nothing was changed`,
      );
    const n = await tx.events.setStatus(caseId, ids, STATUS[decision]);
    await tx.aggregates.refreshDays(caseId, [...new Set(found.map((e) => e.date))]);
    return n;
  });
}
