import { describe, expect, it } from 'vitest';
import { gdelt2Parser } from './gdelt2.js';
import { newParsedRow } from './format-parser.js';
import { readExtra } from './read-extra.js';
import { parseFixture, rowsOf } from './test-support/fixtures.js';

describe('GDELT 2.0 parser', () => {
  it('maps the columns of an export row field by field', () => {
    const rows = rowsOf(parseFixture(gdelt2Parser(), '20180713101500.export.CSV'));
    expect(rows).toHaveLength(3);
    const r = rows[1]!;
    expect(r.key).toBe('778899003');
    expect(r.date).toBe('2018-07-06');
    expect(r.day).toBe(17718);
    expect(r.sourceCode).toBe('USAGOV');
    expect(r.targetCode).toBe('PRK');
    expect(r.sourceParty).toBe('USA');
    expect(r.targetParty).toBe('PRK');
    expect(r.code).toBe('042');
    expect(r.quad).toBe(1);
    expect(r.goldstein).toBe(1.9);
    expect(r.sourceName).toBe('UNITED STATES');
    expect(r.targetName).toBe('NORTH KOREA');
    expect(r.url).toBe('https://example.org/news/2018/07/06/pompeo-pyongyang');
    expect(readExtra('gdelt2', r.extra)).toEqual({
      root: 1,
      mentions: 12,
      sources: 1,
      articles: 12,
      tone: -1.25,
      actor1Geo: 'US',
      actor2Geo: 'KN',
      geo: 'KN',
      geoCountry: 'PRK',
      place: "Pyongyang, P'yongyang-si, North Korea",
      lat: 39.0194,
      lon: 125.755,
      added: '20180706141500',
    });
  });

  it('keeps CAMEO codes as strings with their leading zero', () => {
    const rows = rowsOf(parseFixture(gdelt2Parser(), '20180713101500.export.CSV'));
    expect(rows.map((r) => r.code)).toEqual(['057', '042', '036']);
  });

  it('rejects a short row, a bad date and an unknown code with a reason', () => {
    const parsed = parseFixture(gdelt2Parser(), 'broken.gdelt2.export.CSV');
    expect(parsed.slice(0, 3)).toEqual([
      'expected 61 tab-separated columns, found 40',
      'bad SQLDATE "20181345" (expected YYYYMMDD)',
      'unknown CAMEO event code "999"',
    ]);
    expect(typeof parsed[3]).toBe('object');
  });

  it('takes an organisation as its own party when the country is empty', () => {
    const p = gdelt2Parser();
    const row = newParsedRow();
    const cols = new Array<string>(61).fill('');
    Object.assign(cols, {
      0: '1',
      1: '20180820',
      5: 'IGOUNOIAE',
      15: 'PRK',
      17: 'PRK',
      26: '112',
      29: '3',
      30: '-2.0',
    });
    expect(p.parse(cols.join('\t'), row)).toBeNull();
    expect(row.sourceParty).toBe('IGOUNOIAE');
    expect(row.targetParty).toBe('PRK');
    expect(row.url).toBeNull();
  });
});
