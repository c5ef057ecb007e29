import type { Agreement, ProvisionStatus } from './agreement.js';
import type { Commitment, LaterNote, LedgerEvent, Source } from './event.js';
import type { Facility, FacilityStatusEntry, Observation } from './facility.js';
import { describeFigure, describeReport, type Indicator, indicatorsAsKnown } from './indicator.js';
import type { IsoDate } from './iso-date.js';

/*
 * What was known when. Every fact has the date it happened and the date it became known: the
 * earliest publication date of its sources, never before the fact itself. A brief or a check
 * "as known on D" reads the record through `frameAsKnown` and `eventAsKnown`: facts known after
 * D are left out, parts of notes learned after D are cut, and sources published after D are not
 * cited. Hindsight reads it with a later date, or with `null` for everything on record.
 */

/** The last day whose knowledge is used; null for everything the record holds (full hindsight). */
export type KnownBy = IsoDate | null;

/** Anything dated that rests on sources. */
export interface KnowableFact {
  date: IsoDate;
  sources: readonly Source[];
  known?: IsoDate;
}

/**
 * The date a fact became known: the earliest of its sources' dates (a source without a date
 * counts as published on the fact's date) and of other evidence it rests on, but never before
 * the fact itself. With no source and no evidence, the fact's own date.
 */
export function knownFrom(date: IsoDate, sources: readonly Source[], evidence: readonly IsoDate[] = []): IsoDate {
  // Loops rather than spread arrays: this runs for every fact on every day a timeline works out.
  let earliest: IsoDate | undefined;
  for (const s of sources) {
    const d = s.date ?? date;
    if (earliest === undefined || d < earliest) earliest = d;
  }
  for (const d of evidence) if (earliest === undefined || d < earliest) earliest = d;
  return earliest === undefined || earliest < date ? date : earliest;
}

/** When a fact became known: its recorded `known` date, else worked out from its sources. */
export function knownOf(fact: KnowableFact): IsoDate {
  return fact.known ?? knownFrom(fact.date, fact.sources);
}

export function isKnownBy(date: IsoDate, knownBy: KnownBy): boolean {
  return knownBy === null || date <= knownBy;
}

/** A note or summary with the parts learned by a date appended, in order. */
export function textAsKnown(text: string, later: readonly LaterNote[] | undefined, knownBy: KnownBy): string {
  const parts = [text, ...(later ?? []).filter((p) => isKnownBy(p.known, knownBy)).map((p) => p.text)];
  return parts.filter((p) => p.length > 0).join(' ');
}

/** The sources published by a date (one with no date counts as published on the fact's date). */
export function sourcesAsKnown(sources: readonly Source[], factDate: IsoDate, knownBy: KnownBy): Source[] {
  return sources.filter((s) => isKnownBy(s.date ?? factDate, knownBy));
}

function allKnown(sources: readonly Source[], factDate: IsoDate, knownBy: KnownBy): boolean {
  return sources.every((s) => isKnownBy(s.date ?? factDate, knownBy));
}

/** The fields every dated fact shares, as known on a date: note resolved, later sources dropped. */
function noteFields<T extends { note?: string; later?: LaterNote[]; sources: Source[]; date: IsoDate }>(
  fact: T,
  knownBy: KnownBy,
): T {
  // Nothing to cut: the fact itself, unchanged (a timeline reads thousands of facts on each of hundreds of days).
  if (fact.later === undefined && fact.note !== '' && allKnown(fact.sources, fact.date, knownBy)) return fact;
  const { later, note, ...rest } = fact;
  const text = textAsKnown(note ?? '', later, knownBy);
  const out = { ...rest, sources: sourcesAsKnown(fact.sources, fact.date, knownBy) } as T;
  if (text) out.note = text;
  return out;
}

function commitmentAsKnown(c: Commitment, knownBy: KnownBy): Commitment {
  if (!c.changes) return c;
  const changes = c.changes.filter((ch) => isKnownBy(knownOf(ch), knownBy));
  const { changes: _all, ...rest } = c;
  return changes.length ? { ...rest, changes } : rest;
}

/** An event as known on a date, or undefined when it was not yet known. */
export function eventAsKnown(e: LedgerEvent, knownBy: KnownBy): LedgerEvent | undefined {
  if (!isKnownBy(knownOf(e), knownBy)) return undefined;
  if (!e.later && !e.commitment?.changes && allKnown(e.sources, e.date, knownBy)) return e;
  const { later, ...rest } = e;
  const out: LedgerEvent = {
    ...rest,
    summary: textAsKnown(e.summary, later, knownBy),
    sources: sourcesAsKnown(e.sources, e.date, knownBy),
  };
  if (e.commitment) out.commitment = commitmentAsKnown(e.commitment, knownBy);
  return out;
}

/** The same objects in the same order. */
function same(a: readonly object[], b: readonly object[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A facility as known on a date: its statuses and observations known by then. A site every fact
 * of which came out later is left out (it was not on the record yet); a site with no dated facts
 * at all stays.
 */
export function facilityAsKnown(f: Facility, knownBy: KnownBy): Facility | undefined {
  const statuses = f.statuses.filter((s) => isKnownBy(knownOf(s), knownBy)).map((s) => noteFields(s, knownBy));
  const observations = f.observations.filter((o) => isKnownBy(knownOf(o), knownBy)).map((o) => noteFields(o, knownBy));
  const hadFacts = f.statuses.length + f.observations.length > 0;
  if (hadFacts && statuses.length + observations.length === 0) return undefined;
  if (same(statuses, f.statuses) && same(observations, f.observations)) return f;
  return { ...f, statuses, observations };
}

/** An agreement as known on a date: the provision statuses known by then. */
export function agreementAsKnown(a: Agreement, knownBy: KnownBy): Agreement {
  return {
    ...a,
    sources: sourcesAsKnown(a.sources, a.date, knownBy),
    provisions: a.provisions.map((p) => ({
      ...p,
      statuses: p.statuses.filter((s) => isKnownBy(knownOf(s), knownBy)).map((s) => noteFields(s, knownBy)),
    })),
  };
}

/** The facilities and agreements of a case as known on a date. */
export function frameAsKnown<
  T extends { facilities: readonly Facility[]; agreements: readonly Agreement[]; indicators?: readonly Indicator[] },
>(frame: T, knownBy: KnownBy): T {
  if (knownBy === null) return frame;
  return {
    ...frame,
    facilities: frame.facilities.flatMap((f) => facilityAsKnown(f, knownBy) ?? []),
    agreements: frame.agreements.map((a) => agreementAsKnown(a, knownBy)),
    // A measurement is known from the day its report was issued.
    ...(frame.indicators ? { indicators: indicatorsAsKnown(frame.indicators, knownBy) } : {}),
  };
}

/** A fact dated on or before a date that became known only after it. */
export interface LateFact {
  kind: 'event' | 'facility-status' | 'observation' | 'provision-status' | 'commitment-change' | 'note' | 'measurement';
  /** Event id; facility id; `facility/seq` for an observation; `agreement/provision` for a status. */
  id: string;
  date: IsoDate;
  known: IsoDate;
  summary: string;
}

/** Whether a fact belongs in the list of what hindsight adds: dated by `asOf`, learned after it, by `knownBy`. */
function late(date: IsoDate, known: IsoDate, asOf: IsoDate, knownBy: KnownBy): boolean {
  return date <= asOf && known > asOf && isKnownBy(known, knownBy);
}

function laterNotes(
  id: string,
  date: IsoDate,
  later: readonly LaterNote[] | undefined,
  asOf: IsoDate,
  knownBy: KnownBy,
): LateFact[] {
  return (later ?? [])
    .filter((p) => late(date, p.known, asOf, knownBy))
    .map((p) => ({ kind: 'note', id, date, known: p.known, summary: p.text }));
}

/**
 * What a reading with later knowledge uses that was not yet known on `asOf`: facts dated by
 * then and learned after it (up to `knownBy`), and later parts of the notes of facts known by
 * then. Oldest fact first.
 */
export function lateFacts(
  record: {
    facilities: readonly Facility[];
    agreements: readonly Agreement[];
    events: readonly LedgerEvent[];
    indicators?: readonly Indicator[];
  },
  asOf: IsoDate,
  knownBy: KnownBy,
): LateFact[] {
  const out: LateFact[] = [];
  const fact = (kind: LateFact['kind'], id: string, f: KnowableFact, summary: string, later?: LaterNote[]) => {
    const known = knownOf(f);
    if (late(f.date, known, asOf, knownBy)) out.push({ kind, id, date: f.date, known, summary });
    else if (known <= asOf) out.push(...laterNotes(id, f.date, later, asOf, knownBy));
  };
  for (const e of record.events) {
    fact('event', e.id, e, textAsKnown(e.summary, e.later, knownBy), e.later);
    for (const ch of e.commitment?.changes ?? [])
      fact('commitment-change', e.id, ch, `${e.summary} Now ${ch.status}${ch.note ? `: ${ch.note}` : ''}.`);
  }
  for (const f of record.facilities) {
    for (const s of f.statuses) fact('facility-status', f.id, s, statusWords(f, s, knownBy), s.later);
    for (const [i, o] of f.observations.entries())
      fact('observation', `${f.id}/${i}`, o, observationWords(f, o, knownBy), o.later);
  }
  for (const a of record.agreements)
    for (const p of a.provisions)
      for (const s of p.statuses)
        fact('provision-status', `${a.id}/${p.id}`, s, provisionWords(a, p.text, s, knownBy), s.later);
  for (const i of record.indicators ?? [])
    for (const [n, m] of i.measurements.entries())
      fact('measurement', `${i.id}/${n}`, m, `${i.name}: ${describeFigure(m.figure, i.unit)} (${describeReport(m)})`);
  return out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.known < y.known ? -1 : 1));
}

function statusWords(f: Facility, s: FacilityStatusEntry, knownBy: KnownBy): string {
  const note = textAsKnown(s.note ?? '', s.later, knownBy);
  return `${f.name}: ${s.status}${note ? ` (${note})` : ''}`;
}

function observationWords(f: Facility, o: Observation, knownBy: KnownBy): string {
  const note = textAsKnown(o.note ?? '', o.later, knownBy);
  return `${f.name}: ${o.finding} seen by ${o.by}${note ? ` (${note})` : ''}`;
}

function provisionWords(a: Agreement, text: string, s: ProvisionStatus, knownBy: KnownBy): string {
  const note = textAsKnown(s.note ?? '', s.later, knownBy);
  return `${a.name}, "${text}": level ${s.level}${note ? ` (${note})` : ''}`;
}
