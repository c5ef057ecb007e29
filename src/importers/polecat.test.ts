import { describe, expect, it } from 'vitest';
import { polecatParser, splitMulti } from './polecat.js';
import { parseFixture, rowsOf } from './test-support/fixtures.js';

describe('POLECAT parser', () => {
  it('maps a row field by field, PLOVER category to a CAMEO root with the category kept', () => {
    const rows = rowsOf(parseFixture(polecatParser(), 'ngecEvents.20180612.polecat.tsv', 'latin1'));
    expect(rows).toHaveLength(5);
    const r = rows[0]!;
    expect(r.key).toBe('a1f3c9e2_1');
    expect(r.date).toBe('2018-06-12');
    expect(r.sourceCode).toBe('USAGOV');
    expect(r.targetCode).toBe('PRKGOV');
    expect(r.code).toBe('030');
    expect(r.quad).toBe(1);
    expect(r.goldstein).toBe(8);
    expect(r.sourceName).toBe('Donald Trump');
    expect(r.targetName).toBe('Kim Jong Un');
    const extra = JSON.parse(r.extra!);
    expect(extra).toMatchObject({
      category: 'AGREE',
      quad: 'VERBAL COOPERATION',
      contexts: ['diplomatic'],
      actorCountries: ['United States'],
      actorCow: ['2'],
      actorSectors: ['GOV', 'ELI'],
      actorTitle: 'President',
      recipientCountries: ['North Korea'],
      place: 'Hôtel Capella, Sentosa',
      publisher: 'Agence France-Presse',
    });
    // `None` is no value: the Story Organizations cell was None.
    expect(extra.storyOrganizations).toBeUndefined();
  });

  it('takes the first mappable of several countries, and keeps them all', () => {
    const r = rowsOf(parseFixture(polecatParser(), 'ngecEvents.20180612.polecat.tsv', 'latin1'))[1]!;
    expect([r.sourceParty, r.targetParty, r.code, r.quad]).toEqual(['KOR', 'PRK', '040', 1]);
    expect(JSON.parse(r.extra!)).toMatchObject({
      actorCountries: ['South Korea', 'United States'],
      actorCow: ['732', '2'],
      contexts: ['diplomatic', 'military'],
      mode: 'Visit',
    });
  });

  it('treats None as missing, and falls back on COW numbers (260 is Germany)', () => {
    const rows = rowsOf(parseFixture(polecatParser(), 'ngecEvents.20180612.polecat.tsv', 'latin1'));
    expect([rows[2]!.sourceParty, rows[2]!.targetParty, rows[2]!.code, rows[2]!.quad]).toEqual([null, 'PRK', '110', 3]);
    expect([rows[3]!.sourceParty, rows[3]!.targetParty, rows[3]!.code]).toEqual(['PRK', 'DEU', '020']);
    // The text quad label wins over the code's: POLECAT put this REQUEST in verbal conflict.
    expect(rows[3]!.quad).toBe(3);
    expect([rows[4]!.code, rows[4]!.quad, rows[4]!.goldstein]).toEqual(['160', 4, -6]);
  });

  it('reads a release with "Event Intensity", numeric quads and archive columns', () => {
    const rows = rowsOf(parseFixture(polecatParser(), 'ngecEventsDV-2018.polecat.tsv'));
    expect(rows.map((r) => [r.key, r.code, r.quad, r.goldstein])).toEqual([
      ['a1f3c9e2_1', '030', 1, 8],
      ['f6c8b4d5_1', '040', 1, 4],
    ]);
    expect(JSON.parse(rows[0]!.extra!)).toMatchObject({
      eventText: 'Trump and Kim signed a joint statement.',
      headline: 'Trump and Kim sign statement',
      story: 'a1f3c9e2',
    });
  });

  it('rejects an unknown category and a bad date', () => {
    expect(parseFixture(polecatParser(), 'broken.polecat.tsv').slice(0, 2)).toEqual([
      'unknown PLOVER event type "TELEPORT"',
      'bad Event Date "18-09-2018" (expected YYYY-MM-DD)',
    ]);
  });

  it('splits multi-valued cells on ; and |, dropping None', () => {
    expect(splitMulti('United States; None|Canada;')).toEqual(['United States', 'Canada']);
    expect(splitMulti('None')).toEqual([]);
  });
});
