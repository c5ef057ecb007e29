import type { Selectable, Insertable } from 'kysely';
import type { Commitment, LaterNote, LedgerEvent, Source } from '../model/event.js';
import { knownFrom, knownOf } from '../model/knowledge.js';
import { partyOf } from '../model/actor-code.js';
import { toDayNumber } from '../model/iso-date.js';
import type { EventsTable, EventSourcesTable } from './database.js';
import { fromJson, toJson } from './json-column.js';

export function eventToRow(
  e: LedgerEvent,
  originKey: string | null,
  recordedAt: string | null = null,
): Insertable<EventsTable> {
  return {
    case_id: e.caseId,
    id: e.id,
    date: e.date,
    end_date: e.endDate ?? null,
    day: toDayNumber(e.date),
    source_actor: e.sourceActor,
    target_actor: e.targetActor ?? null,
    source_code: e.sourceCode,
    target_code: e.targetCode ?? null,
    source_title: e.sourceTitle ?? null,
    target_title: e.targetTitle ?? null,
    source_party: partyOf(e.sourceCode),
    target_party: e.targetCode ? partyOf(e.targetCode) : null,
    code: e.code,
    root: e.code.slice(0, 2),
    goldstein: e.goldstein,
    quad_class: e.quadClass,
    goldstein_reason: e.goldsteinReason ?? null,
    summary: e.summary,
    provenance: e.provenance,
    status: e.status,
    verification: e.verification,
    confidence: e.confidence,
    notes: e.notes ?? null,
    origin_key: originKey,
    recorded_at: recordedAt,
    known_date: knownOf(e),
    later: e.later?.length ? toJson(e.later) : null,
    commitment: e.commitment ? toJson(e.commitment) : null,
  };
}

export function sourcesToRows(e: LedgerEvent): Insertable<EventSourcesTable>[] {
  return e.sources.map((s, seq) => ({
    case_id: e.caseId,
    event_id: e.id,
    seq,
    publisher: s.publisher,
    date: s.date ?? null,
    link: s.link ?? null,
    quote: s.quote ?? null,
    span: s.span ? JSON.stringify(s.span) : null,
    title: s.title ?? null,
  }));
}

export function rowToEvent(
  r: Selectable<EventsTable>,
  facilities: string[],
  sources: Selectable<EventSourcesTable>[],
): LedgerEvent {
  const e: LedgerEvent = {
    id: r.id,
    caseId: r.case_id,
    date: r.date,
    sourceActor: r.source_actor,
    sourceCode: r.source_code,
    code: r.code,
    goldstein: Number(r.goldstein),
    quadClass: r.quad_class,
    summary: r.summary,
    facilities,
    sources: sources.map(rowToSource),
    provenance: r.provenance,
    status: r.status,
    verification: r.verification,
    confidence: Number(r.confidence),
  };
  if (r.end_date) e.endDate = r.end_date;
  if (r.target_actor) e.targetActor = r.target_actor;
  if (r.target_code) e.targetCode = r.target_code;
  if (r.source_title) e.sourceTitle = r.source_title;
  if (r.target_title) e.targetTitle = r.target_title;
  if (r.goldstein_reason) e.goldsteinReason = r.goldstein_reason;
  if (r.notes) e.notes = r.notes;
  // `known` is kept only where the sources read with the row would not give it (see knowledge.ts).
  if (r.known_date && r.known_date !== knownFrom(e.date, e.sources)) e.known = r.known_date;
  if (r.later) e.later = fromJson<LaterNote[]>(r.later, []);
  if (r.commitment) e.commitment = fromJson<Commitment>(r.commitment, { verifier: 'none', status: 'offered' });
  return e;
}

function rowToSource(r: Selectable<EventSourcesTable>): Source {
  const s: Source = { publisher: r.publisher };
  if (r.date) s.date = r.date;
  if (r.link) s.link = r.link;
  if (r.quote) s.quote = r.quote;
  if (r.span) s.span = JSON.parse(r.span) as [number, number];
  if (r.title) s.title = r.title;
  return s;
}
