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
import { isImportFormat } from '../src/importers/format-parser.js';
import { writeSyntheticEvents } from '../src/importers/synthetic-events.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const format = process.argv[3] ?? 'gdelt2';
if (!isImportFormat(format)) throw new Error(`unknown format ${format}`);
const path = process.argv[4] ?? `bench/out/synthetic-${rows}.${format}.tsv`;
mkdirSync(dirname(path), { recursive: true });
const t0 = performance.now();
const bytes = writeSyntheticEvents(path, format, rows);
console.log(
  `${path}: ${rows} ${format} rows, ${(bytes / 1048576).toFixed(1)} MiB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
