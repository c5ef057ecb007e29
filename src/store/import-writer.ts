import type { FileProgress, ImportRowBuffer } from './import-rows.js';

/**
 * Writes one file's chunks into a store. Each `writeChunk` is one transaction: the new rows, their
 * daily dyad sums, and the file's progress (`FileProgress`, with `rowsNew` advanced by the rows that
 * went in). Returns how many rows were new.
 */
export interface ImportWriter {
  writeChunk(rows: ImportRowBuffer, progress: FileProgress): Promise<number>;
  close(): Promise<void>;
}
