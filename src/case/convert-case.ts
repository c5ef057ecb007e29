import type { z } from 'zod';
import { actorCodeOn, roleOn, type Actor } from '../model/actor.js';
import type { Agreement } from '../model/agreement.js';
import type { CaseInfo } from '../model/case.js';
import type { Condition } from '../model/condition.js';
import type { LedgerEvent } from '../model/event.js';
import type { Facility } from '../model/facility.js';
import { eventCode } from '../cameo/event-codes.js';
import type {
  actorSchema,
  agreementSchema,
  caseFileSchema,
  conditionSchema,
  eventSchema,
  facilitySchema,
} from './case-schema.js';
import {
  commitmentFields,
  facilityStatusFields,
  observationFields,
  sourceFields,
  stripUndefined,
} from './fact-fields.js';

export { stripUndefined } from './fact-fields.js';

/*
 * The convert step: checked file entries to the model, field by field. Nothing here reports a
 * problem; what cannot be converted (an event whose actor is unknown) is left out, and the
 * cross-reference step says why.
 */

export function toInfo(v: z.infer<typeof caseFileSchema>): CaseInfo {
  const settings = stripUndefined({
    parties: v.parties,
    reciprocitySince: v.reciprocitySince,
    headlineCondition: v.headlineCondition,
    defaultAsOf: v.defaultAsOf,
    period: v.period,
    responseDays: v.responseDays,
  });
  return stripUndefined({ id: v.id, title: v.title, description: v.description, settings });
}

export function toActor(v: z.infer<typeof actorSchema>): Actor {
  return stripUndefined({
    id: v.id,
    kind: v.kind,
    name: v.name,
    aliases: v.aliases,
    code: v.code,
    roles: v.roles.map((r) =>
      stripUndefined({ code: r.code, title: r.title, from: r.from, to: r.to, source: r.source }),
    ),
    source: v.source,
    notes: v.notes,
  });
}

/** The code and, for a person, the title an actor acts under on a date; undefined when it holds no role then. */
export function sideOn(actor: Actor, date: string): { code: string; title?: string } | undefined {
  const code = actorCodeOn(actor, date);
  if (!code) return undefined;
  const title = actor.kind === 'person' ? roleOn(actor, date)?.title : undefined;
  return title ? { code, title } : { code };
}

/** An event, when its code is known and its actors act on its date; otherwise undefined. */
export function toEvent(
  v: z.infer<typeof eventSchema>,
  caseId: string,
  actors: ReadonlyMap<string, Actor>,
): LedgerEvent | undefined {
  const info = eventCode(v.code);
  const srcActor = actors.get(v.source);
  const tgtActor = v.target === undefined ? undefined : actors.get(v.target);
  const src = srcActor && sideOn(srcActor, v.date);
  const tgt = tgtActor && sideOn(tgtActor, v.date);
  if (!info || !src || (v.target !== undefined && !tgt)) return undefined;
  return stripUndefined({
    id: v.id,
    caseId,
    date: v.date,
    endDate: v.end,
    sourceActor: v.source,
    targetActor: v.target,
    sourceCode: v.codes?.source ?? src.code,
    targetCode: tgt && (v.codes?.target ?? tgt.code),
    sourceTitle: src.title,
    targetTitle: tgt?.title,
    code: v.code,
    goldstein: v.goldstein?.value ?? info.goldstein,
    quadClass: info.quadClass,
    goldsteinReason: v.goldstein?.reason,
    summary: v.summary,
    facilities: v.facilities,
    sources: v.sources.map(sourceFields),
    provenance: v.provenance,
    status: v.status,
    verification: v.verification,
    confidence: v.confidence,
    notes: v.notes,
    known: v.known,
    later: v.later,
    commitment: v.commitment && commitmentFields(v.commitment),
  });
}

export function toAgreement(v: z.infer<typeof agreementSchema>, caseId: string): Agreement {
  return {
    id: v.id,
    caseId,
    name: v.name,
    date: v.date,
    parties: v.parties,
    sources: v.sources.map(sourceFields),
    provisions: v.provisions.map((p) => ({
      id: p.id,
      text: p.text,
      theme: p.theme,
      owedBy: p.owedBy,
      statuses: p.status.map((s) =>
        stripUndefined({
          date: s.date,
          level: s.level,
          events: s.events,
          sources: s.sources.map(sourceFields),
          note: s.note,
          known: s.known,
          later: s.later,
        }),
      ),
    })),
  };
}

export function toFacility(v: z.infer<typeof facilitySchema>, caseId: string): Facility {
  return stripUndefined({
    id: v.id,
    caseId,
    name: v.name,
    type: v.type,
    tags: v.tags,
    location: v.location,
    coordinates: v.coordinates,
    country: v.country,
    key: v.key,
    declared: v.declared,
    statuses: v.status.map(facilityStatusFields),
    observations: v.observations.map(observationFields),
    notes: v.notes,
  });
}

export function toCondition(v: z.infer<typeof conditionSchema>, caseId: string): Condition {
  return stripUndefined({
    id: v.id,
    caseId,
    title: v.title,
    question: v.question,
    version: v.version,
    since: v.since,
    description: v.description,
    sources: v.sources.map(sourceFields),
    gates: v.gates.map((g) => stripUndefined({ ...g })),
    requires: v.requires,
  });
}
