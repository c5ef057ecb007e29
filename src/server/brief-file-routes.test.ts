import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../brief/chromium.js';
import { CASE, openTestServer, type TestServer } from './test-support/test-server.js';

let s: TestServer;
beforeAll(async () => {
  s = await openTestServer('sqlite');
});
afterAll(() => s.close());

describe('GET /api/cases/{caseId}/brief/{format}', () => {
  it('sends the HTML brief for the date and knowledge asked, as an attachment, to any signed-in role', async () => {
    const r = await s.call(`/api/cases/${CASE}/brief/html?asOf=2018-10-07&hindsight=true`, { token: s.tokens.viewer });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="${CASE}-brief-2018-10-07.html"`);
    const html = await r.text();
    expect(html).toMatch(/<title>[^<]*brief as of 2018-10-07, in hindsight/);
    expect(html).toContain('<figure class="chart"');
  });

  it('sends the Markdown brief, as `parley brief --format md` writes it', async () => {
    const r = await s.call(`/api/cases/${CASE}/brief/md?asOf=2018-10-07`, { token: s.tokens.viewer });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="${CASE}-brief-2018-10-07.md"`);
    const md = await r.text();
    expect(md).toMatch(/^# /);
    expect(md).toContain('as known on 2018-10-07');
  });

  it('refuses an unknown format and an anonymous caller', async () => {
    expect((await s.call(`/api/cases/${CASE}/brief/odt`, { token: s.tokens.viewer })).status).toBe(400);
    expect((await s.call(`/api/cases/${CASE}/brief/html`)).status).toBe(401);
    expect((await s.call('/api/cases/no-such-case/brief/html', { token: s.tokens.viewer })).status).toBe(404);
  });

  it.skipIf(!existsSync(chromiumPath()))('sends a PDF', async () => {
    const r = await s.call(`/api/cases/${CASE}/brief/pdf?asOf=2018-10-07`, { token: s.tokens.viewer });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
  });
});
