import { isEventCode } from '../cameo/event-codes.js';
import type { ValidationProblem } from '../model/errors.js';
import { isOneOf, notOneOf } from '../model/one-of.js';
import { readDataTable, requiredCell, rowProblem } from '../model/read-data-table.js';

/**
 * `data/reader/code-shifts.tsv`: `table`, `from`, `to`, `note`. The code an act becomes when the news
 * is its intent, its refusal, its threat, or a third party's accusation of it, or when who it is done
 * to makes it repression or an attack on armed forces. `null` means the act has no such code (a
 * verbal act announced is no intent event).
 */
const TABLES = [
  'intent',
  'refusal',
  'threat',
  'accusation',
  'repression',
  'on-forces',
  'by-state-forces',
  'by-protesters',
  'on-soft-targets',
] as const;
export type CodeShiftTable = (typeof TABLES)[number];

export type CodeShifts = Readonly<Record<CodeShiftTable, ReadonlyMap<string, string | null>>>;

export function loadCodeShifts(file: string, problems: ValidationProblem[]): CodeShifts {
  const out = Object.fromEntries(TABLES.map((t) => [t, new Map<string, string | null>()])) as Record<
    CodeShiftTable,
    Map<string, string | null>
  >;
  for (const row of readDataTable(file, { columns: ['table', 'from', 'to', 'note'] }, problems)) {
    const table = requiredCell(row, 'table', problems);
    const from = requiredCell(row, 'from', problems);
    const to = requiredCell(row, 'to', problems);
    if (!isOneOf(TABLES, table)) {
      problems.push(rowProblem(row, 'table', notOneOf(TABLES, table)));
      continue;
    }
    if (from && !isEventCode(from)) problems.push(rowProblem(row, 'from', `"${from}" is not a CAMEO code or root`));
    if (to && to !== '-' && !isEventCode(to)) problems.push(rowProblem(row, 'to', `"${to}" is not a CAMEO event code`));
    if (out[table].has(from)) problems.push(rowProblem(row, 'from', `"${from}" is already in ${table}`));
    out[table].set(from, to === '-' ? null : to);
  }
  for (const t of TABLES)
    if (out[t].size === 0)
      problems.push({ location: { file, field: 'table' }, message: `the table "${t}" is missing` });
  return out;
}

/** The shifted code of `code`: looked up whole, then by its first three digits, then by root. */
export function shiftCode(table: ReadonlyMap<string, string | null>, code: string): string | undefined {
  for (const key of [code, code.slice(0, 3), code.slice(0, 2)]) if (table.has(key)) return table.get(key) ?? undefined;
  return undefined;
}
