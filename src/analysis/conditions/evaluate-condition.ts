import type { Agreement } from '../../model/agreement.js';
import { levelName, provisionStatusOn } from '../../model/agreement.js';
import {
  type Condition,
  type EventFilter,
  type FacilitiesRequirement,
  type ObservationFilter,
  type ProvisionRequirement,
  type Requirement,
  type Verdict,
  visitRequirement,
} from '../../model/condition.js';
import { verificationRank, type LedgerEvent } from '../../model/event.js';
import type { Facility, Observation } from '../../model/facility.js';
import type { ConditionResult, Evidence, GatedMove, PartResult } from './condition-result.js';
import { actorMatches, codeMatches, eventMatcher, inWindow, windowBounds } from './event-filter-match.js';
import { facilityMatches } from './facility-filter-match.js';
import { describeEvents, describeFacilities, describeObservations, listWords } from './describe-filter.js';

/**
 * What a condition is checked against. `events` may be a pre-filtered slice (the store fetches
 * only what a condition's filters could match); every filter is applied again here, so a wider
 * slice gives the same answer.
 */
export interface ConditionLedger {
  events: readonly LedgerEvent[];
  facilities: readonly Facility[];
  agreements: readonly Agreement[];
}

/** How many evidence items a part keeps; the count is always exact. */
const EVIDENCE_LIMIT = 12;

interface Context {
  asOf: string;
  ledger: ConditionLedger;
  facilities: ReadonlyMap<string, Facility>;
  /** Every observation with its site, oldest first: far fewer than sites in a large ledger. */
  observations: readonly SiteObservation[];
}

interface SiteObservation {
  facility: Facility;
  observation: Observation;
  index: number;
}

function siteObservations(facilities: readonly Facility[]): SiteObservation[] {
  const out: SiteObservation[] = [];
  for (const facility of facilities)
    for (const [index, observation] of facility.observations.entries()) out.push({ facility, observation, index });
  return out.sort((a, b) =>
    a.observation.date < b.observation.date ? -1 : a.observation.date > b.observation.date ? 1 : 0,
  );
}

/** Three-valued AND: unmet wins, then unknown. */
function allOf(verdicts: Verdict[]): Verdict {
  if (verdicts.includes('unmet')) return 'unmet';
  if (verdicts.includes('unknown')) return 'unknown';
  return 'met';
}

/** Three-valued OR: met wins, then unknown. */
function anyOf(verdicts: Verdict[]): Verdict {
  if (verdicts.includes('met')) return 'met';
  if (verdicts.includes('unknown')) return 'unknown';
  return 'unmet';
}

function negate(v: Verdict): Verdict {
  return v === 'met' ? 'unmet' : v === 'unmet' ? 'met' : 'unknown';
}

function eventEvidence(e: LedgerEvent): Evidence {
  return {
    kind: 'event',
    date: e.date,
    id: e.id,
    summary: e.summary,
    verification: e.verification,
    sources: e.sources,
  };
}

function evaluate(r: Requirement, ctx: Context): PartResult {
  return visitRequirement<PartResult>(r, {
    all: (x) => {
      const parts = x.all.map((p) => evaluate(p, ctx));
      const verdict = allOf(parts.map((p) => p.verdict));
      const missing = parts.filter((p) => p.verdict !== 'met' && p.missing).map((p) => p.missing!);
      return withMissing(
        { kind: 'all', label: x.label ?? 'all of these', verdict, evidence: [], parts },
        missing.join('; '),
      );
    },
    any: (x) => {
      const parts = x.any.map((p) => evaluate(p, ctx));
      const verdict = anyOf(parts.map((p) => p.verdict));
      const missing = verdict === 'met' ? '' : `one of: ${parts.map((p) => p.missing ?? p.label).join('; or ')}`;
      return withMissing({ kind: 'any', label: x.label ?? 'any of these', verdict, evidence: [], parts }, missing);
    },
    not: (x) => {
      const inner = evaluate(x.not, ctx);
      const verdict = negate(inner.verdict);
      return withMissing(
        { kind: 'not', label: x.label ?? `not: ${inner.label}`, verdict, evidence: inner.evidence, parts: [inner] },
        verdict === 'unmet' ? `this must stop holding: ${inner.label}` : '',
      );
    },
    event: (x) => evaluateEvents(x.event, false, x.label, ctx),
    noEvent: (x) => evaluateEvents(x.noEvent, true, x.label, ctx),
    facilities: (x) => evaluateFacilities(x.facilities, x.label, ctx),
    provision: (x) => evaluateProvision(x.provision, x.label, ctx),
    observed: (x) => evaluateObservations(x.observed, false, x.label, ctx),
    notObserved: (x) => evaluateObservations(x.notObserved, true, x.label, ctx),
  });
}

function evaluateEvents(filter: EventFilter, negated: boolean, label: string | undefined, ctx: Context): PartResult {
  const found = ctx.ledger.events.filter(eventMatcher(filter, ctx.asOf, ctx.facilities));
  const exists = found.length > 0;
  const verdict: Verdict = exists !== negated ? 'met' : 'unmet';
  const description = describeEvents(filter);
  const evidence = found.slice(-EVIDENCE_LIMIT).map(eventEvidence);
  let missing = '';
  if (verdict === 'unmet') {
    const last = found[found.length - 1];
    missing =
      negated && last
        ? `${found.length} ${found.length === 1 ? 'move' : 'moves'} of the kind ruled out (${description}), latest on ${last.date}: ${last.summary}`
        : `no ${description} yet`;
  }
  return withMissing(
    {
      kind: negated ? 'noEvent' : 'event',
      label: label ?? (negated ? `no ${description}` : description),
      verdict,
      evidence,
    },
    missing,
  );
}

function withMissing(part: PartResult, missing: string): PartResult {
  if (part.verdict !== 'met' && missing) part.missing = missing;
  return part;
}

function evaluateFacilities(spec: FacilitiesRequirement, label: string | undefined, ctx: Context): PartResult {
  // Facility conditions of the covering moves are judged by the `where` filter, not the move filter.
  const covers = eventMatcher(spec.coveredBy, ctx.asOf, ctx.facilities);
  const moves = ctx.ledger.events.filter((e) => e.facilities.length > 0 && covers(e));
  const coveredBy = new Map<string, LedgerEvent[]>();
  for (const e of moves) for (const id of e.facilities) (coveredBy.get(id) ?? coveredBy.set(id, []).get(id)!).push(e);
  const counted: Facility[] = [];
  const undecided: Facility[] = [];
  const excluded: { f: Facility; reason: string }[] = [];
  for (const [id] of coveredBy) {
    const f = ctx.facilities.get(id);
    if (!f) continue;
    const m = facilityMatches(f, spec.where, ctx.asOf);
    if (m.match === true) counted.push(f);
    else if (m.match === 'unknown') undecided.push(f);
    else excluded.push({ f, reason: m.reason ?? 'does not match' });
  }
  const have = counted.length;
  const need = spec.atLeast;
  const verdict: Verdict = have >= need ? 'met' : have + undecided.length >= need ? 'unknown' : 'unmet';
  const kinds = describeFacilities(spec.where);
  const evidence: Evidence[] = [];
  for (const f of [...counted, ...undecided, ...excluded.map((x) => x.f)]) {
    for (const e of coveredBy.get(f.id) ?? [])
      if (!evidence.some((x) => x.id === e.id)) evidence.push(eventEvidence(e));
  }
  let missing = `${have} of ${need} ${kinds} covered`;
  if (have > 0) missing += ` (${listWords(counted.map((f) => f.name))})`;
  if (undecided.length) missing += `; status unknown for ${listWords(undecided.map((f) => f.name))}`;
  if (excluded.length) {
    const byReason = new Map<string, string[]>();
    for (const x of excluded) (byReason.get(x.reason) ?? byReason.set(x.reason, []).get(x.reason)!).push(x.f.name);
    const said = [...byReason].map(
      ([reason, names]) => `${listWords(names)} (${names.length > 1 ? 'all ' : ''}${reason})`,
    );
    missing += `; ${have > 0 ? 'also covered but not counted' : 'covered but not counted'}: ${listWords(said)}`;
  } else if (moves.length === 0) {
    missing += `; no ${describeEvents(spec.coveredBy)} names any site`;
  }
  return withMissing(
    {
      kind: 'facilities',
      label: label ?? `${need} or more ${kinds} covered by ${describeEvents(spec.coveredBy)}`,
      verdict,
      evidence: evidence.slice(0, EVIDENCE_LIMIT),
      count: { have, need },
    },
    missing,
  );
}

function evaluateProvision(spec: ProvisionRequirement, label: string | undefined, ctx: Context): PartResult {
  const agreement = ctx.ledger.agreements.find((a) => a.id === spec.agreement);
  const provision = agreement?.provisions.find((p) => p.id === spec.provision);
  const name = provision ? `"${provision.text}" (${agreement!.name})` : `${spec.agreement}/${spec.provision}`;
  const base = { kind: 'provision' as const, label: label ?? `${name} at least ${levelName(spec.atLeast)}` };
  const status = provision ? provisionStatusOn(provision, ctx.asOf) : undefined;
  if (!status || status.level === 'na') {
    return withMissing(
      { ...base, verdict: 'unknown', evidence: [] },
      `no implementation status recorded for ${name} on ${ctx.asOf}`,
    );
  }
  const evidence: Evidence[] = [
    {
      kind: 'provision-status',
      date: status.date,
      id: `${spec.agreement}/${spec.provision}`,
      summary: `${levelName(status.level)}${status.note ? `: ${status.note}` : ''}`,
      sources: status.sources,
    },
  ];
  const verdict: Verdict = status.level >= spec.atLeast ? 'met' : 'unmet';
  return withMissing(
    { ...base, verdict, evidence },
    `${name} is ${levelName(status.level)} (${status.level}); needs ${levelName(spec.atLeast)} (${spec.atLeast})`,
  );
}

function evaluateObservations(
  filter: ObservationFilter,
  negated: boolean,
  label: string | undefined,
  ctx: Context,
): PartResult {
  const bounds = windowBounds(filter.window, ctx.asOf);
  const found: Evidence[] = [];
  for (const { facility: f, observation: o, index } of ctx.observations) {
    if (!inWindow(o.date, bounds)) continue;
    if (filter.findings && !filter.findings.includes(o.finding)) continue;
    if (filter.verification && verificationRank(o.verification) < verificationRank(filter.verification)) continue;
    if (filter.facilities && facilityMatches(f, filter.facilities, ctx.asOf).match !== true) continue;
    found.push({
      kind: 'observation',
      date: o.date,
      id: `${f.id}/${index}`,
      summary: `${f.name}: ${o.finding} seen by ${o.by}${o.note ? ` (${o.note})` : ''}`,
      verification: o.verification,
      sources: o.sources,
    });
  }
  const exists = found.length > 0;
  const verdict: Verdict = exists !== negated ? 'met' : 'unmet';
  const description = describeObservations(filter);
  let missing = '';
  if (verdict === 'unmet') {
    const last = found[found.length - 1];
    missing =
      negated && last
        ? `${found.length} ${found.length === 1 ? 'observation' : 'observations'} of ${description.replace(/^observations of /, '')}, latest on ${last.date}: ${last.summary}`
        : `no ${description} yet`;
  }
  return withMissing(
    {
      kind: negated ? 'notObserved' : 'observed',
      label: label ?? (negated ? `no ${description}` : description),
      verdict,
      evidence: found.slice(-EVIDENCE_LIMIT),
    },
    missing,
  );
}

/** Flattens the missing sentences of unmet and unknown leaves. */
function collectMissing(part: PartResult): string[] {
  if (part.verdict === 'met') return [];
  if (part.kind === 'all' && part.parts) return part.parts.flatMap(collectMissing);
  return part.missing ? [part.missing] : [];
}

/**
 * Sites by id and their observations, built once per list of facilities: a brief evaluates
 * several conditions over the same sites.
 */
const siteIndexes = new WeakMap<
  readonly Facility[],
  { byId: ReadonlyMap<string, Facility>; observations: readonly SiteObservation[] }
>();

function siteIndex(facilities: readonly Facility[]): {
  byId: ReadonlyMap<string, Facility>;
  observations: readonly SiteObservation[];
} {
  let index = siteIndexes.get(facilities);
  if (!index) {
    index = { byId: new Map(facilities.map((f) => [f.id, f])), observations: siteObservations(facilities) };
    siteIndexes.set(facilities, index);
  }
  return index;
}

/** Evaluates a condition on a date: verdict, evidence per part, what is missing, and gated moves taken while it was not met. */
export function evaluateCondition(condition: Condition, asOf: string, ledger: ConditionLedger): ConditionResult {
  const { byId, observations } = siteIndex(ledger.facilities);
  const ctx: Context = { asOf, ledger, facilities: byId, observations };
  const result = evaluate(condition.requires, ctx);
  return {
    id: condition.id,
    title: condition.title,
    ...(condition.question ? { question: condition.question } : {}),
    version: condition.version,
    asOf,
    verdict: result.verdict,
    missing: collectMissing(result),
    result,
    gatedMoves: gatedMoves(condition, ctx),
  };
}

/** Events a condition gates, up to a date. */
export function gatedEvents(condition: Condition, asOf: string, events: readonly LedgerEvent[]): LedgerEvent[] {
  return events.filter(
    (e) =>
      e.date <= asOf &&
      condition.gates.some(
        (g) =>
          (g.status ?? ['confirmed']).includes(e.status) &&
          codeMatches(g.codes, e.code) &&
          (g.from === undefined || e.date >= g.from) &&
          (g.to === undefined || e.date <= g.to) &&
          actorMatches(g.source, e.sourceCode, e.sourceActor, e.sourceTitle) &&
          actorMatches(g.target, e.targetCode, e.targetActor, e.targetTitle),
      ),
  );
}

function gatedMoves(condition: Condition, ctx: Context): GatedMove[] {
  const moves: GatedMove[] = [];
  for (const e of gatedEvents(condition, ctx.asOf, ctx.ledger.events)) {
    const then = evaluate(condition.requires, { ...ctx, asOf: e.date });
    if (then.verdict === 'met') continue;
    const move: GatedMove = {
      id: e.id,
      date: e.date,
      summary: e.summary,
      code: e.code,
      sourceCode: e.sourceCode,
      verdict: then.verdict,
      missing: collectMissing(then),
      beforeStated: condition.since !== undefined && e.date < condition.since,
    };
    if (e.targetCode) move.targetCode = e.targetCode;
    moves.push(move);
  }
  return moves;
}
