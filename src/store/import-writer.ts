import type { FileProgress, ImportRowBuffer } from './import-rows.js';

/**
 * Writes one file's rows into a store, one chunk (transaction) at a time. `write` adds a small
 * batch of rows to the open chunk as soon as they are parsed, so that parsed rows do not pile up
 * in memory; `commit` ends the chunk in the same transaction as its rows: their daily dyad sums and
 * the file's progress (`rowsNew` advanced by the rows that went in). A kill before `commit` leaves
 * nothing of the chunk. Returns how many of the chunk's rows were new.
 */
export interface ImportWriter {
  write(rows: ImportRowBuffer): Promise<void>;
  commit(progress: FileProgress): Promise<number>;
  /** Rolls back an open chunk and lets go of the connection. */
  close(): Promise<void>;
}
