import { isEventCode } from '../cameo/event-codes.js';
import type { ValidationProblem } from '../model/errors.js';
import { readDataTable, requiredCell, rowProblem } from '../model/read-data-table.js';

/**
 * `data/reader/code-shifts.tsv`: `table`, `from`, `to`, `note`. The code an act becomes when the news
 * is its intent, its refusal, its threat, or a third party's accusation of it, or when who it is done
 * to makes it repression or an attack on armed forces. `null` means the act has no such code (a
 * verbal act announced is no intent event).
 */
export type CodeShiftTable =
  | 'intent'
  | 'refusal'
  | 'threat'
  | 'accusation'
  | 'repression'
  | 'on-forces'
  | 'by-state-forces'
  | 'by-protesters'
  | 'on-soft-targets';

export type CodeShifts = Readonly<Record<CodeShiftTable, ReadonlyMap<string, string | null>>>;

const TABLES: readonly CodeShiftTable[] = [
  'intent',
  'refusal',
  'threat',
  'accusation',
  'repression',
  'on-forces',
  'by-state-forces',
  'by-protesters',
  'on-soft-targets',
];

export function loadCodeShifts(file: string, problems: ValidationProblem[]): CodeShifts {
  const out = {
    intent: new Map(),
    refusal: new Map(),
    threat: new Map(),
    accusation: new Map(),
    repression: new Map(),
    'on-forces': new Map(),
    'by-state-forces': new Map(),
    'by-protesters': new Map(),
    'on-soft-targets': new Map(),
  } as Record<CodeShiftTable, Map<string, string | null>>;
  for (const row of readDataTable(file, { columns: ['table', 'from', 'to', 'note'] }, problems)) {
    const table = requiredCell(row, 'table', problems) as CodeShiftTable;
    const from = requiredCell(row, 'from', problems);
    const to = requiredCell(row, 'to', problems);
    if (!TABLES.includes(table)) {
      problems.push(rowProblem(row, 'table', `"${table}" is not one of ${TABLES.join(', ')}`));
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
