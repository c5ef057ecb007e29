import { describe, expect, it } from 'vitest';
import { HeaderError } from './format-parser.js';
import { icewsParser } from './icews.js';
import { parseFixture, rowsOf } from './test-support/fixtures.js';

describe('ICEWS parser', () => {
  it('reads a quoted Dataverse .tab with M/D/YYYY dates, field by field', () => {
    const rows = rowsOf(parseFixture(icewsParser(), 'events.2018.sample.tab'));
    expect(rows).toHaveLength(6);
    const r = rows[0]!;
    expect(r.key).toBe('33000001|2018-06-12');
    expect(r.date).toBe('2018-06-12');
    expect(r.sourceCode).toBe('USAGOV');
    expect(r.targetCode).toBe('PRKGOV');
    expect(r.sourceParty).toBe('USA');
    expect(r.targetParty).toBe('PRK');
    expect(r.code).toBe('044');
    expect(r.quad).toBe(1);
    expect(r.goldstein).toBe(2.5);
    expect(r.sourceName).toBe('Donald Trump');
    expect(r.targetName).toBe('Kim Jong-Un');
    expect(JSON.parse(r.extra!)).toEqual({
      eventId: '33000001',
      sourceCountry: 'United States',
      sourceSectors: ['Executive', 'Executive Office', 'Government'],
      targetCountry: 'North Korea',
      targetSectors: ['Executive', 'Executive Office', 'Government'],
      eventText: 'Meet at a third location',
      story: 41000001,
      sentence: 1,
      publisher: 'Yonhap News Agency',
      city: 'Singapore',
      country: 'Singapore',
      lat: 1.28967,
      lon: 103.85007,
    });
  });

  it('keys rows by (Event ID, Event Date): an id repeated on two dates is two events', () => {
    const rows = rowsOf(parseFixture(icewsParser(), 'events.2018.sample.tab'));
    expect(rows.slice(1, 3).map((r) => r.key)).toEqual(['33000002|2018-07-06', '33000002|2018-07-07']);
    expect(rows[2]!.sourceCode).toBe('PRKGOV');
    expect(rows[2]!.goldstein).toBe(-2);
  });

  it('maps country names and sectors (military, police) and leaves unknown countries without a party', () => {
    const rows = rowsOf(parseFixture(icewsParser(), 'events.2018.sample.tab'));
    expect([rows[4]!.sourceCode, rows[4]!.targetCode]).toEqual(['PRKMIL', 'CODCOP']);
    expect([rows[5]!.sourceParty, rows[5]!.sourceCode, rows[5]!.targetParty]).toEqual([null, null, 'USA']);
    expect(JSON.parse(rows[5]!.extra!).sourceCountry).toBe('Atlantis');
  });

  it('reads snake_case headers, unquoted ISO dates, a quoted sector list, and recovers a missing CAMEO code from Event Text', () => {
    const rows = rowsOf(parseFixture(icewsParser(), '20180708-icews-events.tsv'));
    expect(rows.map((r) => [r.key, r.code, r.sourceCode, r.targetCode])).toEqual([
      ['33000002|2018-07-07', '111', 'PRKGOV', 'USA'],
      ['33000010|2018-07-08', '010', 'PRKGOV', 'USA'],
    ]);
    expect(JSON.parse(rows[0]!.extra!)).toMatchObject({
      sourceSectors: ['Foreign Ministry', 'Government'],
      codeFrom: 'Event Text',
    });
    // A literal quote inside an unquoted value stays.
    expect(JSON.parse(rows[1]!.extra!).publisher).toBe('KCNA "Pyongyang"');
  });

  it('rejects an unknown code, a date in the other format, and a short row', () => {
    expect(parseFixture(icewsParser(), 'broken.icews.tab').slice(0, 3)).toEqual([
      'unknown CAMEO event code "999"',
      'bad Event Date "2018-07-06" (this file\'s dates are M/D/YYYY)',
      'expected 20 tab-separated columns as in the header, found 15',
    ]);
  });

  it('refuses a header without Event Date', () => {
    expect(() => parseFixture(icewsParser(), 'broken-header.icews.tab')).toThrow(HeaderError);
  });
});
