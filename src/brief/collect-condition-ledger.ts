import {
  type Condition,
  type EventFilter,
  type MovePattern,
  type Requirement,
  visitRequirement,
} from '../model/condition.js';
import type { LedgerEvent } from '../model/event.js';
import { eventAsKnown, type KnownBy, sourcesAsKnown } from '../model/knowledge.js';
import type { ConditionLedger } from '../analysis/conditions/evaluate-condition.js';
import { facilitiesReadBy } from '../analysis/conditions/facilities-read-by.js';
import type { ConditionResult, Evidence, PartResult } from '../analysis/conditions/condition-result.js';
import type { CaseFrame } from '../store/case-repository.js';
import type { EventQuery } from '../store/event-repository.js';
import type { Store } from '../store/store.js';

/** Every event filter a requirement uses, for the store to fetch. */
function requirementFilters(r: Requirement): EventFilter[] {
  return visitRequirement<EventFilter[]>(r, {
    all: (x) => x.all.flatMap(requirementFilters),
    any: (x) => x.any.flatMap(requirementFilters),
    not: (x) => requirementFilters(x.not),
    event: (x) => [x.event],
    noEvent: (x) => [x.noEvent],
    facilities: (x) => [x.facilities.coveredBy],
    provision: () => [],
    observed: () => [],
    notObserved: () => [],
    indicator: () => [],
  });
}

/**
 * The store query for a filter or gate: a superset of what it matches, narrowed by what SQL can
 * use an index for (codes, actor code prefixes, actor ids, status, dates). Titles, windows
 * relative to a date and facility filters are applied by the evaluator.
 */
function toQuery(caseId: string, f: EventFilter | MovePattern, asOf: string, knownBy: KnownBy): EventQuery {
  const q: EventQuery = { caseId, to: asOf };
  if (knownBy !== null) q.knownBy = knownBy;
  if (f.codes?.length) q.codes = [...f.codes];
  if (f.source?.code) q.sourceCodes = [f.source.code];
  if (f.target?.code) q.targetCodes = [f.target.code];
  if (f.source?.actor) q.sourceActors = [f.source.actor];
  if (f.target?.actor) q.targetActors = [f.target.actor];
  q.statuses = f.status ? [...f.status] : ['confirmed'];
  q.withoutSources = true;
  const fixedFrom = 'window' in f ? f.window?.from : 'from' in f ? f.from : undefined;
  if (fixedFrom) q.from = fixedFrom;
  return q;
}

/**
 * Fills in the sources of the events shown as evidence, those published by `knownBy`: the slices
 * are read without them, since a condition over a large ledger weighs hundreds of events and
 * shows a dozen.
 */
export async function attachEvidenceSources(
  store: Store,
  caseId: string,
  results: readonly ConditionResult[],
  knownBy: KnownBy,
): Promise<void> {
  const shown: Evidence[] = [];
  const walk = (p: PartResult): void => {
    for (const e of p.evidence) if (e.kind === 'event') shown.push(e);
    p.parts?.forEach(walk);
  };
  for (const r of results) walk(r.result);
  if (shown.length === 0) return;
  const events = await store.events.find({ caseId, ids: [...new Set(shown.map((e) => e.id))] });
  const sources = new Map(events.map((e) => [e.id, sourcesAsKnown(e.sources, e.date, knownBy)]));
  for (const e of shown) e.sources = sources.get(e.id) ?? [];
}

/**
 * The slice of the ledger a condition needs up to a date, as known by `knownBy`: events any of
 * its filters or gates could match (fetched by indexed queries, so a condition over a million
 * events reads only its own), and the case's facilities and agreements. `frame` must already be
 * read as known by the same date (`frameAsKnown`). Of the facilities, only those the condition
 * can read (`facilitiesReadBy`).
 */
export async function collectConditionLedger(
  store: Store,
  frame: CaseFrame,
  condition: Condition,
  asOf: string,
  knownBy: KnownBy,
): Promise<ConditionLedger> {
  const queries = [
    ...requirementFilters(condition.requires).map((f) => toQuery(frame.info.id, f, asOf, knownBy)),
    ...condition.gates.map((g) => toQuery(frame.info.id, g, asOf, knownBy)),
  ];
  const byId = new Map<string, LedgerEvent>();
  for (const q of queries)
    for (const e of await store.events.find(q)) {
      const known = eventAsKnown(e, knownBy);
      if (known) byId.set(e.id, known);
    }
  const events = [...byId.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  const ledger: ConditionLedger = {
    events,
    facilities: frame.facilities,
    agreements: frame.agreements,
    ...(frame.indicators ? { indicators: frame.indicators } : {}),
  };
  // Only the sites the condition can read: a case may hold ten thousand, a condition reads a few.
  return { ...ledger, facilities: facilitiesReadBy(condition, ledger) };
}
