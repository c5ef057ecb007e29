import type { ValidationProblem } from '../model/errors.js';
import { type DataRow, readDataTable, requiredCell, rowProblem } from '../model/read-data-table.js';

/**
 * `data/reader/word-maps.tsv`: `map`, `word`, `value`, `note`. Irregular past forms to their verb,
 * and the words of dates (months, weekdays, number words) to their numbers.
 */
export interface WordMaps {
  irregularPast: ReadonlyMap<string, string>;
  months: ReadonlyMap<string, number>;
  weekdays: ReadonlyMap<string, number>;
  numbers: ReadonlyMap<string, number>;
}

const RANGES: Record<string, [number, number]> = { month: [1, 12], weekday: [0, 6], number: [0, 1000] };

export function loadWordMaps(file: string, problems: ValidationProblem[]): WordMaps {
  const maps: WordMaps = { irregularPast: new Map(), months: new Map(), weekdays: new Map(), numbers: new Map() };
  const target: Record<string, Map<string, string | number>> = {
    'irregular-past': maps.irregularPast as Map<string, string>,
    month: maps.months as Map<string, number>,
    weekday: maps.weekdays as Map<string, number>,
    number: maps.numbers as Map<string, number>,
  };
  for (const row of readDataTable(file, { columns: ['map', 'word', 'value', 'note'] }, problems)) {
    const map = requiredCell(row, 'map', problems);
    const word = requiredCell(row, 'word', problems);
    const into = target[map];
    if (map && into === undefined) {
      problems.push(rowProblem(row, 'map', `"${map}" is not one of ${Object.keys(target).join(', ')}`));
      continue;
    }
    if (!into || !word) continue;
    if (word !== word.toLowerCase()) problems.push(rowProblem(row, 'word', `"${word}" is not lower case`));
    if (into.has(word)) problems.push(rowProblem(row, 'word', `"${word}" is already in ${map}`));
    const value = mapValue(row, map, problems);
    if (value !== undefined) into.set(word, value);
  }
  for (const [name, m] of Object.entries(target))
    if (m.size === 0) problems.push({ location: { file, field: 'map' }, message: `the map "${name}" is missing` });
  return maps;
}

function mapValue(row: DataRow, map: string, problems: ValidationProblem[]): string | number | undefined {
  const value = requiredCell(row, 'value', problems);
  const range = RANGES[map];
  if (!range) return value || undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < range[0] || n > range[1]) {
    problems.push(rowProblem(row, 'value', `"${value}" is not a whole number from ${range[0]} to ${range[1]}`));
    return undefined;
  }
  return n;
}
