import { fileURLToPath } from 'node:url';
import { ValidationError, type ValidationProblem } from '../model/errors.js';
import { QUAD_CLASSES, type QuadClass } from '../model/event.js';
import { readDataTable, requiredCell, rowProblem } from '../model/read-data-table.js';

export interface EventCodeInfo {
  code: string;
  name: string;
  goldstein: number;
  quadClass: QuadClass;
}

const TABLE_PATH = fileURLToPath(new URL('../../data/cameo/event-codes.tsv', import.meta.url));

let table: Map<string, EventCodeInfo> | undefined;

function load(): Map<string, EventCodeInfo> {
  const problems: ValidationProblem[] = [];
  const rows = new Map<string, EventCodeInfo>();
  for (const row of readDataTable(TABLE_PATH, { columns: ['code', 'name', 'goldstein', 'quadclass'] }, problems)) {
    const code = requiredCell(row, 'code', problems);
    const name = requiredCell(row, 'name', problems);
    const goldstein = Number(requiredCell(row, 'goldstein', problems));
    const quad = row.get('quadclass');
    const quadClass = QUAD_CLASSES.find((q) => String(q) === quad);
    if (code && !/^\d{2,4}$/.test(code)) problems.push(rowProblem(row, 'code', `"${code}" is not 2 to 4 digits`));
    if (!Number.isFinite(goldstein) || goldstein < -10 || goldstein > 10)
      problems.push(rowProblem(row, 'goldstein', `"${row.get('goldstein')}" is not a weight from -10 to 10`));
    if (quadClass === undefined) problems.push(rowProblem(row, 'quadclass', `"${quad}" is not a quad class 1 to 4`));
    if (rows.has(code)) problems.push(rowProblem(row, 'code', `code ${code} is listed twice`));
    if (code && name && quadClass !== undefined) rows.set(code, { code, name, goldstein, quadClass });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return rows;
}

/** Every CAMEO event code Parley knows, keyed by code (`042`, `0355`). */
export function eventCodes(): ReadonlyMap<string, EventCodeInfo> {
  table ??= load();
  return table;
}

export function eventCode(code: string): EventCodeInfo | undefined {
  return eventCodes().get(code);
}

export function isEventCode(code: string): boolean {
  return eventCodes().has(code);
}

/** The two-digit root of a code (`0355` → `03`). */
export function rootOf(code: string): string {
  return code.slice(0, 2);
}

/** Known codes closest to an unknown one, for error messages: same prefix first, then edit distance. */
function nearestEventCodes(code: string, limit = 3): EventCodeInfo[] {
  const all = [...eventCodes().values()];
  const score = (c: EventCodeInfo): number => {
    let common = 0;
    while (common < c.code.length && common < code.length && c.code[common] === code[common]) common++;
    return editDistance(code, c.code) * 2 - common * 3;
  };
  return all.sort((a, b) => score(a) - score(b) || a.code.localeCompare(b.code)).slice(0, limit);
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

export function describeNearest(code: string): string {
  return nearestEventCodes(code)
    .map((c) => `${c.code} (${c.name})`)
    .join(', ');
}
