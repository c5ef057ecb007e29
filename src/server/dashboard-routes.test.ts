import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../store/test-support/test-stores.js';
import type { ServerEnv } from './server-env.js';
import { addProposedOffer } from './test-support/proposed-offer.js';
import { CASE, openTestServer, type TestServer } from './test-support/test-server.js';
import { POINTS_LIMIT } from './routes/move-view-routes.js';
import { registerWebRoutes } from './web-assets.js';

// biome-ignore lint/suspicious/noExplicitAny: API answers, read field by field as a client would
type Json = Record<string, any>;

describe.each(TEST_DIALECTS)('the dashboard routes on %s', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openTestServer(dialect);
  });
  afterAll(async () => {
    await s.close();
  });
  const get = async (path: string, token = s.tokens.viewer) => {
    const r = await s.call(path, { token });
    return { status: r.status, body: (await r.json()) as Json };
  };

  it('gives every condition on a date with its evidence and gated moves, as the brief does', async () => {
    const { body } = await get(`/api/cases/${CASE}/conditions?asOf=2018-10-07`);
    const brief = (await get(`/api/cases/${CASE}/brief?asOf=2018-10-07`)).body;
    expect(body.conditions.map((c: { id: string; verdict: string }) => [c.id, c.verdict])).toEqual(
      brief.conditions.map((c: { id: string; verdict: string }) => [c.id, c.verdict]),
    );
    const headline = body.conditions.find((c: { id: string }) => c.id === 'pompeo-visit-precondition');
    expect(headline.verdict).toBe('unmet');
    // One visit after the condition was stated (2018-09-20), two of the same kind before it.
    expect(headline.gatedMoves.map((m: { date: string }) => m.date)).toEqual(['2018-10-07']);
    expect(headline.movesBeforeStated.map((m: { date: string }) => m.date)).toEqual(['2018-05-09', '2018-07-06']);
  });

  it('previews the verdicts a confirm would change, writing nothing, and refuses viewers', async () => {
    const { id } = await addProposedOffer(s.t.store, CASE);
    const path = `/api/cases/${CASE}/events/${id}/review/preview?action=confirm&asOf=2018-10-07`;
    expect((await get(path)).status).toBe(403);
    const { body } = await get(path, s.tokens.analyst);
    const change = body.conditions.find((c: { conditionId: string }) => c.conditionId === 'pompeo-visit-precondition');
    expect(change).toMatchObject({ before: 'unmet', after: 'met', changed: true, gatedBefore: 1, gatedAfter: 0 });
    const [event] = await s.t.store.events.find({ caseId: CASE, ids: [id] });
    expect(event!.status).toBe('proposed');
    const reject = await get(path.replace('confirm', 'reject'), s.tokens.analyst);
    expect(reject.body.conditions.every((c: { changed: boolean }) => !c.changed)).toBe(true);
  });

  it('sends the timeline each filtered move while they are few, and exports all of them as CSV and JSON', async () => {
    const q = 'code=042&status=confirmed&to=2019-03-01';
    const { body } = await get(`/api/cases/${CASE}/timeline?${q}`);
    expect(body.mode).toBe('moves');
    expect(body.moves.length).toBe(body.total);
    expect(body.moves.every((m: { code: string }) => m.code.startsWith('042'))).toBe(true);
    const csv = await (
      await s.call(`/api/cases/${CASE}/export/events?${q}&format=csv`, { token: s.tokens.viewer })
    ).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('id,date,source,code,target,goldstein,status,verification,provenance,summary,publisher,link');
    expect(lines.length - 1).toBe(body.total);
    const json = (await (
      await s.call(`/api/cases/${CASE}/export/events?${q}&format=json`, { token: s.tokens.viewer })
    ).json()) as { events: { id: string }[] };
    expect(json.events.map((e) => e.id)).toEqual(body.moves.map((m: { id: string }) => m.id));
  });

  it('counts many moves by day or month, the busiest directions apart and the rest as other', async () => {
    const query = { caseId: CASE, statuses: ['confirmed' as const] };
    const all = await s.t.store.events.count(query);
    const lanes = await s.t.store.events.topDirections(query, 2);
    expect(lanes).toHaveLength(2);
    expect(lanes[0]!.count).toBeGreaterThanOrEqual(lanes[1]!.count);
    for (const period of ['day', 'month'] as const) {
      const bins = await s.t.store.events.countsByPeriod(query, period, lanes);
      expect(bins.reduce((n, b) => n + b.count, 0)).toBe(all);
      expect(new Set(bins.map((b) => b.lane))).toEqual(
        new Set([...lanes.map((l) => `${l.source}>${l.target}`), 'other']),
      );
      const first = lanes[0]!;
      expect(bins.filter((b) => b.lane === `${first.source}>${first.target}`).reduce((n, b) => n + b.count, 0)).toBe(
        first.count,
      );
      if (period === 'month') expect(bins.every((b) => /^\d{4}-\d{2}-01$/.test(b.start))).toBe(true);
    }
  });

  it('gives reciprocity over a chosen window with k days to answer', async () => {
    const at = (k: number) => get(`/api/cases/${CASE}/reciprocity/window?asOf=2018-10-07&from=2018-06-01&k=${k}`);
    const short = (await at(1)).body;
    const long = (await at(120)).body;
    expect(short.reciprocity.window.from).toBe('2018-06-01');
    expect(short.reciprocity.settings.answerWithinDays).toBe(1);
    expect(long.reciprocity.settings.answerWithinDays).toBe(120);
    const answered = (b: Json) => b.reciprocity.aToB.concessions.answered + b.reciprocity.bToA.concessions.answered;
    expect(answered(long)).toBeGreaterThan(answered(short));
  });

  it('gives each facility its coordinates for the map, or none where the place is not public', async () => {
    const { body } = await get(`/api/cases/${CASE}/facilities?asOf=2018-10-07`);
    const byId = new Map(body.facilities.map((f: { id: string }) => [f.id, f]));
    expect((byId.get('punggye-ri') as { coordinates: number[] }).coordinates).toEqual([129.08, 41.28]);
    expect((byId.get('undeclared-enrichment-sites') as { coordinates?: number[] }).coordinates).toBeUndefined();
  });

  it('outlines a case without reading its facilities: settings, conditions, and not large', async () => {
    const { body } = await get(`/api/cases/${CASE}/outline`);
    expect(body).toMatchObject({ id: CASE, large: false });
    expect(body.conditions.map((c: { id: string }) => c.id)).toContain('pompeo-visit-precondition');
    expect(body.settings.parties).toHaveLength(2);
    expect(body).not.toHaveProperty('filesHash');
    expect((await get('/api/cases/no-such-case/outline')).status).toBe(404);
  });

  it('answers the conditions from its cache until a review moves the ledger, then the new verdict', async () => {
    const path = `/api/cases/${CASE}/conditions?asOf=2018-10-07`;
    const verdict = (b: Json) => b.conditions.find((c: { id: string }) => c.id === 'pompeo-visit-precondition').verdict;
    const first = await s.call(path, { token: s.tokens.viewer });
    const tag = first.headers.get('etag')!;
    expect(verdict((await first.json()) as Json)).toBe('unmet');
    expect((await s.call(path, { token: s.tokens.viewer, headers: { 'if-none-match': tag } })).status).toBe(304);
    // The offer the preview test proposed, or a new one when this test runs alone.
    const proposed = (await get(`/api/cases/${CASE}/events?status=proposed&code=0355`)).body.events;
    const id = proposed[0]?.id ?? (await addProposedOffer(s.t.store, CASE)).id;
    const review = await s.call(`/api/cases/${CASE}/events/${id}/review`, {
      token: s.tokens.analyst,
      method: 'POST',
      json: { action: 'confirm' },
    });
    expect(review.status).toBe(200);
    const after = await s.call(path, { token: s.tokens.viewer, headers: { 'if-none-match': tag } });
    expect(after.status).toBe(200);
    expect(verdict((await after.json()) as Json)).toBe('met');
  });

  // Last: it adds a chart's worth of moves to the case.
  it('counts the moves by month once there are more than a chart draws one by one, every move in one bin', async () => {
    const path = `/api/cases/${CASE}/timeline?code=010`;
    const before = (await get(path)).body;
    expect(before.mode).toBe('moves');
    const [template] = await s.t.store.events.find({ caseId: CASE, codes: ['04'], statuses: ['confirmed'], limit: 1 });
    const added = Array.from({ length: POINTS_LIMIT + 1 }, (_, i) => ({
      ...template!,
      id: `bulk-${i}`,
      date: `20${10 + (i % 9)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
      known: undefined,
      code: '010',
      quadClass: 1 as const,
      goldstein: 0,
      summary: `bulk statement ${i}`,
    }));
    await s.t.store.events.insert(added, null);
    // Written under the cache's feet (no audit entry): another query is asked, not the one cached.
    const { body } = await get(`${path}&to=2099-12-31`);
    expect(body.mode).toBe('bins');
    expect(body.period).toBe('month');
    const total = before.total + added.length;
    expect(body.total).toBe(total);
    expect(body.bins.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(total);
    expect(body.bins.filter((b: { start: string }) => b.start === '2010-01-01').length).toBeGreaterThan(0);
  });
});

describe('the dashboard files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dir, 'assets', 'main-abc.js'), 'console.log(1)');
  const app = new OpenAPIHono<ServerEnv>();
  registerWebRoutes(app, dir);

  it('serves assets with long caching, the page for any view path, and nothing outside the folder', async () => {
    const js = await app.request('/assets/main-abc.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('cache-control')).toMatch(/immutable/);
    for (const path of ['/', '/timeline', '/review'])
      expect(await (await app.request(`${path}?asOf=2018-10-07`)).text()).toContain('<title>app');
    expect((await app.request('/assets/missing.js')).status).toBe(404);
    expect(await (await app.request('/..%2f..%2fetc/passwd')).text()).toContain('<title>app');
    expect((await app.request('/api/nothing')).status).toBe(404);
  });

  it('sends a text asset gzipped to a client that takes gzip, and as it is to one that does not', async () => {
    const big = `const words = ${JSON.stringify('negotiation '.repeat(2000))};`;
    writeFileSync(join(dir, 'assets', 'big-def.js'), big);
    const packed = await app.request('/assets/big-def.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(packed.headers.get('content-encoding')).toBe('gzip');
    expect(packed.headers.get('vary')).toBe('Accept-Encoding');
    const bytes = Buffer.from(await packed.arrayBuffer());
    expect(bytes.byteLength).toBeLessThan(big.length / 10);
    expect(gunzipSync(bytes).toString()).toBe(big);
    const plain = await app.request('/assets/big-def.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(big);
  });
});
