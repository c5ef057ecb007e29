import type { ConditionResult } from '../analysis/conditions/condition-result.js';
import { evaluateCondition } from '../analysis/conditions/evaluate-condition.js';
import type { IsoDate } from '../model/iso-date.js';
import type { KnownBy } from '../model/knowledge.js';
import type { CaseFrame } from '../store/case-repository.js';
import type { Store } from '../store/store.js';
import { attachEvidenceSources, collectConditionLedger } from './collect-condition-ledger.js';

/**
 * Each condition's verdict on the date, with the sources of its evidence, as the brief reads them.
 * `view` is the case as known by `knownBy` (frameAsKnown).
 */
export async function evaluateConditions(
  store: Store,
  view: CaseFrame,
  asOf: IsoDate,
  knownBy: KnownBy,
): Promise<ConditionResult[]> {
  const conditions: ConditionResult[] = [];
  for (const c of view.conditions)
    conditions.push(evaluateCondition(c, asOf, await collectConditionLedger(store, view, c, asOf, knownBy)));
  await attachEvidenceSources(store, view.info.id, conditions, knownBy);
  return conditions;
}
