import { MOVE_CSV_LEAD } from './event-csv.js';
import type { ImportedRow } from '../store/imported-row-repository.js';

/** The columns of an imported dataset row in CSV, as `parley events --imported` and the server write them. */
export const IMPORTED_ROW_CSV_COLUMNS = [
  ...MOVE_CSV_LEAD,
  'quad_class',
  'source_name',
  'target_name',
  'url',
  'source_file',
];

export function importedRowCsvRow(r: ImportedRow): string[] {
  return [
    r.id,
    r.date,
    r.sourceCode ?? '',
    r.code,
    r.targetCode ?? '',
    r.goldstein.toFixed(1),
    String(r.quadClass),
    r.sourceName ?? '',
    r.targetName ?? '',
    r.url ?? '',
    String(r.fileId),
  ];
}
