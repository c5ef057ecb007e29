import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { cliActing } from '../app/acting.js';
import { recordMove } from '../app/record-move.js';
import { TEST_DIALECTS } from '../store/test-support/test-stores.js';
import { acceptsGzip } from './response-cache.js';
import { CASE, openTestServer, type TestServer } from './test-support/test-server.js';

const move = (summary: string) => ({
  date: '2018-11-20',
  source: 'mike-pompeo',
  code: '040',
  target: 'prk',
  summary,
  sources: [{ publisher: 'Yonhap', date: '2018-11-21' }],
  status: 'proposed',
});

describe.each(TEST_DIALECTS)('cached reads on %s', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openTestServer(dialect);
  });
  afterAll(async () => {
    await s.close();
  });

  const page = `/api/cases/${CASE}/events?status=proposed&pageSize=5`;
  const get = (path: string, etag?: string) =>
    s.call(path, { token: s.tokens.viewer, ...(etag ? { headers: { 'if-none-match': etag } } : {}) });
  const total = async (r: Response) => ((await r.json()) as { total: number; totalExact: boolean }).total;

  it('tags each read, answers 304 while it is unchanged, and a new answer once the ledger moves', async () => {
    const first = await get(page);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const before = await total(first);

    const again = await get(page, etag);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    const created = await s.call(`/api/cases/${CASE}/events`, {
      token: s.tokens.analyst,
      method: 'POST',
      json: move('cache: through the API'),
    });
    expect(created.status).toBe(201);
    const after = await get(page, etag);
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await total(after)).toBe(before + 1);
  });

  it('drops a cached read when another process (the CLI) changes the ledger, with no word to this one', async () => {
    const before = await total(await get(page));
    await recordMove(cliActing(s.t.store), { caseId: CASE, ...move('cache: from the CLI'), status: 'proposed' });
    expect(await total(await get(page))).toBe(before + 1);
  });

  it('serves the brief and the verdict timelines again unchanged, with the same tag', async () => {
    for (const path of [`/api/cases/${CASE}/brief?asOf=2018-10-07`, `/api/cases/${CASE}/conditions/timeline`]) {
      const a = await get(path);
      const b = await get(path);
      expect([a.status, b.status], path).toEqual([200, 200]);
      expect(b.headers.get('etag'), path).toBe(a.headers.get('etag'));
      expect(await b.text(), path).toBe(await a.text());
      expect((await get(path, a.headers.get('etag')!)).status, path).toBe(304);
    }
  });

  it('sends the stored gzip copy to a client that takes gzip, the same JSON under a tag of its own', async () => {
    const path = `/api/cases/${CASE}/brief?asOf=2018-10-07`;
    const plain = await get(path);
    const packed = await s.call(path, { token: s.tokens.viewer, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(packed.headers.get('content-encoding')).toBe('gzip');
    expect(packed.headers.get('vary')).toBe('Accept-Encoding');
    const bytes = Buffer.from(await packed.arrayBuffer());
    const text = await plain.text();
    expect(bytes.length).toBeLessThan(text.length / 3);
    expect(gunzipSync(bytes).toString('utf8')).toBe(text);
    const tags = [plain.headers.get('etag')!, packed.headers.get('etag')!];
    expect(tags[1]).not.toBe(tags[0]);
    for (const tag of tags) expect((await get(path, tag)).status).toBe(304);
    const refused = await s.call(path, { token: s.tokens.viewer, headers: { 'accept-encoding': 'gzip;q=0, br' } });
    expect(refused.headers.get('content-encoding')).toBeNull();
  });

  it('says whether the total is exact, and keeps case errors out of the cache', async () => {
    const r = await get(`/api/cases/${CASE}/events?pageSize=1`);
    expect(await r.json()).toMatchObject({ totalExact: true, pageSize: 1 });
    expect((await get('/api/cases/no-such-case/events')).status).toBe(404);
    expect((await get('/api/cases/no-such-case/events')).status).toBe(404);
  });
});

describe('acceptsGzip', () => {
  it('reads gzip, x-gzip and * with their weights', () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('br, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('x-gzip')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip; q=0.000, *')).toBe(false);
    expect(acceptsGzip('br, *')).toBe(true);
    expect(acceptsGzip('br, *;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
  });
});
