import { fileURLToPath } from 'node:url';
import { ValidationError, type ValidationProblem } from '../model/errors.js';
import { readDataTable, requiredCell, rowProblem } from '../model/read-data-table.js';

/**
 * Places that are not capitals (`data/actors/places.tsv`): where an act happened, never who did it.
 * "met in Jeddah" is a meeting in Saudi Arabia; "rioters in Almaty" are Kazakh civilians.
 */
export interface PlaceEntry {
  name: string;
  /** CAMEO country code of the state the place lies in. */
  country: string;
}

const DEFAULT_FILE = fileURLToPath(new URL('../../data/actors/places.tsv', import.meta.url));
let cached: PlaceEntry[] | undefined;

/** Reads the places file once per process; a bad row is an error naming its file, line and field. */
export function loadPlaces(file: string = DEFAULT_FILE): PlaceEntry[] {
  if (file === DEFAULT_FILE && cached) return cached;
  const problems: ValidationProblem[] = [];
  const out: PlaceEntry[] = [];
  for (const row of readDataTable(file, { columns: ['name', 'country'] }, problems)) {
    const name = requiredCell(row, 'name', problems);
    const country = requiredCell(row, 'country', problems);
    if (country && !/^[A-Z]{3}$/.test(country))
      problems.push(rowProblem(row, 'country', `"${country}" is not a 3-letter country code`));
    else if (name) out.push({ name, country });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  if (file === DEFAULT_FILE) cached = out;
  return out;
}
