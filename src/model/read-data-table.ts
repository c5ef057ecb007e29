import { readFileSync } from 'node:fs';
import type { ValidationProblem } from './errors.js';

/**
 * The one reader of Parley's tab-separated data tables (`data/actors/*.tsv`, `data/cameo/*.tsv`,
 * `data/reader/*.tsv`). Lines starting with `#` and blank lines are comments; the first other line
 * is the header naming the columns. A bad line is never skipped in silence: every problem is
 * collected with its file, line and field, in the case loader's style, so the caller can report
 * them all at once (`throw new ValidationError(problems)`).
 */
export interface DataRow {
  file: string;
  /** 1-based line number in the file. */
  line: number;
  /** The trimmed cell of a column named in the header; '' when the row has no such cell. */
  get(column: string): string;
}

export interface DataTableSpec {
  /** Columns every row may rely on: the header must name them all. */
  columns: readonly string[];
  /**
   * `named` (default): the header is required and columns are found by name, so a column can be
   * added without breaking older readers. `positional`: the columns are `columns` in that order; a
   * header line, if present, must start with the first column's name.
   */
  header?: 'named' | 'positional';
}

/** Reads `file` as a data table; a file that cannot be read is one problem, and no rows. */
export function readDataTable(file: string, spec: DataTableSpec, problems: ValidationProblem[]): DataRow[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    problems.push({ location: { file }, message: `cannot read the file (${(err as NodeJS.ErrnoException).code})` });
    return [];
  }
  return parseDataTable(text, file, spec, problems);
}

export function parseDataTable(
  text: string,
  file: string,
  spec: DataTableSpec,
  problems: ValidationProblem[],
): DataRow[] {
  const positional = spec.header === 'positional';
  let header: string[] | undefined = positional ? [...spec.columns] : undefined;
  let sawHeader = false;
  const rows: DataRow[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = i + 1;
      if (raw.trim() === '' || raw.startsWith('#')) return;
      const cells = raw.split('\t');
      if (!sawHeader && (!positional || cells[0]!.trim() === spec.columns[0])) {
        sawHeader = true;
        if (!positional) header = checkHeader(cells, spec, file, line, problems);
        return;
      }
      sawHeader = true;
      const h = header;
      if (!h) return;
      if (cells.length > h.length) {
        problems.push({
          location: { file, line },
          message: `${cells.length} cells but the header names ${h.length} columns`,
        });
        return;
      }
      rows.push({ file, line, get: (column) => cellOf(h, cells, column) });
    });
  if (!sawHeader && !positional) problems.push({ location: { file }, message: 'no header line' });
  return rows;
}

function checkHeader(
  cells: string[],
  spec: DataTableSpec,
  file: string,
  line: number,
  problems: ValidationProblem[],
): string[] {
  const header = cells.map((c) => c.trim());
  for (const column of spec.columns) {
    if (!header.includes(column))
      problems.push({ location: { file, line, field: column }, message: `header lacks column "${column}"` });
  }
  return header;
}

function cellOf(header: string[], cells: string[], column: string): string {
  const at = header.indexOf(column);
  return at < 0 ? '' : (cells[at] ?? '').trim();
}

/** The cell of a column that must not be empty; an empty one is a problem naming the field. */
export function requiredCell(row: DataRow, column: string, problems: ValidationProblem[]): string {
  const v = row.get(column);
  if (v === '') problems.push({ location: { file: row.file, line: row.line, field: column }, message: 'is empty' });
  return v;
}

/** A problem at a row's line and field. */
export function rowProblem(row: DataRow, column: string, message: string): ValidationProblem {
  return { location: { file: row.file, line: row.line, field: column }, message };
}

/** A `a|b|c` cell as its trimmed, non-empty parts. */
export function listCell(cell: string): string[] {
  return cell === ''
    ? []
    : cell
        .split('|')
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
