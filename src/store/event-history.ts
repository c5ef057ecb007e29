import type { Kysely } from 'kysely';
import type { LedgerEvent } from '../model/event.js';
import type { Database } from './database.js';
import type { EventRepository } from './event-repository.js';
import { chunks, fromJson, toJson } from './json-column.js';

const ARCHIVE_BATCH = 2000;

/**
 * The versions of events that edits, reviews and removals replaced. With the current rows and
 * their `recorded_at`, they give the ledger as it was recorded at any moment: the team's record
 * on a past day, distinct from the date a fact became public.
 */
export class EventHistory {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly events: EventRepository,
  ) {}

  /** Keeps the current version of these events, valid until `until`. */
  async archive(caseId: string, ids: readonly string[], until: string): Promise<void> {
    for (const batch of chunks(ids, ARCHIVE_BATCH)) {
      const current = await this.events.find({ caseId, ids: batch });
      if (current.length === 0) continue;
      const recorded = await this.events.revisions(caseId, batch);
      for (const rows of chunks(current, 100))
        await this.db
          .insertInto('event_history')
          .values(
            rows.map((e) => ({
              case_id: caseId,
              event_id: e.id,
              recorded_from: recorded.get(e.id)?.recordedAt ?? null,
              recorded_to: until,
              data: toJson(e),
            })),
          )
          .execute();
    }
  }

  /**
   * The events of a case as recorded at `at` (an ISO timestamp): current rows written by then,
   * and replaced versions that were in force then. Rows from before history was kept count as
   * recorded from the start.
   */
  async asRecordedAt(caseId: string, at: string): Promise<LedgerEvent[]> {
    const current = await this.events.find({ caseId });
    const recorded = await this.events.revisions(
      caseId,
      current.map((e) => e.id),
    );
    const out = current.filter((e) => {
      const r = recorded.get(e.id)?.recordedAt;
      return r === null || r === undefined || r <= at;
    });
    const older = await this.db
      .selectFrom('event_history')
      .select(['event_id', 'recorded_from', 'data'])
      .where('case_id', '=', caseId)
      .where('recorded_to', '>', at)
      .where((eb) => eb.or([eb('recorded_from', 'is', null), eb('recorded_from', '<=', at)]))
      .orderBy('id')
      .execute();
    const seen = new Set(out.map((e) => e.id));
    for (const r of older) {
      if (seen.has(r.event_id)) continue;
      seen.add(r.event_id);
      out.push(fromJson<LedgerEvent>(r.data, undefined as unknown as LedgerEvent));
    }
    return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  }

  /** Every earlier version of one event, oldest first, with the span it was in force. */
  async versionsOf(
    caseId: string,
    eventId: string,
  ): Promise<{ recordedFrom: string | null; recordedTo: string; event: LedgerEvent }[]> {
    const rows = await this.db
      .selectFrom('event_history')
      .select(['recorded_from', 'recorded_to', 'data'])
      .where('case_id', '=', caseId)
      .where('event_id', '=', eventId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      recordedFrom: r.recorded_from,
      recordedTo: r.recorded_to,
      event: fromJson<LedgerEvent>(r.data, undefined as unknown as LedgerEvent),
    }));
  }
}
