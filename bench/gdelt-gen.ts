/**
 * Writes a large synthetic event file in one of the import layouts.
 *
 *   node --import tsx bench/gdelt-gen.ts [rows] [format] [path]
 *   node --import tsx bench/gdelt-gen.ts 1000000 gdelt2 bench/out/synthetic.export.CSV
 *
 * Formats: gdelt1, gdelt2 (default), icews, polecat, phoenix, csv. Rows are deterministic.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_FORMATS } from '../src/importers/format-parser.js';
import { writeSyntheticEvents } from '../src/importers/synthetic-events.js';

const { positionals } = parseArgs({ allowPositionals: true });
const rows = Number(positionals[0] ?? 1_000_000);
const format = IMPORT_FORMATS.find((f) => f === (positionals[1] ?? 'gdelt2'));
if (!Number.isInteger(rows) || rows < 1)
  throw new Error(`rows should be a positive whole number, not ${positionals[0]}`);
if (!format) throw new Error(`format should be one of ${IMPORT_FORMATS.join(', ')}, not ${positionals[1]}`);
const path = positionals[2] ?? `bench/out/synthetic-${rows}.${format}.tsv`;
mkdirSync(dirname(path), { recursive: true });
const t0 = performance.now();
const bytes = writeSyntheticEvents(path, format, rows);
console.log(
  `${path}: ${rows} ${format} rows, ${(bytes / 1048576).toFixed(1)} MiB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
