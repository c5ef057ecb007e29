import type BetterSqlite3 from 'better-sqlite3';
import {
  DyadDayAccumulator,
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

/** Rows per INSERT statement: 128 rows × 13 values stays far below SQLite's 32,766 variables. */
const ROWS_PER_STATEMENT = 128;
const AGGS_PER_STATEMENT = 256;

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * The SQLite bulk path: prepared multi-row INSERTs through the raw better-sqlite3 handle, one
 * transaction per chunk holding the rows, their daily dyad sums and the file's progress, so that a
 * kill at any moment leaves rows, aggregates and progress in agreement.
 *
 * Duplicates (a re-issued day, an overlapping file, a resumed chunk) are found without a lookup per
 * row: the chunk is inserted with INSERT OR IGNORE and the changes counted. When every row went in,
 * the chunk's aggregates are those of the whole chunk. When some did not, the chunk is rolled back
 * and replayed row by row, adding to the aggregates only the rows that went in, and recording this
 * file as a holder of each row another file brought first (`imported_event_holders`), so that
 * removing that file leaves the row.
 *
 * Pragmas: the store's WAL journal with synchronous=NORMAL stays during imports. It is crash-safe
 * (a kill or a power cut loses at most the open chunk, never consistency), and measured here on a
 * 300,000-row GDELT file, synchronous=OFF, journal_mode=DELETE or a larger wal_autocheckpoint
 * changed the time by less than the run-to-run noise: the import is CPU-bound in SQLite's B-tree
 * work, not waiting on the disk. The page cache is 64 MiB, as for the store: with the narrow rows
 * of migration 003 a 256 MiB cache was no faster within the noise on a 1,000,000-row file (41–57k
 * rows/s either way here), while the process grew with it to 530 MiB; with 64 MiB it levels off
 * near 320 MiB (writer thread) or 235 MiB (one thread) whatever the file's size.
 */
export class SqliteImportWriter implements ImportWriter {
  private readonly bulk: BetterSqlite3.Statement;
  private readonly tail = new Map<number, BetterSqlite3.Statement>();
  private readonly single: BetterSqlite3.Statement;
  private readonly holder: BetterSqlite3.Statement;
  private readonly aggBulk: BetterSqlite3.Statement;
  private readonly aggSingle: BetterSqlite3.Statement;
  private readonly progress: BetterSqlite3.Statement;
  private readonly acc = new DyadDayAccumulator();
  private readonly prefix: string;
  private readonly aggPrefix: string;
  private readonly aggSuffix =
    ' ON CONFLICT (case_id, source, target, day, quad_class, origin) DO UPDATE SET n = dyad_days.n + excluded.n,' +
    ' goldstein_sum = dyad_days.goldstein_sum + excluded.goldstein_sum, positive_sum = dyad_days.positive_sum + excluded.positive_sum,' +
    ' negative_sum = dyad_days.negative_sum + excluded.negative_sum';
  private readonly rowParams: RowValue[] = new Array<RowValue>(ROW_WIDTH);
  private readonly aggParams: (string | number)[] = [];

  constructor(
    private readonly db: BetterSqlite3.Database,
    caseId: string,
    series: number,
    private readonly fileId: number,
  ) {
    // 32 MiB of pages: as fast as 64 on a million GDELT rows, and half the memory a server running
    // the import beside its own connection's cache holds.
    db.pragma('cache_size = -32768');
    // Series and file are the same for every row of the file: written into the statement as
    // literals so that each row binds 13 values, not 15.
    const constants = `${Number(series)}, ${Number(fileId)}`;
    this.prefix = `INSERT OR IGNORE INTO imported_events (series, file_id, ${ROW_COLUMNS.join(', ')}) VALUES `;
    const tuple = `(${constants}, ${ROW_COLUMNS.map(() => '?').join(', ')})`;
    this.bulk = db.prepare(this.prefix + new Array<string>(ROWS_PER_STATEMENT).fill(tuple).join(','));
    this.single = db.prepare(this.prefix + tuple);
    this.holder = db.prepare(
      `INSERT OR IGNORE INTO imported_event_holders (series, event_key, file_id)
       SELECT series, event_key, ${Number(fileId)} FROM imported_events
       WHERE series = ${Number(series)} AND event_key = ? AND file_id <> ${Number(fileId)}`,
    );
    this.aggPrefix = `INSERT INTO dyad_days (case_id, origin, day, source, target, quad_class, n, goldstein_sum, positive_sum, negative_sum) VALUES `;
    const aggTuple = `(${quote(caseId)}, '${IMPORT_ORIGIN}', ?, ?, ?, ?, ?, ?, ?, ?)`;
    this.aggBulk = db.prepare(
      this.aggPrefix + new Array<string>(AGGS_PER_STATEMENT).fill(aggTuple).join(',') + this.aggSuffix,
    );
    this.aggSingle = db.prepare(this.aggPrefix + aggTuple + this.aggSuffix);
    this.progress = db.prepare(progressUpdateSql(() => '?'));
    this.tuple = tuple;
  }

  private readonly tuple: string;

  private tailStatement(rows: number): BetterSqlite3.Statement {
    let s = this.tail.get(rows);
    if (!s) {
      s = this.db.prepare(this.prefix + new Array<string>(rows).fill(this.tuple).join(','));
      this.tail.set(rows, s);
    }
    return s;
  }

  private open = false;
  private chunkInserted = 0;

  private begin(): void {
    if (this.open) return;
    this.db.exec('BEGIN IMMEDIATE');
    this.open = true;
    this.chunkInserted = 0;
    this.acc.clear();
  }

  async write(rows: ImportRowBuffer): Promise<void> {
    this.begin();
    const db = this.db;
    const values = rows.values;
    const count = rows.count;
    db.exec('SAVEPOINT batch');
    let inserted = 0;
    let r = 0;
    for (; r + ROWS_PER_STATEMENT <= count; r += ROWS_PER_STATEMENT) {
      inserted += this.bulk.run(values.slice(r * ROW_WIDTH, (r + ROWS_PER_STATEMENT) * ROW_WIDTH)).changes;
    }
    if (r < count)
      inserted += this.tailStatement(count - r).run(values.slice(r * ROW_WIDTH, count * ROW_WIDTH)).changes;
    if (inserted === count) {
      for (let i = 0; i < count; i++) this.acc.addRow(values, i);
    } else {
      // Some rows were already stored: undo the batch and replay it row by row, keeping only the new ones.
      db.exec('ROLLBACK TO batch');
      inserted = 0;
      const p = this.rowParams;
      for (let i = 0; i < count; i++) {
        const o = i * ROW_WIDTH;
        for (let c = 0; c < ROW_WIDTH; c++) p[c] = values[o + c]!;
        if (this.single.run(p).changes === 1) {
          inserted++;
          this.acc.addRow(values, i);
        } else {
          this.holder.run(p[0]);
        }
      }
    }
    db.exec('RELEASE batch');
    this.chunkInserted += inserted;
  }

  async commit(progress: FileProgress): Promise<number> {
    this.begin();
    try {
      this.writeAggregates();
      progress.rowsNew += this.chunkInserted;
      this.progress.run(progressValues(progress, this.fileId));
      this.db.exec('COMMIT');
      this.open = false;
      return this.chunkInserted;
    } catch (err) {
      await this.close();
      throw err;
    }
  }

  private writeAggregates(): void {
    const a = this.acc;
    const p = this.aggParams;
    let k = 0;
    const flush = (stmt: BetterSqlite3.Statement): void => {
      stmt.run(p);
      p.length = 0;
    };
    for (let i = 0; i < a.size; i++) {
      p.push(a.day[i]!, a.source[i]!, a.target[i]!, a.quad[i]!, a.n[i]!, a.sum[i]!, a.pos[i]!, a.neg[i]!);
      if (++k === AGGS_PER_STATEMENT) {
        flush(this.aggBulk);
        k = 0;
      }
    }
    // The rest one at a time: fewer than 256 upserts, and no statement to prepare per size.
    for (let j = 0; j < k; j++) this.aggSingle.run(p.slice(j * 8, j * 8 + 8));
    p.length = 0;
  }

  async close(): Promise<void> {
    if (this.open && this.db.inTransaction) this.db.exec('ROLLBACK');
    this.open = false;
  }
}
