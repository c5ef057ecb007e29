import { join } from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';
import type { CaseData } from '../model/case.js';
import { requirementToFile } from '../model/condition.js';
import type { Actor } from '../model/actor.js';
import type { LedgerEvent } from '../model/event.js';
import { eventKnownDates, provisionStatusKnown } from './known-dates.js';
import { decodeCaseText, readCaseFileBytes } from './case-files.js';
import { CASE_FILES, type CaseFileName } from './case-schema.js';
import { indicatorsToFile } from './convert-indicator.js';
import { sideOn } from './convert-case.js';
import { editYamlText } from './edit-yaml.js';
import {
  commitmentFields,
  facilityStatusFields,
  observationFields,
  sourceFields,
  stripUndefined,
} from './fact-fields.js';
import { writeFilesSafely } from './write-files-safely.js';

const HEADER = (what: string, caseId: string) =>
  `# ${what} of case ${caseId}, written by \`parley case export\`.\n# Edit and load again with \`parley case load <folder>\`.\n`;

const TITLES: Record<CaseFileName, string> = {
  'case.yaml': 'Settings',
  'actors.yaml': 'Actors',
  'events.yaml': 'Events',
  'agreements.yaml': 'Agreements and their provisions',
  'facilities.yaml': 'Facilities',
  'conditions.yaml': 'Conditions',
  'indicators.yaml': 'Indicators and their dated measurements',
};

export interface WriteCaseOptions {
  /**
   * A folder whose case files give the comments, order and flow or block style to keep (the
   * folder written to, or the one the case was loaded from). Entries whose values are unchanged
   * keep their bytes; without a template the files are written fresh.
   */
  template?: string;
}

/**
 * Writes a case as the YAML folder `parley case load` reads; loading it back gives the same case.
 * Three steps: the case as the files' values, each file's text (edited from the template's, or
 * fresh), and the files written safely (see `writeFilesSafely`). Returns the paths written.
 */
export function writeCaseFolder(data: CaseData, dir: string, options: WriteCaseOptions = {}): string[] {
  return writeFilesSafely(dir, renderCaseFolder(data, options.template).texts);
}

export interface RenderedCaseFolder {
  texts: Map<CaseFileName, string>;
  /** Files written fresh although the template has them: their comments and layout could not be kept. */
  fresh: CaseFileName[];
}

/** The text of every case file, each edited from the template's when it has a readable one. */
export function renderCaseFolder(data: CaseData, template?: string): RenderedCaseFolder {
  const values = caseFileValues(data);
  const out: RenderedCaseFolder = { texts: new Map(), fresh: [] };
  for (const name of Object.keys(CASE_FILES) as CaseFileName[]) {
    // A case that follows no indicator has no indicators.yaml, as before indicators existed.
    if (name === 'indicators.yaml' && !data.indicators?.length) continue;
    const rendered = renderCaseFile(name, values[name], data.info.id, template);
    out.texts.set(name, rendered.text);
    if (rendered.fresh) out.fresh.push(name);
  }
  return out;
}

/**
 * One file's text: the template's edited to hold `value` when there is a readable one, else fresh.
 * `fresh` says that the template had the file but its edit did not read back as the value.
 */
function renderCaseFile(
  name: CaseFileName,
  value: unknown,
  caseId: string,
  template?: string,
): { text: string; fresh: boolean } {
  const templateText = template === undefined ? undefined : readTemplate(join(template, name));
  const { schema, list } = CASE_FILES[name];
  const fileSchema: z.ZodType = list ? z.array(schema) : schema;
  const edited = templateText === undefined ? undefined : editYamlText(templateText, value, fileSchema);
  if (edited !== undefined) return { text: edited, fresh: false };
  return { text: HEADER(TITLES[name], caseId) + stringify(value, { lineWidth: 0 }), fresh: templateText !== undefined };
}

function readTemplate(path: string): string | undefined {
  const found = readCaseFileBytes(path);
  if (!('bytes' in found)) return undefined;
  const decoded = decodeCaseText(found.bytes, path);
  return 'text' in decoded ? decoded.text : undefined;
}

/** The case as the values of its files, in the vocabulary of the files (`end`, `source`, `status`). */
export function caseFileValues(data: CaseData): Record<CaseFileName, unknown> {
  return {
    'case.yaml': caseYamlValue(data),
    'actors.yaml': data.actors.map((a) =>
      clean({
        id: a.id,
        kind: a.kind,
        name: a.name,
        aliases: a.aliases,
        code: a.code,
        roles: a.roles,
        source: a.source,
        notes: a.notes,
      }),
    ),
    'events.yaml': eventsValue(data),
    'agreements.yaml': agreementsValue(data),
    'facilities.yaml': facilitiesValue(data),
    'conditions.yaml': data.conditions.map((c) =>
      clean({
        id: c.id,
        title: c.title,
        question: c.question,
        version: c.version,
        since: c.since,
        description: c.description,
        sources: c.sources.map(sourceFields),
        gates: c.gates,
        requires: requirementToFile(c.requires),
      }),
    ),
    'indicators.yaml': indicatorsToFile(data.indicators ?? []),
  };
}

function caseYamlValue(data: CaseData): Record<string, unknown> {
  const s = data.info.settings;
  return clean({
    id: data.info.id,
    title: data.info.title,
    description: data.info.description,
    parties: s.parties,
    period: s.period,
    reciprocitySince: s.reciprocitySince,
    headlineCondition: s.headlineCondition,
    defaultAsOf: s.defaultAsOf,
    responseDays: s.responseDays,
  });
}

function eventsValue(data: CaseData): Record<string, unknown>[] {
  const actors = new Map(data.actors.map((a) => [a.id, a]));
  return data.events.map((e) =>
    clean({
      id: e.id,
      date: e.date,
      end: e.endDate,
      source: e.sourceActor,
      target: e.targetActor,
      codes: codesValue(e, actors),
      code: e.code,
      summary: e.summary,
      facilities: e.facilities.length ? e.facilities : undefined,
      sources: e.sources.map(sourceFields),
      status: e.status,
      verification: e.verification,
      confidence: e.confidence,
      goldstein: e.goldsteinReason ? { value: e.goldstein, reason: e.goldsteinReason } : undefined,
      provenance: e.provenance === 'typed' ? undefined : e.provenance,
      notes: e.notes,
      known: e.known,
      later: e.later,
      commitment: e.commitment && commitmentFields(e.commitment),
    }),
  );
}

/** The sides' codes, written only where they are not what the actors give on the event's date. */
function codesValue(e: LedgerEvent, actors: ReadonlyMap<string, Actor>): Record<string, unknown> | undefined {
  const derived = (id: string | undefined) => {
    const actor = id === undefined ? undefined : actors.get(id);
    return actor && sideOn(actor, e.date)?.code;
  };
  const codes = clean({
    source: e.sourceCode === derived(e.sourceActor) ? undefined : e.sourceCode,
    target: e.targetCode === derived(e.targetActor) ? undefined : e.targetCode,
  });
  return Object.keys(codes).length ? codes : undefined;
}

function agreementsValue(data: CaseData): Record<string, unknown>[] {
  const eventKnown = eventKnownDates(data.events);
  return data.agreements.map((a) =>
    clean({
      id: a.id,
      name: a.name,
      date: a.date,
      parties: a.parties,
      sources: a.sources.map(sourceFields),
      provisions: a.provisions.map((p) =>
        clean({
          id: p.id,
          text: p.text,
          theme: p.theme,
          owedBy: p.owedBy,
          status: p.statuses.map((st) =>
            clean({
              date: st.date,
              level: st.level,
              events: st.events,
              sources: st.sources.map(sourceFields),
              note: st.note,
              // A known date worked out from the events cited is not written back: only one the file gave.
              known: st.known === provisionStatusKnown(a, st, eventKnown) ? undefined : st.known,
              later: st.later,
            }),
          ),
        }),
      ),
    }),
  );
}

function facilitiesValue(data: CaseData): Record<string, unknown>[] {
  return data.facilities.map((f) =>
    clean({
      id: f.id,
      name: f.name,
      type: f.type,
      tags: f.tags,
      location: f.location,
      coordinates: f.coordinates,
      country: f.country,
      key: f.key,
      declared: f.declared,
      status: f.statuses.map(facilityStatusFields),
      observations: f.observations.map(observationFields),
      notes: f.notes,
    }),
  );
}

/** The same object without the keys whose value is undefined. */
function clean(o: Record<string, unknown>): Record<string, unknown> {
  return stripUndefined<Record<string, unknown>>(o);
}
