import type { ImportedRow } from '../../store/imported-row-repository.js';
import { formatCsv, formatTable } from '../format-table.js';

const COLUMNS = ['id', 'date', 'source', 'code', 'target', 'goldstein', 'quad', 'source name', 'target name', 'url'];

function row(r: ImportedRow): string[] {
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
  ];
}

/** Imported dataset rows as `parley events --imported` prints them: a table, CSV or JSON. */
export function renderImportedRows(rows: readonly ImportedRow[], format: 'table' | 'csv' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  if (format === 'csv') return formatCsv(COLUMNS, rows.map(row));
  return formatTable(COLUMNS, rows.map(row), [40, 10, 12, 4, 12, 6, 4, 24, 24, 60]);
}
