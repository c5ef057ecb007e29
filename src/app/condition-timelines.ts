import { type VerdictTimeline, verdictTimeline } from '../analysis/conditions/verdict-timeline.js';
import { collectConditionLedger } from '../brief/collect-condition-ledger.js';
import { NotFoundError, ValidationError } from '../model/errors.js';
import { todayIso } from '../model/iso-date.js';
import { frameAsKnown, type KnownBy } from '../model/knowledge.js';
import type { CaseFrame } from '../store/case-repository.js';
import type { Store } from '../store/store.js';

export interface TimelineOptions {
  from?: string;
  to?: string;
  condition?: string;
  /** Read every day with everything on record instead of as known on that day. */
  hindsight?: boolean;
  /** Read every day with what was known by this date (on or after `to`). */
  knownBy?: string;
}

/**
 * Each condition's verdict over time between two dates (default: the case's period, else a year
 * up to its default date), worked out where its inputs change. Each day is read as known on that
 * day unless `hindsight` or `knownBy` asks for later knowledge.
 */
export async function conditionTimelines(
  store: Store,
  caseId: string,
  options: TimelineOptions,
  /** The case's frame when the caller keeps it already (the server does); else it is read. */
  known?: CaseFrame,
): Promise<VerdictTimeline[]> {
  const frame = known ?? (await store.cases.readFrame(caseId));
  if (!frame) throw new NotFoundError(`no case "${caseId}" in the store`);
  const s = frame.info.settings;
  const to = options.to ?? s.period?.to ?? s.defaultAsOf ?? todayIso();
  const from = options.from ?? s.period?.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
  if (from > to)
    throw new ValidationError([{ location: { file: 'query', field: 'from' }, message: `${from} is after ${to}` }]);
  if (options.knownBy !== undefined && options.knownBy < to)
    throw new ValidationError([
      { location: { file: 'query', field: 'knownBy' }, message: `${options.knownBy} is before the span's end (${to})` },
    ]);
  // Unset: as known each day, so the ledger holds everything and each day is cut from it.
  const knownBy: KnownBy | undefined = options.knownBy ?? (options.hindsight ? null : undefined);
  const view = knownBy === undefined ? frame : frameAsKnown(frame, knownBy);
  const conditions = view.conditions.filter((c) => options.condition === undefined || c.id === options.condition);
  if (options.condition !== undefined && conditions.length === 0)
    throw new NotFoundError(`case ${caseId} has no condition "${options.condition}"`);
  const out: VerdictTimeline[] = [];
  for (const c of conditions) {
    const ledger = await collectConditionLedger(store, view, c, to, knownBy ?? null);
    out.push(verdictTimeline(c, ledger, from, to, knownBy));
  }
  return out;
}
