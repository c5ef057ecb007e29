import { type Kysely, type Selectable, sql } from 'kysely';
import type { AuditTable, Database } from './database.js';
import { fromJson, toJson } from './json-column.js';
import type { AuditKind, AuditRoute } from '../model/audit.js';

export { AUDIT_KINDS, AUDIT_ROUTES, type AuditKind, type AuditRoute } from '../model/audit.js';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  accountId: string | null;
  route: AuditRoute;
  kind: AuditKind;
  action: string;
  caseId: string | null;
  subject: string;
  before: unknown;
  after: unknown;
  note: string | null;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

export interface AuditQuery {
  caseId?: string;
  kind?: AuditKind;
  subject?: string;
  actor?: string;
  /** Entries with an id above this (the live stream's cursor). */
  afterId?: number;
  from?: string;
  to?: string;
  limit?: number;
  order?: 'asc' | 'desc';
}

/** The PostgreSQL channel every process of one database listens on for changes. */
export const CHANGES_CHANNEL = 'parley_changes';

/**
 * The audit trail: every change, who made it, when, through which route, and the value before
 * and after. On PostgreSQL each entry is also announced on `CHANGES_CHANNEL` inside the same
 * transaction, so listeners hear of it exactly when it commits, and never of a rolled-back one.
 */
export class AuditRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly postgres: boolean,
  ) {}

  async record(entries: readonly NewAuditEntry[]): Promise<void> {
    for (const e of entries) {
      const row = await this.db
        .insertInto('audit')
        .values({
          at: e.at,
          actor: e.actor,
          account_id: e.accountId,
          route: e.route,
          kind: e.kind,
          action: e.action,
          case_id: e.caseId,
          subject: e.subject,
          before: e.before === undefined || e.before === null ? null : toJson(e.before),
          after: e.after === undefined || e.after === null ? null : toJson(e.after),
          note: e.note,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (this.postgres)
        await sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify({ id: Number(row.id), caseId: e.caseId })})`.execute(
          this.db,
        );
    }
  }

  async find(q: AuditQuery = {}): Promise<AuditEntry[]> {
    const rows = await this.db
      .selectFrom('audit')
      .selectAll()
      .$if(q.caseId !== undefined, (b) => b.where('case_id', '=', q.caseId!))
      .$if(q.kind !== undefined, (b) => b.where('kind', '=', q.kind!))
      .$if(q.subject !== undefined, (b) => b.where('subject', '=', q.subject!))
      .$if(q.actor !== undefined, (b) => b.where('actor', '=', q.actor!))
      .$if(q.afterId !== undefined, (b) => b.where('id', '>', q.afterId!))
      .$if(q.from !== undefined, (b) => b.where('at', '>=', q.from!))
      .$if(q.to !== undefined, (b) => b.where('at', '<=', q.to!))
      .orderBy('id', q.order ?? 'asc')
      .$if(q.limit !== undefined, (b) => b.limit(q.limit!))
      .execute();
    return rows.map(toEntry);
  }

  /** The id of the newest entry, 0 when there is none: where a live stream starts listening. */
  async lastId(): Promise<number> {
    const r = await this.db
      .selectFrom('audit')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    return Number(r?.id ?? 0);
  }
}

function toEntry(r: Selectable<AuditTable>): AuditEntry {
  return {
    id: Number(r.id),
    at: r.at,
    actor: r.actor,
    accountId: r.account_id,
    route: r.route,
    kind: r.kind,
    action: r.action,
    caseId: r.case_id,
    subject: r.subject,
    before: fromJson<unknown>(r.before, null),
    after: fromJson<unknown>(r.after, null),
    note: r.note,
  };
}
