import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_CASES_DIR } from '../case/builtin-cases.js';
import { SIGN_IN_LIMITS } from '../app/sign-in.js';
import { TEST_DIALECTS } from '../store/test-support/test-stores.js';
import { CASE, openTestServer, PASSWORD, type TestServer } from './test-support/test-server.js';

type Role = 'viewer' | 'analyst' | 'admin';

const proposed = (summary: string) => ({
  date: '2018-11-20',
  source: 'mike-pompeo',
  code: '040',
  target: 'prk',
  summary,
  sources: [{ publisher: 'Yonhap', date: '2018-11-21' }],
  status: 'proposed',
});

const GDELT_ZIP = readFileSync(join(import.meta.dirname, '../importers/fixtures/20180612031500.export.CSV.zip'));

/**
 * The routes server.test.ts does not walk role by role (reviews, imports, case loads, tokens,
 * exports), what the server's log may hold, and the per-address sign-in limit.
 */
describe.each(TEST_DIALECTS)('the server guards on %s', (dialect) => {
  let s: TestServer;
  const lines: string[] = [];
  beforeAll(async () => {
    s = await openTestServer(dialect, false, (line) => lines.push(line));
  });
  afterAll(async () => {
    await s.close();
  });

  it('allows and refuses each role on reviews, imports, case loads, tokens and exports', async () => {
    const review = async (token: string) => {
      const made = await s.call(`/api/cases/${CASE}/events`, {
        token: s.tokens.admin,
        method: 'POST',
        json: proposed(`to review ${Math.random()}`),
      });
      const { id } = (await made.json()) as { id: string };
      return s.call(`/api/cases/${CASE}/events/${id}/review`, { token, method: 'POST', json: { action: 'confirm' } });
    };
    const kinds: [string, (token: string) => Promise<Response>, Record<Role, number>][] = [
      ['review', review, { viewer: 403, analyst: 200, admin: 200 }],
      [
        'import',
        (token) =>
          s.call('/api/imports?name=20180612031500.export.CSV.zip', {
            token,
            method: 'POST',
            headers: { 'content-type': 'application/zip' },
            body: GDELT_ZIP,
          }),
        { viewer: 403, analyst: 200, admin: 200 },
      ],
      [
        'case load',
        (token) => s.call('/api/cases', { token, method: 'POST', json: { dir: join(BUILTIN_CASES_DIR, CASE) } }),
        { viewer: 403, analyst: 200, admin: 200 },
      ],
      [
        'token',
        (token) => s.call('/api/tokens', { token, method: 'POST', json: { role: 'viewer', name: 'script' } }),
        { viewer: 403, analyst: 403, admin: 200 },
      ],
      ['export', (token) => s.call(`/api/cases/${CASE}/export`, { token }), { viewer: 200, analyst: 200, admin: 200 }],
      ['import list', (token) => s.call('/api/imports', { token }), { viewer: 200, analyst: 200, admin: 200 }],
    ];
    for (const [kind, request, expected] of kinds)
      for (const role of ['viewer', 'analyst', 'admin'] as const) {
        const r = await request(s.tokens[role]);
        expect(r.status, `${role} on ${kind}`).toBe(expected[role]);
        if (r.status === 403) expect(((await r.json()) as { message: string }).message).toMatch(/needs the \w+ role/);
        else await r.arrayBuffer();
      }
  });

  it('keeps passwords, tokens, session cookies and CSRF tokens out of its log', async () => {
    lines.length = 0;
    const signIn = await s.call('/api/session', { method: 'POST', json: { name: 'analyst', password: PASSWORD } });
    expect(signIn.status).toBe(200);
    const session = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    await s.call('/api/session', { method: 'POST', json: { name: 'admin', password: `${PASSWORD} wrong` } });
    await s.call(`/api/cases/${CASE}/events`, {
      method: 'POST',
      headers: { cookie: session, 'x-csrf-token': csrfToken },
      json: proposed('through the cookie'),
    });
    await s.call(`/api/cases/${CASE}/events?text=${encodeURIComponent(PASSWORD)}`, { token: s.tokens.viewer });
    await s.call('/api/cases', { token: `${s.tokens.viewer}x` });
    await s.call('/api/cases', { headers: { authorization: `Basic ${s.tokens.admin}` } });
    const made = await s.call('/api/tokens', { token: s.tokens.admin, method: 'POST', json: { role: 'viewer' } });
    const { token: fresh } = (await made.json()) as { token: string };
    expect(lines.length).toBeGreaterThan(6);
    const log = lines.join('\n');
    for (const secret of [PASSWORD, session.split('=')[1]!, csrfToken, fresh, ...Object.values(s.tokens)])
      expect(log).not.toContain(secret);
    expect(log).toMatch(/POST \/api\/session 200/);
  });

  it('locks sign-in from one address after repeated failures across accounts, and says so', async () => {
    let refused: Response | undefined;
    // Failures recorded by earlier tests from the same address count too: stop at the first lock.
    for (let i = 0; i <= SIGN_IN_LIMITS.perAddress && !refused; i++) {
      const r = await s.call('/api/session', { method: 'POST', json: { name: `nobody-${i}`, password: 'guess' } });
      if (r.status === 429) refused = r;
      else expect(r.status).toBe(401);
    }
    expect(refused, 'locked within the limit').toBeDefined();
    expect(((await refused!.json()) as { message: string }).message).toMatch(
      /sign-in from .+ is locked after \d+ failed/,
    );
    // The right password of another account is refused from that address too, until the window passes.
    const right = await s.call('/api/session', { method: 'POST', json: { name: 'viewer', password: PASSWORD } });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    // A token is not a sign-in: scripts keep working.
    expect((await s.call('/api/cases', { token: s.tokens.viewer })).status).toBe(200);
  });
});
