import type { IsoDate } from './iso-date.js';
import type { LaterNote, Source, Verification } from './event.js';
import type { ObservationFinding } from './condition.js';

/**
 * A site's state: in use, idle, taken apart in part (some structures removed, the site not
 * destroyed), destroyed, being rebuilt after a dismantlement, being built, or not known.
 */
export const FACILITY_STATUSES = [
  'operational',
  'dormant',
  'partly-dismantled',
  'dismantled',
  'rebuilding',
  'under-construction',
  'unknown',
] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];

export interface FacilityStatusEntry {
  date: IsoDate;
  status: FacilityStatus;
  sources: Source[];
  note?: string;
  /** When the status became known: the earliest publication date of its sources. Set on load. */
  known?: IsoDate;
  /** Parts of the note learned later. */
  later?: LaterNote[];
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
  /** When the observation was published: the earliest date of its sources. Set on load. */
  known?: IsoDate;
  /** Parts of the note learned later. */
  later?: LaterNote[];
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
  /** [longitude, latitude] in degrees, for the map; absent for a site whose place is not public. */
  coordinates?: [number, number];
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
