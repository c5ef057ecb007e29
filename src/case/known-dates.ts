import type { Agreement, ProvisionStatus } from '../model/agreement.js';
import type { CaseData } from '../model/case.js';
import type { LaterNote, LedgerEvent, Source } from '../model/event.js';
import type { ValidationProblem } from '../model/errors.js';
import { knownFrom, knownOf } from '../model/knowledge.js';
import type { Entry, ShapedCase } from './check-shapes.js';

/*
 * When each fact of a case folder became known. A fact's `date` is when it happened (a status
 * began, imagery was taken, a level was reached); it became known when its sources were
 * published. An event's source with no date is taken as published on the event's day, as most
 * moves are reported the day they are made. A site status, an observation, a provision status
 * and a change of a commitment's status are rarely published the day they are dated, so each of
 * their sources must give its date, unless the fact says when it became known (`known`).
 */

type Path = (string | number)[];

/** A problem in one entry of a case file: the path inside the entry, and what is wrong. */
export interface EntryProblem {
  path: Path;
  message: string;
}

interface DatedFact {
  date: string;
  sources?: readonly Source[];
  known?: string | undefined;
  later?: readonly LaterNote[] | undefined;
}

const WHY_DATED: Record<'status' | 'observation' | 'provision status' | 'change', string> = {
  status: 'a site status is dated when it began, not when it was reported',
  observation: 'an observation is dated when the imagery or visit was made, not when it was published',
  'provision status': 'a provision status is dated when the level was reached, not when it was reported',
  change: "a commitment's change of status is dated when it changed, not when it was reported",
};

/** Problems with the dates a fact became known: undated sources where a date is needed, `known` or later parts too early. */
function factProblems(fact: DatedFact, kind: keyof typeof WHY_DATED | 'event', base: Path): EntryProblem[] {
  const out: EntryProblem[] = [];
  if (kind !== 'event' && fact.known === undefined) {
    for (const [i, s] of (fact.sources ?? []).entries()) {
      if (s.date === undefined)
        out.push({
          path: [...base, 'sources', i, 'date'],
          message: `missing: the date ${s.publisher} published this; ${WHY_DATED[kind]}, so its sources need their own dates (or give the fact a known: date)`,
        });
    }
  }
  if (fact.known !== undefined && fact.known < fact.date)
    out.push({ path: [...base, 'known'], message: `known ${fact.known} is before the fact itself (${fact.date})` });
  const factKnown =
    fact.known !== undefined && fact.known >= fact.date ? fact.known : knownFrom(fact.date, fact.sources ?? []);
  for (const [i, part] of (fact.later ?? []).entries()) {
    if (part.known < factKnown)
      out.push({
        path: [...base, 'later', i, 'known'],
        message: `a later part known on ${part.known} is dated before the fact became known (${factKnown}); put it in the note itself`,
      });
  }
  return out;
}

/** The date problems of every event, site and agreement of a checked case folder, with file, line and field. */
export function checkKnownDates(shaped: ShapedCase, problems: ValidationProblem[]): void {
  const report = (e: Entry<unknown>, found: EntryProblem[]) => {
    for (const p of found) problems.push({ location: e.file.locate([...e.path, ...p.path]), message: p.message });
  };
  for (const e of shaped.events) report(e, eventDateProblems(e.value));
  for (const e of shaped.facilities) report(e, facilityDateProblems(e.value));
  for (const e of shaped.agreements) report(e, agreementDateProblems(e.value));
}

/** Date problems of one events.yaml entry. */
export function eventDateProblems(
  v: DatedFact & { commitment?: { changes?: DatedFact[] | undefined } | undefined },
): EntryProblem[] {
  return [
    ...factProblems(v, 'event', []),
    ...(v.commitment?.changes ?? []).flatMap((ch, i) => factProblems(ch, 'change', ['commitment', 'changes', i])),
  ];
}

/** Date problems of one facilities.yaml entry. */
export function facilityDateProblems(v: { status: DatedFact[]; observations: DatedFact[] }): EntryProblem[] {
  return [
    ...v.status.flatMap((st, i) => factProblems(st, 'status', ['status', i])),
    ...v.observations.flatMap((o, i) => factProblems(o, 'observation', ['observations', i])),
  ];
}

/** Date problems of one agreements.yaml entry. */
export function agreementDateProblems(v: { provisions: { status: DatedFact[] }[] }): EntryProblem[] {
  return v.provisions.flatMap((p, pi) =>
    p.status.flatMap((st, si) => factProblems(st, 'provision status', ['provisions', pi, 'status', si])),
  );
}

/**
 * Sets when each provision status became known, where its sources alone do not say: from the
 * events it cites (the earliest of them known), else from its agreement's own sources. `known` is
 * kept on a fact only where its sources would not give it, so a case read from its files and the
 * same case read back from the store compare equal.
 */
export function settleKnownDates(data: CaseData): void {
  const eventKnown = eventKnownDates(data.events);
  for (const e of data.events) keepOnlyIfNeeded(e);
  for (const f of data.facilities) for (const x of [...f.statuses, ...f.observations]) keepOnlyIfNeeded(x);
  for (const a of data.agreements)
    for (const p of a.provisions)
      for (const s of p.statuses) {
        s.known ??= provisionStatusKnown(a, s, eventKnown);
        keepOnlyIfNeeded(s);
      }
}

/** When each event became known, by id. */
export function eventKnownDates(events: readonly LedgerEvent[]): ReadonlyMap<string, string> {
  return new Map(events.map((e) => [e.id, knownOf(e)]));
}

/**
 * When a provision status became known from its sources and the events it cites (the earliest of
 * them), else from its agreement's own sources when it has neither.
 */
export function provisionStatusKnown(
  a: Agreement,
  s: Pick<ProvisionStatus, 'date' | 'sources' | 'events'>,
  eventKnown: ReadonlyMap<string, string>,
): string {
  const cited = s.events.flatMap((id) => eventKnown.get(id) ?? []);
  const evidence = cited.length ? cited : s.sources.length ? [] : [knownFrom(a.date, a.sources)];
  return knownFrom(s.date, s.sources, evidence);
}

function keepOnlyIfNeeded(fact: { date: string; sources: readonly Source[]; known?: string } | LedgerEvent): void {
  if (fact.known !== undefined && fact.known === knownFrom(fact.date, fact.sources)) delete fact.known;
}
