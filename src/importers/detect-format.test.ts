import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../model/errors.js';
import { detectFormat } from './detect-format.js';
import { fixture } from './test-support/fixtures.js';

function firstLines(name: string): string[] {
  return readFileSync(fixture(name), 'latin1').split('\n').slice(0, 20);
}

describe('detectFormat', () => {
  it.each([
    ['20180713101500.export.CSV', 'gdelt2'],
    ['201212.gdelt1-backfile.csv', 'gdelt1'],
    ['20130402.export.CSV', 'gdelt1'],
    ['events.2018.sample.tab', 'icews'],
    ['20180708-icews-events.tsv', 'icews'],
    ['ngecEvents.20180612.polecat.tsv', 'polecat'],
    ['ngecEventsDV-2018.polecat.tsv', 'polecat'],
    ['phoenix_events_20181109.txt', 'phoenix'],
    ['broken.phoenix.txt', 'phoenix'],
    ['us-dprk-moves.csv', 'csv'],
    ['cline-phoenix.sample.csv', 'csv'],
  ])('%s is %s', (name, format) => {
    expect(detectFormat(name, firstLines(name))).toBe(format);
  });

  it('goes by the column count most first lines have, then by the GDELT file name', () => {
    expect(detectFormat('broken.gdelt2.export.CSV', firstLines('broken.gdelt2.export.CSV'))).toBe('gdelt2');
    expect(detectFormat('20180612031500.export.CSV', ['1\t2\t3'])).toBe('gdelt2');
    expect(detectFormat('20180612.export.CSV', ['1\t2\t3'])).toBe('gdelt1');
  });

  it('says so when it cannot tell', () => {
    expect(() => detectFormat('notes.txt', ['hello\tworld'])).toThrow(UsageError);
    expect(() => detectFormat('notes.csv', ['a,b,c'])).toThrow(/give --format/);
  });
});
