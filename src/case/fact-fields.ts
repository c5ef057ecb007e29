import type { Commitment, Source } from '../model/event.js';
import type { FacilityStatusEntry, Observation } from '../model/facility.js';

/*
 * Sources, facility statuses, observations and commitments have the same fields in the case
 * files as in the model, so reading a file and writing one copy the same fields, in the order the
 * files write them, leaving out those not given. Both directions use these.
 */

/** Drops keys whose value is undefined, so stored and re-read models compare equal. */
export function stripUndefined<T extends object>(o: { [K in keyof T]: T[K] | undefined }): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

export function sourceFields(s: Source): Source {
  return stripUndefined({
    publisher: s.publisher,
    date: s.date,
    title: s.title,
    link: s.link,
    quote: s.quote,
    span: s.span,
  });
}

export function facilityStatusFields(s: FacilityStatusEntry): FacilityStatusEntry {
  return stripUndefined({
    date: s.date,
    status: s.status,
    sources: s.sources.map(sourceFields),
    note: s.note,
    known: s.known,
    later: s.later,
  });
}

export function observationFields(o: Observation): Observation {
  return stripUndefined({
    date: o.date,
    by: o.by,
    verification: o.verification,
    finding: o.finding,
    event: o.event,
    sources: o.sources.map(sourceFields),
    note: o.note,
    known: o.known,
    later: o.later,
  });
}

export function commitmentFields(c: Commitment): Commitment {
  return stripUndefined({
    verifier: c.verifier,
    by: c.by,
    status: c.status,
    changes: c.changes?.map((ch) =>
      stripUndefined({
        date: ch.date,
        status: ch.status,
        sources: ch.sources.map(sourceFields),
        known: ch.known,
        note: ch.note,
      }),
    ),
  });
}
