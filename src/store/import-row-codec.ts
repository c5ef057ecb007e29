import { COL, ROW_WIDTH, type ImportRowBuffer, type RowValue } from './import-rows.js';

/**
 * Rows as one string, for handing a batch to the SQLite writer thread: values separated by tabs,
 * rows by newlines, with COPY's text-format escapes (`\N` null, `\t`, `\n`, `\r`, `\\`). One string
 * crosses threads as a single copy, where an array of values would be cloned value by value.
 */
const NEEDS_ESCAPE = /[\t\n\r\\]/;
/** Columns holding numbers. */
const NUMERIC = new Set<number>([COL.day, COL.quad, COL.goldstein]);

export function escapeValue(v: RowValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  if (!NEEDS_ESCAPE.test(v)) return v;
  return v.replace(/[\t\n\r\\]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\\\'));
}

export function encodeRows(rows: ImportRowBuffer): string {
  const values = rows.values;
  let text = '';
  for (let r = 0; r < rows.count; r++) {
    const o = r * ROW_WIDTH;
    for (let k = 0; k < ROW_WIDTH; k++) text += (k === 0 ? '' : '\t') + escapeValue(values[o + k]!);
    text += '\n';
  }
  return text;
}

function unescape(v: string): string {
  return v.replace(/\\(.)/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

/** Fills `out` (cleared first) from `encodeRows` text. */
export function decodeRows(text: string, out: ImportRowBuffer): void {
  out.clear();
  const v = out.values;
  let i = 0;
  let start = 0;
  const n = text.length;
  while (start < n) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    let p = start;
    for (let k = 0; k < ROW_WIDTH; k++) {
      let tab = k === ROW_WIDTH - 1 ? end : text.indexOf('\t', p);
      if (tab === -1 || tab > end) tab = end;
      const raw = text.slice(p, tab);
      v[i++] = raw === '\\N' ? null : NUMERIC.has(k) ? Number(raw) : raw.includes('\\') ? unescape(raw) : raw;
      p = tab + 1;
    }
    out.count++;
    start = end + 1;
  }
}
