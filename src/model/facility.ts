import type { IsoDate } from './iso-date.js';
import type { Source, Verification } from './event.js';
import type { ObservationFinding } from './condition.js';

export const FACILITY_STATUSES = ['operational', 'dormant', 'dismantled', 'under-construction', 'unknown'] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];

export interface FacilityStatusEntry {
  date: IsoDate;
  status: FacilityStatus;
  sources: Source[];
  note?: string;
}

/** An inspection or observation made at a site. */
export interface Observation {
  date: IsoDate;
  /** Actor id or a plain name (`38 North`, `foreign journalists`). */
  by: string;
  verification: Verification;
  /** What was seen: activity at the site, none, dismantling under way, or an inspection. */
  finding: ObservationFinding;
  /** The ledger event recording it, when there is one. */
  event?: string;
  sources: Source[];
  note?: string;
}

export interface Facility {
  id: string;
  caseId: string;
  name: string;
  /** What the site is, in words (`uranium enrichment`). */
  type: string;
  /** Categories conditions filter on: `nuclear`, `missile`, `production`, `test-site`, ... */
  tags: string[];
  location: string;
  country: string;
  key: boolean;
  declared?: boolean;
  statuses: FacilityStatusEntry[];
  observations: Observation[];
  notes?: string;
}

export function facilityStatusOn(f: Facility, date: IsoDate): FacilityStatusEntry | undefined {
  let found: FacilityStatusEntry | undefined;
  for (const s of f.statuses) if (s.date <= date && (!found || s.date >= found.date)) found = s;
  return found;
}
