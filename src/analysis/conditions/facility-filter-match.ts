import type { FacilityFilter } from '../../model/condition.js';
import { facilityStatusOn, type Facility, type FacilityStatus } from '../../model/facility.js';

export interface FacilityMatch {
  /** `unknown` when only the facility's status decides and it is not known on that date. */
  match: boolean | 'unknown';
  status: FacilityStatus;
  /** Why it does not match, in words (`dismantled`, `not key`). */
  reason?: string;
}

/** Whether a facility passes a filter as of a date; the status used is the one in force then. */
export function facilityMatches(f: Facility, filter: FacilityFilter, asOf: string): FacilityMatch {
  const status = facilityStatusOn(f, asOf)?.status ?? 'unknown';
  if (filter.ids && !filter.ids.includes(f.id)) return { match: false, status, reason: 'not one of the sites named' };
  if (filter.key !== undefined && f.key !== filter.key)
    return { match: false, status, reason: filter.key ? 'not a key site' : 'a key site' };
  if (filter.country !== undefined && f.country !== filter.country)
    return { match: false, status, reason: `in ${f.country}` };
  const missingTag = filter.tags?.find((t) => !f.tags.includes(t));
  if (missingTag) return { match: false, status, reason: `not tagged ${missingTag}` };
  if (filter.status) {
    if (filter.status.includes(status)) return { match: true, status };
    if (status === 'unknown') return { match: 'unknown', status, reason: 'status unknown' };
    return { match: false, status, reason: status };
  }
  return { match: true, status };
}
