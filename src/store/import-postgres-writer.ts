import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import {
  ROW_COLUMNS,
  ROW_WIDTH,
  type FileProgress,
  type ImportRowBuffer,
  progressUpdateSql,
  progressValues,
  type RowValue,
} from './import-rows.js';
import { IMPORT_ORIGIN } from './import-tables.js';
import type { ImportWriter } from './import-writer.js';

const NEEDS_ESCAPE = /[\t\n\r\\]/;

/** One value in COPY's text format: `\N` for NULL, and backslash escapes for tab, newline, CR and backslash. */
function copyText(v: RowValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  if (!NEEDS_ESCAPE.test(v)) return v;
  return v.replace(/[\t\n\r\\]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\\\'));
}

/**
 * The PostgreSQL bulk path: each chunk is COPYed into a temporary stage table, then one statement
 * moves the new rows into `imported_events` (ON CONFLICT DO NOTHING drops those already stored) and
 * adds exactly those rows to `dyad_days`, all in one transaction with the file's progress. When
 * some rows were already stored, this file is recorded as a holder of those another file brought
 * first (`imported_event_holders`), so that removing that file leaves them.
 */
export class PostgresImportWriter implements ImportWriter {
  private ready = false;

  private constructor(
    private readonly client: pg.PoolClient,
    private readonly caseId: string,
    private readonly series: number,
    private readonly fileId: number,
  ) {}

  static async open(pool: pg.Pool, caseId: string, series: number, fileId: number): Promise<PostgresImportWriter> {
    const client = await pool.connect();
    return new PostgresImportWriter(client, caseId, series, fileId);
  }

  private async prepare(): Promise<void> {
    if (this.ready) return;
    await this.client.query(
      `CREATE TEMP TABLE IF NOT EXISTS import_stage (
         event_key text, day integer, source_code text, target_code text, source_party text,
         target_party text, code text, quad_class integer, goldstein double precision, source_name text,
         target_name text, url text, extra text) ON COMMIT DELETE ROWS`,
    );
    this.ready = true;
  }

  private copy: CopyStreamQuery | undefined;
  private open = false;
  private staged = 0;

  private async begin(): Promise<void> {
    if (this.open) return;
    await this.prepare();
    await this.client.query('BEGIN');
    this.open = true;
    this.staged = 0;
  }

  async write(rows: ImportRowBuffer): Promise<void> {
    await this.begin();
    if (!this.copy) {
      this.copy = this.client.query(copyFrom(`COPY import_stage (${ROW_COLUMNS.join(', ')}) FROM STDIN`));
      // A failed COPY surfaces where the chunk is committed (`finished` rejects); a COPY abandoned
      // by a rollback reports its cancellation here, and nobody is waiting for that.
      this.copy.on('error', () => undefined);
    }
    const copy = this.copy;
    const values = rows.values;
    let text = '';
    for (let r = 0; r < rows.count; r++) {
      const o = r * ROW_WIDTH;
      for (let k = 0; k < ROW_WIDTH; k++) text += (k === 0 ? '' : '\t') + copyText(values[o + k]!);
      text += '\n';
    }
    this.staged += rows.count;
    if (!copy.write(text)) await new Promise<void>((resolve) => copy.once('drain', () => resolve()));
  }

  async commit(progress: FileProgress): Promise<number> {
    await this.begin();
    const c = this.client;
    try {
      let inserted = 0;
      if (this.copy) {
        const copy = this.copy;
        this.copy = undefined;
        copy.end();
        await finished(copy);
        const cols = ROW_COLUMNS.join(', ');
        const moved = await c.query<{ n: number }>(
          `WITH ins AS (
             INSERT INTO imported_events (series, file_id, ${cols})
             SELECT $2, $3, ${cols} FROM import_stage
             ON CONFLICT DO NOTHING
             RETURNING day, source_party, target_party, quad_class, goldstein
           ), agg AS (
             INSERT INTO dyad_days (case_id, origin, day, source, target, quad_class, n, goldstein_sum, positive_sum, negative_sum)
             SELECT $1, '${IMPORT_ORIGIN}', day, source_party, target_party, quad_class, count(*),
                    sum(goldstein), sum(greatest(goldstein, 0)), sum(least(goldstein, 0))
             FROM ins WHERE source_party IS NOT NULL AND target_party IS NOT NULL
             GROUP BY day, source_party, target_party, quad_class
             ON CONFLICT (case_id, source, target, day, quad_class, origin) DO UPDATE SET
               n = dyad_days.n + excluded.n, goldstein_sum = dyad_days.goldstein_sum + excluded.goldstein_sum,
               positive_sum = dyad_days.positive_sum + excluded.positive_sum, negative_sum = dyad_days.negative_sum + excluded.negative_sum
           )
           SELECT count(*)::int AS n FROM ins`,
          [this.caseId, this.series, this.fileId],
        );
        inserted = Number(moved.rows[0]?.n ?? 0);
        if (inserted < this.staged) await this.recordHolders();
      }
      progress.rowsNew += inserted;
      await c.query(
        progressUpdateSql((n) => `$${n}`),
        progressValues(progress, this.fileId),
      );
      await c.query('COMMIT');
      this.open = false;
      return inserted;
    } catch (err) {
      await this.rollback();
      throw err;
    }
  }

  /** Runs after the chunk's new rows went in: those are this file's own, and not listed again. */
  private async recordHolders(): Promise<void> {
    await this.client.query(
      `INSERT INTO imported_event_holders (series, event_key, file_id)
       SELECT DISTINCT e.series, e.event_key, $2::integer FROM import_stage s
       JOIN imported_events e ON e.series = $1 AND e.event_key = s.event_key
       WHERE e.file_id <> $2
       ON CONFLICT DO NOTHING`,
      [this.series, this.fileId],
    );
  }

  private async rollback(): Promise<void> {
    if (this.copy) {
      this.copy.destroy();
      this.copy = undefined;
    }
    if (this.open) await this.client.query('ROLLBACK').catch(() => undefined);
    this.open = false;
  }

  async close(): Promise<void> {
    await this.rollback();
    this.client.release();
  }
}
