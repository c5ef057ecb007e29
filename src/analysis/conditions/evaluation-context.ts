import type { Agreement } from '../../model/agreement.js';
import type { LedgerEvent } from '../../model/event.js';
import type { Facility, Observation } from '../../model/facility.js';
import type { Indicator } from '../../model/indicator.js';
import type { Evidence, PartResult } from './condition-result.js';

/**
 * What a condition is checked against. `events` may be a pre-filtered slice (the store fetches
 * only what a condition's filters could match); every filter is applied again here, so a wider
 * slice gives the same answer.
 */
export interface ConditionLedger {
  events: readonly LedgerEvent[];
  facilities: readonly Facility[];
  agreements: readonly Agreement[];
  /** Measured quantities the indicator leaves read; none when absent. */
  indicators?: readonly Indicator[];
}

/** How many evidence items a part keeps; the count is always exact. */
export const EVIDENCE_LIMIT = 12;

export interface Context {
  asOf: string;
  ledger: ConditionLedger;
  facilities: ReadonlyMap<string, Facility>;
  /** Every observation with its site, oldest first: far fewer than sites in a large ledger. */
  observations: readonly SiteObservation[];
  indicators: ReadonlyMap<string, Indicator>;
}

export interface SiteObservation {
  facility: Facility;
  observation: Observation;
  index: number;
}

export function siteObservations(facilities: readonly Facility[]): SiteObservation[] {
  const out: SiteObservation[] = [];
  for (const facility of facilities)
    for (const [index, observation] of facility.observations.entries()) out.push({ facility, observation, index });
  return out.sort((a, b) =>
    a.observation.date < b.observation.date ? -1 : a.observation.date > b.observation.date ? 1 : 0,
  );
}

export function eventEvidence(e: LedgerEvent): Evidence {
  return {
    kind: 'event',
    date: e.date,
    id: e.id,
    summary: e.summary,
    verification: e.verification,
    sources: e.sources,
  };
}

/** Sets what is missing on a part that is not met. */
export function withMissing(part: PartResult, missing: string): PartResult {
  if (part.verdict !== 'met' && missing) part.missing = missing;
  return part;
}
