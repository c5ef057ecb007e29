import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { CaseData } from '../model/case.js';
import { requirementToFile } from '../model/condition.js';
import type { Source } from '../model/event.js';

const HEADER = (what: string, caseId: string) =>
  `# ${what} of case ${caseId}, written by \`parley case export\`.\n# Edit and load again with \`parley case load <folder>\`.\n`;

/** Writes a case as the YAML folder `parley case load` reads; loading it back gives the same case. */
export function writeCaseFolder(data: CaseData, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const id = data.info.id;
  const s = data.info.settings;
  const files: [string, string, unknown][] = [
    [
      'case.yaml',
      'Settings',
      clean({
        id,
        title: data.info.title,
        description: data.info.description,
        parties: s.parties,
        period: s.period,
        reciprocitySince: s.reciprocitySince,
        headlineCondition: s.headlineCondition,
        defaultAsOf: s.defaultAsOf,
        responseDays: s.responseDays,
      }),
    ],
    [
      'actors.yaml',
      'Actors',
      data.actors.map((a) =>
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
    ],
    [
      'events.yaml',
      'Events',
      data.events.map((e) =>
        clean({
          id: e.id,
          date: e.date,
          end: e.endDate,
          source: e.sourceActor,
          target: e.targetActor,
          code: e.code,
          summary: e.summary,
          facilities: e.facilities.length ? e.facilities : undefined,
          sources: e.sources.map(source),
          status: e.status,
          verification: e.verification,
          confidence: e.confidence,
          goldstein: e.goldsteinReason ? { value: e.goldstein, reason: e.goldsteinReason } : undefined,
          provenance: e.provenance === 'typed' ? undefined : e.provenance,
          notes: e.notes,
        }),
      ),
    ],
    [
      'agreements.yaml',
      'Agreements and their provisions',
      data.agreements.map((a) =>
        clean({
          id: a.id,
          name: a.name,
          date: a.date,
          parties: a.parties,
          sources: a.sources.map(source),
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
                  sources: st.sources.map(source),
                  note: st.note,
                }),
              ),
            }),
          ),
        }),
      ),
    ],
    [
      'facilities.yaml',
      'Facilities',
      data.facilities.map((f) =>
        clean({
          id: f.id,
          name: f.name,
          type: f.type,
          tags: f.tags,
          location: f.location,
          country: f.country,
          key: f.key,
          declared: f.declared,
          status: f.statuses.map((st) =>
            clean({ date: st.date, status: st.status, sources: st.sources.map(source), note: st.note }),
          ),
          observations: f.observations.map((o) =>
            clean({
              date: o.date,
              by: o.by,
              verification: o.verification,
              finding: o.finding,
              event: o.event,
              sources: o.sources.map(source),
              note: o.note,
            }),
          ),
          notes: f.notes,
        }),
      ),
    ],
    [
      'conditions.yaml',
      'Conditions',
      data.conditions.map((c) =>
        clean({
          id: c.id,
          title: c.title,
          question: c.question,
          version: c.version,
          since: c.since,
          description: c.description,
          sources: c.sources.map(source),
          gates: c.gates,
          requires: requirementToFile(c.requires),
        }),
      ),
    ],
  ];
  const written: string[] = [];
  for (const [name, what, value] of files) {
    const path = join(dir, name);
    writeFileSync(path, HEADER(what, id) + stringify(value, { lineWidth: 0 }));
    written.push(path);
  }
  return written;
}

function source(s: Source): Record<string, unknown> {
  return clean({ publisher: s.publisher, date: s.date, link: s.link, quote: s.quote });
}

function clean(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}
