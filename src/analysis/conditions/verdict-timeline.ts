import {
  type Condition,
  type ConditionVerdict,
  type EventFilter,
  type Requirement,
  visitRequirement,
} from '../../model/condition.js';
import { describeFigure, describeReport } from '../../model/indicator.js';
import { addDays } from '../../model/iso-date.js';
import type { Source } from '../../model/event.js';
import { eventAsKnown, frameAsKnown, type KnownBy, knownOf } from '../../model/knowledge.js';
import type { GatedMove } from './condition-result.js';
import { type ConditionLedger, evaluateCondition, gatedEvents } from './evaluate-condition.js';
import { facilitiesReadBy } from './facilities-read-by.js';

/** A span of days over which a condition's verdict held. */
export interface VerdictInterval {
  from: string;
  /** Last day of the span, inclusive. */
  to: string;
  verdict: ConditionVerdict;
  /** What was missing over the span (from its first day). */
  missing: string[];
  /** Why the verdict changed on `from`: the dated facts of that day; absent for the first span. */
  cause?: string[];
  /** Gated moves made in the span while the condition was not met. */
  gatedMoves: GatedMove[];
}

export interface VerdictTimeline {
  conditionId: string;
  title: string;
  version: number;
  from: string;
  to: string;
  /** `as-known-each-day`: each day read as known on that day; else the knowledge every day is read with (null: everything on record). */
  knowledge: 'as-known-each-day' | KnownBy;
  intervals: VerdictInterval[];
  /** How many dates the verdict was worked out on: where its inputs change, not every day. */
  evaluatedOn: number;
}

/** Every `days` window a requirement uses: evidence leaves such a window that many days after its date. */
function windowDays(r: Requirement): number[] {
  const days = (w: { days?: number } | undefined) => (w?.days !== undefined ? [w.days] : []);
  return visitRequirement<number[]>(r, {
    all: (x) => x.all.flatMap(windowDays),
    any: (x) => x.any.flatMap(windowDays),
    not: (x) => windowDays(x.not),
    event: (x) => days(x.event.window),
    noEvent: (x) => days(x.noEvent.window),
    facilities: (x) => days(x.facilities.coveredBy.window),
    provision: () => [],
    observed: (x) => days(x.observed.window),
    notObserved: (x) => days(x.notObserved.window),
    indicator: (x) => days(x.indicator.window),
  });
}

/** The fixed `from` and `to` dates of a requirement's event windows: the verdict can change the day each starts or ends. */
function fixedBounds(r: Requirement): string[] {
  const bounds = (w: EventFilter['window']) =>
    [w?.from, w?.to ? addDays(w.to, 1) : undefined].filter((d): d is string => d !== undefined);
  return visitRequirement<string[]>(r, {
    all: (x) => x.all.flatMap(fixedBounds),
    any: (x) => x.any.flatMap(fixedBounds),
    not: (x) => fixedBounds(x.not),
    event: (x) => bounds(x.event.window),
    noEvent: (x) => bounds(x.noEvent.window),
    facilities: () => [],
    provision: () => [],
    observed: () => [],
    notObserved: () => [],
    indicator: () => [],
  });
}

/**
 * The facts that can move a verdict on a day, in plain words: those dated that day and, read as
 * known each day, those published that day about an earlier date.
 */
function factsOn(date: string, ledger: ConditionLedger, eachDay: boolean): string[] {
  const out: string[] = [];
  const add = (fact: { date: string; sources: readonly Source[]; known?: string }, words: string) => {
    const known = eachDay ? knownOf(fact) : fact.date;
    if (known === date && fact.date < date) out.push(`${words} (dated ${fact.date}, published ${date})`);
    else if (fact.date === date && known <= date) out.push(words);
  };
  for (const e of ledger.events) add(e, `event ${e.id}: ${e.summary}`);
  for (const f of ledger.facilities) {
    for (const s of f.statuses) add(s, `${f.name} became ${s.status}`);
    for (const o of f.observations) add(o, `${f.name}: ${o.finding} observed by ${o.by}`);
  }
  for (const a of ledger.agreements)
    for (const p of a.provisions) for (const s of p.statuses) add(s, `${a.id}/${p.id} set to level ${s.level}`);
  for (const i of ledger.indicators ?? [])
    for (const m of i.measurements) add(m, `${i.name}: ${describeFigure(m.figure, i.unit)} (${describeReport(m)})`);
  return out;
}

/** The days facts became known on: read as known each day, a verdict can change on them too. */
function knownDates(ledger: ConditionLedger): string[] {
  const out: string[] = [];
  for (const e of ledger.events) {
    out.push(knownOf(e), ...(e.later ?? []).map((p) => p.known));
    for (const ch of e.commitment?.changes ?? []) out.push(knownOf(ch));
  }
  for (const f of ledger.facilities) for (const x of [...f.statuses, ...f.observations]) out.push(knownOf(x));
  for (const a of ledger.agreements) for (const p of a.provisions) for (const s of p.statuses) out.push(knownOf(s));
  for (const i of ledger.indicators ?? []) for (const m of i.measurements) out.push(m.known);
  return out;
}

/** The ledger as known by a date: facts learned later left out, later parts of notes cut. */
export function ledgerAsKnown(ledger: ConditionLedger, knownBy: KnownBy): ConditionLedger {
  if (knownBy === null) return ledger;
  const events = ledger.events.flatMap((e) => eventAsKnown(e, knownBy) ?? []);
  const frame = { facilities: ledger.facilities, agreements: ledger.agreements };
  return { events, ...frameAsKnown(ledger.indicators ? { ...frame, indicators: ledger.indicators } : frame, knownBy) };
}

/**
 * The dates on which a verdict can change between `from` and `to`: the dates of the events,
 * statuses and observations it reads, the days evidence leaves a rolling window, and the bounds
 * of fixed windows. Between two of them nothing it reads changes, so neither can the verdict.
 */
export function changeDates(condition: Condition, ledger: ConditionLedger, from: string, to: string): string[] {
  const base = new Set<string>(fixedBounds(condition.requires));
  for (const e of ledger.events) base.add(e.date);
  for (const f of ledger.facilities) {
    for (const s of f.statuses) base.add(s.date);
    for (const o of f.observations) base.add(o.date);
  }
  for (const a of ledger.agreements) for (const p of a.provisions) for (const s of p.statuses) base.add(s.date);
  for (const i of ledger.indicators ?? []) for (const m of i.measurements) base.add(m.date);
  for (const d of knownDates(ledger)) base.add(d);
  if (condition.since) base.add(condition.since);
  const days = [...new Set(windowDays(condition.requires))];
  const out = new Set<string>();
  for (const d of base) {
    out.add(d);
    for (const n of days) out.add(addDays(d, n));
  }
  return [...out].filter((d) => d > from && d <= to).sort();
}

/**
 * Gated moves between `from` and `to`, each judged as known on the day it was made: a move made
 * while the condition was met on what had been published by then is not gated, whatever came
 * out later. The moves of one day are judged together, on that day's ledger.
 */
function gatedAsKnownThen(condition: Condition, ledger: ConditionLedger, from: string, to: string): GatedMove[] {
  const days = new Set(gatedEvents(condition, to, ledger.events).flatMap((e) => (e.date >= from ? [e.date] : [])));
  const out: GatedMove[] = [];
  for (const day of [...days].sort())
    out.push(...evaluateCondition(condition, day, ledgerAsKnown(ledger, day), { movesFrom: day }).gatedMoves);
  return out;
}

/**
 * A condition's verdict over time, as intervals, each with the cause of its change and its gated
 * moves. By default each day is read as known on that day, as a brief of that day would read it;
 * `knownBy` reads every day with the same later knowledge (null: everything on record). `ledger`
 * must hold everything known by `knownBy` (by default, everything on record).
 */
export function verdictTimeline(
  condition: Condition,
  ledger: ConditionLedger,
  from: string,
  to: string,
  knownBy?: KnownBy,
): VerdictTimeline {
  // Only the sites the condition can read: their dates are the only facility dates that can move it.
  ledger = { ...ledger, facilities: facilitiesReadBy(condition, ledger) };
  const dates = [from, ...changeDates(condition, ledger, from, to)];
  const intervals: VerdictInterval[] = [];
  const fixed = knownBy === undefined ? undefined : ledgerAsKnown(ledger, knownBy);
  for (const date of dates) {
    const r = evaluateCondition({ ...condition, gates: [] }, date, fixed ?? ledgerAsKnown(ledger, date));
    const last = intervals.at(-1);
    if (last && last.verdict === r.verdict) continue;
    if (last) last.to = addDays(date, -1);
    intervals.push({
      from: date,
      to,
      verdict: r.verdict,
      missing: r.missing,
      ...(last ? { cause: factsOn(date, ledger, fixed === undefined) } : {}),
      gatedMoves: [],
    });
  }
  const gated = (
    fixed
      ? evaluateCondition(condition, to, fixed, { movesFrom: from }).gatedMoves
      : gatedAsKnownThen(condition, ledger, from, to)
  ).filter((m) => m.date >= from);
  for (const m of gated) intervals.find((i) => m.date >= i.from && m.date <= i.to)?.gatedMoves.push(m);
  return {
    conditionId: condition.id,
    title: condition.title,
    version: condition.version,
    from,
    to,
    knowledge: knownBy === undefined ? 'as-known-each-day' : knownBy,
    intervals,
    evaluatedOn: dates.length,
  };
}
