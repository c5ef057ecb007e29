import type { QuadClass } from '../model/event.js';
import type { Database } from './database.js';

/**
 * Table types of the import migrations (`002-imports`, `003-import-series`, `005-import-holders`). Kept beside the shared `Database` rather
 * than inside it so that the import code adds to the store without editing the shared types;
 * `ImportDatabase` is the union the import repository queries.
 */
export interface ImportFilesTable {
  id: number;
  case_id: string;
  path: string | null;
  name: string;
  size: number | null;
  fingerprint: string | null;
  content_hash: string | null;
  format: string;
  dataset: string;
  imported_at: string;
  finished_at: string | null;
  status: string;
  lines_done: number;
  rows_read: number;
  rows_kept: number;
  rows_rejected: number;
  rows_new: number;
  first_date: string | null;
  last_date: string | null;
  rejects_path: string | null;
  rejects_bytes: number;
  options: string | null;
  /** Bytes of the input (as stored) read when the last chunk committed, and their MD5. */
  bytes_done: number;
  prefix_hash: string | null;
}

/** One (case, dataset) pair of imported rows; its id is the rows' `series`. */
export interface ImportSeriesTable {
  id: number;
  case_id: string;
  dataset: string;
}

export interface ImportedEventsTable {
  series: number;
  event_key: string;
  file_id: number;
  day: number;
  source_code: string | null;
  target_code: string | null;
  source_party: string | null;
  target_party: string | null;
  code: string;
  quad_class: QuadClass;
  goldstein: number;
  source_name: string | null;
  target_name: string | null;
  url: string | null;
  extra: string | null;
}

/** A file that also brought a row another file brought first (that one is the row's `file_id`). */
export interface ImportedEventHoldersTable {
  series: number;
  event_key: string;
  file_id: number;
}

export interface ImportDatabase extends Database {
  import_files: ImportFilesTable;
  import_series: ImportSeriesTable;
  imported_events: ImportedEventsTable;
  imported_event_holders: ImportedEventHoldersTable;
}

/** Origin of the `dyad_days` rows kept for imported events (case events use `'case'`). */
export const IMPORT_ORIGIN = 'import';

/** The case imported rows go to when `--case` is not given. */
export const IMPORTS_CASE_ID = 'imports';
