import { type Condition, type FacilityFilter, type Requirement, visitRequirement } from '../../model/condition.js';
import type { Facility } from '../../model/facility.js';
import type { ConditionLedger } from './evaluate-condition.js';
import { facilityMatches } from './facility-filter-match.js';

/** The `where` filters of a condition's facilities requirements, without their status (which moves with the date). */
function fixedWheres(r: Requirement): Omit<FacilityFilter, 'status'>[] {
  return visitRequirement<Omit<FacilityFilter, 'status'>[]>(r, {
    all: (x) => x.all.flatMap(fixedWheres),
    any: (x) => x.any.flatMap(fixedWheres),
    not: (x) => fixedWheres(x.not),
    facilities: (x) => {
      const { status: _s, ...fixed } = x.facilities.where;
      return [fixed];
    },
    event: () => [],
    noEvent: () => [],
    provision: () => [],
    observed: () => [],
    notObserved: () => [],
    indicator: () => [],
  });
}

/**
 * The sites whose facts can move a condition's verdict on some day: those a move in the ledger
 * names (coverage, and event filters on sites), those with observations (observed and not
 * observed), and those that can pass a facilities requirement's `where` on some date (its tags,
 * key, country and ids, which do not change). The rest are never read, so leaving them out
 * changes no verdict and spares a timeline reading thousands of sites on every day it works out.
 */
export function facilitiesReadBy(condition: Condition, ledger: ConditionLedger): Facility[] {
  const wheres = fixedWheres(condition.requires);
  // With the status left out of the filters, the date a facility is matched on does not matter.
  const named = new Set<string>();
  for (const e of ledger.events) for (const id of e.facilities) named.add(id);
  return ledger.facilities.filter(
    (f) => named.has(f.id) || f.observations.length > 0 || wheres.some((w) => facilityMatches(f, w, '').match === true),
  );
}
