import { actorCodeOn, roleOn, type Actor } from '../model/actor.js';
import { ValidationError, type ValidationProblem } from '../model/errors.js';
import type { LedgerEvent, Provenance, ReviewStatus, Source, Verification } from '../model/event.js';
import { isIsoDate, isoDateProblem } from '../model/iso-date.js';
import { describeNearest, type EventCodeInfo, eventCode } from '../cameo/event-codes.js';

export interface NewEventInput {
  caseId: string;
  id?: string;
  date: string;
  endDate?: string;
  source: string;
  target?: string;
  code: string;
  summary: string;
  sources: Source[];
  facilities?: string[];
  verification?: Verification;
  confidence?: number;
  status?: ReviewStatus;
  provenance?: Provenance;
  notes?: string;
}

/**
 * Builds a ledger event from what an analyst typed (or the reader proposed), checking it the way
 * a case file is checked: known actors holding a role on the date, a known CAMEO code, known
 * facilities. Problems name the option or field at fault.
 */
export function newEvent(
  input: NewEventInput,
  actors: readonly Actor[],
  facilityIds: ReadonlySet<string>,
  takenIds: ReadonlySet<string>,
): LedgerEvent {
  const problems: ValidationProblem[] = [];
  const field: Field = (name, message) => problems.push({ location: { file: 'event', field: name }, message });
  const dateProblem = isoDateProblem(input.date);
  if (dateProblem) field('date', `"${input.date}": ${dateProblem}`);
  if (input.endDate !== undefined && (!isIsoDate(input.endDate) || input.endDate < input.date))
    field('end', `"${input.endDate}" is not a date on or after ${input.date}`);
  const info = eventCode(input.code);
  if (!info) field('code', `unknown CAMEO event code "${input.code}"; nearest known: ${describeNearest(input.code)}`);
  const cast = { date: input.date, actors, byId: new Map(actors.map((a) => [a.id, a])) };
  const src = sideOf('source', input.source, cast, field);
  const tgt = sideOf('target', input.target, cast, field);
  checkDetails(input, facilityIds, takenIds, field);
  if (problems.length || !info || !src?.code) throw new ValidationError(problems);
  const id =
    input.id ??
    uniqueId(`${input.date}-${input.source}-${input.code}${input.target ? `-${input.target}` : ''}`, takenIds);
  return ledgerEvent(input, id, info, { ...src, code: src.code }, tgt);
}

/** Reports a problem with one option or field of the event. */
type Field = (name: string, message: string) => void;

/** An actor of the event as found in the case: who, the code they acted under on the day, and a person's title. */
interface Side {
  actor: Actor;
  code: string | undefined;
  title: string | undefined;
}

/** The case's actor a side names, by id or by a state's code, holding a role on the event's date. */
function sideOf(
  name: 'source' | 'target',
  id: string | undefined,
  cast: { date: string; actors: readonly Actor[]; byId: ReadonlyMap<string, Actor> },
  field: Field,
): Side | undefined {
  if (id === undefined) return undefined;
  const { date, actors } = cast;
  const actor = cast.byId.get(id) ?? actors.find((a) => a.code === id.toUpperCase() && a.kind !== 'person');
  if (!actor) {
    field(
      name,
      `unknown actor "${id}"; the case has ${actors
        .map((a) => a.id)
        .slice(0, 12)
        .join(', ')}${actors.length > 12 ? ', …' : ''}`,
    );
    return undefined;
  }
  const code = isIsoDate(date) ? actorCodeOn(actor, date) : undefined;
  if (isIsoDate(date) && !code) field(name, `"${actor.id}" holds no role on ${date}`);
  return {
    actor,
    code,
    title: actor.kind === 'person' && isIsoDate(date) ? roleOn(actor, date)?.title : undefined,
  };
}

/** The rest of what an event must have: known facilities, a source, a confidence, a summary, a new id. */
function checkDetails(
  input: NewEventInput,
  facilityIds: ReadonlySet<string>,
  takenIds: ReadonlySet<string>,
  field: Field,
): void {
  for (const f of input.facilities ?? []) if (!facilityIds.has(f)) field('facility', `unknown facility "${f}"`);
  if (input.sources.length === 0) field('publisher', 'every event needs a source: give at least --publisher');
  if (input.confidence !== undefined && !(input.confidence >= 0 && input.confidence <= 1))
    field('confidence', 'should be from 0 to 1');
  if (!input.summary.trim()) field('summary', 'should say what happened');
  if (input.id !== undefined && (!/^[a-z0-9][a-z0-9-]*$/.test(input.id) || takenIds.has(input.id)))
    field('id', `"${input.id}" is not a new id of lower-case letters, digits and hyphens`);
}

/** The checked input as a ledger event, with the defaults a typed move gets. */
function ledgerEvent(
  input: NewEventInput,
  id: string,
  info: EventCodeInfo,
  src: Side & { code: string },
  tgt: Side | undefined,
): LedgerEvent {
  const e: LedgerEvent = {
    id,
    caseId: input.caseId,
    date: input.date,
    sourceActor: src.actor.id,
    sourceCode: src.code,
    code: input.code,
    goldstein: info.goldstein,
    quadClass: info.quadClass,
    summary: input.summary.trim(),
    facilities: [...(input.facilities ?? [])].sort(),
    sources: input.sources,
    provenance: input.provenance ?? 'typed',
    status: input.status ?? 'confirmed',
    verification: input.verification ?? 'claimed',
    confidence: input.confidence ?? 0.8,
  };
  if (input.endDate) e.endDate = input.endDate;
  if (tgt?.code) {
    e.targetActor = tgt.actor.id;
    e.targetCode = tgt.code;
  }
  if (src.title) e.sourceTitle = src.title;
  if (tgt?.title) e.targetTitle = tgt.title;
  if (input.notes) e.notes = input.notes;
  return e;
}

function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (!taken.has(slug)) return slug;
  for (let i = 2; ; i++) if (!taken.has(`${slug}-${i}`)) return `${slug}-${i}`;
}
