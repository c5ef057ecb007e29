import type { LedgerEvent } from '../model/event.js';

/**
 * The columns that lead every CSV of moves, a case's events or a dataset's imported rows, so that
 * the two line up side by side in a spreadsheet. Codes stand alone (no actor ids beside them), so
 * that a spreadsheet can filter and pivot on them.
 */
export const MOVE_CSV_LEAD = ['id', 'date', 'source', 'code', 'target', 'goldstein'] as const;

/** The columns an event can have in CSV, in the order the server's export writes them all. */
export const EVENT_CSV_COLUMNS = [
  ...MOVE_CSV_LEAD,
  'status',
  'verification',
  'provenance',
  'summary',
  'publisher',
  'link',
] as const;

export type EventCsvColumn = (typeof EVENT_CSV_COLUMNS)[number];

const EVENT_CELLS: Record<EventCsvColumn, (e: LedgerEvent) => string> = {
  id: (e) => e.id,
  date: (e) => e.date,
  source: (e) => e.sourceCode,
  code: (e) => e.code,
  target: (e) => e.targetCode ?? '',
  goldstein: (e) => e.goldstein.toFixed(1),
  status: (e) => e.status,
  verification: (e) => e.verification,
  provenance: (e) => e.provenance,
  summary: (e) => e.summary,
  // The first source is the one a reader follows; the JSON form carries them all.
  publisher: (e) => e.sources[0]?.publisher ?? '',
  link: (e) => e.sources[0]?.link ?? '',
};

/** Events as CSV rows of the given columns (all of them unless told). */
export function eventCsvRows(
  events: readonly LedgerEvent[],
  columns: readonly EventCsvColumn[] = EVENT_CSV_COLUMNS,
): string[][] {
  return events.map((e) => columns.map((c) => EVENT_CELLS[c](e)));
}
