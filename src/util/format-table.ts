import { paint, type Style } from './colour.js';
import { displayWidth, escapeControls } from './escape-controls.js';

/** Part of a cell drawn in a style (the reader's matched words, a verdict). */
export interface Styled {
  text: string;
  style: Style | readonly Style[];
}

/** A cell: plain text, or pieces of which some are styled. */
export type Cell = string | readonly (string | Styled)[];

export interface TableOptions {
  /** Per column; right-aligned columns are padded on the left. */
  align?: readonly ('left' | 'right' | undefined)[];
  /** Per column; a longer cell is cut with an ellipsis so that rows stay on one line. */
  maxWidths?: readonly (number | undefined)[];
  /** A line of dashes under the header. */
  rule?: boolean;
  /** Paint the styled pieces (see `useColour`). */
  colour?: boolean;
  /** Put before every line. */
  indent?: string;
}

interface Piece {
  text: string;
  style?: Style | readonly Style[];
}

function pieces(cell: Cell | undefined): Piece[] {
  if (cell === undefined) return [];
  const parts = typeof cell === 'string' ? [cell] : cell;
  return parts.map((p) =>
    typeof p === 'string' ? { text: escapeControls(p) } : { text: escapeControls(p.text), style: p.style },
  );
}

function cut(parts: Piece[], max: number | undefined): Piece[] {
  const width = parts.reduce((w, p) => w + displayWidth(p.text), 0);
  if (max === undefined || width <= max) return parts;
  const out: Piece[] = [];
  let room = max - 1;
  for (const p of parts) {
    let text = '';
    for (const ch of p.text) {
      const w = displayWidth(ch);
      if (w > room) break;
      text += ch;
      room -= w;
    }
    if (text) out.push({ ...p, text });
    if (text.length < p.text.length) break;
  }
  out.push({ text: '…' });
  return out;
}

/**
 * Lines of an aligned table for people: every cell is escaped (a control character in a summary
 * is shown, not obeyed), long cells are cut, the last column is not padded.
 */
export function formatTableLines(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  options: TableOptions = {},
): string[] {
  const cells = [
    header.map((h) => pieces(h)),
    ...rows.map((r) => header.map((_, i) => cut(pieces(r[i]), options.maxWidths?.[i]))),
  ];
  const widthOf = (ps: Piece[]) => ps.reduce((w, p) => w + displayWidth(p.text), 0);
  const widths = header.map((_, i) => Math.max(...cells.map((r) => widthOf(r[i]!))));
  const line = (r: Piece[][]) =>
    (options.indent ?? '') +
    r
      .map((ps, i) => {
        const text = ps.map((p) => (p.style ? paint(p.text, p.style, Boolean(options.colour)) : p.text)).join('');
        const pad = ' '.repeat(widths[i]! - widthOf(ps));
        return options.align?.[i] === 'right' ? pad + text : text + pad;
      })
      .join('  ')
      .trimEnd();
  const lines = cells.map(line);
  if (options.rule) lines.splice(1, 0, line(widths.map((w) => [{ text: '-'.repeat(w) }])));
  return lines;
}

/** The table as one string ending in a newline. */
export function formatTable(header: readonly string[], rows: readonly (readonly Cell[])[], options?: TableOptions) {
  return `${formatTableLines(header, rows, options).join('\n')}\n`;
}

/** A Markdown (GFM) table: pipes are escaped and a line break in a cell does not end the row. */
export function formatMarkdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly ('left' | 'right' | undefined)[],
): string[] {
  const cell = (s: string) => escapeControls(s.replace(/\r\n|\r|\n/g, ' ')).replace(/\|/g, '\\|');
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map((_, i) => (align?.[i] === 'right' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${header.map((_, i) => cell(r[i] ?? '')).join(' | ')} |`),
  ];
}

/** A field a spreadsheet would take for a formula: OWASP's list of leading characters. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Plain numbers (`-3.5`, `+2`) are data, not formulas, and stay as they are. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * One CSV field: a field a spreadsheet would run as a formula (`=HYPERLINK(…)`, `@SUM`, a leading
 * `+`, `-`, tab or carriage return) gets a leading `'` so that it is shown as text, as OWASP
 * advises; then it is quoted when it holds a comma, a quote or a line break (RFC 4180).
 */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a header line, CRLF line ends, and formulas neutralised. */
export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
