import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { isOrganisationCode } from '../model/actor-code.js';
import { fromDayNumber, toDayNumber } from '../model/iso-date.js';
import type { Database } from './database.js';
import type { ImportDatabase } from './import-tables.js';
import { prefixRange } from './json-column.js';

/** Which imported rows to list (`parley events --imported`). Prefix lists match any; all given fields must hold. */
export interface ImportedRowQuery {
  caseIds: readonly string[];
  /** Two country parties: only rows between them, either direction. */
  dyad?: readonly [string, string];
  from?: string;
  to?: string;
  /** Either side under one of these actor codes (`USA`, `PRKGOV`). */
  eitherCodes?: readonly string[];
  sourceCodes?: readonly string[];
  targetCodes?: readonly string[];
  /** CAMEO event code prefixes. */
  codes?: readonly string[];
  limit?: number;
  offset?: number;
}

/** One imported row as a person reads it. */
export interface ImportedRow {
  /** `dataset:event key`, e.g. `gdelt2:778899001`. */
  id: string;
  date: string;
  sourceCode: string | null;
  targetCode: string | null;
  code: string;
  goldstein: number;
  quadClass: number;
  sourceName: string | null;
  targetName: string | null;
  url: string | null;
  /** The import that brought it first (`parley sources`). */
  fileId: number;
}

/** A move to look for among imported rows: its day, direction (country parties) and CAMEO root. */
export interface MoveShape {
  date: string;
  sourceParty: string;
  targetParty: string;
  root: string;
}

type Rows = ExpressionBuilder<ImportDatabase, 'imported_events'>;

/**
 * Imported rows read as a person reads them, beside a case's own ledger: listed and filtered
 * (`events --imported`), and compared with the case's moves (the brief's overlap count, and review).
 * A dataset dates a move by the day it was reported, often the day after it happened, so a row
 * "looks like" a move when it is within a day of it, in the same direction, with the same root.
 */
export class ImportedRowRepository {
  private readonly db: Kysely<ImportDatabase>;

  constructor(db: Kysely<Database>) {
    this.db = db as unknown as Kysely<ImportDatabase>;
  }

  async find(q: ImportedRowQuery): Promise<ImportedRow[]> {
    let query = this.matching(q)
      .selectAll('imported_events')
      .select('import_series.dataset')
      .orderBy('day')
      .orderBy('import_series.dataset')
      .orderBy('event_key');
    if (q.limit !== undefined) query = query.limit(q.limit);
    if (q.offset) query = query.offset(q.offset);
    return (await query.execute()).map((r) => ({
      id: `${r.dataset}:${r.event_key}`,
      date: fromDayNumber(Number(r.day)),
      sourceCode: r.source_code,
      targetCode: r.target_code,
      code: r.code,
      goldstein: Number(r.goldstein),
      quadClass: Number(r.quad_class),
      sourceName: r.source_name,
      targetName: r.target_name,
      url: r.url,
      fileId: Number(r.file_id),
    }));
  }

  /** How many rows `find` would give without a limit. */
  async count(q: ImportedRowQuery): Promise<number> {
    const r = await this.matching(q).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  private matching(q: ImportedRowQuery) {
    const dyad = q.dyad;
    return this.db
      .selectFrom('imported_events')
      .innerJoin('import_series', 'import_series.id', 'imported_events.series')
      .where('import_series.case_id', 'in', [...q.caseIds])
      .$if(dyad !== undefined, (x) =>
        x.where((eb) =>
          eb.or([
            eb.and([eb('source_party', '=', dyad![0]), eb('target_party', '=', dyad![1])]),
            eb.and([eb('source_party', '=', dyad![1]), eb('target_party', '=', dyad![0])]),
          ]),
        ),
      )
      .$if(q.from !== undefined, (x) => x.where('day', '>=', toDayNumber(q.from!)))
      .$if(q.to !== undefined, (x) => x.where('day', '<=', toDayNumber(q.to!)))
      .$if(!!q.eitherCodes?.length, (x) =>
        x.where((eb) => eb.or(q.eitherCodes!.flatMap((c) => [side(eb, 'source', c), side(eb, 'target', c)]))),
      )
      .$if(!!q.sourceCodes?.length, (x) => x.where((eb) => eb.or(q.sourceCodes!.map((c) => side(eb, 'source', c)))))
      .$if(!!q.targetCodes?.length, (x) => x.where((eb) => eb.or(q.targetCodes!.map((c) => side(eb, 'target', c)))))
      .$if(!!q.codes?.length, (x) => x.where((eb) => eb.or(q.codes!.map((c) => startsWith(eb, 'code', c)))));
  }

  /** The datasets of these cases' imported rows (gdelt2, icews, ...), by name. */
  async datasetsOf(caseIds: readonly string[]): Promise<string[]> {
    const rows = await this.db
      .selectFrom('import_series')
      .select('dataset')
      .distinct()
      .where('case_id', 'in', [...caseIds])
      .orderBy('dataset')
      .execute();
    return rows.map((r) => r.dataset);
  }

  /** How many imported rows of these cases look like this move. */
  async countLike(caseIds: readonly string[], m: MoveShape): Promise<number> {
    const day = toDayNumber(m.date);
    const r = await this.db
      .selectFrom('imported_events')
      .select(sql<number>`count(*)`.as('n'))
      .where('series', 'in', (eb) =>
        eb
          .selectFrom('import_series')
          .select('id')
          .where('case_id', 'in', [...caseIds]),
      )
      .where('source_party', '=', m.sourceParty)
      .where('target_party', '=', m.targetParty)
      .where('day', '>=', day - 1)
      .where('day', '<=', day + 1)
      .where(sql<string>`substr(code, 1, 2)`, '=', m.root)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /**
   * How many imported rows of a country-level dyad in a window look like a confirmed move of the
   * case, either direction.
   */
  async countAlsoInCase(q: {
    importCases: readonly string[];
    caseId: string;
    a: string;
    b: string;
    from: string;
    to: string;
  }): Promise<number> {
    const r = await sql<{ n: number }>`
      SELECT count(*) AS n FROM imported_events ie
      WHERE ie.series IN (SELECT id FROM import_series WHERE case_id IN (${sql.join([...q.importCases])}))
        AND ((ie.source_party = ${q.a} AND ie.target_party = ${q.b}) OR (ie.source_party = ${q.b} AND ie.target_party = ${q.a}))
        AND ie.day BETWEEN ${toDayNumber(q.from)} AND ${toDayNumber(q.to)}
        AND EXISTS (SELECT 1 FROM events e WHERE e.case_id = ${q.caseId} AND e.status = 'confirmed'
          AND e.source_party = ie.source_party AND e.target_party = ie.target_party
          AND e.day BETWEEN ie.day - 1 AND ie.day + 1 AND e.root = substr(ie.code, 1, 2))`.execute(this.db);
    return Number(r.rows[0]?.n ?? 0);
  }
}

/** A side under an actor code: a bare country is its party (indexed), anything finer a code prefix. */
function side(eb: Rows, which: 'source' | 'target', code: string) {
  if (code.length === 3 && !isOrganisationCode(code)) return eb(`${which}_party`, '=', code);
  return startsWith(eb, `${which}_code`, code);
}

function startsWith(eb: Rows, column: 'code' | 'source_code' | 'target_code', prefix: string) {
  const [lo, hi] = prefixRange(prefix);
  return eb.and([eb(column, '>=', lo), eb(column, '<', hi)]);
}
