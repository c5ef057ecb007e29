import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openStore, type Store } from '../store/store.js';
import { splitCsvLine } from './csv-line.js';
import { importFile } from './import-file.js';
import { RecordReader } from './record-reader.js';
import { csvParser } from './csv.js';
import { writeSyntheticEvents } from './synthetic-events.js';
import { inputsOf } from './test-support/fixtures.js';

/**
 * Properties of the line and record reading (issue 9, general defences): arbitrary bytes never
 * crash the import and never hang it, and a well-formed row that follows them is never lost.
 */
describe('reading lines and records, whatever the bytes', () => {
  let store: Store;
  let dir: string;
  let gdeltRow: string;
  let n = 0;
  beforeAll(async () => {
    store = await openStore(':memory:');
    dir = mkdtempSync(join(tmpdir(), 'parley-property-'));
    const one = join(dir, 'one.tsv');
    writeSyntheticEvents(one, 'gdelt2', 1, { seed: 9 });
    gdeltRow = readFileSync(one, 'utf8').trimEnd();
  });
  afterAll(async () => {
    await store.close();
  });

  /** Imports `bytes` as a file; returns the keys stored from it. */
  async function keysAfter(bytes: Buffer, format: 'csv' | 'gdelt2'): Promise<Set<string>> {
    const path = join(dir, `input-${++n}.${format}`);
    writeFileSync(path, bytes);
    const [input] = await inputsOf([path]);
    const r = await importFile(input!, store, {
      format,
      filters: {},
      dataDir: dir,
      rejectsPath: join(dir, 'rejects.tsv'),
      maxLineBytes: 4096,
    });
    if (r.fileId === null) return new Set();
    const rows = await sql<{ event_key: string }>`
      SELECT event_key FROM imported_events WHERE file_id = ${r.fileId}
      UNION SELECT event_key FROM imported_event_holders WHERE file_id = ${r.fileId}`.execute(store.db);
    return new Set(rows.rows.map((x) => x.event_key));
  }

  const garbage = fc.uint8Array({ maxLength: 3000 }).map((a) => Buffer.from(a));
  /** Bytes that lean on what the readers treat specially: quotes, commas, tabs, line ends, invalid UTF-8. */
  const hostile = fc
    .array(fc.constantFrom('"', ',', '\t', '\n', '\r', '""', 'a', ' ', '\\', '\u00e9', '\xff'), { maxLength: 400 })
    .map((parts) => Buffer.from(parts.join(''), 'latin1'));
  const junk = fc.oneof(garbage, hostile);

  it('CSV: a good row after arbitrary bytes is imported', async () => {
    await fc.assert(
      fc.asyncProperty(junk, async (bad) => {
        const id = `good-${n + 1}`;
        const bytes = Buffer.concat([
          Buffer.from('id,date,source,target,code,note\n'),
          bad,
          Buffer.from(`\n${id},2018-06-12,USAGOV,PRKGOV,043,a plain note\n`),
        ]);
        expect((await keysAfter(bytes, 'csv')).has(id)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('GDELT (tab-separated, no header): a good row after arbitrary bytes is imported', async () => {
    await fc.assert(
      fc.asyncProperty(junk, async (bad) => {
        const id = String(900_000_000 + n + 1);
        const row = gdeltRow.replace(/^\d+\t/, `${id}\t`);
        const bytes = Buffer.concat([bad, Buffer.from(`\n${row}\n`)]);
        expect((await keysAfter(bytes, 'gdelt2')).has(id)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('CSV records: every line ends in exactly one record kept or one line rejected', () => {
    const line = fc.array(fc.constantFrom('"', ',', 'x', '""', ' '), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const owner = new Map<number, string>();
        const claim = (no: number, by: string): void => {
          expect(owner.get(no)).toBeUndefined();
          owner.set(no, by);
        };
        const parser = csvParser();
        const reader = new RecordReader(
          parser.lineEndsOpen.bind(parser),
          { lines: 5, bytes: 200 },
          {
            take: (text, first) => {
              // A record is good when it has three fields, as a header `a,b,c` would ask.
              if (splitCsvLine(text).length !== 3) return 'not three fields';
              const span = text.split('\n').length;
              for (let k = 0; k < span; k++) claim(first + k, `kept@${first}`);
              return null;
            },
            reject: (no) => {
              claim(no, 'rejected');
              return true;
            },
          },
        );
        for (const [i, l] of lines.entries()) reader.push(l, i + 1);
        reader.end();
        lines.forEach((l, i) => {
          if (l !== '') expect(owner.has(i + 1)).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });
});
