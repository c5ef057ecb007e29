import { type ResourceLimits, Worker } from 'node:worker_threads';
import { StoreError } from '../model/errors.js';
import { ROW_WIDTH, type FileProgress, type ImportRowBuffer } from './import-rows.js';
import type { WorkerReply, WorkerRequest } from './import-sqlite-worker.js';
import type { ImportWriter } from './import-writer.js';

/** Batches in flight before `write` waits: enough to keep the writer busy, few enough to keep memory flat. */
const MAX_IN_FLIGHT = 4;

/** The writer thread's heap limits: V8's defaults unless the process asks for a lean thread. */
let workerLimits: ResourceLimits = {};

/**
 * Gives the writer threads started from now on a small young generation. Each batch a thread
 * writes is garbage a moment later; a small nursery collects it before it adds tens of MiB to
 * the process (a million-row upload to `parley serve`: 310 -> 285 MiB peak), at some cost in
 * speed (an import of a million rows 5-15% slower here). The server asks for it, where memory is
 * shared with every reader; the CLI keeps the defaults. The old generation is never limited, so
 * no import can fail for want of heap.
 */
export function keepImportThreadsLean(): void {
  workerLimits = { maxYoungGenerationSizeMb: 8 };
}

/**
 * An `ImportWriter` that hands batches to a SQLite writer thread (`import-sqlite-worker.ts`).
 * Used for file databases; `:memory:` stores, and runtimes where the worker cannot start, use the
 * in-thread `SqliteImportWriter`. A kill takes the thread with the process, and the open chunk's
 * transaction with it, as in the single-threaded path.
 */
export class WorkerSqliteWriter implements ImportWriter {
  private inFlight = 0;
  private failure: Error | undefined;
  private waiters: {
    accept: (r: WorkerReply) => boolean;
    resolve: (r: WorkerReply) => void;
    reject: (e: Error) => void;
  }[] = [];

  private constructor(private readonly worker: Worker) {
    worker.on('message', (r: WorkerReply) => this.receive(r));
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', (code) => {
      if (code !== 0) this.fail(new StoreError(`the import's SQLite writer thread stopped (exit ${code})`));
    });
  }

  /** Starts the thread; resolves to undefined when it cannot start here (then write in-thread). */
  static async start(
    path: string,
    caseId: string,
    series: number,
    fileId: number,
  ): Promise<WorkerSqliteWriter | undefined> {
    // Next to this module: the .js build under dist; under tsx (from source) the .ts file, which a
    // worker can only load once tsx is registered in it, hence the small bootstrap.
    const workerData = { path, caseId, series, fileId };
    let worker: Worker;
    try {
      if (import.meta.url.endsWith('.ts')) {
        const url = new URL('./import-sqlite-worker.ts', import.meta.url).href;
        const api = import.meta.resolve('tsx/esm/api');
        const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url)}); });`;
        worker = new Worker(boot, { eval: true, workerData, resourceLimits: workerLimits });
      } else {
        worker = new Worker(new URL('./import-sqlite-worker.js', import.meta.url), {
          workerData,
          resourceLimits: workerLimits,
        });
      }
    } catch {
      return undefined;
    }
    const ready = await new Promise<boolean>((resolve) => {
      worker.once('message', (r: WorkerReply) => resolve(r.type === 'ready'));
      worker.once('error', () => resolve(false));
    });
    if (!ready) {
      await worker.terminate();
      return undefined;
    }
    return new WorkerSqliteWriter(worker);
  }

  private receive(r: WorkerReply): void {
    if (r.type === 'error') {
      this.fail(new StoreError(r.message));
      return;
    }
    if (r.type === 'written') this.inFlight--;
    const i = this.waiters.findIndex((w) => w.accept(r));
    if (i !== -1) this.waiters.splice(i, 1)[0]!.resolve(r);
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const w of this.waiters.splice(0)) w.reject(e);
  }

  private wait(accept: (r: WorkerReply) => boolean): Promise<WorkerReply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiters.push({ accept, resolve, reject }));
  }

  private send(m: WorkerRequest): void {
    if (this.failure) throw this.failure;
    this.worker.postMessage(m);
  }

  async write(rows: ImportRowBuffer): Promise<void> {
    while (this.inFlight >= MAX_IN_FLIGHT) await this.wait((r) => r.type === 'written');
    this.inFlight++;
    // Structured clone of a flat array of strings and numbers: measured here about twice as fast,
    // each side, as packing the batch into one escaped string and splitting it again.
    this.send({ type: 'write', values: rows.values.slice(0, rows.count * ROW_WIDTH) });
  }

  async commit(progress: FileProgress): Promise<number> {
    const reply = this.wait((r) => r.type === 'committed');
    this.send({ type: 'commit', progress: { ...progress } });
    const r = await reply;
    const inserted = r.type === 'committed' ? r.inserted : 0;
    progress.rowsNew += inserted;
    return inserted;
  }

  async close(): Promise<void> {
    if (!this.failure) {
      const closed = this.wait((r) => r.type === 'closed');
      this.worker.postMessage({ type: 'close' } satisfies WorkerRequest);
      await closed.catch(() => undefined);
    }
    await this.worker.terminate();
  }
}
