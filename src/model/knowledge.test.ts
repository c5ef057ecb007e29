import { describe, expect, it } from 'vitest';
import type { Agreement } from './agreement.js';
import type { LedgerEvent } from './event.js';
import type { Facility } from './facility.js';
import { eventAsKnown, facilityAsKnown, frameAsKnown, knownFrom, lateFacts, textAsKnown } from './knowledge.js';

const event = (over: Partial<LedgerEvent> = {}): LedgerEvent => ({
  id: 'e',
  caseId: 'c',
  date: '2018-10-07',
  sourceActor: 'kim',
  sourceCode: 'PRKGOV',
  code: '0356',
  goldstein: 5,
  quadClass: 1,
  summary: 'Kim commits to dismantle.',
  facilities: [],
  sources: [
    { publisher: 'NPR', date: '2019-01-31' },
    { publisher: 'Reuters', date: '2019-02-01' },
  ],
  provenance: 'typed',
  status: 'confirmed',
  verification: 'claimed',
  confidence: 0.7,
  ...over,
});

const reactor: Facility = {
  id: 'reactor',
  caseId: 'c',
  name: 'Reactor',
  type: 'reactor',
  tags: [],
  location: 'l',
  country: 'PRK',
  key: true,
  statuses: [
    { date: '2013-09-01', status: 'operational', sources: [{ publisher: '38 North', date: '2013-09-11' }] },
    { date: '2018-12-01', status: 'dormant', sources: [{ publisher: 'IAEA', date: '2019-08-20' }] },
  ],
  observations: [
    {
      date: '2018-09-30',
      by: 'IAEA',
      verification: 'observed',
      finding: 'activity',
      sources: [{ publisher: 'IAEA', date: '2019-08-20' }],
    },
  ],
};

describe('when a fact became known', () => {
  it('is the earliest date of its sources, never before the fact; an undated source counts as the fact’s day', () => {
    expect(
      knownFrom('2018-10-07', [
        { publisher: 'a', date: '2019-02-01' },
        { publisher: 'b', date: '2019-01-31' },
      ]),
    ).toBe('2019-01-31');
    expect(knownFrom('2018-10-07', [{ publisher: 'a', date: '2019-02-01' }, { publisher: 'b' }])).toBe('2018-10-07');
    expect(knownFrom('2018-10-07', [{ publisher: 'a', date: '2018-10-05' }])).toBe('2018-10-07');
    expect(knownFrom('2018-10-07', [], ['2018-10-09'])).toBe('2018-10-09');
    expect(knownFrom('2018-10-07', [])).toBe('2018-10-07');
  });

  it('leaves out an event not yet known, and cuts the later parts of its summary and its later sources', () => {
    expect(eventAsKnown(event(), '2018-10-07')).toBeUndefined();
    expect(eventAsKnown(event(), '2019-01-31')?.sources.map((s) => s.publisher)).toEqual(['NPR']);
    const hanoi = event({
      date: '2019-02-28',
      summary: 'The North offers Yongbyon.',
      sources: [{ publisher: 'Yonhap', date: '2019-03-01' }],
      later: [{ known: '2019-03-15', text: 'The offer was not taken up.' }],
    });
    expect(eventAsKnown(hanoi, '2019-03-01')?.summary).toBe('The North offers Yongbyon.');
    expect(eventAsKnown(hanoi, null)?.summary).toBe('The North offers Yongbyon. The offer was not taken up.');
    expect(textAsKnown('a', [{ known: '2019-01-01', text: 'b' }], '2018-12-31')).toBe('a');
  });

  it('reads a site as known on a date: statuses and observations published by then', () => {
    const early = facilityAsKnown(reactor, '2019-03-01')!;
    expect(early.statuses.map((s) => s.status)).toEqual(['operational']);
    expect(early.observations).toEqual([]);
    expect(facilityAsKnown(reactor, '2019-08-20')!.statuses.map((s) => s.status)).toEqual(['operational', 'dormant']);
    // A site every fact of which came out later was not yet on the record.
    expect(facilityAsKnown(reactor, '2013-09-10')).toBeUndefined();
  });

  it('lists what hindsight adds: facts dated by the date, learned after it', () => {
    const agreement: Agreement = {
      id: 'sg',
      caseId: 'c',
      name: 'Singapore',
      date: '2018-06-12',
      parties: [],
      sources: [],
      provisions: [
        {
          id: 'denuc',
          text: 'Work toward denuclearization.',
          theme: 't',
          owedBy: [],
          statuses: [
            {
              date: '2018-07-20',
              level: 1,
              events: [],
              sources: [{ publisher: '38 North', date: '2018-07-23' }],
              note: 'Partial dismantling at Sohae.',
              later: [{ known: '2019-02-28', text: 'The Hanoi offer was not accepted.' }],
            },
          ],
        },
      ],
    };
    const record = { facilities: [reactor], agreements: [agreement], events: [event()] };
    const late = lateFacts(record, '2019-03-01', null);
    expect(late.map((f) => [f.kind, f.date, f.known])).toEqual([
      ['observation', '2018-09-30', '2019-08-20'],
      ['facility-status', '2018-12-01', '2019-08-20'],
    ]);
    // As of 2018-10-07, with what was known by 2019-03-01: the Biegun revelation and the Hanoi note.
    expect(lateFacts(record, '2018-10-07', '2019-03-01').map((f) => [f.kind, f.known])).toEqual([
      ['note', '2019-02-28'],
      ['event', '2019-01-31'],
    ]);
    expect(frameAsKnown(record, '2018-10-07').agreements[0]!.provisions[0]!.statuses[0]!.note).toBe(
      'Partial dismantling at Sohae.',
    );
  });
});
