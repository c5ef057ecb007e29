/**
 * The SQLite writer thread of an import: its own better-sqlite3 connection to the store's file,
 * driven by messages from `WorkerSqliteWriter`, so that parsing (main thread) and SQLite's B-tree
 * work (here) run on two cores. Same transaction protocol as the in-thread writer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { ImportRowBuffer, ROW_WIDTH, type FileProgress, type RowValue } from './import-rows.js';
import { SqliteImportWriter } from './import-sqlite-writer.js';
import { BUSY_TIMEOUT_MS } from './sqlite-busy-timeout.js';

interface Data {
  path: string;
  caseId: string;
  series: number;
  fileId: number;
}

export type WorkerRequest =
  | { type: 'write'; values: RowValue[] }
  | { type: 'commit'; progress: FileProgress }
  | { type: 'close' };
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'written' }
  | { type: 'committed'; inserted: number }
  | { type: 'closed' }
  | { type: 'error'; message: string };

const port = parentPort!;
const data = workerData as Data;
const db = new BetterSqlite3(data.path);
db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
db.pragma('synchronous = NORMAL');
const writer = new SqliteImportWriter(db, data.caseId, data.series, data.fileId);
const rows = new ImportRowBuffer();

port.on('message', (m: WorkerRequest) => {
  void handle(m).catch((err: unknown) =>
    port.postMessage({
      type: 'error',
      message: err instanceof Error ? err.message : String(err),
    } satisfies WorkerReply),
  );
});

async function handle(m: WorkerRequest): Promise<void> {
  if (m.type === 'write') {
    rows.values = m.values;
    rows.count = m.values.length / ROW_WIDTH;
    await writer.write(rows);
    port.postMessage({ type: 'written' } satisfies WorkerReply);
  } else if (m.type === 'commit') {
    const inserted = await writer.commit(m.progress);
    port.postMessage({ type: 'committed', inserted } satisfies WorkerReply);
  } else {
    await writer.close();
    db.close();
    port.postMessage({ type: 'closed' } satisfies WorkerReply);
  }
}

port.postMessage({ type: 'ready' } satisfies WorkerReply);
