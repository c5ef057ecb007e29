import { mkdtempSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../store/store.js';
import type { FormatParser, ParsedRow } from '../format-parser.js';
import { newParsedRow } from '../format-parser.js';
import { importFile, type FileResult, type ImportOptions } from '../import-file.js';
import { expandInputs, isUnreadable, type InputSource } from '../open-input.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** Parses every data line of a plain fixture with `parser`; rejects come back as strings. */
export function parseFixture(
  parser: FormatParser,
  name: string,
  encoding: BufferEncoding = 'utf8',
): (ParsedRow | string)[] {
  const lines = readFileSync(fixture(name), encoding)
    .split('\n')
    .map((l) => l.replace(/\r$/, ''));
  const out: (ParsedRow | string)[] = [];
  let first = true;
  for (const line of lines) {
    if (line === '') continue;
    if (first && parser.hasHeader) {
      first = false;
      parser.header(line);
      continue;
    }
    first = false;
    const row = newParsedRow();
    const reason = parser.parse(line, row);
    out.push(reason ?? row);
  }
  return out;
}

export function rowsOf(parsed: (ParsedRow | string)[]): ParsedRow[] {
  return parsed.filter((r): r is ParsedRow => typeof r !== 'string');
}

/** Imports fixture files (or folders) into a store, rejects into a temp folder. */
export async function importFixtures(
  store: Store | null,
  names: string[],
  opts: Partial<ImportOptions> = {},
): Promise<FileResult[]> {
  const out: FileResult[] = [];
  // A fresh folder per call: an explicit rejects path is appended to, never truncated.
  const dir = mkdtempSync(join(tmpdir(), 'parley-rejects-'));
  for (const input of await inputsOf(names.map(fixture))) {
    out.push(
      await importFile(input, store, {
        filters: {},
        dataDir: dir,
        rejectsPath: join(dir, `${input.name.replace(/[:/]/g, '_')}.rejects.tsv`),
        ...opts,
      }),
    );
  }
  return out;
}

/** The inputs of these paths, every one readable (a test that expects an unreadable one uses expandInputs). */
export async function inputsOf(paths: readonly string[]): Promise<InputSource[]> {
  const out: InputSource[] = [];
  for (const i of await expandInputs(paths)) {
    if (isUnreadable(i)) throw i.error;
    out.push(i);
  }
  return out;
}
