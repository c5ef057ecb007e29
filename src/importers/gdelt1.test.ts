import { describe, expect, it } from 'vitest';
import { gdelt1Parser } from './gdelt1.js';
import { readExtra } from './read-extra.js';
import { parseFixture, rowsOf } from './test-support/fixtures.js';

describe('GDELT 1.0 parser', () => {
  it('reads the 57-column historical backfile (no SOURCEURL)', () => {
    const rows = rowsOf(parseFixture(gdelt1Parser(), '201212.gdelt1-backfile.csv'));
    expect(rows).toHaveLength(3);
    const r = rows[0]!;
    expect(r.key).toBe('150000001');
    expect(r.date).toBe('2012-04-13');
    expect(r.sourceCode).toBe('USAGOV');
    expect(r.targetCode).toBe('PRKMIL');
    expect(r.sourceParty).toBe('USA');
    expect(r.targetParty).toBe('PRK');
    expect(r.code).toBe('111');
    expect(r.quad).toBe(3);
    expect(r.goldstein).toBe(-2);
    expect(r.url).toBeNull();
    const extra = readExtra('gdelt1', r.extra);
    // 1.0 has no ADM2 columns: ActionGeo_CountryCode is column 52 (1-based), DATEADDED 57.
    expect(extra.geo).toBe('KN');
    expect(extra.geoCountry).toBe('PRK');
    expect(extra.lat).toBe(39.0194);
    expect(extra.lon).toBe(125.755);
    expect(extra.added).toBe('20120413');
    expect(extra.actor1Geo).toBe('US');
    expect(extra.actor2Geo).toBe('KN');
  });

  it('reads the 58-column daily files with SOURCEURL', () => {
    const rows = rowsOf(parseFixture(gdelt1Parser(), '20130402.export.CSV'));
    expect(rows).toHaveLength(2);
    expect(rows[0]!.url).toBe('https://example.org/news/2013/04/02/yongbyon-restart');
    expect(rows[0]!.code).toBe('138');
    expect(rows[0]!.goldstein).toBe(-7);
    expect(readExtra('gdelt1', rows[0]!.extra).added).toBe('20130402');
  });

  it('rejects a GDELT 2.0 row (61 columns)', () => {
    const parsed = parseFixture(gdelt1Parser(), '20180713101500.export.CSV');
    expect(parsed[0]).toBe('expected 57 or 58 tab-separated columns, found 61');
  });
});
