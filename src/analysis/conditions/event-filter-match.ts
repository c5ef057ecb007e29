import { codeUnder } from '../../model/actor-code.js';
import type { ActorFilter, EventFilter, Window } from '../../model/condition.js';
import {
  commitmentStatusOn,
  type LedgerEvent,
  type ReviewStatus,
  type Verifier,
  verificationRank,
} from '../../model/event.js';
import type { Facility } from '../../model/facility.js';
import { addDays } from '../../model/iso-date.js';
import { facilityMatches } from './facility-filter-match.js';

const DEFAULT_STATUSES: readonly ReviewStatus[] = ['confirmed'];

/** Whether one side of an event (its code, actor id and role title on the day) passes a filter. */
export function actorMatches(
  filter: ActorFilter | undefined,
  code: string | undefined,
  actor: string | undefined,
  title: string | undefined,
): boolean {
  if (!filter) return true;
  if (filter.code !== undefined && (code === undefined || !codeUnder(code, filter.code))) return false;
  if (filter.actor !== undefined && actor !== filter.actor) return false;
  if (filter.title !== undefined && !(title ?? '').toLowerCase().includes(filter.title.toLowerCase())) return false;
  return true;
}

export function codeMatches(prefixes: readonly string[] | undefined, code: string): boolean {
  return !prefixes || prefixes.length === 0 || prefixes.some((p) => code.startsWith(p));
}

/**
 * The days a window covers as of a date, both ends inclusive. `days: N` is the N days ending on
 * the date asked about; nothing after that date ever counts.
 */
export function windowBounds(window: Window | undefined, asOf: string): { from?: string; to: string } {
  let to = asOf;
  let from: string | undefined;
  if (window?.days !== undefined) from = addDays(asOf, -(window.days - 1));
  if (window?.from !== undefined && (from === undefined || window.from > from)) from = window.from;
  if (window?.to !== undefined && window.to < to) to = window.to;
  return from === undefined ? { to } : { from, to };
}

export function inWindow(date: string, bounds: { from?: string; to: string }): boolean {
  return date <= bounds.to && (bounds.from === undefined || date >= bounds.from);
}

/**
 * A test of events against a filter as of a date. The window and the weakest verification are
 * worked out once, since a condition checks the same filter against many events.
 */
export function eventMatcher(
  filter: EventFilter,
  asOf: string,
  facilities: ReadonlyMap<string, Facility>,
): (e: LedgerEvent) => boolean {
  const bounds = windowBounds(filter.window, asOf);
  const statuses = filter.status ?? DEFAULT_STATUSES;
  const minRank = filter.verification ? verificationRank(filter.verification) : 0;
  const siteFilter = filter.facilities;
  const commitment = commitmentMatcher(filter, asOf);
  return (e) => {
    if (!inWindow(e.date, bounds)) return false;
    if (!statuses.includes(e.status)) return false;
    if (!codeMatches(filter.codes, e.code)) return false;
    if (minRank && verificationRank(e.verification) < minRank) return false;
    if (!actorMatches(filter.source, e.sourceCode, e.sourceActor, e.sourceTitle)) return false;
    if (!actorMatches(filter.target, e.targetCode, e.targetActor, e.targetTitle)) return false;
    if (commitment && !commitment(e)) return false;
    if (siteFilter) {
      return e.facilities.some((id) => {
        const fac = facilities.get(id);
        return fac !== undefined && facilityMatches(fac, siteFilter, asOf).match === true;
      });
    }
    return true;
  };
}

/**
 * The commitment test of a filter, when it has one: who would verify, and the status on the date
 * asked about. A move that carries no commitment fails it.
 */
function commitmentMatcher(filter: EventFilter, asOf: string): ((e: LedgerEvent) => boolean) | undefined {
  const { verifiers, commitments } = filter;
  if (!verifiers && !commitments) return undefined;
  return (e) => {
    const c = e.commitment;
    if (!c) return false;
    if (verifiers && !verifiers.includes(c.verifier)) return false;
    return !commitments || commitments.includes(commitmentStatusOn(c, asOf));
  };
}

/** Why a move passes a filter's other tests but not its commitment test, in words; undefined when it passes. */
export function commitmentShortfall(filter: EventFilter, e: LedgerEvent, asOf: string): string | undefined {
  const c = e.commitment;
  if (!filter.verifiers && !filter.commitments) return undefined;
  if (!c) return 'no verifier or status recorded';
  const why: string[] = [];
  if (filter.verifiers && !filter.verifiers.includes(c.verifier))
    why.push(
      `${c.by ?? VERIFIER_WORDS[c.verifier]}, not ${filter.verifiers.map((v) => VERIFIER_WORDS[v]).join(' or ')}`,
    );
  const status = commitmentStatusOn(c, asOf);
  if (filter.commitments && !filter.commitments.includes(status)) why.push(status);
  return why.length ? why.join('; ') : undefined;
}

export const VERIFIER_WORDS: Record<Verifier, string> = {
  'inspecting-body': 'an inspecting body',
  'named-experts': 'named experts',
  journalists: 'journalists',
  none: 'no verifier',
};

/** Whether an event passes every part of a filter as of a date. */
export function eventMatches(
  e: LedgerEvent,
  filter: EventFilter,
  asOf: string,
  facilities: ReadonlyMap<string, Facility>,
): boolean {
  return eventMatcher(filter, asOf, facilities)(e);
}
