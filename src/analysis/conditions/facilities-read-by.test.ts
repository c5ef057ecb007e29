import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCaseFolder } from '../../case/read-case-folder.js';
import type { Facility } from '../../model/facility.js';
import { evaluateCondition, type ConditionLedger } from './evaluate-condition.js';
import { facilitiesReadBy } from './facilities-read-by.js';
import { verdictTimeline } from './verdict-timeline.js';

const usDprk = readCaseFolder(fileURLToPath(new URL('../../../cases/us-dprk-2018/', import.meta.url))).data;

/** A site no condition of the case can read: not key, untagged, named by no move, never observed. */
function bystander(i: number): Facility {
  return {
    id: `bystander-${i}`,
    caseId: usDprk.info.id,
    name: `Bystander ${i}`,
    type: 'warehouse',
    tags: [],
    location: 'nowhere in particular',
    country: i % 2 ? 'PRK' : 'CHN',
    key: false,
    statuses: [
      { date: '2000-01-01', status: 'operational', sources: [] },
      { date: `2018-${String((i % 12) + 1).padStart(2, '0')}-15`, status: 'dormant', sources: [] },
    ],
    observations: [],
  };
}

const ledger: ConditionLedger = {
  ...usDprk,
  facilities: [...usDprk.facilities, ...Array.from({ length: 40 }, (_, i) => bystander(i))],
};
const DATES = ['2018-06-12', '2018-09-20', '2018-10-07', '2019-02-28', '2019-06-30'];

describe('facilitiesReadBy', () => {
  it('leaves out the sites a condition never reads and keeps every verdict, evidence and gated move as it was', () => {
    expect(usDprk.conditions.length).toBeGreaterThan(3);
    for (const c of usDprk.conditions) {
      const kept = facilitiesReadBy(c, ledger);
      expect(
        kept.some((f) => f.id.startsWith('bystander-')),
        c.id,
      ).toBe(false);
      for (const date of DATES)
        expect(evaluateCondition(c, date, { ...ledger, facilities: kept }), `${c.id} on ${date}`).toEqual(
          evaluateCondition(c, date, ledger),
        );
    }
  });

  it('keeps the sites a facilities requirement can count, whatever their status on the day', () => {
    const visit = usDprk.conditions.find((c) => c.id === 'pompeo-visit-precondition')!;
    const keySites = usDprk.facilities.filter((f) => f.key).map((f) => f.id);
    expect(keySites.length).toBeGreaterThan(4);
    const kept = new Set(facilitiesReadBy(visit, ledger).map((f) => f.id));
    for (const id of keySites) expect(kept.has(id), id).toBe(true);
  });

  it('spares a verdict timeline the days on which only an unread site changed', () => {
    const visit = usDprk.conditions.find((c) => c.id === 'pompeo-visit-precondition')!;
    const padded = verdictTimeline(visit, ledger, '2018-06-01', '2019-03-31', null);
    const plain = verdictTimeline(visit, usDprk, '2018-06-01', '2019-03-31', null);
    expect(padded).toEqual(plain);
  });
});
