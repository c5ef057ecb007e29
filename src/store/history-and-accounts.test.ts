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
    sources: [{ publisher: 'Reuters', date: '2018-06-12' }],
    provenance: 'read',
    status: 'proposed',
    verification: 'claimed',
    confidence: 0.9,
    ...over,
  };
}

const pause = () => new Promise((r) => setTimeout(r, 5));

describe.each(TEST_DIALECTS)('history, accounts and audit on %s', (dialect) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  it('gives the ledger as it was recorded at any moment: before a review, after it, after a removal', async () => {
    await t.store.events.insert([event('a'), event('b')], null);
    await pause();
    const beforeReview = new Date().toISOString();
    await pause();
    await t.store.events.setStatus('c1', ['a'], 'confirmed');
    await pause();
    const afterReview = new Date().toISOString();
    await pause();
    await t.store.events.deleteIds('c1', ['b']);

    const then = await t.store.events.history.asRecordedAt('c1', beforeReview);
    expect(then.map((e) => [e.id, e.status])).toEqual([
      ['a', 'proposed'],
      ['b', 'proposed'],
    ]);
    const later = await t.store.events.history.asRecordedAt('c1', afterReview);
    expect(later.map((e) => [e.id, e.status])).toEqual([
      ['a', 'confirmed'],
      ['b', 'proposed'],
    ]);
    const now = await t.store.events.history.asRecordedAt('c1', new Date().toISOString());
    expect(now.map((e) => e.id)).toEqual(['a']);
    expect(await t.store.events.history.asRecordedAt('c1', '2000-01-01T00:00:00.000Z')).toEqual([]);
    expect((await t.store.events.history.versionsOf('c1', 'a')).map((v) => v.event.status)).toEqual(['proposed']);
  });

  it('replaces an event only at the revision it was read at, and bumps the revision', async () => {
    await t.store.events.insert([event('a')], null);
    const r1 = (await t.store.events.revisions('c1', ['a'])).get('a')!.revision;
    expect(await t.store.events.replace(event('a', { code: '042', summary: 'visit' }), r1)).toBe(true);
    expect(await t.store.events.replace(event('a', { code: '043' }), r1)).toBe(false);
    const [back] = await t.store.events.find({ caseId: 'c1' });
    expect(back!.code).toBe('042');
    expect((await t.store.events.revisions('c1', ['a'])).get('a')!.revision).toBe(r1 + 1);
  });

  it('keeps accounts, sessions, tokens and sign-in attempts', async () => {
    const now = new Date().toISOString();
    await t.store.accounts.create({ id: 'u1', name: 'ana', role: 'analyst', passwordHash: 'h', createdAt: now });
    await expect(
      t.store.accounts.create({ id: 'u2', name: 'ana', role: 'viewer', passwordHash: null, createdAt: now }),
    ).rejects.toThrow();
    expect((await t.store.accounts.byName('ana'))?.role).toBe('analyst');
    await t.store.accounts.setRole('u1', 'admin');
    expect(await t.store.accounts.countAdmins()).toBe(1);

    await t.store.sessions.create('hash1', {
      accountId: 'u1',
      kind: 'session',
      csrfToken: 'c',
      createdAt: now,
      expiresAt: '2999-01-01T00:00:00.000Z',
    });
    await t.store.sessions.create('hash2', {
      accountId: 'u1',
      kind: 'link',
      csrfToken: 'c',
      createdAt: now,
      expiresAt: '2000-01-01T00:00:00.000Z',
    });
    expect((await t.store.sessions.find('hash1', now))?.accountId).toBe('u1');
    expect(await t.store.sessions.find('hash2', now)).toBeUndefined();
    expect(await t.store.sessions.remove('hash1')).toBe(true);
    expect(await t.store.sessions.remove('hash1')).toBe(false);

    await t.store.tokens.create(
      { id: 't1', name: 'ci', role: 'viewer', createdBy: 'ana', createdAt: now, expiresAt: null },
      'th',
    );
    expect((await t.store.tokens.byHash('th'))?.id).toBe('t1');
    await t.store.tokens.revoke('t1', now);
    expect((await t.store.tokens.byId('t1'))?.revokedAt).toBe(now);

    for (let i = 0; i < 3; i++) await t.store.signIns.record('ana', '127.0.0.1', false, `2030-01-01T00:00:0${i}.000Z`);
    expect(await t.store.signIns.failuresForAccount('ana', '2029-12-31T00:00:00.000Z')).toEqual({
      n: 3,
      last: '2030-01-01T00:00:02.000Z',
    });
    await t.store.signIns.record('ana', '127.0.0.1', true, '2030-01-01T00:00:05.000Z');
    expect((await t.store.signIns.failuresForAccount('ana', '2029-12-31T00:00:00.000Z')).n).toBe(0);
    expect((await t.store.signIns.failuresFromAddress('127.0.0.1', '2029-12-31T00:00:00.000Z')).n).toBe(0);
  });

  it('writes and reads the audit trail in order, with values before and after', async () => {
    const base = { actor: 'ana', accountId: null, route: 'api' as const, caseId: 'c1', note: null };
    await t.store.transaction(async (tx) => {
      await tx.audit.record([
        {
          ...base,
          at: '2030-01-01T00:00:00.000Z',
          kind: 'event',
          action: 'review',
          subject: 'a',
          before: { s: 1 },
          after: { s: 2 },
        },
        {
          ...base,
          at: '2030-01-01T00:00:01.000Z',
          kind: 'account',
          action: 'create',
          subject: 'bo',
          before: null,
          after: { role: 'viewer' },
        },
      ]);
    });
    const all = await t.store.audit.find();
    expect(all.map((e) => [e.kind, e.subject, e.before, e.after])).toEqual([
      ['event', 'a', { s: 1 }, { s: 2 }],
      ['account', 'bo', null, { role: 'viewer' }],
    ]);
    expect(await t.store.audit.lastId()).toBe(all[1]!.id);
    expect((await t.store.audit.find({ afterId: all[0]!.id })).map((e) => e.subject)).toEqual(['bo']);
    await expect(
      t.store.transaction(async (tx) => {
        await tx.audit.record([
          { ...base, at: 'x', kind: 'case', action: 'load', subject: 'c1', before: null, after: null },
        ]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await t.store.audit.find()).toHaveLength(2);
  });

  it('keeps each case frame a load replaced, and reads the one in force at a moment', async () => {
    const frame = (title: string) => ({
      info: { id: 'c1', title, settings: { parties: ['USA', 'PRK'] as [string, string] } },
      actors: [],
      agreements: [],
      facilities: [],
      conditions: [],
    });
    await t.store.cases.writeFrame(frame('first'), { filesHash: null, sourceDir: null }, '2030-01-01T00:00:00.000Z');
    await t.store.cases.writeFrame(frame('second'), { filesHash: null, sourceDir: null }, '2030-01-02T00:00:00.000Z');
    const title = async (at: string) => (await t.store.cases.frameAsRecordedAt('c1', at))?.info.title;
    expect(await title('2029-12-31T00:00:00.000Z')).toBeUndefined();
    expect(await title('2030-01-01T12:00:00.000Z')).toBe('first');
    expect(await title('2030-01-03T00:00:00.000Z')).toBe('second');
  });
});
