import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addProposedOffer } from './test-support/proposed-offer.js';
import { CASE, openTestServer, type TestServer } from './test-support/test-server.js';

// biome-ignore lint/suspicious/noExplicitAny: API answers, read field by field as a client would
type Json = Record<string, any>;

let s: TestServer;
beforeAll(async () => {
  s = await openTestServer('sqlite');
});
afterAll(() => s.close());

const get = async (path: string, token = s.tokens.viewer) => {
  const r = await s.call(path, { token });
  return { status: r.status, body: (await r.json()) as Json };
};
const verdicts = (body: Json) =>
  Object.fromEntries(body.conditions.map((c: { id: string; verdict: string }) => [c.id, c.verdict]));

describe('the dashboard reads conditions as known on the date, or in hindsight when asked', () => {
  it('gives the summit condition met as known on 2019-03-01 and unmet in hindsight, as the check does', async () => {
    const known = (await get(`/api/cases/${CASE}/conditions?asOf=2019-03-01`)).body;
    const later = (await get(`/api/cases/${CASE}/conditions?asOf=2019-03-01&hindsight=true`)).body;
    const by = (await get(`/api/cases/${CASE}/conditions?asOf=2019-03-01&knownBy=2019-12-31`)).body;
    expect([known.asKnownOn, later.asKnownOn, by.asKnownOn]).toEqual(['2019-03-01', null, '2019-12-31']);
    expect(verdicts(known)['no-second-summit-while-production']).toBe('met');
    expect(verdicts(later)['no-second-summit-while-production']).toBe('unmet');
    const summit = later.conditions.find((c: { id: string }) => c.id === 'no-second-summit-while-production');
    expect(summit.gatedMoves.map((m: { date: string }) => m.date)).toEqual(['2019-02-27']);
    for (const [q, body] of [
      ['', known],
      ['&hindsight=true', later],
    ] as const) {
      const check = (await get(`/api/cases/${CASE}/check?asOf=2019-03-01${q}`)).body;
      expect(verdicts(body)).toEqual(verdicts(check));
    }
  });

  it('refuses a knownBy before the date asked about, naming the query fields, not the command-line flags', async () => {
    for (const route of ['conditions', 'check', 'brief']) {
      const r = await get(`/api/cases/${CASE}/${route}?asOf=2018-10-07&knownBy=2018-10-01`);
      expect(r.status, route).toBe(400);
      expect(r.body.field, route).toBe('knownBy');
      expect(r.body.message, route).toContain('2018-10-01 is before the date asked about (2018-10-07)');
      expect(r.body.message, route).toContain('give a knownBy on or after 2018-10-07, or an earlier asOf');
      expect(r.body.message, route).not.toContain('--');
    }
  });

  it('previews a review decision with the knowledge asked for, and says which it used', async () => {
    const { id } = await addProposedOffer(s.t.store, CASE);
    const path = `/api/cases/${CASE}/events/${id}/review/preview?action=confirm&asOf=2018-10-07`;
    const known = (await get(path, s.tokens.analyst)).body;
    const later = (await get(`${path}&hindsight=true`, s.tokens.analyst)).body;
    expect([known.asKnownOn, later.asKnownOn]).toEqual(['2018-10-07', null]);
    const headline = (b: Json) =>
      b.conditions.find((c: { conditionId: string }) => c.conditionId === 'pompeo-visit-precondition');
    expect(headline(known)).toMatchObject({ before: 'unmet', after: 'met', changed: true });
    expect(headline(later).before).toBe('unmet');
  });

  it('reads reciprocity over a window with the knowledge asked for', async () => {
    const known = (await get(`/api/cases/${CASE}/reciprocity/window?asOf=2018-10-07`)).body;
    const later = (await get(`/api/cases/${CASE}/reciprocity/window?asOf=2018-10-07&hindsight=true`)).body;
    expect([known.asKnownOn, later.asKnownOn]).toEqual(['2018-10-07', null]);
  });
});
