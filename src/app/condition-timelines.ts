import { type VerdictTimeline, verdictTimeline } from '../analysis/conditions/verdict-timeline.js';
import { collectConditionLedger } from '../brief/collect-condition-ledger.js';
import { NotFoundError, ValidationError } from '../model/errors.js';
import { todayIso } from '../model/iso-date.js';
import type { Store } from '../store/store.js';

/**
 * Each condition's verdict over time between two dates (default: the case's period, else a year
 * up to its default date), worked out where its inputs change.
 */
export async function conditionTimelines(
  store: Store,
  caseId: string,
  options: { from?: string; to?: string; condition?: string },
): Promise<VerdictTimeline[]> {
  const frame = await store.cases.readFrame(caseId);
  if (!frame) throw new NotFoundError(`no case "${caseId}" in the store`);
  const s = frame.info.settings;
  const to = options.to ?? s.period?.to ?? s.defaultAsOf ?? todayIso();
  const from = options.from ?? s.period?.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
  if (from > to)
    throw new ValidationError([{ location: { file: 'query', field: 'from' }, message: `${from} is after ${to}` }]);
  const conditions = frame.conditions.filter((c) => options.condition === undefined || c.id === options.condition);
  if (options.condition !== undefined && conditions.length === 0)
    throw new NotFoundError(`case ${caseId} has no condition "${options.condition}"`);
  const out: VerdictTimeline[] = [];
  for (const c of conditions) out.push(verdictTimeline(c, await collectConditionLedger(store, frame, c, to), from, to));
  return out;
}
