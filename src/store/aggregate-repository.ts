import { type ExpressionBuilder, sql, type Kysely } from 'kysely';
import type { ReviewStatus } from '../model/event.js';
import type { DyadDay } from '../model/dyad-day.js';
import { IMPORT_ORIGIN } from './import-tables.js';
import { fromDayNumber, toDayNumber } from '../model/iso-date.js';
import type { Database } from './database.js';

/** One row of daily dyad aggregates, as the analysis reads it. */
export type DyadDayRow = DyadDay;

/** Daily rows between `a` and `b`, in either direction, from `from` to `to` (inclusive). */
function inDyadWindow(a: string, b: string, from: string, to: string) {
  return (eb: ExpressionBuilder<Database, 'dyad_days'>) =>
    eb.and([
      eb.or([
        eb.and([eb('source', '=', a), eb('target', '=', b)]),
        eb.and([eb('source', '=', b), eb('target', '=', a)]),
      ]),
      eb('day', '>=', toDayNumber(from)),
      eb('day', '<=', toDayNumber(to)),
    ]);
}

/** Aggregates kept for a case's own confirmed events. */
export const CASE_ORIGIN = 'case';

export class AggregateRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** A case's events by review status up to a day. */
  async countByStatus(caseId: string, to?: string): Promise<Record<ReviewStatus, number>> {
    const rows = await this.db
      .selectFrom('event_days')
      .select(['status', sql<number>`sum(n)`.as('n')])
      .where('case_id', '=', caseId)
      .$if(to !== undefined, (q) => q.where('day', '<=', toDayNumber(to!)))
      .groupBy('status')
      .execute();
    const out: Record<ReviewStatus, number> = { proposed: 0, confirmed: 0, rejected: 0 };
    for (const r of rows) out[r.status] = Number(r.n);
    return out;
  }

  /** How many imported rows of a country-level dyad (both directions) lie in a window, for these cases. */
  async importedCount(caseIds: readonly string[], a: string, b: string, from: string, to: string): Promise<number> {
    const r = await this.db
      .selectFrom('dyad_days')
      .select(sql<number>`coalesce(sum(n), 0)`.as('n'))
      .where('case_id', 'in', [...caseIds])
      .where('origin', '=', IMPORT_ORIGIN)
      .where(inDyadWindow(a, b, from, to))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /**
   * Rebuilds a case's aggregates, each in one INSERT ... SELECT: the dyad aggregates of its
   * confirmed events, and its events per day and review status. For a whole case (a load).
   */
  async rebuildCase(caseId: string): Promise<void> {
    await this.rebuild(caseId, undefined);
  }

  /**
   * Rebuilds a case's aggregates on these days only (ISO dates): what adding, reading in or
   * reviewing a few events changes, at a cost that follows those days, not the size of the case.
   */
  async refreshDays(caseId: string, dates: Iterable<string>): Promise<void> {
    const unique = [...new Set(dates)].sort();
    for (let i = 0; i < unique.length; i += 500) await this.rebuild(caseId, unique.slice(i, i + 500));
  }

  /** Events are indexed by (case, date), aggregates by (case, day): each is asked for in its own terms. */
  private async rebuild(caseId: string, dates: readonly string[] | undefined): Promise<void> {
    if (dates !== undefined && dates.length === 0) return;
    const days = dates?.map((d) => toDayNumber(d));
    let clearDays = this.db.deleteFrom('event_days').where('case_id', '=', caseId);
    if (days) clearDays = clearDays.where('day', 'in', days);
    await clearDays.execute();
    let perDay = this.db
      .selectFrom('events')
      .select(['case_id', 'day', 'status', sql<number>`count(*)`.as('n')])
      .where('case_id', '=', caseId);
    if (dates) perDay = perDay.where('date', 'in', dates);
    await this.db
      .insertInto('event_days')
      .columns(['case_id', 'day', 'status', 'n'])
      .expression(perDay.groupBy(['case_id', 'day', 'status']))
      .execute();
    let clearDyads = this.db.deleteFrom('dyad_days').where('case_id', '=', caseId).where('origin', '=', CASE_ORIGIN);
    if (days) clearDyads = clearDyads.where('day', 'in', days);
    await clearDyads.execute();
    let dyads = this.db
      .selectFrom('events')
      .select([
        'case_id',
        sql<string>`${CASE_ORIGIN}`.as('origin'),
        'day',
        'source_party',
        'target_party',
        'quad_class',
        sql<number>`count(*)`.as('n'),
        sql<number>`sum(goldstein)`.as('goldstein_sum'),
        sql<number>`sum(case when goldstein > 0 then goldstein else 0 end)`.as('positive_sum'),
        sql<number>`sum(case when goldstein < 0 then goldstein else 0 end)`.as('negative_sum'),
      ])
      .where('case_id', '=', caseId)
      .where('status', '=', 'confirmed')
      .where('target_party', 'is not', null);
    if (dates) dyads = dyads.where('date', 'in', dates);
    await this.db
      .insertInto('dyad_days')
      .columns([
        'case_id',
        'origin',
        'day',
        'source',
        'target',
        'quad_class',
        'n',
        'goldstein_sum',
        'positive_sum',
        'negative_sum',
      ])
      .expression(dyads.groupBy(['case_id', 'day', 'source_party', 'target_party', 'quad_class']))
      .execute();
  }

  /**
   * Daily rows of both directions of a country-level dyad, every case given summed: of one origin
   * (a case's own events, or imported rows), or of both when `origin` is not given.
   */
  async dyadDays(
    caseIds: string | readonly string[],
    a: string,
    b: string,
    from: string,
    to: string,
    origin?: typeof CASE_ORIGIN | typeof IMPORT_ORIGIN,
  ): Promise<DyadDayRow[]> {
    const cases = typeof caseIds === 'string' ? [caseIds] : [...caseIds];
    const rows = await this.db
      .selectFrom('dyad_days')
      .select([
        'day',
        'source',
        'target',
        'quad_class',
        sql<number>`sum(n)`.as('n'),
        sql<number>`sum(goldstein_sum)`.as('g'),
        sql<number>`sum(positive_sum)`.as('p'),
        sql<number>`sum(negative_sum)`.as('m'),
      ])
      .where('case_id', 'in', cases)
      .where(inDyadWindow(a, b, from, to))
      .$if(origin !== undefined, (q) => q.where('origin', '=', origin!))
      .groupBy(['day', 'source', 'target', 'quad_class'])
      .orderBy('day')
      .orderBy('source')
      .orderBy('quad_class')
      .execute();
    return rows.map((r) => ({
      day: fromDayNumber(Number(r.day)),
      source: r.source,
      target: r.target,
      quadClass: r.quad_class,
      count: Number(r.n),
      goldsteinSum: Number(r.g),
      positiveSum: Number(r.p),
      negativeSum: Number(r.m),
    }));
  }
}
