import { describe, expect, it } from 'vitest';
import { csvParser } from './csv.js';
import { splitCsvLine } from './csv-line.js';
import { parseFixture, rowsOf } from './test-support/fixtures.js';

describe('CSV parser', () => {
  it('reads the documented columns, dates in three forms, quoted fields, extra columns', () => {
    const rows = rowsOf(parseFixture(csvParser(), 'us-dprk-moves.csv'));
    expect(
      rows.map((r) => [
        r.key,
        r.date,
        r.sourceCode,
        r.targetCode,
        r.sourceParty,
        r.targetParty,
        r.code,
        r.quad,
        r.goldstein,
      ]),
    ).toEqual([
      ['pompeo-2018-05-09', '2018-05-09', 'USAGOV', 'PRKGOV', 'USA', 'PRK', '042', 1, 1.9],
      ['detainees-2018-05-09', '2018-05-09', 'PRKGOV', 'USA', 'PRK', 'USA', '0841', 2, 7],
      ['sohae-2018-07-23', '2018-07-23', 'PRKMIL', null, 'PRK', null, '0874', 2, 10],
      [expect.stringMatching(/^[0-9a-f]{20}$/), '2018-10-07', 'USAGOV', 'PRKGOV', 'USA', 'PRK', '042', 1, 1.9],
    ]);
    expect(rows[0]!.url).toBe('https://example.org/pompeo-may');
    expect(rows[0]!.sourceName).toBe('Mike Pompeo');
    expect(JSON.parse(rows[0]!.extra!)).toEqual({ note: 'second visit, brings detainees home' });
    expect(JSON.parse(rows[1]!.extra!)).toEqual({ note: 'release of three "detainees"' });
  });

  it('reads Cline Center Phoenix columns (eid, story_date M/D/YYYY, punctuated actor codes)', () => {
    const rows = rowsOf(parseFixture(csvParser(), 'cline-phoenix.sample.csv'));
    expect(rows.map((r) => [r.key, r.date, r.sourceCode, r.targetCode, r.code, r.goldstein])).toEqual([
      ['NYT000001', '2018-06-12', 'USAGOV', 'PRKGOV', '044', 2.5],
      ['NYT000002', '2018-06-13', 'PRKGOV', 'USA', '057', 8],
    ]);
  });

  it('rejects a bad date, a missing code and a wrong column count', () => {
    expect(parseFixture(csvParser(), 'broken.csv').slice(0, 3)).toEqual([
      'bad date "2018-13-01" (expected YYYY-MM-DD, YYYYMMDD or M/D/YYYY)',
      'empty code',
      'expected 5 comma-separated columns as in the header, found 6',
    ]);
  });

  it('splits RFC 4180 lines', () => {
    expect(splitCsvLine('a,"b,c","d ""e""",,f')).toEqual(['a', 'b,c', 'd "e"', '', 'f']);
    expect(splitCsvLine('')).toEqual(['']);
    expect(splitCsvLine('x,')).toEqual(['x', '']);
  });
});
