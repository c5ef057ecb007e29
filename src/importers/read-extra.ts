import { GDELT_EXTRA_FIELDS } from './gdelt-layout.js';

/** Field names of the datasets whose `extra` is a positional JSON array (the high-volume ones). */
const POSITIONAL: Readonly<Record<string, readonly string[]>> = {
  gdelt1: GDELT_EXTRA_FIELDS,
  gdelt2: GDELT_EXTRA_FIELDS,
};

/**
 * The raw values of an imported row as named fields, whichever way the dataset stores them: GDELT
 * as a positional array (see `GDELT_EXTRA_FIELDS`), the other formats as a JSON object with empty
 * values left out. Null fields of an array are left out too, so both read the same way.
 */
export function readExtra(dataset: string, extra: string | null): Record<string, unknown> {
  if (extra === null || extra === '') return {};
  const parsed: unknown = JSON.parse(extra);
  if (!Array.isArray(parsed)) return parsed as Record<string, unknown>;
  const names = POSITIONAL[dataset];
  if (!names)
    throw new Error(`the extra values of dataset "${dataset}" are an array, but no field names are known for it`);
  const out: Record<string, unknown> = {};
  parsed.forEach((v: unknown, i) => {
    if (v !== null) out[names[i] ?? `field${i + 1}`] = v;
  });
  return out;
}
