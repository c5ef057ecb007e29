import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../model/errors.js';
import { CASE_FILES } from './case-schema.js';
import { readCaseFolder } from './read-case-folder.js';

/*
 * Whatever bytes a case file holds, reading the folder ends, and ends either with the case or with
 * a ValidationError naming the file: never another error, a stack overflow or a hang (each run is
 * bounded by the test's timeout). Runs are few and inputs small, so the suite stays fast.
 */

const MINI = fileURLToPath(new URL('./fixtures/mini/', import.meta.url));
const NAMES = Object.keys(CASE_FILES);
const RUNS = 80;

let dir: string;
const originals = new Map(NAMES.map((name) => [name, readFileSync(join(MINI, name))]));
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-prop-'));
  cpSync(MINI, dir, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads the mini case with one file replaced; true when it ended as allowed. */
function readsOrRefuses(name: string, content: Uint8Array | string): boolean {
  writeFileSync(join(dir, name), content);
  try {
    readCaseFolder(dir);
    return true;
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    // Every problem says where it is, and a file's problem names that file.
    return e.problems.every((p) => p.location === undefined || p.location.file.startsWith(dir));
  } finally {
    writeFileSync(join(dir, name), originals.get(name)!);
  }
}

/** Characters YAML gives a meaning to, so that random text reaches the parser's corners. */
const YAML_CHARS = [...'-:[]{},&*!|>\'"#%@`?\n\t \\0123456789abcxyz\u00a0\ufeff\u2028'];
const yamlish = fc.array(fc.constantFrom(...YAML_CHARS), { maxLength: 400 }).map((cs) => cs.join(''));

describe('a case file holding anything', () => {
  it('arbitrary bytes end as the case or a ValidationError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.uint8Array({ maxLength: 2000 }), (name, bytes) =>
        readsOrRefuses(name, bytes),
      ),
      { numRuns: RUNS },
    );
  });

  it('random YAML-like text ends as the case or a ValidationError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), yamlish, (name, text) => readsOrRefuses(name, text)),
      { numRuns: RUNS },
    );
  });

  it('a real file with a random cut, insertion or repetition ends as the case or a ValidationError', () => {
    const edits = fc.record({
      name: fc.constantFrom(...NAMES),
      at: fc.nat(),
      cut: fc.nat({ max: 80 }),
      insert: fc.oneof(yamlish, fc.constantFrom('*a', '&a ', '<<: *a', '99999999999999', '.nan', '0018-01-01', '\0')),
      repeat: fc.nat({ max: 3 }),
    });
    fc.assert(
      fc.property(edits, ({ name, at, cut, insert, repeat }) => {
        const text = readFileSync(join(MINI, name), 'utf8');
        const i = at % (text.length + 1);
        const edited = text.slice(0, i) + insert.repeat(repeat + 1) + text.slice(i + cut);
        return readsOrRefuses(name, edited);
      }),
      { numRuns: RUNS },
    );
  });

  it('deep nesting and alias chains end with a ValidationError', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.constantFrom('[', '{a: ', '- '), (depth, open) => {
        const close = open === '[' ? ']' : open === '{a: ' ? '}' : '';
        const text =
          open === '- '
            ? `${Array.from({ length: depth }, (_, i) => `${' '.repeat(i * 2)}- `).join('\n')}x\n`
            : `${open.repeat(depth)}x${close.repeat(depth)}\n`;
        return readsOrRefuses('conditions.yaml', text);
      }),
      { numRuns: 30 },
    );
    expect(readsOrRefuses('events.yaml', `a: &a [${'*a,'.repeat(50)}]\n`)).toBe(true);
  });
});
