import { sql, type Kysely } from 'kysely';
import type { QuadClass } from '../model/event.js';
import { NotFoundError, UsageError } from '../model/errors.js';
import { fromDayNumber, toDayNumber } from '../model/iso-date.js';
import type { Database } from './database.js';
import type { OpenedDatabase } from './open-store.js';
import { PostgresImportWriter } from './import-postgres-writer.js';
import type { FileProgress } from './import-rows.js';
import { SqliteImportWriter } from './import-sqlite-writer.js';
import { IMPORT_ORIGIN, IMPORTS_CASE_ID, type ImportDatabase, type ImportFilesTable } from './import-tables.js';
import type { ImportWriter } from './import-writer.js';
import { WorkerSqliteWriter } from './import-worker-writer.js';

/** An imported file as `parley sources` lists it. */
export interface ImportedFile {
  id: number;
  caseId: string;
  path: string | null;
  name: string;
  size: number | null;
  fingerprint: string | null;
  contentHash: string | null;
  format: string;
  dataset: string;
  importedAt: string;
  finishedAt: string | null;
  status: 'importing' | 'complete';
  progress: FileProgress;
  rejectsPath: string | null;
  options: string | null;
}

export interface NewImportFile {
  caseId: string;
  path: string | null;
  name: string;
  size: number | null;
  fingerprint: string | null;
  format: string;
  dataset: string;
  rejectsPath: string | null;
  options: string | null;
}

/** One imported move of a dyad, as the brief and reciprocity read it. */
export interface ImportedMove {
  /** `dataset:event key`, e.g. `gdelt2:778899001`. */
  id: string;
  date: string;
  sourceCode: string;
  targetCode: string;
  code: string;
  goldstein: number;
  quadClass: QuadClass;
}

export interface ImportedMovesQuery {
  caseId: string;
  a: string;
  b: string;
  from: string;
  to: string;
  /** CAMEO code prefixes (`04`, `163`); all codes when absent. */
  codes?: readonly string[];
}

export interface RemovedFile {
  file: ImportedFile;
  /** Rows that went: no other file held them. */
  rows: number;
  /** Rows the file held that stay, because another file holds them too. */
  kept: number;
}

function toFile(r: ImportFilesTable): ImportedFile {
  return {
    id: Number(r.id),
    caseId: r.case_id,
    path: r.path,
    name: r.name,
    size: r.size === null ? null : Number(r.size),
    fingerprint: r.fingerprint,
    contentHash: r.content_hash,
    format: r.format,
    dataset: r.dataset,
    importedAt: r.imported_at,
    finishedAt: r.finished_at,
    status: r.status === 'complete' ? 'complete' : 'importing',
    progress: {
      linesDone: Number(r.lines_done),
      rowsRead: Number(r.rows_read),
      rowsKept: Number(r.rows_kept),
      rowsRejected: Number(r.rows_rejected),
      rowsNew: Number(r.rows_new),
      firstDate: r.first_date,
      lastDate: r.last_date,
      rejectsBytes: Number(r.rejects_bytes),
      bytesDone: Number(r.bytes_done),
      prefixHash: r.prefix_hash,
    },
    rejectsPath: r.rejects_path,
    options: r.options,
  };
}

/**
 * Imported files and their events. The bulk row paths live in the writers (`openWriter`); this
 * class keeps the file records, the `imports` case, removal, and the dyad query.
 */
export class ImportRepository {
  private readonly db: Kysely<ImportDatabase>;

  constructor(
    db: Kysely<Database>,
    private readonly opened: OpenedDatabase,
  ) {
    // The import tables are typed beside the shared Database (import-tables.ts), not inside it.
    this.db = db as unknown as Kysely<ImportDatabase>;
  }

  /** The case rows go to: `caseId` if it exists, else the `imports` case, created on first use. */
  async resolveCase(caseId: string | undefined): Promise<string> {
    if (caseId !== undefined) {
      const found = await this.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
      if (!found)
        throw new UsageError(
          `case "${caseId}" is not in the store; load the case first, or import without --case (rows then go to the case "${IMPORTS_CASE_ID}")`,
        );
      return caseId;
    }
    await this.db
      .insertInto('cases')
      .values({
        id: IMPORTS_CASE_ID,
        title: 'Imported event data',
        description: 'Events imported from GDELT, ICEWS, POLECAT, Phoenix and CSV files without --case.',
        settings: JSON.stringify({ parties: ['', ''] }),
        files_hash: null,
        loaded_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    return IMPORTS_CASE_ID;
  }

  /**
   * Earlier records of an input in this case: the same fingerprint (size, head and tail) and the
   * same format, newest first. Candidates only: the importer checks their content before it skips
   * or resumes anything.
   */
  async findByFingerprint(caseId: string, fingerprint: string, format: string): Promise<ImportedFile[]> {
    const rows = await this.db
      .selectFrom('import_files')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('fingerprint', '=', fingerprint)
      .where('format', '=', format)
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toFile);
  }

  /** The complete imports of the same content in this case, other than `exceptId`, oldest first. */
  async findCompleteByHash(caseId: string, contentHash: string, exceptId: number): Promise<ImportedFile[]> {
    const rows = await this.db
      .selectFrom('import_files')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('content_hash', '=', contentHash)
      .where('status', '=', 'complete')
      .where('id', '<>', exceptId)
      .orderBy('id')
      .execute();
    return rows.map(toFile);
  }

  async get(id: number): Promise<ImportedFile | undefined> {
    const r = await this.db.selectFrom('import_files').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toFile(r) : undefined;
  }

  async list(caseId?: string): Promise<ImportedFile[]> {
    let q = this.db.selectFrom('import_files').selectAll().orderBy('id');
    if (caseId !== undefined) q = q.where('case_id', '=', caseId);
    return (await q.execute()).map(toFile);
  }

  /**
   * A new file record, status importing. Ids are small integers a person can type (`parley sources
   * remove 3`), taken as max + 1 inside a transaction that serialises the choice (SQLite's write
   * lock; a transaction-scoped advisory lock on PostgreSQL), so parallel imports each get their own.
   */
  async create(file: NewImportFile): Promise<ImportedFile> {
    const id = await this.inTransaction(async (trx) => {
      if (this.opened.dialect === 'postgres')
        await sql`SELECT pg_advisory_xact_lock(hashtext('parley.import-files'))`.execute(trx);
      const max = await trx.selectFrom('import_files').select(sql<number | null>`max(id)`.as('m')).executeTakeFirst();
      const next = Number(max?.m ?? 0) + 1;
      await trx
        .insertInto('import_files')
        .values({
          id: next,
          case_id: file.caseId,
          path: file.path,
          name: file.name,
          size: file.size,
          fingerprint: file.fingerprint,
          content_hash: null,
          format: file.format,
          dataset: file.dataset,
          imported_at: new Date().toISOString(),
          finished_at: null,
          status: 'importing',
          lines_done: 0,
          rows_read: 0,
          rows_kept: 0,
          rows_rejected: 0,
          rows_new: 0,
          first_date: null,
          last_date: null,
          rejects_path: file.rejectsPath,
          rejects_bytes: 0,
          options: file.options,
          bytes_done: 0,
          prefix_hash: null,
        })
        .execute();
      return next;
    });
    const created = await this.get(id);
    if (!created) throw new Error(`import file ${id} vanished after insert`);
    return created;
  }

  /** Runs `work` in the transaction this repository was made in, or in a new one. */
  private inTransaction<T>(work: (trx: Kysely<ImportDatabase>) => Promise<T>): Promise<T> {
    return this.db.isTransaction ? work(this.db) : this.db.transaction().execute(work);
  }

  async finish(id: number, contentHash: string | null): Promise<void> {
    await this.db
      .updateTable('import_files')
      .set({ status: 'complete', finished_at: new Date().toISOString(), content_hash: contentHash })
      .where('id', '=', id)
      .execute();
  }

  /**
   * The series id of a (case, dataset) pair, created on first use. Ids are taken as max + 1 and
   * retried if a concurrent import took the same one.
   */
  async seriesOf(caseId: string, dataset: string): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      const found = await this.db
        .selectFrom('import_series')
        .select('id')
        .where('case_id', '=', caseId)
        .where('dataset', '=', dataset)
        .executeTakeFirst();
      if (found) return Number(found.id);
      try {
        await this.db
          .insertInto('import_series')
          .values({ id: await this.nextId('import_series'), case_id: caseId, dataset })
          .execute();
      } catch (err) {
        if (attempt >= 5) throw err;
      }
    }
  }

  /** One more than the largest id in the table; the caller retries if a concurrent insert takes it first. */
  private async nextId(table: 'import_files' | 'import_series'): Promise<number> {
    const max = await this.db.selectFrom(table).select(sql<number | null>`max(id)`.as('m')).executeTakeFirst();
    return Number(max?.m ?? 0) + 1;
  }

  /** The series ids of a case's imported rows, one per dataset. */
  private seriesOfCase(caseId: string) {
    return this.db.selectFrom('import_series').select('id').where('case_id', '=', caseId);
  }

  /** The bulk writer of one file's rows: raw better-sqlite3 for SQLite, COPY for PostgreSQL. */
  async openWriter(file: ImportedFile): Promise<ImportWriter> {
    const series = await this.seriesOf(file.caseId, file.dataset);
    if (this.opened.dialect === 'sqlite' && this.opened.sqlite) {
      // A file store gets a writer thread, so that parsing (here) and SQLite's B-tree work (there)
      // run on two cores; PARLEY_IMPORT_THREADS=1 keeps both in this thread. An in-memory store
      // cannot be shared with a thread.
      if (this.opened.location !== ':memory:' && process.env.PARLEY_IMPORT_THREADS !== '1') {
        const threaded = await WorkerSqliteWriter.start(this.opened.location, file.caseId, series, file.id);
        if (threaded) return threaded;
      }
      return new SqliteImportWriter(this.opened.sqlite, file.caseId, series, file.id);
    }
    if (this.opened.pool) return PostgresImportWriter.open(this.opened.pool, file.caseId, series, file.id);
    throw new Error('the store has neither a SQLite handle nor a PostgreSQL pool');
  }

  /**
   * Takes a file out, in one transaction (the caller's, if it is in one): the rows no other file
   * holds go, with their share of the daily dyad sums; the rows another file also brought stay, now
   * that file's (`imported_event_holders`).
   */
  async remove(id: number): Promise<RemovedFile> {
    return this.inTransaction(async (trx) => {
      const found = await trx.selectFrom('import_files').selectAll().where('id', '=', id).executeTakeFirst();
      if (!found) throw new NotFoundError(`no imported file has id ${id}; \`parley sources\` lists them`);
      const file = toFile(found);
      const heldElsewhere = sql`EXISTS (SELECT 1 FROM imported_event_holders h
        WHERE h.series = imported_events.series AND h.event_key = imported_events.event_key AND h.file_id <> ${id})`;
      await sql`
        INSERT INTO dyad_days (case_id, origin, day, source, target, quad_class, n, goldstein_sum, positive_sum, negative_sum)
        SELECT ${file.caseId}, ${IMPORT_ORIGIN}, day, source_party, target_party, quad_class, -count(*),
               -sum(goldstein), -sum(CASE WHEN goldstein > 0 THEN goldstein ELSE 0 END), -sum(CASE WHEN goldstein < 0 THEN goldstein ELSE 0 END)
        FROM imported_events
        WHERE file_id = ${id} AND source_party IS NOT NULL AND target_party IS NOT NULL AND NOT ${heldElsewhere}
        GROUP BY day, source_party, target_party, quad_class
        ON CONFLICT (case_id, source, target, day, quad_class, origin) DO UPDATE SET
          n = dyad_days.n + excluded.n, goldstein_sum = dyad_days.goldstein_sum + excluded.goldstein_sum,
          positive_sum = dyad_days.positive_sum + excluded.positive_sum, negative_sum = dyad_days.negative_sum + excluded.negative_sum
      `.execute(trx);
      await trx
        .deleteFrom('dyad_days')
        .where('case_id', '=', file.caseId)
        .where('origin', '=', IMPORT_ORIGIN)
        .where('n', '<=', 0)
        .execute();
      const deleted = await sql`DELETE FROM imported_events WHERE file_id = ${id} AND NOT ${heldElsewhere}`.execute(
        trx,
      );
      const alsoHeld = await trx.deleteFrom('imported_event_holders').where('file_id', '=', id).executeTakeFirst();
      // What is left of the file's own rows is held by another file: the first of them takes it.
      const handedOver = await sql`
        UPDATE imported_events SET file_id = (SELECT min(h.file_id) FROM imported_event_holders h
          WHERE h.series = imported_events.series AND h.event_key = imported_events.event_key)
        WHERE file_id = ${id}`.execute(trx);
      if (Number(handedOver.numAffectedRows ?? 0) > 0)
        await sql`
          DELETE FROM imported_event_holders WHERE EXISTS (SELECT 1 FROM imported_events e
            WHERE e.series = imported_event_holders.series AND e.event_key = imported_event_holders.event_key
              AND e.file_id = imported_event_holders.file_id)`.execute(trx);
      await trx.deleteFrom('import_files').where('id', '=', id).execute();
      return {
        file,
        rows: Number(deleted.numAffectedRows ?? 0),
        kept: Number(handedOver.numAffectedRows ?? 0) + Number(alsoHeld.numDeletedRows),
      };
    });
  }

  /** Imported moves between two parties, both directions, by date. */
  async findImportedMoves(q: ImportedMovesQuery): Promise<ImportedMove[]> {
    let query = this.db
      .selectFrom('imported_events')
      .innerJoin('import_series', 'import_series.id', 'imported_events.series')
      .select([
        'import_series.dataset',
        'event_key',
        'day',
        'source_code',
        'target_code',
        'code',
        'goldstein',
        'quad_class',
      ])
      .where('series', 'in', this.seriesOfCase(q.caseId))
      .where((eb) =>
        eb.or([
          eb.and([eb('source_party', '=', q.a), eb('target_party', '=', q.b)]),
          eb.and([eb('source_party', '=', q.b), eb('target_party', '=', q.a)]),
        ]),
      )
      .where('day', '>=', toDayNumber(q.from))
      .where('day', '<=', toDayNumber(q.to));
    if (q.codes && q.codes.length > 0) {
      const codes = q.codes;
      query = query.where((eb) => eb.or(codes.map((c) => eb('code', 'like', `${c}%`))));
    }
    const rows = await query.orderBy('day').orderBy('import_series.dataset').orderBy('event_key').execute();
    return rows.map((r) => ({
      id: `${r.dataset}:${r.event_key}`,
      date: fromDayNumber(Number(r.day)),
      sourceCode: r.source_code ?? '',
      targetCode: r.target_code ?? '',
      code: r.code,
      goldstein: Number(r.goldstein),
      quadClass: r.quad_class,
    }));
  }

  /** Counts for consistency checks: rows of a case, and the sum of its imported daily aggregates. */
  async totals(
    caseId: string,
  ): Promise<{ rows: number; dyadRows: number; aggregateN: number; aggregateGoldstein: number }> {
    const r = await this.db
      .selectFrom('imported_events')
      .select([
        sql<number>`count(*)`.as('n'),
        sql<number>`sum(CASE WHEN source_party IS NOT NULL AND target_party IS NOT NULL THEN 1 ELSE 0 END)`.as('d'),
      ])
      .where('series', 'in', this.seriesOfCase(caseId))
      .executeTakeFirstOrThrow();
    const a = await this.db
      .selectFrom('dyad_days')
      .select([sql<number>`coalesce(sum(n), 0)`.as('n'), sql<number>`coalesce(sum(goldstein_sum), 0)`.as('g')])
      .where('case_id', '=', caseId)
      .where('origin', '=', IMPORT_ORIGIN)
      .executeTakeFirstOrThrow();
    return { rows: Number(r.n), dyadRows: Number(r.d ?? 0), aggregateN: Number(a.n), aggregateGoldstein: Number(a.g) };
  }
}
