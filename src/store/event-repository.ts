import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, type ExpressionBuilder, type Kysely, type Selectable, sql } from 'kysely';
import type { LedgerEvent, Provenance, ReviewStatus, Verification } from '../model/event.js';
import type { Database, EventsTable, EventSourcesTable } from './database.js';
import { chunks, prefixRange } from './json-column.js';
import { eventToRow, rowToEvent, sourcesToRows } from './event-rows.js';
import { isOrganisationCode } from '../model/actor-code.js';
import { EventHistory } from './event-history.js';

export interface EventRevision {
  revision: number;
  recordedAt: string | null;
}

/** What to fetch. Prefix lists match any; all given fields must hold. */
export interface EventQuery {
  caseId: string;
  from?: string;
  to?: string;
  /** CAMEO actor code prefixes for the source side (`USA`, `USAGOV`). */
  sourceCodes?: string[];
  targetCodes?: string[];
  /** Either side matches one of these actor code prefixes (`--actor`). */
  eitherCodes?: string[];
  /** Either side, the source side, the target side: under one of the codes or one of the actors. */
  eitherSide?: SideMatch;
  sourceSide?: SideMatch;
  targetSide?: SideMatch;
  sourceActors?: string[];
  targetActors?: string[];
  /** CAMEO event code prefixes. */
  codes?: string[];
  statuses?: ReviewStatus[];
  /** Only events known by this date (their `known_date`): what was known on a day. */
  knownBy?: string;
  /** Only events that became known after this date (what hindsight adds). */
  knownAfter?: string;
  ids?: string[];
  /** Only events concerning one of these facilities. */
  facilities?: string[];
  verifications?: Verification[];
  provenances?: Provenance[];
  /** Words the summary contains, any case. */
  text?: string;
  limit?: number;
  offset?: number;
  order?: 'asc' | 'desc';
  /** Skip reading each event's sources and facility links (analyses that need neither). */
  bare?: boolean;
  /** Read facility links but not sources (conditions: sources are read later for the evidence shown). */
  withoutSources?: boolean;
  /**
   * Many events match (`countUpTo` reached its cap): on SQLite a page walks the events in date
   * order until it is full, rather than gathering every match through the narrower indexes and
   * sorting them, which the planner cannot tell apart without knowing how many match.
   */
  dense?: boolean;
}

/** A count that stopped at a cap: exact below it, a lower bound at it. */
export interface CappedCount {
  count: number;
  exact: boolean;
}

/** Events of one day or month, direction and quad class, counted (`EventRepository.countsByPeriod`). */
export interface PeriodCount {
  /** The period's first day. */
  start: string;
  /** `SOURCE>TARGET` (party codes; an empty target for moves without one), or `other`. */
  lane: string;
  quadClass: number;
  count: number;
  goldstein: number;
}

/** A side of a move: under one of these actor code prefixes, or one of these actors (ids), any of them. */
export interface SideMatch {
  codes?: readonly string[];
  actors?: readonly string[];
}

const INSERT_CHUNK = 100;
/** Above this many rows, SQLite inserts use prepared statements. */
const BULK_THRESHOLD = 200;

export class EventRepository {
  /**
   * @param sqlite the raw better-sqlite3 handle when the store is SQLite: big inserts go through
   * prepared statements on the same connection (so inside the same transaction), many times
   * faster than building a query per batch.
   */
  readonly history: EventHistory;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly sqlite?: BetterSqlite3.Database,
  ) {
    this.history = new EventHistory(db, this);
  }

  /** The revision and recording time of each event, for a change that must not overwrite a newer one. */
  async revisions(caseId: string, ids: readonly string[]): Promise<Map<string, EventRevision>> {
    const out = new Map<string, EventRevision>();
    for (const batch of chunks(ids, 500)) {
      const rows = await this.db
        .selectFrom('events')
        .select(['id', 'revision', 'recorded_at'])
        .where('case_id', '=', caseId)
        .where('id', 'in', batch)
        .execute();
      for (const r of rows) out.set(r.id, { revision: Number(r.revision), recordedAt: r.recorded_at });
    }
    return out;
  }

  /**
   * Replaces one event's fields, sources and facilities, only if it still has the revision the
   * change was made on (else nothing is written and false is returned). The replaced version is
   * kept in the history.
   */
  async replace(event: LedgerEvent, expectedRevision: number): Promise<boolean> {
    const now = new Date().toISOString();
    const current = await this.revisions(event.caseId, [event.id]);
    if (current.get(event.id)?.revision !== expectedRevision) return false;
    await this.history.archive(event.caseId, [event.id], now);
    const { origin_key: _o, ...row } = eventToRow(event, null, now);
    const res = await this.db
      .updateTable('events')
      .set({ ...row, revision: expectedRevision + 1 })
      .where('case_id', '=', event.caseId)
      .where('id', '=', event.id)
      .where('revision', '=', expectedRevision)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await this.db
      .deleteFrom('event_sources')
      .where('case_id', '=', event.caseId)
      .where('event_id', '=', event.id)
      .execute();
    await this.db
      .deleteFrom('event_facilities')
      .where('case_id', '=', event.caseId)
      .where('event_id', '=', event.id)
      .execute();
    const sources = sourcesToRows(event);
    if (sources.length) await this.db.insertInto('event_sources').values(sources).execute();
    if (event.facilities.length)
      await this.db
        .insertInto('event_facilities')
        .values(event.facilities.map((f) => ({ case_id: event.caseId, event_id: event.id, facility_id: f })))
        .execute();
    return true;
  }

  async insert(events: readonly LedgerEvent[], originKey: string | null): Promise<void> {
    const recordedAt = new Date().toISOString();
    if (this.sqlite && events.length > BULK_THRESHOLD) {
      this.insertSqlite(this.sqlite, events, originKey, recordedAt);
      return;
    }
    for (const batch of chunks(events, INSERT_CHUNK)) {
      await this.db
        .insertInto('events')
        .values(batch.map((e) => eventToRow(e, originKey, recordedAt)))
        .execute();
      const sources = batch.flatMap(sourcesToRows);
      for (const sb of chunks(sources, INSERT_CHUNK)) await this.db.insertInto('event_sources').values(sb).execute();
      const links = batch.flatMap((e) =>
        e.facilities.map((f) => ({ case_id: e.caseId, event_id: e.id, facility_id: f })),
      );
      for (const lb of chunks(links, INSERT_CHUNK)) await this.db.insertInto('event_facilities').values(lb).execute();
    }
  }

  private insertSqlite(
    sqlite: BetterSqlite3.Database,
    events: readonly LedgerEvent[],
    originKey: string | null,
    recordedAt: string,
  ): void {
    const first = eventToRow(events[0]!, originKey, recordedAt);
    const columns = Object.keys(first);
    const insertEvent = sqlite.prepare(
      `INSERT INTO events (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    const insertSource = sqlite.prepare(
      'INSERT INTO event_sources (case_id, event_id, seq, publisher, date, link, quote, title, span) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertLink = sqlite.prepare('INSERT INTO event_facilities (case_id, event_id, facility_id) VALUES (?, ?, ?)');
    const run = () => {
      for (const e of events) {
        const row = eventToRow(e, originKey, recordedAt) as Record<string, unknown>;
        insertEvent.run(columns.map((c) => row[c] ?? null));
        for (const s of sourcesToRows(e))
          insertSource.run(
            s.case_id,
            s.event_id,
            s.seq,
            s.publisher,
            s.date ?? null,
            s.link ?? null,
            s.quote ?? null,
            s.title ?? null,
            s.span ?? null,
          );
        for (const f of e.facilities) insertLink.run(e.caseId, e.id, f);
      }
    };
    // Inside a Kysely transaction the connection is already in one; otherwise make one.
    if (sqlite.inTransaction) run();
    else sqlite.transaction(run)();
  }

  /** Removes events with their sources and facility links. */
  async deleteWhereOrigin(caseId: string, originKey: string): Promise<number> {
    const ids = await this.db
      .selectFrom('events')
      .select('id')
      .where('case_id', '=', caseId)
      .where('origin_key', '=', originKey)
      .execute();
    await this.deleteIds(
      caseId,
      ids.map((r) => r.id),
    );
    return ids.length;
  }

  /** Removes events; each removed version is kept in the history, so the record of an earlier day keeps it. */
  async deleteIds(caseId: string, ids: readonly string[]): Promise<void> {
    await this.history.archive(caseId, ids, new Date().toISOString());
    for (const batch of chunks(ids, 500)) {
      await this.db.deleteFrom('event_sources').where('case_id', '=', caseId).where('event_id', 'in', batch).execute();
      await this.db
        .deleteFrom('event_facilities')
        .where('case_id', '=', caseId)
        .where('event_id', 'in', batch)
        .execute();
      await this.db.deleteFrom('events').where('case_id', '=', caseId).where('id', 'in', batch).execute();
    }
  }

  async existingIds(caseId: string, ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const batch of chunks(ids, 500)) {
      const rows = await this.db
        .selectFrom('events')
        .select('id')
        .where('case_id', '=', caseId)
        .where('id', 'in', batch)
        .execute();
      for (const r of rows) found.add(r.id);
    }
    return found;
  }

  /** The distinct dates of these events, for refreshing the aggregates of their days. */
  async datesOf(caseId: string, ids: readonly string[]): Promise<string[]> {
    const dates = new Set<string>();
    for (const batch of chunks(ids, 500)) {
      const rows = await this.db
        .selectFrom('events')
        .select('date')
        .distinct()
        .where('case_id', '=', caseId)
        .where('id', 'in', batch)
        .execute();
      for (const r of rows) dates.add(r.date);
    }
    return [...dates];
  }

  /**
   * Called first in a write transaction that chooses new event ids: no other transaction chooses
   * ids in the case until this one ends, so ids read as free are still free at the insert. On
   * SQLite the store's transactions begin with the write lock (`BEGIN IMMEDIATE`), which already
   * does this; on PostgreSQL a transaction-scoped advisory lock on the case does.
   */
  async lockIdChoice(caseId: string): Promise<void> {
    if (this.sqlite) return;
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`parley.event-ids.${caseId}`}))`.execute(this.db);
  }

  /** Ids of a case that start with `prefix`: a range over the (case, id) key, not a scan. */
  async idsStartingWith(caseId: string, prefix: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('events')
      .select('id')
      .where('case_id', '=', caseId)
      .where('id', '>=', prefix)
      .where('id', '<', `${prefix}\uffff`)
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  /** Every event of a case with where it came from (its origin key) and its revision, for a reload. */
  async originsOf(caseId: string): Promise<Map<string, { origin: string | null; revision: number }>> {
    const rows = await this.db
      .selectFrom('events')
      .select(['id', 'origin_key', 'revision'])
      .where('case_id', '=', caseId)
      .execute();
    return new Map(rows.map((r) => [r.id, { origin: r.origin_key, revision: Number(r.revision) }]));
  }

  async hasOrigin(caseId: string, originKey: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('events')
      .select('id')
      .where('case_id', '=', caseId)
      .where('origin_key', '=', originKey)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Sets the review status of events; the versions replaced are kept in the history. */
  async setStatus(caseId: string, ids: readonly string[], status: ReviewStatus): Promise<number> {
    const now = new Date().toISOString();
    await this.history.archive(caseId, ids, now);
    let changed = 0;
    for (const batch of chunks(ids, 500)) {
      const res = await this.db
        .updateTable('events')
        .set((eb) => ({ status, recorded_at: now, revision: eb('revision', '+', 1) }))
        .where('case_id', '=', caseId)
        .where('id', 'in', batch)
        .executeTakeFirst();
      changed += Number(res.numUpdatedRows);
    }
    return changed;
  }

  async count(query: EventQuery): Promise<number> {
    const row = await this.filtered(query)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Counts matches up to `cap`: as fast as finding that many, however many more there are. A
   * page of a million-event case says "more than 10,000" rather than counting them all.
   */
  async countUpTo(query: EventQuery, cap: number): Promise<CappedCount> {
    const matches = this.filtered(query)
      .select('events.id')
      .limit(cap + 1);
    const row = await this.db
      .selectFrom(matches.as('m'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const n = Number(row.n);
    return n > cap ? { count: cap, exact: false } : { count: n, exact: true };
  }

  /** The first and last dates of the matching events, and how many there are. */
  async span(query: EventQuery): Promise<{ first: string | null; last: string | null; count: number }> {
    const row = await this.filtered(query)
      .select((eb) => [
        eb.fn.min<string>('events.date').as('first'),
        eb.fn.max<string>('events.date').as('last'),
        eb.fn.countAll<number>().as('n'),
      ])
      .executeTakeFirstOrThrow();
    return { first: row.first ?? null, last: row.last ?? null, count: Number(row.n) };
  }

  /** The directions (source party to target party) with the most matching events, most first. */
  async topDirections(query: EventQuery, limit: number): Promise<{ source: string; target: string; count: number }[]> {
    const rows = await this.filtered(query)
      .select((eb) => [
        'events.source_party as source',
        'events.target_party as target',
        eb.fn.countAll<number>().as('n'),
      ])
      .groupBy(['events.source_party', 'events.target_party'])
      .orderBy('n', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ source: r.source, target: r.target ?? '', count: Number(r.n) }));
  }

  /**
   * The matching events counted by day or by month, by direction (one of `directions`, the rest
   * as `other`) and by quad class, with their Goldstein sums: what a chart of a million events
   * draws instead of the events. At most periods × (directions + 1) × 4 rows.
   */
  async countsByPeriod(
    query: EventQuery,
    period: 'day' | 'month',
    directions: readonly { source: string; target: string }[],
  ): Promise<PeriodCount[]> {
    const lane = directions.length
      ? sql<string>`CASE ${sql.join(
          directions.map(
            (d) =>
              sql`WHEN events.source_party = ${d.source} AND COALESCE(events.target_party, '') = ${d.target} THEN ${`${d.source}>${d.target}`}`,
          ),
          sql` `,
        )} ELSE 'other' END`
      : sql<string>`'other'`;
    const start = period === 'day' ? sql<string>`events.date` : sql<string>`SUBSTR(events.date, 1, 7)`;
    const rows = await this.filtered(query)
      .select((eb) => [
        start.as('start'),
        lane.as('lane'),
        'events.quad_class as quadClass',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('events.goldstein').as('goldstein'),
      ])
      // By position: PostgreSQL takes the CASE with its parameters for a new expression in GROUP BY.
      .groupBy([sql`1`, sql`2`, sql`3`])
      .execute();
    return rows.map((r) => ({
      start: period === 'day' ? r.start : `${r.start}-01`,
      lane: r.lane,
      quadClass: Number(r.quadClass),
      count: Number(r.n),
      goldstein: Number(r.goldstein),
    }));
  }

  async find(query: EventQuery): Promise<LedgerEvent[]> {
    let q = this.filtered(query)
      .selectAll('events')
      .orderBy('events.date', query.order ?? 'asc')
      .orderBy('events.id');
    if (query.limit !== undefined) q = q.limit(query.limit);
    if (query.offset !== undefined) q = q.offset(query.offset);
    const rows = query.dense && this.sqlite ? await this.inDateOrder(q.compile()) : await q.execute();
    if (rows.length === 0) return [];
    if (query.bare) return rows.map((r) => rowToEvent(r, [], []));
    const ids = rows.map((r) => r.id);
    const facilities = new Map<string, string[]>();
    const sources = new Map<string, Selectable<EventSourcesTable>[]>();
    for (const batch of chunks(ids, 500)) {
      const links = await this.db
        .selectFrom('event_facilities')
        .selectAll()
        .where('case_id', '=', query.caseId)
        .where('event_id', 'in', batch)
        .orderBy('facility_id')
        .execute();
      for (const l of links)
        (facilities.get(l.event_id) ?? facilities.set(l.event_id, []).get(l.event_id)!).push(l.facility_id);
      if (query.withoutSources) continue;
      const srcs = await this.db
        .selectFrom('event_sources')
        .selectAll()
        .where('case_id', '=', query.caseId)
        .where('event_id', 'in', batch)
        .orderBy('seq')
        .execute();
      for (const s of srcs) (sources.get(s.event_id) ?? sources.set(s.event_id, []).get(s.event_id)!).push(s);
    }
    return rows.map((r) => rowToEvent(r, facilities.get(r.id) ?? [], sources.get(r.id) ?? []));
  }

  /**
   * Runs a query on the events with SQLite told to walk the (case, date) index. Kysely has no
   * INDEXED BY, so it goes into the compiled text, right after the outer table.
   */
  private async inDateOrder(compiled: CompiledQuery<Selectable<EventsTable>>): Promise<Selectable<EventsTable>[]> {
    const from = 'from "events" where';
    if (!compiled.sql.includes(from)) return (await this.db.executeQuery(compiled)).rows;
    const text = compiled.sql.replace(from, 'from "events" indexed by "events_case_date" where');
    return (await this.db.executeQuery(CompiledQuery.raw(text, [...compiled.parameters])))
      .rows as Selectable<EventsTable>[];
  }

  private filtered(query: EventQuery) {
    // Implied when the dates asked end by the day after which they became known; said aloud so
    // that the planner may use the partial index of the events learned late (migration 015).
    const learnedLate = query.knownAfter !== undefined && query.to !== undefined && query.to <= query.knownAfter;
    return this.db
      .selectFrom('events')
      .where('events.case_id', '=', query.caseId)
      .$if(query.from !== undefined, (q) => q.where('events.date', '>=', query.from!))
      .$if(query.to !== undefined, (q) => q.where('events.date', '<=', query.to!))
      .$if(!!query.sourceCodes?.length, (q) =>
        q.where((eb) => eb.or(query.sourceCodes!.map((c) => sideUnder(eb, 'source', c)))),
      )
      .$if(!!query.targetCodes?.length, (q) =>
        q.where((eb) => eb.or(query.targetCodes!.map((c) => sideUnder(eb, 'target', c)))),
      )
      .$if(!!query.eitherCodes?.length, (q) =>
        q.where((eb) =>
          eb.or(query.eitherCodes!.flatMap((c) => [sideUnder(eb, 'source', c), sideUnder(eb, 'target', c)])),
        ),
      )
      .$if(query.eitherSide !== undefined, (q) =>
        q.where((eb) =>
          eb.or([...sideMatch(eb, 'source', query.eitherSide!), ...sideMatch(eb, 'target', query.eitherSide!)]),
        ),
      )
      .$if(query.sourceSide !== undefined, (q) => q.where((eb) => eb.or(sideMatch(eb, 'source', query.sourceSide!))))
      .$if(query.targetSide !== undefined, (q) => q.where((eb) => eb.or(sideMatch(eb, 'target', query.targetSide!))))
      .$if(!!query.sourceActors?.length, (q) => q.where('events.source_actor', 'in', query.sourceActors!))
      .$if(!!query.targetActors?.length, (q) => q.where('events.target_actor', 'in', query.targetActors!))
      .$if(!!query.codes?.length, (q) =>
        q.where((eb) => eb.or(query.codes!.map((c) => startsWith(eb, 'events.code', c)))),
      )
      .$if(!!query.statuses?.length, (q) => q.where('events.status', 'in', query.statuses!))
      .$if(query.knownBy !== undefined, (q) => q.where('events.known_date', '<=', query.knownBy!))
      .$if(query.knownAfter !== undefined, (q) => q.where('events.known_date', '>', query.knownAfter!))
      .$if(learnedLate, (q) => q.whereRef('events.known_date', '>', 'events.date'))
      .$if(!!query.ids?.length, (q) => q.where('events.id', 'in', query.ids!))
      .$if(!!query.verifications?.length, (q) => q.where('events.verification', 'in', query.verifications!))
      .$if(!!query.provenances?.length, (q) => q.where('events.provenance', 'in', query.provenances!))
      .$if(!!query.text, (q) =>
        q.where(
          (eb) => eb.fn('lower', ['events.summary']),
          'like',
          // Wildcards typed in the text are dropped: neither engine escapes them the same way.
          `%${query.text!.toLowerCase().replace(/[\\%_]/g, '')}%`,
        ),
      )
      .$if(!!query.facilities?.length, (q) =>
        q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('event_facilities as ef')
              .select('ef.event_id')
              .whereRef('ef.case_id', '=', 'events.case_id')
              .whereRef('ef.event_id', '=', 'events.id')
              .where('ef.facility_id', 'in', query.facilities!),
          ),
        ),
      );
  }
}

type CodeColumn = 'events.code' | 'events.source_code' | 'events.target_code';
type EventsBuilder = ExpressionBuilder<Database & { events: EventsTable }, 'events'>;

/**
 * A side under an actor code. A bare country (`USA`) is a whole party, which the side and dyad
 * indexes answer directly; anything finer is a prefix of the full code, within its country's
 * party (`USAGOV` is in `USA`) so that those indexes narrow it first.
 */
function sideUnder(eb: EventsBuilder, side: 'source' | 'target', code: string) {
  if (isOrganisationCode(code)) return startsWith(eb, `events.${side}_code`, code);
  const party = eb(`events.${side}_party`, '=', code.slice(0, 3));
  return code.length === 3 ? party : eb.and([party, startsWith(eb, `events.${side}_code`, code)]);
}

/** The conditions, any of which puts a side under a SideMatch; none when the match is empty. */
function sideMatch(eb: EventsBuilder, side: 'source' | 'target', match: SideMatch) {
  return [
    ...(match.codes ?? []).map((c) => sideUnder(eb, side, c)),
    ...(match.actors?.length ? [eb(`events.${side}_actor`, 'in', [...match.actors])] : []),
  ];
}

function startsWith(eb: EventsBuilder, column: CodeColumn, prefix: string) {
  const [lo, hi] = prefixRange(prefix);
  return eb.and([eb(column, '>=', lo), eb(column, '<', hi)]);
}
