import { describe, expect, it } from 'vitest';
import type { Agreement } from '../model/agreement.js';
import { scorecard } from './scorecard.js';

const singapore: Agreement = {
  id: 'singapore',
  caseId: 'us-dprk-2018',
  name: 'Singapore joint statement',
  date: '2018-06-12',
  parties: ['usa', 'prk'],
  sources: [],
  provisions: [
    {
      id: 'relations',
      text: 'Establish new relations',
      theme: 'relations',
      owedBy: ['usa', 'prk'],
      statuses: [
        { date: '2018-10-07', level: 1, events: ['e-pompeo-oct'], sources: [] },
        { date: '2018-06-12', level: 0, events: [], sources: [] },
      ],
    },
    { id: 'peace', text: 'Build a lasting peace regime', theme: 'peace regime', owedBy: ['usa', 'prk'], statuses: [] },
    {
      id: 'denuclearization',
      text: 'Work toward complete denuclearization',
      theme: 'denuclearization',
      owedBy: ['prk'],
      statuses: [
        { date: '2018-06-12', level: 0, events: [], sources: [] },
        {
          date: '2018-07-20',
          level: 1,
          events: ['e-sohae'],
          sources: [{ publisher: '38 North' }],
          note: 'imagery only',
        },
      ],
    },
    {
      id: 'remains',
      text: 'Recover POW/MIA remains',
      theme: 'remains',
      owedBy: ['prk'],
      statuses: [
        {
          date: '2018-07-27',
          level: 2,
          events: ['e-remains'],
          sources: [{ publisher: 'Reuters', link: 'https://example.org/r' }],
        },
        { date: '2018-08-01', level: 3, events: ['e-remains-2'], sources: [] },
      ],
    },
    {
      id: 'sanctions',
      text: 'Sanctions stay until denuclearization',
      theme: 'sanctions',
      owedBy: ['usa'],
      statuses: [{ date: '2018-06-12', level: 'na', events: [], sources: [] }],
    },
  ],
};

describe('scorecard', () => {
  // As of 2018-09-30: relations 0 (10-07 is later), peace no status → 0, denuclearization 1,
  // remains 3, sanctions na (left out).
  const card = scorecard([singapore], '2018-09-30', { since: '2018-07-25' });
  const ag = card.agreements[0]!;

  it('scores the agreement: Σ levels / (3 × provisions that apply)', () => {
    // (0 + 0 + 1 + 3) / (3 × 4) = 4/12 = 33.3 %
    expect(ag.overall).toEqual({
      levelSum: 4,
      maxSum: 12,
      percent: 100 / 3,
      provisions: 4,
      withoutStatus: 1,
      notApplicable: 1,
      reason: null,
    });
  });

  it('scores each owing party', () => {
    // usa: relations 0, peace 0 (sanctions na) → 0/6; prk: relations 0, peace 0, denuc 1, remains 3 → 4/12
    expect(ag.byParty.map((p) => [p.party, p.levelSum, p.maxSum, p.percent, p.notApplicable])).toEqual([
      ['usa', 0, 6, 0, 1],
      ['prk', 4, 12, 100 / 3, 0],
    ]);
  });

  it('scores each theme, null with a reason when nothing applies', () => {
    const byTheme = Object.fromEntries(ag.byTheme.map((t) => [t.theme, t.percent]));
    expect(byTheme).toEqual({
      relations: 0,
      'peace regime': 0,
      denuclearization: 100 / 3,
      remains: 100,
      sanctions: null,
    });
    expect(ag.byTheme.find((t) => t.theme === 'sanctions')!.reason).toBe('every provision is marked not applicable');
  });

  it('shows each provision’s status on the date with its evidence', () => {
    const p = Object.fromEntries(ag.provisions.map((x) => [x.id, x]));
    expect(p.denuclearization!.status).toEqual({
      date: '2018-07-20',
      level: 1,
      levelName: 'minimal',
      events: ['e-sohae'],
      sources: [{ publisher: '38 North' }],
      note: 'imagery only',
    });
    expect(p.peace!).toMatchObject({ status: null, counted: 0, levelName: 'no status yet' });
    expect(p.sanctions!).toMatchObject({ counted: null, levelName: 'not applicable' });
    expect(p.relations!).toMatchObject({ counted: 0, levelName: 'not started' });
  });

  it('lists status changes since the given date, and only up to asOf', () => {
    const p = Object.fromEntries(ag.provisions.map((x) => [x.id, x.changes]));
    expect(p.remains).toEqual([
      {
        date: '2018-07-27',
        from: null,
        fromName: null,
        to: 2,
        toName: 'intermediate',
        events: ['e-remains'],
        sources: [{ publisher: 'Reuters', link: 'https://example.org/r' }],
        note: null,
      },
      {
        date: '2018-08-01',
        from: 2,
        fromName: 'intermediate',
        to: 3,
        toName: 'full',
        events: ['e-remains-2'],
        sources: [],
        note: null,
      },
    ]);
    expect(p.denuclearization).toEqual([]); // 07-20 is before since
    expect(p.relations).toEqual([]); // 10-07 is after asOf
    // Without `since`: the full history up to asOf, from the first status
    const all = scorecard([singapore], '2018-12-31').agreements[0]!.provisions[0]!.changes;
    expect(all.map((c) => [c.date, c.from, c.to])).toEqual([
      ['2018-06-12', null, 0],
      ['2018-10-07', 0, 1],
    ]);
  });

  it('sums across agreements and filters parties', () => {
    expect(card.byParty.map((p) => p.party)).toEqual(['usa', 'prk']);
    const prkOnly = scorecard([singapore], '2018-09-30', { parties: ['prk'] });
    expect(prkOnly.byParty.map((p) => p.party)).toEqual(['prk']);
    expect(prkOnly.agreements[0]!.byParty.map((p) => p.party)).toEqual(['prk']);
  });

  it('leaves out agreements not yet signed on the date', () => {
    const early = scorecard([singapore], '2018-06-01');
    expect(early.agreements).toEqual([]);
    expect(early.notYetSigned).toEqual(['singapore']);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });
});
