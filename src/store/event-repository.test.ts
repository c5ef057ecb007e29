import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../model/event.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from './test-support/test-stores.js';

function event(id: string, over: Partial<LedgerEvent> = {}): LedgerEvent {
  return {
    id,
    caseId: 'c1',
    date: '2018-06-12',
    sourceActor: 'usa',
    targetActor: 'prk',
    sourceCode: 'USAGOV',
    targetCode: 'PRKGOV',
    code: '057',
    goldstein: 8,
    quadClass: 1,
    summary: 'sign',
    facilities: [],
    sources: [{ publisher: 'Reuters', date: '2018-06-12', link: 'https://example.org/a', quote: 'signed' }],
    provenance: 'typed',
    status: 'confirmed',
    verification: 'claimed',
    confidence: 0.9,
    ...over,
  };
}

describe.each(TEST_DIALECTS)('event repository on %s', (dialect) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  it('round-trips an event with its sources and facilities', async () => {
    const e = event('e1', {
      facilities: ['punggye-ri', 'sohae'],
      endDate: '2018-06-13',
      notes: 'n',
      sourceTitle: 'President',
    });
    await t.store.events.insert([e], 'file');
    const [back] = await t.store.events.find({ caseId: 'c1' });
    expect(back).toEqual({ ...e, facilities: ['punggye-ri', 'sohae'] });
  });

  it('filters by code prefix, actor code prefix, date, status and facility', async () => {
    await t.store.events.insert(
      [
        event('a', { code: '042', date: '2018-05-09' }),
        event('b', {
          code: '0355',
          sourceCode: 'PRKGOV',
          targetCode: 'USAGOV',
          sourceActor: 'prk',
          targetActor: 'usa',
          facilities: ['f1'],
        }),
        event('c', { code: '163', date: '2018-12-10', status: 'proposed' }),
      ],
      null,
    );
    const ids = async (q: Parameters<typeof t.store.events.find>[0]) => (await t.store.events.find(q)).map((e) => e.id);
    expect(await ids({ caseId: 'c1', codes: ['04'] })).toEqual(['a']);
    expect(await ids({ caseId: 'c1', codes: ['03', '16'] })).toEqual(['b', 'c']);
    expect(await ids({ caseId: 'c1', sourceCodes: ['PRK'] })).toEqual(['b']);
    expect(await ids({ caseId: 'c1', eitherCodes: ['PRKGOV'] })).toEqual(['a', 'b', 'c']);
    expect(await ids({ caseId: 'c1', from: '2018-06-01', to: '2018-06-30' })).toEqual(['b']);
    expect(await ids({ caseId: 'c1', statuses: ['confirmed'] })).toEqual(['a', 'b']);
    expect(await ids({ caseId: 'c1', facilities: ['f1'] })).toEqual(['b']);
    expect(await t.store.events.count({ caseId: 'c1', codes: ['0'] })).toBe(2);
  });

  it('narrows actor codes by party, counts up to a cap, and pages many matches in date order', async () => {
    await t.store.events.insert(
      [
        event('a', { date: '2018-01-02', sourceCode: 'USAGOV' }),
        event('b', { date: '2018-01-03', sourceCode: 'USAMIL', code: '042' }),
        event('c', { date: '2018-01-01', sourceCode: 'PRKGOV', targetCode: 'USAGOV' }),
        event('d', { date: '2018-01-04', sourceCode: 'IGOUNO', targetCode: 'CHN' }),
        event('e', { date: '2018-01-05', sourceCode: 'USA', targetCode: 'IGOUNOIAE' }),
      ],
      null,
    );
    const ids = async (q: Omit<Parameters<typeof t.store.events.find>[0], 'caseId'>) =>
      (await t.store.events.find({ caseId: 'c1', ...q })).map((e) => e.id);
    expect(await ids({ sourceCodes: ['USAGOV'] })).toEqual(['a']);
    expect(await ids({ sourceCodes: ['USA'] })).toEqual(['a', 'b', 'e']);
    expect(await ids({ eitherCodes: ['USAGOV'] })).toEqual(['c', 'a']);
    expect(await ids({ eitherCodes: ['USA'], codes: ['04'] })).toEqual(['b']);
    expect(await ids({ eitherCodes: ['IGOUNO'] })).toEqual(['d', 'e']);
    expect(await t.store.events.countUpTo({ caseId: 'c1' }, 3)).toEqual({ count: 3, exact: false });
    expect(await t.store.events.countUpTo({ caseId: 'c1' }, 5)).toEqual({ count: 5, exact: true });
    expect(await t.store.events.countUpTo({ caseId: 'c1', eitherCodes: ['PRK'] }, 10)).toEqual({
      count: 3,
      exact: true,
    });
    for (const order of ['asc', 'desc'] as const) {
      const page = { eitherCodes: ['USA', 'CHN'], order, limit: 2, offset: 1 };
      expect(await ids({ ...page, dense: true })).toEqual(await ids(page));
    }
    expect(await ids({ eitherCodes: ['USA', 'CHN'], order: 'desc', limit: 2, offset: 1, dense: true })).toEqual([
      'd',
      'b',
    ]);
  });

  it('rolls back every write of a failed transaction', async () => {
    await expect(
      t.store.transaction(async (tx) => {
        await tx.events.insert([event('x')], null);
        await tx.events.insert([event('x')], null); // duplicate key
      }),
    ).rejects.toThrow();
    expect(await t.store.events.count({ caseId: 'c1' })).toBe(0);
  });

  it('inserts large batches (the bulk path on SQLite) with sources and links, inside a transaction', async () => {
    const many = Array.from({ length: 450 }, (_, i) =>
      event(`bulk-${i}`, { facilities: i % 3 === 0 ? ['f1'] : [], date: `2018-0${1 + (i % 9)}-10` }),
    );
    await t.store.transaction(async (tx) => tx.events.insert(many, 'file'));
    expect(await t.store.events.count({ caseId: 'c1' })).toBe(450);
    expect(await t.store.events.count({ caseId: 'c1', facilities: ['f1'] })).toBe(150);
    const [one] = await t.store.events.find({ caseId: 'c1', ids: ['bulk-3'] });
    expect(one).toEqual(many[3]);
    await t.store.aggregates.rebuildCase('c1');
    expect(await t.store.aggregates.countByStatus('c1')).toEqual({ confirmed: 450, proposed: 0, rejected: 0 });
    expect(await t.store.aggregates.countByStatus('c1', '2018-01-31')).toEqual({
      confirmed: 50,
      proposed: 0,
      rejected: 0,
    });
    await expect(
      t.store.transaction(async (tx) => {
        await tx.events.insert(
          many.map((e) => ({ ...e, id: `again-${e.id}` })),
          'file',
        );
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await t.store.events.count({ caseId: 'c1' })).toBe(450);
  });

  it('keeps daily dyad aggregates of confirmed events', async () => {
    await t.store.events.insert(
      [
        event('a', { goldstein: 8, quadClass: 1 }),
        event('b', { goldstein: -4, quadClass: 3, code: '111' }),
        event('c', { goldstein: 7, quadClass: 2, status: 'proposed' }),
        event('d', { sourceCode: 'PRKMIL', targetCode: 'USA', goldstein: 3.4, quadClass: 1, code: '020' }),
      ],
      null,
    );
    await t.store.aggregates.rebuildCase('c1');
    const rows = await t.store.aggregates.dyadDays('c1', 'USA', 'PRK', '2018-01-01', '2018-12-31');
    expect(rows).toEqual(
      [
        {
          day: '2018-06-12',
          source: 'PRK',
          target: 'USA',
          quadClass: 1,
          count: 1,
          goldsteinSum: 3.4,
          positiveSum: 3.4,
          negativeSum: 0,
        },
        {
          day: '2018-06-12',
          source: 'USA',
          target: 'PRK',
          quadClass: 1,
          count: 1,
          goldsteinSum: 8,
          positiveSum: 8,
          negativeSum: 0,
        },
        {
          day: '2018-06-12',
          source: 'USA',
          target: 'PRK',
          quadClass: 3,
          count: 1,
          goldsteinSum: -4,
          positiveSum: 0,
          negativeSum: -4,
        },
      ].sort((x, y) => (x.source + x.quadClass < y.source + y.quadClass ? -1 : 1)),
    );
  });

  it('refreshes the aggregates of the days that changed to what a full rebuild gives', async () => {
    const days = ['2018-06-12', '2018-06-13', '2018-07-06'];
    await t.store.events.insert(
      Array.from({ length: 30 }, (_, i) =>
        event(`r${i}`, {
          date: days[i % 3]!,
          status: i % 4 === 0 ? 'proposed' : 'confirmed',
          goldstein: i % 2 ? -2 : 3,
          ...(i % 5 === 0
            ? { sourceCode: 'PRKGOV', targetCode: 'USAGOV', sourceActor: 'prk', targetActor: 'usa' }
            : {}),
        }),
      ),
      null,
    );
    await t.store.aggregates.rebuildCase('c1');
    const snapshot = async () => ({
      dyads: await t.store.aggregates.dyadDays('c1', 'USA', 'PRK', '2018-01-01', '2018-12-31'),
      statuses: await t.store.aggregates.countByStatus('c1'),
      june12: await t.store.aggregates.countByStatus('c1', '2018-06-12'),
    });
    // Review two proposed events and add one on a new day, refreshing only their days.
    await t.store.events.setStatus('c1', ['r0', 'r4'], 'confirmed');
    await t.store.events.insert([event('late', { date: '2018-10-07', code: '042', goldstein: 1.9 })], null);
    expect(await t.store.events.datesOf('c1', ['r0', 'r4', 'late'])).toEqual(
      expect.arrayContaining(['2018-06-12', '2018-06-13', '2018-10-07']),
    );
    await t.store.aggregates.refreshDays('c1', [...(await t.store.events.datesOf('c1', ['r0', 'r4'])), '2018-10-07']);
    const refreshed = await snapshot();
    expect(refreshed.statuses).toEqual({ confirmed: 25, proposed: 6, rejected: 0 });
    await t.store.aggregates.rebuildCase('c1');
    expect(refreshed).toEqual(await snapshot());
  });

  it('lists the ids that start with a prefix', async () => {
    await t.store.events.insert(
      [event('2018-06-12-usa-057'), event('2018-06-12-usa-057-2'), event('2018-06-13-usa-057')],
      null,
    );
    expect([...(await t.store.events.idsStartingWith('c1', '2018-06-12'))].sort()).toEqual([
      '2018-06-12-usa-057',
      '2018-06-12-usa-057-2',
    ]);
  });
});
