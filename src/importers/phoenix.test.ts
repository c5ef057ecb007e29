import { describe, expect, it } from 'vitest';
import { phoenixParser } from './phoenix.js';
import { parseFixture, rowsOf } from './test-support/fixtures.js';

describe('Phoenix parser', () => {
  it('maps the 26 columns by position', () => {
    const rows = rowsOf(parseFixture(phoenixParser(), 'phoenix_events_20181109.txt'));
    expect(rows).toHaveLength(4);
    const r = rows[0]!;
    expect([
      r.key,
      r.date,
      r.sourceCode,
      r.targetCode,
      r.sourceParty,
      r.targetParty,
      r.code,
      r.quad,
      r.goldstein,
      r.url,
    ]).toEqual(['58001_1.0', '2018-06-12', 'USAGOV', 'PRKGOV', 'USA', 'PRK', '040', 1, 1, 'https://example.org/a']);
    expect(JSON.parse(r.extra!)).toEqual({
      phoenixQuad: 1,
      sourceRole: 'GOV',
      targetRole: 'GOV',
      issues: 'nuclear,2',
      lat: 1.28967,
      lon: 103.85007,
      place: 'Singapore',
      country: 'SGP',
      sentences: 'ab12-1;cd34-2',
      urls: ['https://example.org/a', 'https://example.org/b'],
      sources: 'afp;reuters',
    });
  });

  it('keeps QuadClass 0 as neutral and never reads Phoenix quads as CAMEO quads', () => {
    const rows = rowsOf(parseFixture(phoenixParser(), 'phoenix_events_20181109.txt'));
    expect(rows[1]!.quad).toBe(1);
    expect(JSON.parse(rows[1]!.extra!)).toMatchObject({ phoenixQuad: 0, quadLabel: 'neutral' });
    expect(rows[1]!.targetCode).toBeNull();
    // Phoenix puts root 16 in its class 3; CAMEO's quad for 163 is 4.
    expect([rows[2]!.code, rows[2]!.quad, JSON.parse(rows[2]!.extra!).phoenixQuad]).toEqual(['163', 4, 3]);
  });

  it('takes an organisation as its party, not the bare IGO entity', () => {
    const r = rowsOf(parseFixture(phoenixParser(), 'phoenix_events_20181109.txt'))[3]!;
    expect([r.sourceCode, r.sourceParty, r.targetParty]).toEqual(['IGOUNOIAE', 'IGOUNOIAE', 'PRK']);
  });

  it('rejects a short row and an unknown code', () => {
    expect(parseFixture(phoenixParser(), 'broken.phoenix.txt').slice(1)).toEqual([
      'expected 26 tab-separated columns, found 20',
      'unknown CAMEO event code "1633"',
    ]);
  });
});
