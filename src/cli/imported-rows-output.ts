import { IMPORTED_ROW_CSV_COLUMNS, importedRowCsvRow } from '../app/imported-row-csv.js';
import type { ImportedRowsCount, ImportedRowsPage } from '../app/imported-rows.js';
import type { ImportedRow } from '../store/imported-row-repository.js';
import { formatCsv, formatTable } from '../util/format-table.js';

/** `events --imported` lists at most this many rows unless `--limit` says otherwise: datasets hold millions. */
export const IMPORTED_ROWS_SHOWN = 1000;

const TABLE_COLUMNS = ['id', 'date', 'source', 'code', 'target', 'goldstein', 'source file', 'url'];
/** A side as the dataset gave it: its code, with the name the dataset read when it kept one. */
function side(code: string | null, name: string | null): string {
  if (!code) return name ?? '';
  return name ? `${code} (${name})` : code;
}

function tableRow(r: ImportedRow): string[] {
  return [
    r.id,
    r.date,
    side(r.sourceCode, r.sourceName),
    r.code,
    side(r.targetCode, r.targetName),
    r.goldstein.toFixed(1),
    `#${r.fileId}`,
    r.url ?? '',
  ];
}

function rowsWord(n: number): string {
  return `${n.toLocaleString('en-US')} imported row${n === 1 ? '' : 's'}`;
}

/** The rows on stdout in the format asked; on stderr, how many of how many, and what they are. */
export function writeImportedRows(page: ImportedRowsPage, format: 'table' | 'csv' | 'json'): void {
  if (format === 'json') process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
  else if (format === 'csv')
    process.stdout.write(formatCsv(IMPORTED_ROW_CSV_COLUMNS, page.rows.map(importedRowCsvRow)));
  else
    process.stdout.write(
      formatTable(TABLE_COLUMNS, page.rows.map(tableRow), { rule: true, maxWidths: [undefined, 10, 40, 4, 40, 6] }),
    );
  const [a, b] = page.dyad;
  const more = page.total - page.rows.length;
  process.stderr.write(
    `${rowsWord(page.total)} of ${a}–${b}${datasetsWords(page)}` +
      (more > 0
        ? `; ${page.rows.length.toLocaleString('en-US')} shown, and ${more.toLocaleString('en-US')} more (--limit)`
        : '') +
      ": machine-coded reports, kept apart from the case's own events (listed without --imported); " +
      'source file #N is the import `parley sources` lists as N\n',
  );
}

/** The line `events` adds under the case's events when imported rows of the dyad match the same filters. */
export function importedNote(count: ImportedRowsCount | null): string {
  if (!count || count.total === 0) return '';
  const [a, b] = count.dyad;
  return (
    `${rowsWord(count.total)} of ${a}–${b}${datasetsWords(count)} match too; ` +
    'they are not among these events: `--imported` lists them\n'
  );
}

function datasetsWords(c: ImportedRowsCount): string {
  return c.datasets.length ? ` (${c.datasets.join(', ')})` : '';
}

/**
 * The line under the review queue: how many imported rows of the dyad are kept apart, and how
 * many proposals look like one of them (the "in imports" column).
 */
export function importedApart(count: ImportedRowsCount | null, caseFlag: string, proposalsLike = 0): string {
  if (!count || count.total === 0) return '';
  const [a, b] = count.dyad;
  const like = proposalsLike
    ? `; ${proposalsLike} proposal${proposalsLike === 1 ? '' : 's'} look${proposalsLike === 1 ? 's' : ''} like one ` +
      '(same direction and CAMEO root, within a day: "in imports")'
    : '';
  return (
    `${rowsWord(count.total)} of ${a}–${b}${datasetsWords(count)} are kept apart from the case${like}; ` +
    `\`parley events${caseFlag} --imported\` lists them\n`
  );
}
