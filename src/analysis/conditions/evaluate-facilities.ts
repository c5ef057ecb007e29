import type { EventFilter, FacilitiesRequirement, Verdict } from '../../model/condition.js';
import type { LedgerEvent } from '../../model/event.js';
import type { Facility } from '../../model/facility.js';
import type { Evidence, PartResult } from './condition-result.js';
import { describeEvents, describeFacilities, listSome, listWords } from './describe-filter.js';
import { commitmentShortfall, eventMatcher } from './event-filter-match.js';
import { type Context, EVIDENCE_LIMIT, eventEvidence, withMissing } from './evaluation-context.js';
import { facilityMatches } from './facility-filter-match.js';

/** The sites the covering moves name, sorted by whether they count. */
interface Coverage {
  counted: Facility[];
  /** Covered, but their status on the date is not known. */
  undecided: Facility[];
  /** Covered, but they do not match `where` (dismantled, not key, ...), with why. */
  excluded: { f: Facility; reason: string }[];
  /** Sites that match `where` and that no counting move covers. */
  uncovered: Facility[];
  /** Moves that would cover sites but for who would verify them or their status, with why. */
  notCounting: { e: LedgerEvent; why: string }[];
  coveredBy: Map<string, LedgerEvent[]>;
  moves: LedgerEvent[];
}

/** The filter without its commitment test, to find the offers that fall short of it. */
function withoutCommitment(f: EventFilter): EventFilter {
  const { verifiers: _v, commitments: _c, ...rest } = f;
  return rest;
}

function coverage(spec: FacilitiesRequirement, ctx: Context): Coverage {
  // Facility conditions of the covering moves are judged by the `where` filter, not the move filter.
  const covers = eventMatcher(spec.coveredBy, ctx.asOf, ctx.facilities);
  const near = eventMatcher(withoutCommitment(spec.coveredBy), ctx.asOf, ctx.facilities);
  const moves: LedgerEvent[] = [];
  const notCounting: Coverage['notCounting'] = [];
  for (const e of ctx.ledger.events) {
    if (e.facilities.length === 0 || !near(e)) continue;
    if (covers(e)) moves.push(e);
    else notCounting.push({ e, why: commitmentShortfall(spec.coveredBy, e, ctx.asOf) ?? 'does not match' });
  }
  const coveredBy = new Map<string, LedgerEvent[]>();
  for (const e of moves) for (const id of e.facilities) (coveredBy.get(id) ?? coveredBy.set(id, []).get(id)!).push(e);
  const out: Coverage = { counted: [], undecided: [], excluded: [], uncovered: [], notCounting, coveredBy, moves };
  for (const [id] of coveredBy) {
    const f = ctx.facilities.get(id);
    if (!f) continue;
    const m = facilityMatches(f, spec.where, ctx.asOf);
    if (m.match === true) out.counted.push(f);
    else if (m.match === 'unknown') out.undecided.push(f);
    else out.excluded.push({ f, reason: m.reason ?? 'does not match' });
  }
  for (const f of ctx.facilities.values())
    if (!coveredBy.has(f.id) && facilityMatches(f, spec.where, ctx.asOf).match === true) out.uncovered.push(f);
  return out;
}

/** "3 of the 5 key operational sites still missing: covered A and B; not covered C, D and E; ..." */
function missingText(spec: FacilitiesRequirement, c: Coverage, ctx: Context): string {
  const need = spec.atLeast;
  const kinds = describeFacilities(spec.where);
  const names = (fs: readonly Facility[]) => listSome(fs.map((f) => f.name));
  // More such sites on record than the condition needs: say so, or "5 of the 5" reads as all there are.
  const onRecord = c.counted.length + c.uncovered.length + c.undecided.length;
  const more = onRecord > need ? ` (${onRecord} such sites on record)` : '';
  const parts = [
    `${need - c.counted.length} of the ${need} ${kinds} still missing${more}: covered ${c.counted.length ? names(c.counted) : 'none'}`,
  ];
  if (c.uncovered.length) parts.push(`not covered ${names(c.uncovered)}`);
  if (c.undecided.length) parts.push(`covered, status unknown: ${names(c.undecided)}`);
  if (c.excluded.length) {
    const byReason = new Map<string, string[]>();
    for (const x of c.excluded) (byReason.get(x.reason) ?? byReason.set(x.reason, []).get(x.reason)!).push(x.f.name);
    const said = [...byReason].map(([reason, ns]) => `${listSome(ns)} (${ns.length > 1 ? 'all ' : ''}${reason})`);
    parts.push(`covered but not counted: ${listWords(said)}`);
  }
  if (c.notCounting.length) {
    const offers = c.notCounting.map(({ e, why }) => {
      const sites = e.facilities.flatMap((id) => ctx.facilities.get(id) ?? []);
      const would = sites.filter((f) => facilityMatches(f, spec.where, ctx.asOf).match === true);
      const named = would.length
        ? names(would)
        : `${names(sites)}, which ${sites.length === 1 ? 'is' : 'are'} not among the ${kinds}`;
      return `the ${e.date} offer for ${named} (${why})`;
    });
    parts.push(`not counted: ${listSome(offers)}`);
  }
  if (c.moves.length === 0 && c.notCounting.length === 0)
    parts.push(`no ${describeEvents(spec.coveredBy)} names any site`);
  return parts.join('; ');
}

/** A facilities requirement: enough sites matching `where` covered by moves matching `coveredBy`. */
export function evaluateFacilities(spec: FacilitiesRequirement, label: string | undefined, ctx: Context): PartResult {
  const c = coverage(spec, ctx);
  const have = c.counted.length;
  const need = spec.atLeast;
  const verdict: Verdict = have >= need ? 'met' : have + c.undecided.length >= need ? 'unknown' : 'unmet';
  const evidence: Evidence[] = [];
  const add = (e: LedgerEvent) => {
    if (!evidence.some((x) => x.id === e.id)) evidence.push(eventEvidence(e));
  };
  for (const f of [...c.counted, ...c.undecided, ...c.excluded.map((x) => x.f)])
    for (const e of c.coveredBy.get(f.id) ?? []) add(e);
  for (const { e } of c.notCounting) add(e);
  evidence.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return withMissing(
    {
      kind: 'facilities',
      label: label ?? `${need} or more ${describeFacilities(spec.where)} covered by ${describeEvents(spec.coveredBy)}`,
      verdict,
      evidence: evidence.slice(0, EVIDENCE_LIMIT),
      count: { have, need },
    },
    missingText(spec, c, ctx),
  );
}
