import type { Verification } from '../model/event.js';
import { verificationRank } from '../model/event.js';
import { facilityStatusOn, type Facility, type FacilityStatus } from '../model/facility.js';
import type { CaseFrame } from '../store/case-repository.js';
import type { FacilitiesSummary, FacilityLine } from './brief.js';

/** How many facilities stand in each status on the date, and a line for each key facility. */
export function summariseFacilities(frame: CaseFrame, asOf: string): FacilitiesSummary {
  const byStatus: Partial<Record<FacilityStatus, number>> = {};
  for (const f of frame.facilities) {
    const s = facilityStatusOn(f, asOf)?.status ?? 'unknown';
    byStatus[s] = (byStatus[s] ?? 0) + 1;
  }
  const key = frame.facilities.filter((f) => f.key).map((f) => facilityLine(f, asOf));
  return { total: frame.facilities.length, byStatus, key, omitted: frame.facilities.length - key.length };
}

function facilityLine(f: Facility, asOf: string): FacilityLine {
  const status = facilityStatusOn(f, asOf);
  const seen = f.observations.filter((o) => o.date <= asOf);
  const last = seen.reduce<(typeof seen)[number] | undefined>(
    (acc, o) => (!acc || o.date >= acc.date ? o : acc),
    undefined,
  );
  let best: Verification | null = null;
  for (const o of seen) if (!best || verificationRank(o.verification) > verificationRank(best)) best = o.verification;
  return {
    id: f.id,
    name: f.name,
    type: f.type,
    key: f.key,
    declared: f.declared ?? null,
    status: status?.status ?? 'unknown',
    statusSince: status?.date ?? null,
    statusNote: status?.note ?? null,
    lastObservation: last
      ? { date: last.date, by: last.by, finding: last.finding, verification: last.verification }
      : null,
    bestVerification: best,
  };
}
