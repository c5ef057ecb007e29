import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench } from 'vitest';
import { newParsedRow, type FormatParser, type ImportFormat } from '../format-parser.js';
import { writeSyntheticEvents } from '../synthetic-events.js';

/**
 * A parser benchmark over synthetic rows in the parser's own layout (`npx vitest bench src/importers`):
 * lines are generated once and held in memory, so the figure is the parser alone (no I/O, no store).
 */
export function benchParser(format: ImportFormat, make: () => FormatParser, rows = 20_000): void {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const path = join(dir, `synthetic.${format}`);
  writeSyntheticEvents(path, format, rows);
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  rmSync(dir, { recursive: true, force: true });
  const header = lines[0]!;
  bench(`${format}: parse ${rows.toLocaleString('en-US')} rows`, () => {
    const parser = make();
    const row = newParsedRow();
    let i = 0;
    if (parser.hasHeader) {
      parser.header(header);
      i = 1;
    }
    for (; i < lines.length; i++) {
      const reason = parser.parse(lines[i]!, row);
      if (reason !== null) throw new Error(`line ${i + 1}: ${reason}`);
    }
  });
}
