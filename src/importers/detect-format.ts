import { UsageError } from '../model/errors.js';
import type { ImportFormat } from './format-parser.js';
import { headerKey } from './header-map.js';

/**
 * Tells the format of a file from its name and first line. Files without a header (GDELT,
 * Phoenix) are told by their number of tab-separated columns (GDELT 1.0: 57 or 58, 2.0: 61,
 * Phoenix: 26); files with one by the names in it (docs/importing.md lists the layouts).
 */
export function detectFormat(name: string, firstLines: readonly string[]): ImportFormat {
  const line = (firstLines[0] ?? '').replace(/^\uFEFF/, '');
  if (line.includes('\t')) {
    const fields = line.split('\t');
    const keys = new Set(fields.map(headerKey));
    if (keys.has('eventid') && (keys.has('eventtype') || keys.has('quadcode') || keys.has('actorname')))
      return 'polecat';
    if (keys.has('eventid') && (keys.has('cameocode') || keys.has('eventtext') || keys.has('sourcename')))
      return 'icews';
    // No header: the column count most of the first lines have, so that one broken line does not decide.
    const counts = new Map<number, number>();
    for (const l of firstLines)
      if (l !== '') counts.set(l.split('\t').length, (counts.get(l.split('\t').length) ?? 0) + 1);
    const n = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fields.length;
    if (n === 61) return 'gdelt2';
    if (n === 57 || n === 58) return 'gdelt1';
    if (n === 26) return 'phoenix';
    // GDELT file names: 2.0 exports are YYYYMMDDHHMMSS.export.CSV, 1.0 files YYYYMMDD.export.CSV, YYYYMM or YYYY.
    if (/^\d{14}\.export\.csv/i.test(name)) return 'gdelt2';
    if (/^(\d{8}\.export\.csv|\d{6}\.(zip|csv)|\d{4}\.(zip|csv))/i.test(name)) return 'gdelt1';
    throw new UsageError(
      `cannot tell the format of ${name}: its first lines have ${n} tab-separated columns and no known header; give --format`,
    );
  }
  const keys = new Set(line.split(',').map(headerKey));
  if (keys.has('date') || keys.has('eventdate') || keys.has('storydate')) {
    if (
      (keys.has('source') || keys.has('sourcecode')) &&
      (keys.has('code') || keys.has('eventcode') || keys.has('cameocode'))
    )
      return 'csv';
  }
  throw new UsageError(
    `cannot tell the format of ${name} from its first line; give --format (gdelt1, gdelt2, icews, polecat, phoenix or csv)`,
  );
}
