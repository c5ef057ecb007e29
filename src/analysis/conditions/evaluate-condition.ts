import { levelName, provisionStatusOn } from '../../model/agreement.js';
import {
  type Condition,
  type EventFilter,
  type ObservationFilter,
  type ProvisionRequirement,
  type Requirement,
  type Verdict,
  visitRequirement,
} from '../../model/condition.js';
import { verificationRank, type LedgerEvent } from '../../model/event.js';
import type { Facility } from '../../model/facility.js';
import type { ConditionResult, Evidence, GatedMove, PartResult } from './condition-result.js';
import { actorMatches, codeMatches, eventMatcher, inWindow, windowBounds } from './event-filter-match.js';
import { facilityMatches } from './facility-filter-match.js';
import { evaluateIndicator } from './indicator-leaf.js';
import type { Indicator } from '../../model/indicator.js';
import { evaluateFacilities } from './evaluate-facilities.js';
import {
  type ConditionLedger,
  type Context,
  EVIDENCE_LIMIT,
  eventEvidence,
  type SiteObservation,
  siteObservations,
  withMissing,
} from './evaluation-context.js';

export type { ConditionLedger } from './evaluation-context.js';
import { describeEvents, describeObservations, gateNoun } from './describe-filter.js';

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
    indicator: (x) => evaluateIndicator(x.indicator, x.label, ctx.asOf, ctx.indicators),
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
const indicatorIndexes = new WeakMap<readonly Indicator[], ReadonlyMap<string, Indicator>>();
const NO_INDICATORS: ReadonlyMap<string, Indicator> = new Map();

/** Indicators by id, built once per list: a brief evaluates several conditions over the same ones. */
function indicatorIndex(indicators: readonly Indicator[] | undefined): ReadonlyMap<string, Indicator> {
  if (!indicators) return NO_INDICATORS;
  let index = indicatorIndexes.get(indicators);
  if (!index) {
    index = new Map(indicators.map((i) => [i.id, i]));
    indicatorIndexes.set(indicators, index);
  }
  return index;
}

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

/**
 * Evaluates a condition on a date: verdict, evidence per part, what is missing, the gated moves
 * made while it was stated and not met, and the moves of the same kind made before it was
 * stated. Before it was stated (`since`) its verdict is `not-stated`, whatever the record says.
 * `movesFrom` leaves out the gated moves (and those before it was stated) made before that date.
 */
export function evaluateCondition(
  condition: Condition,
  asOf: string,
  ledger: ConditionLedger,
  options: { movesFrom?: string } = {},
): ConditionResult {
  const { byId, observations } = siteIndex(ledger.facilities);
  const ctx: Context = { asOf, ledger, facilities: byId, observations, indicators: indicatorIndex(ledger.indicators) };
  const result = evaluate(condition.requires, ctx);
  const stated = condition.since ?? null;
  const notYet = stated !== null && asOf < stated;
  const { gated, before } = gatedMoves(condition, ctx, result, options.movesFrom);
  return {
    id: condition.id,
    title: condition.title,
    ...(condition.question ? { question: condition.question } : {}),
    version: condition.version,
    asOf,
    verdict: notYet ? 'not-stated' : result.verdict,
    stated,
    sources: condition.sources,
    missing: notYet ? [] : collectMissing(result),
    result,
    gatedMoves: gated,
    movesBeforeStated: before,
    gatedNoun: gateNoun(condition.gates),
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

function gatedMoves(
  condition: Condition,
  ctx: Context,
  onTheDay: PartResult,
  movesFrom: string | undefined,
): { gated: GatedMove[]; before: GatedMove[] } {
  const gated: GatedMove[] = [];
  const before: GatedMove[] = [];
  // The verdict on each day a gated move was made, worked out once a day: a large ledger holds
  // hundreds of moves of one kind, many on the same day, and each verdict reads every site.
  const verdictOn = new Map<string, PartResult>([[ctx.asOf, onTheDay]]);
  for (const e of gatedEvents(condition, ctx.asOf, ctx.ledger.events)) {
    if (movesFrom !== undefined && e.date < movesFrom) continue;
    const move: GatedMove = {
      id: e.id,
      date: e.date,
      summary: e.summary,
      code: e.code,
      sourceCode: e.sourceCode,
      verdict: 'not-stated',
      missing: [],
      beforeStated: condition.since !== undefined && e.date < condition.since,
    };
    if (e.targetCode) move.targetCode = e.targetCode;
    if (move.beforeStated) {
      before.push(move);
      continue;
    }
    const then = verdictOn.get(e.date) ?? evaluate(condition.requires, { ...ctx, asOf: e.date });
    verdictOn.set(e.date, then);
    if (then.verdict === 'met') continue;
    gated.push({ ...move, verdict: then.verdict, missing: collectMissing(then) });
  }
  return { gated, before };
}
