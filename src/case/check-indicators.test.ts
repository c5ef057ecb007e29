import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../model/errors.js';
import { readCaseFolder } from './read-case-folder.js';

const MINI = fileURLToPath(new URL('./fixtures/mini/', import.meta.url));

function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit did not apply to ${file}`);
  writeFileSync(path, next);
}

function problems(dir: string): string[] {
  try {
    readCaseFolder(dir);
  } catch (e) {
    if (e instanceof ValidationError) return e.describeAll().split('\n');
    throw e;
  }
  throw new Error('expected a validation error');
}

describe('indicators in a case folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parley-indicators-'));
    cpSync(MINI, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads measurements in time order with their figures, reported dates and reports', () => {
    const { indicators } = readCaseFolder(dir).data;
    const rods = indicators?.find((i) => i.id === 'fuel-rods');
    expect(rods?.limit).toEqual({
      test: 'atMost',
      value: 8000,
      provision: 'joint-statement/denuclearization',
      from: '2018-06-12',
    });
    expect(rods?.measurements.map((m) => [m.date, m.known, m.figure.is])).toEqual([
      ['2018-03-01', '2018-03-20', 'value'],
      ['2018-06-01', '2018-06-05', 'range'],
      ['2018-09-01', '2018-09-30', 'above'],
      ['2018-12-01', '2018-12-10', 'none'],
    ]);
    expect(rods?.measurements[0]).toMatchObject({ report: 'R-1', paragraph: '4', verification: 'verified' });
  });

  it('reports each problem with file, line and field', () => {
    edit(dir, 'indicators.yaml', 'value: 7500,', 'value: 7500, above: 7000,');
    edit(
      dir,
      'indicators.yaml',
      'refersTo: 2018-06-01, reported: 2018-06-05',
      'refersTo: 2018-06-01, reported: 2018-05-05',
    );
    edit(dir, 'indicators.yaml', 'facility: site-a\n  limit: { atMost', 'facility: site-q\n  limit: { atMost');
    edit(dir, 'indicators.yaml', 'value: true, verification: claimed', 'value: 3, verification: guessed');
    edit(dir, 'indicators.yaml', 'provision: joint-statement/denuclearization', 'provision: joint-statement/denuke');
    const all = problems(dir);
    expect(all).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /indicators\.yaml:\d+ \(field \[0\]\.measurements\[0\]\): value and above given together: a measurement needs exactly one of/,
        ),
        expect.stringMatching(/indicators\.yaml:\d+ \(field \[1\]\.measurements\[0\]\.verification\)/),
      ]),
    );
    // Shape problems come first; the cross-reference problems of the entries that pass follow.
    edit(dir, 'indicators.yaml', 'value: 7500, above: 7000,', 'value: 7500,');
    edit(dir, 'indicators.yaml', 'value: 3, verification: guessed', 'value: 3, verification: claimed');
    const refs = problems(dir);
    expect(refs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /indicators\.yaml:\d+ \(field \[0\]\.facility\): unknown facility "site-q" \(did you mean "site-a"/,
        ),
        expect.stringMatching(
          /indicators\.yaml:\d+ \(field \[0\]\.measurements\[1\]\.reported\): reported 2018-05-05 is before the date it refers to \(2018-06-01\)/,
        ),
        expect.stringMatching(
          /indicators\.yaml:\d+ \(field \[0\]\.limit\.provision\): agreement "joint-statement" has no provision "denuke"/,
        ),
        expect.stringMatching(
          /indicators\.yaml:\d+ \(field \[1\]\.measurements\[0\]\.value\): expected true or false: this indicator is yes\/no/,
        ),
      ]),
    );
  });

  it('checks the indicator leaves of conditions: a known indicator, tested with a value of its kind', () => {
    writeFileSync(
      join(dir, 'conditions.yaml'),
      `${readFileSync(join(dir, 'conditions.yaml'), 'utf8')}
- id: rods
  title: Rods within the limit
  requires:
    all:
      - indicator: { id: fuel-rod, atMost: 8000 }
      - indicator: { id: reactor-running, atMost: 1 }
      - indicator: { id: fuel-rods, atMost: 8000, atLeast: 1 }
`,
    );
    const all = problems(dir);
    expect(all).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /conditions\.yaml:\d+ \(field \[\d+\]\.requires\.all\[2\]\.indicator\): atMost and atLeast given together/,
        ),
      ]),
    );
    edit(dir, 'conditions.yaml', 'atMost: 8000, atLeast: 1', 'atMost: 8000');
    expect(problems(dir)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /\(field \[\d+\]\.requires\.all\[0\]\.indicator\.id\): unknown indicator "fuel-rod".*did you mean "fuel-rods"/,
        ),
        expect.stringMatching(
          /\(field \[\d+\]\.requires\.all\[1\]\.indicator\.atMost\): indicator "reactor-running" is yes\/no/,
        ),
      ]),
    );
  });
});
