import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { actorCodeOn, roleOn, roleProblems, type Actor, type ActorRole } from '../model/actor.js';
import type { Agreement } from '../model/agreement.js';
import type { CaseData, CaseInfo, CaseSettings } from '../model/case.js';
import { type Condition, type EventFilter, type Requirement, visitRequirement } from '../model/condition.js';
import { ValidationError, type ValidationProblem } from '../model/errors.js';
import type { LedgerEvent, Source } from '../model/event.js';
import type { Facility, Observation } from '../model/facility.js';
import { describeNearest, editDistance, eventCode, eventCodes } from '../cameo/event-codes.js';
import {
  actorSchema,
  agreementSchema,
  caseFileSchema,
  CASE_FILES,
  conditionSchema,
  eventSchema,
  facilitySchema,
} from './case-schema.js';
import { parseYamlFile, type YamlFile, type YamlPath } from './yaml-file.js';

export interface CaseFolder {
  data: CaseData;
  /** Hash of every file's bytes; equal hashes mean nothing changed. */
  hash: string;
  dir: string;
}

const MAX_PROBLEMS = 50;

/**
 * Reads and validates a case folder: every file's shape, then every cross-reference (actors,
 * facilities, events, agreements, CAMEO codes, roles held on the dates used). Throws one
 * ValidationError listing every problem with file, line and field; returns nothing partial.
 */
export function readCaseFolder(dir: string): CaseFolder {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ValidationError([{ message: `case folder ${dir} does not exist or is not a folder` }]);
  }
  const problems: ValidationProblem[] = [];
  const hash = createHash('sha256');
  const files = new Map<string, YamlFile>();
  for (const name of Object.keys(CASE_FILES)) {
    const path = join(dir, name);
    if (!existsSync(path)) {
      if (name === 'case.yaml')
        problems.push({ location: { file: path }, message: 'missing: every case folder needs a case.yaml' });
      continue;
    }
    const text = readFileSync(path, 'utf8');
    hash.update(name).update('\0').update(text).update('\0');
    const parsed = parseYamlFile(text, path);
    problems.push(...parsed.problems);
    if (parsed.yaml) files.set(name, parsed.yaml);
  }
  if (problems.length) throw new ValidationError(problems.slice(0, MAX_PROBLEMS));

  const caseFile = files.get('case.yaml')!;
  const caseInput = checkShape(caseFile, caseFileSchema, [], problems);
  const list = <S extends z.ZodType>(
    name: keyof typeof CASE_FILES,
    schema: S,
  ): { value: z.infer<S>; path: YamlPath; file: YamlFile }[] => {
    const file = files.get(name);
    if (!file || file.data === null || file.data === undefined) return [];
    if (!Array.isArray(file.data)) {
      problems.push({ location: file.locate([]), message: `expected a list of entries (each starting with "- ")` });
      return [];
    }
    const out: { value: z.infer<S>; path: YamlPath; file: YamlFile }[] = [];
    file.data.forEach((_, i) => {
      const value = checkShape(file, schema, [i], problems);
      if (value !== undefined) out.push({ value, path: [i], file });
    });
    return out;
  };
  const actorsIn = list('actors.yaml', actorSchema);
  const eventsIn = list('events.yaml', eventSchema);
  const agreementsIn = list('agreements.yaml', agreementSchema);
  const facilitiesIn = list('facilities.yaml', facilitySchema);
  const conditionsIn = list('conditions.yaml', conditionSchema);
  if (problems.length || !caseInput) throw new ValidationError(problems.slice(0, MAX_PROBLEMS));

  const caseId = caseInput.id;
  const at = (e: { file: YamlFile; path: YamlPath }, ...rest: (string | number)[]) =>
    e.file.locate([...e.path, ...rest]);
  const unique = <T extends { value: { id: string } }>(
    entries: (T & { file: YamlFile; path: YamlPath })[],
    what: string,
  ) => {
    const seen = new Map<string, T>();
    for (const e of entries) {
      if (seen.has(e.value.id))
        problems.push({ location: at(e, 'id'), message: `${what} id "${e.value.id}" is used twice` });
      seen.set(e.value.id, e);
    }
  };
  unique(actorsIn, 'actor');
  unique(eventsIn, 'event');
  unique(agreementsIn, 'agreement');
  unique(facilitiesIn, 'facility');
  unique(conditionsIn, 'condition');

  const actors: Actor[] = actorsIn.map((e) => {
    const v = e.value;
    const roles: ActorRole[] = v.roles.map((r) =>
      stripUndefined({ code: r.code, title: r.title, from: r.from, to: r.to, source: r.source }),
    );
    const actor: Actor = stripUndefined({
      id: v.id,
      kind: v.kind,
      name: v.name,
      aliases: v.aliases,
      code: v.code,
      roles,
      source: v.source,
      notes: v.notes,
    });
    if (v.kind === 'person' && roles.length === 0 && !v.code) {
      problems.push({ location: at(e, 'roles'), message: `person "${v.id}" needs at least one role (or a code)` });
    }
    if (v.kind !== 'person' && !v.code)
      problems.push({ location: at(e, 'code'), message: `${v.kind} "${v.id}" needs a CAMEO code` });
    for (const p of roleProblems(actor)) problems.push({ location: at(e, 'roles'), message: `${v.id}: ${p}` });
    return actor;
  });
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const facilityIds = new Set(facilitiesIn.map((f) => f.value.id));
  const eventIds = new Set(eventsIn.map((e) => e.value.id));

  const actorAt = (
    e: { file: YamlFile; path: YamlPath },
    field: string,
    id: string,
    date: string,
  ): { code: string; title?: string } | undefined => {
    const actor = actorById.get(id);
    if (!actor) {
      problems.push({
        location: at(e, field),
        message: `unknown actor "${id}"; actors are defined in actors.yaml${nearestIds(id, actorById.keys())}`,
      });
      return undefined;
    }
    const code = actorCodeOn(actor, date);
    if (!code) {
      const spans = actor.roles.map((r) => `${r.title} ${r.from ?? '…'} to ${r.to ?? '…'}`).join('; ');
      problems.push({
        location: at(e, field),
        message: `"${id}" holds no role on ${date} (roles: ${spans || 'none'})`,
      });
      return undefined;
    }
    const title = actor.kind === 'person' ? roleOn(actor, date)?.title : undefined;
    return title ? { code, title } : { code };
  };

  const events: LedgerEvent[] = [];
  for (const e of eventsIn) {
    const v = e.value;
    const info = eventCode(v.code);
    if (!info)
      problems.push({
        location: at(e, 'code'),
        message: `unknown CAMEO event code "${v.code}"; nearest known: ${describeNearest(v.code)}`,
      });
    if (v.end && v.end < v.date)
      problems.push({ location: at(e, 'end'), message: `end ${v.end} is before date ${v.date}` });
    for (const [i, f] of v.facilities.entries()) {
      if (!facilityIds.has(f))
        problems.push({
          location: at(e, 'facilities', i),
          message: `unknown facility "${f}"${nearestIds(f, facilityIds)}`,
        });
    }
    const src = actorAt(e, 'source', v.source, v.date);
    const tgt = v.target ? actorAt(e, 'target', v.target, v.date) : undefined;
    if (!info || !src || (v.target && !tgt)) continue;
    events.push(
      stripUndefined({
        id: v.id,
        caseId,
        date: v.date,
        endDate: v.end,
        sourceActor: v.source,
        targetActor: v.target,
        sourceCode: src.code,
        targetCode: tgt?.code,
        sourceTitle: src.title,
        targetTitle: tgt?.title,
        code: v.code,
        goldstein: v.goldstein?.value ?? info.goldstein,
        quadClass: info.quadClass,
        goldsteinReason: v.goldstein?.reason,
        summary: v.summary,
        facilities: [...v.facilities].sort(),
        sources: v.sources.map(toSource),
        provenance: v.provenance,
        status: v.status,
        verification: v.verification,
        confidence: v.confidence,
        notes: v.notes,
      }),
    );
  }

  const agreements: Agreement[] = agreementsIn.map((e) => {
    const v = e.value;
    v.parties.forEach((p, i) => {
      if (!actorById.has(p))
        problems.push({
          location: at(e, 'parties', i),
          message: `unknown actor "${p}"${nearestIds(p, actorById.keys())}`,
        });
    });
    const seen = new Set<string>();
    return {
      id: v.id,
      caseId,
      name: v.name,
      date: v.date,
      parties: v.parties,
      sources: v.sources.map(toSource),
      provisions: v.provisions.map((p, pi) => {
        if (seen.has(p.id))
          problems.push({
            location: at(e, 'provisions', pi, 'id'),
            message: `provision id "${p.id}" is used twice in ${v.id}`,
          });
        seen.add(p.id);
        p.owedBy.forEach((o, i) => {
          if (!actorById.has(o))
            problems.push({
              location: at(e, 'provisions', pi, 'owedBy', i),
              message: `unknown actor "${o}"${nearestIds(o, actorById.keys())}`,
            });
        });
        for (const [si, s] of p.status.entries()) {
          for (const [i, ev] of s.events.entries()) {
            if (!eventIds.has(ev)) {
              problems.push({
                location: at(e, 'provisions', pi, 'status', si, 'events', i),
                message: `unknown event "${ev}"${nearestIds(ev, eventIds)}`,
              });
            }
          }
        }
        return {
          id: p.id,
          text: p.text,
          theme: p.theme,
          owedBy: p.owedBy,
          statuses: p.status.map((s) =>
            stripUndefined({
              date: s.date,
              level: s.level,
              events: s.events,
              sources: s.sources.map(toSource),
              note: s.note,
            }),
          ),
        };
      }),
    };
  });

  const facilities: Facility[] = facilitiesIn.map((e) => {
    const v = e.value;
    v.observations.forEach((o, i) => {
      if (o.event && !eventIds.has(o.event))
        problems.push({
          location: at(e, 'observations', i, 'event'),
          message: `unknown event "${o.event}"${nearestIds(o.event, eventIds)}`,
        });
    });
    return stripUndefined({
      id: v.id,
      caseId,
      name: v.name,
      type: v.type,
      tags: v.tags,
      location: v.location,
      country: v.country,
      key: v.key,
      declared: v.declared,
      statuses: v.status.map((s) =>
        stripUndefined({
          date: s.date,
          status: s.status,
          sources: s.sources.map(toSource),
          note: s.note,
        }),
      ),
      observations: v.observations.map((o) =>
        stripUndefined<Observation>({
          date: o.date,
          by: o.by,
          verification: o.verification,
          finding: o.finding,
          event: o.event,
          sources: o.sources.map(toSource),
          note: o.note,
        }),
      ),
      notes: v.notes,
    });
  });

  const agreementById = new Map(agreements.map((a) => [a.id, a]));
  const conditions: Condition[] = conditionsIn.map((e) => {
    const v = e.value;
    const cond: Condition = stripUndefined({
      id: v.id,
      caseId,
      title: v.title,
      question: v.question,
      version: v.version,
      since: v.since,
      description: v.description,
      sources: v.sources.map(toSource),
      gates: v.gates.map((g) => stripUndefined({ ...g })),
      requires: v.requires,
    });
    checkConditionRefs(cond, (path, message) => problems.push({ location: at(e, ...path), message }), {
      actors: new Set(actorById.keys()),
      facilities: facilityIds,
      agreements: agreementById,
    });
    return cond;
  });

  const settings: CaseSettings = stripUndefined({
    parties: caseInput.parties,
    reciprocitySince: caseInput.reciprocitySince,
    headlineCondition: caseInput.headlineCondition,
    defaultAsOf: caseInput.defaultAsOf,
    period: caseInput.period,
    responseDays: caseInput.responseDays,
  });
  if (settings.headlineCondition && !conditions.some((c) => c.id === settings.headlineCondition)) {
    problems.push({
      location: caseFile.locate(['headlineCondition']),
      message: `no condition "${settings.headlineCondition}" in conditions.yaml`,
    });
  }
  if (problems.length) throw new ValidationError(problems.slice(0, MAX_PROBLEMS));

  const info: CaseInfo = stripUndefined({
    id: caseId,
    title: caseInput.title,
    description: caseInput.description,
    settings,
  });
  return { data: { info, actors, events, agreements, facilities, conditions }, hash: hash.digest('hex'), dir };
}

function checkShape<S extends z.ZodType>(
  file: YamlFile,
  schema: S,
  base: YamlPath,
  problems: ValidationProblem[],
): z.infer<S> | undefined {
  const result = schema.safeParse(valueAt(file.data, base));
  if (result.success) return result.data;
  for (const issue of result.error.issues.slice(0, 10)) {
    const path = [...base, ...(issue.path as (string | number)[])];
    problems.push({ location: file.locate(path), message: describeIssue(issue, valueAt(file.data, path)) });
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  const message = issue.message.replace(/^Invalid input: /, '');
  if (issue.code === 'invalid_type' && value === undefined) return `missing: ${message}`;
  if (value !== undefined && (typeof value !== 'object' || value === null))
    return `${message} (found ${JSON.stringify(value)})`;
  return message;
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let value = data;
  for (const p of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[p];
  }
  return value;
}

interface RefSets {
  actors: Set<string>;
  facilities: Set<string>;
  agreements: Map<string, Agreement>;
}

/** Checks every id and code a condition names, reporting the path inside the condition. */
function checkConditionRefs(
  c: Condition,
  report: (path: (string | number)[], message: string) => void,
  refs: RefSets,
): void {
  const checkCodes = (codes: string[] | undefined, path: (string | number)[]) =>
    codes?.forEach((code, i) => {
      if (![...eventCodes().keys()].some((k) => k.startsWith(code))) {
        report([...path, i], `no CAMEO event code starts with "${code}"; nearest known: ${describeNearest(code)}`);
      }
    });
  const checkActor = (f: { actor?: string } | undefined, path: (string | number)[]) => {
    if (f?.actor && !refs.actors.has(f.actor))
      report([...path, 'actor'], `unknown actor "${f.actor}"${nearestIds(f.actor, refs.actors)}`);
  };
  const checkFacilityFilter = (f: { ids?: string[] } | undefined, path: (string | number)[]) =>
    f?.ids?.forEach((id, i) => {
      if (!refs.facilities.has(id))
        report([...path, 'ids', i], `unknown facility "${id}"${nearestIds(id, refs.facilities)}`);
    });
  c.gates.forEach((g, i) => {
    checkCodes(g.codes, ['gates', i, 'codes']);
    checkActor(g.source, ['gates', i, 'source']);
    checkActor(g.target, ['gates', i, 'target']);
  });
  const checkEvents = (f: EventFilter, path: (string | number)[]) => {
    checkCodes(f.codes, [...path, 'codes']);
    checkActor(f.source, [...path, 'source']);
    checkActor(f.target, [...path, 'target']);
    checkFacilityFilter(f.facilities, [...path, 'facilities']);
  };
  const walk = (r: Requirement, path: (string | number)[]): void =>
    visitRequirement(r, {
      all: (x) => {
        for (const [i, p] of x.all.entries()) walk(p, [...path, 'all', i]);
      },
      any: (x) => {
        for (const [i, p] of x.any.entries()) walk(p, [...path, 'any', i]);
      },
      not: (x) => walk(x.not, [...path, 'not']),
      event: (x) => checkEvents(x.event, [...path, 'event']),
      noEvent: (x) => checkEvents(x.noEvent, [...path, 'noEvent']),
      facilities: (x) => {
        checkFacilityFilter(x.facilities.where, [...path, 'facilities', 'where']);
        checkEvents(x.facilities.coveredBy, [...path, 'facilities', 'coveredBy']);
      },
      provision: (x) => {
        const ag = refs.agreements.get(x.provision.agreement);
        if (!ag)
          report(
            [...path, 'provision', 'agreement'],
            `unknown agreement "${x.provision.agreement}"${nearestIds(x.provision.agreement, refs.agreements.keys())}`,
          );
        else if (!ag.provisions.some((p) => p.id === x.provision.provision)) {
          report(
            [...path, 'provision', 'provision'],
            `agreement "${ag.id}" has no provision "${x.provision.provision}"${nearestIds(
              x.provision.provision,
              ag.provisions.map((p) => p.id),
            )}`,
          );
        }
      },
      observed: (x) => checkFacilityFilter(x.observed.facilities, [...path, 'observed', 'facilities']),
      notObserved: (x) => checkFacilityFilter(x.notObserved.facilities, [...path, 'notObserved', 'facilities']),
    });
  walk(c.requires, ['requires']);
}

function toSource(s: {
  publisher: string;
  date?: string | undefined;
  link?: string | undefined;
  quote?: string | undefined;
}): Source {
  return stripUndefined({ publisher: s.publisher, date: s.date, link: s.link, quote: s.quote });
}

/** Drops keys whose value is undefined, so stored and re-read models compare equal. */
export function stripUndefined<T extends object>(o: { [K in keyof T]: T[K] | undefined }): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** " (did you mean ...?)" with the known ids closest to a mistyped one, or nothing when none is close. */
function nearestIds(id: string, known: Iterable<string>): string {
  const close = [...known]
    .map((k) => ({ k, d: k.includes(id) || id.includes(k) ? 0 : editDistance(k, id) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(id.length / 4)))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3);
  return close.length ? ` (did you mean ${close.map((c) => `"${c.k}"`).join(', ')}?)` : '';
}
