import { eventCodes } from '../cameo/event-codes.js';

let byText: Map<string, string> | undefined;

/**
 * CAMEO event code from its description (`Make statement` → `010`), to recover the code of ICEWS
 * files that lack the CAMEO Code column (`Events.2017.20201006.tab`, andybega/icews issue #73).
 * ICEWS's Event Text is the CAMEO description; the names come from
 * Parley's CAMEO table (`data/cameo/event-codes.tsv`). Three- and four-digit codes win over the
 * two-digit roots (`Consult` is `040`, not `04`).
 */
export function codeOfEventText(text: string): string | undefined {
  if (!byText) {
    const map = new Map<string, string>();
    const all = [...eventCodes().values()];
    for (const c of all) if (c.code.length >= 3 && !map.has(normalise(c.name))) map.set(normalise(c.name), c.code);
    for (const c of all) if (c.code.length === 2 && !map.has(normalise(c.name))) map.set(normalise(c.name), c.code);
    byText = map;
  }
  return byText.get(normalise(text));
}

function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
