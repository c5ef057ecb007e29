import { roleProblems, type Actor } from '../model/actor.js';
import type { Agreement } from '../model/agreement.js';
import type { ValidationProblem } from '../model/errors.js';
import { describeNearest, eventCode } from '../cameo/event-codes.js';
import { checkConditionRefs } from './check-condition-refs.js';
import { checkIndicator } from './check-indicators.js';
import type { Entry, ListKind, ShapedCase } from './check-shapes.js';
import { sideOn } from './convert-case.js';
import { KnownIds } from './known-ids.js';

/** What the cross-reference step reads besides the checked entries: the actors and agreements as converted. */
export interface Converted {
  actors: ReadonlyMap<string, Actor>;
  agreements: ReadonlyMap<string, Agreement>;
}

const SINGULAR: Record<ListKind, string> = {
  actors: 'actor',
  events: 'event',
  agreements: 'agreement',
  facilities: 'facility',
  conditions: 'condition',
  indicators: 'indicator',
};

type Report = (entry: Entry<unknown>, path: (string | number)[], message: string) => void;

/**
 * The cross-reference step: ids used once, and every id, CAMEO code and role a file names
 * defined where it should be, each problem reported once with the entry's file and line.
 */
export function crossReference(shaped: ShapedCase, converted: Converted, problems: ValidationProblem[]): void {
  const report: Report = (entry, path, message) =>
    problems.push({ location: entry.file.locate([...entry.path, ...path]), message });
  const known = (kind: ListKind) =>
    new KnownIds(
      (shaped[kind] as Entry<{ id: string }>[]).map((e) => e.value.id),
      shaped.gaps[kind],
    );
  const refs = {
    actors: known('actors'),
    events: known('events'),
    facilities: known('facilities'),
    agreements: known('agreements'),
  };
  for (const [kind, what] of Object.entries(SINGULAR) as [ListKind, string][]) checkUnique(shaped[kind], what, report);
  checkActors(shaped, converted, report);
  checkEvents(shaped, converted, refs, report);
  checkAgreements(shaped, refs, report);
  for (const e of shaped.facilities)
    e.value.observations.forEach((o, i) => {
      if (o.event && refs.events.lacks(o.event))
        report(e, ['observations', i, 'event'], `unknown event "${o.event}"${refs.events.nearest(o.event)}`);
    });
  const indicatorRefs = {
    indicators: known('indicators'),
    indicatorKinds: new Map(shaped.indicators.map((e) => [e.value.id, e.value.kind])),
  };
  for (const e of shaped.conditions)
    checkConditionRefs(e.value, (path, message) => report(e, path, message), {
      ...refs,
      ...indicatorRefs,
      agreementById: converted.agreements,
      agreementsGap: shaped.gaps.agreements.wholeFile,
    });
  for (const e of shaped.indicators)
    checkIndicator(
      e,
      { ...refs, agreementById: converted.agreements, agreementsGap: shaped.gaps.agreements.wholeFile },
      (path, message) => report(e, path, message),
    );
  checkHeadline(shaped, problems);
}

function checkUnique(entries: readonly Entry<{ id: string }>[], what: string, report: Report): void {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.value.id)) report(e, ['id'], `${what} id "${e.value.id}" is used twice`);
    seen.add(e.value.id);
  }
}

function checkActors(shaped: ShapedCase, converted: Converted, report: Report): void {
  for (const e of shaped.actors) {
    const v = e.value;
    if (v.kind === 'person' && v.roles.length === 0 && !v.code)
      report(e, ['roles'], `person "${v.id}" needs at least one role (or a code)`);
    if (v.kind !== 'person' && !v.code) report(e, ['code'], `${v.kind} "${v.id}" needs a CAMEO code`);
    const actor = converted.actors.get(v.id);
    if (actor) for (const p of roleProblems(actor)) report(e, ['roles'], `${v.id}: ${p}`);
  }
}

function checkEvents(
  shaped: ShapedCase,
  converted: Converted,
  refs: { actors: KnownIds; facilities: KnownIds },
  report: Report,
): void {
  for (const e of shaped.events) {
    const v = e.value;
    if (!eventCode(v.code))
      report(e, ['code'], `unknown CAMEO event code "${v.code}"; nearest known: ${describeNearest(v.code)}`);
    if (v.end && v.end < v.date) report(e, ['end'], `end ${v.end} is before date ${v.date}`);
    if (v.codes?.target !== undefined && v.target === undefined)
      report(
        e,
        ['codes', 'target'],
        'a code for the target of an event that has none: give a target, or remove the code',
      );
    v.facilities.forEach((f, i) => {
      if (refs.facilities.lacks(f))
        report(e, ['facilities', i], `unknown facility "${f}"${refs.facilities.nearest(f)}`);
    });
    for (const side of ['source', 'target'] as const) {
      const id = v[side];
      if (id === undefined) continue;
      const actor = converted.actors.get(id);
      if (!actor) {
        if (refs.actors.lacks(id))
          report(e, [side], `unknown actor "${id}"; actors are defined in actors.yaml${refs.actors.nearest(id)}`);
      } else if (!sideOn(actor, v.date)) {
        const spans = actor.roles.map((r) => `${r.title} ${r.from ?? '…'} to ${r.to ?? '…'}`).join('; ');
        report(e, [side], `"${id}" holds no role on ${v.date} (roles: ${spans || 'none'})`);
      }
    }
  }
}

function checkAgreements(shaped: ShapedCase, refs: { actors: KnownIds; events: KnownIds }, report: Report): void {
  const actor = (e: Entry<unknown>, path: (string | number)[], id: string) => {
    if (refs.actors.lacks(id)) report(e, path, `unknown actor "${id}"${refs.actors.nearest(id)}`);
  };
  for (const e of shaped.agreements) {
    const v = e.value;
    for (const [i, p] of v.parties.entries()) actor(e, ['parties', i], p);
    const seen = new Set<string>();
    for (const [pi, p] of v.provisions.entries()) {
      if (seen.has(p.id)) report(e, ['provisions', pi, 'id'], `provision id "${p.id}" is used twice in ${v.id}`);
      seen.add(p.id);
      for (const [i, o] of p.owedBy.entries()) actor(e, ['provisions', pi, 'owedBy', i], o);
      for (const [si, s] of p.status.entries())
        for (const [i, ev] of s.events.entries())
          if (refs.events.lacks(ev))
            report(e, ['provisions', pi, 'status', si, 'events', i], `unknown event "${ev}"${refs.events.nearest(ev)}`);
    }
  }
}

function checkHeadline(shaped: ShapedCase, problems: ValidationProblem[]): void {
  const c = shaped.caseFile;
  const headline = c?.value.headlineCondition;
  if (!c || !headline || shaped.gaps.conditions.wholeFile || shaped.gaps.conditions.ids.has(headline)) return;
  if (!shaped.conditions.some((e) => e.value.id === headline))
    problems.push({
      location: c.file.locate(['headlineCondition']),
      message: `no condition "${headline}" in conditions.yaml`,
    });
}
