import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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

/** Reads the places file once per process; a missing or malformed row is skipped, never fatal. */
export function loadPlaces(file: string = DEFAULT_FILE): PlaceEntry[] {
  if (file === DEFAULT_FILE && cached) return cached;
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: PlaceEntry[] = [];
  let header = true;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (header) {
      header = false;
      continue;
    }
    const [name, country] = line.split('\t');
    if (name && country && /^[A-Z]{3}$/.test(country)) out.push({ name: name.trim(), country });
  }
  if (file === DEFAULT_FILE) cached = out;
  return out;
}
