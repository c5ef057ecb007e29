import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../store/test-support/test-stores.js';
import { CASE, openTestServer, type TestServer } from './test-support/test-server.js';

/** `parley serve` in a process of its own on the test store; resolves with its address once it listens. */
function serve(s: TestServer): { child: ChildProcess; url: Promise<string> } {
  const db = s.t.searchPath
    ? `${s.t.location}?options=${encodeURIComponent(`-c search_path=${s.t.searchPath}`)}`
    : s.t.location;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/parley.ts', 'serve', '--port', '0', '--quiet', '--db', db],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, PARLEY_HOME: s.t.location },
    },
  );
  const url = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^Parley serves (\S+)/.exec(line);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`parley serve exited with ${code}`)));
  });
  return { child, url };
}

describe.each(TEST_DIALECTS)('a killed server on %s', (dialect) => {
  let s: TestServer;
  let server: { child: ChildProcess; url: Promise<string> };
  beforeAll(async () => {
    // SQLite on a file, so a second process shares it.
    s = await openTestServer(dialect, true);
    server = serve(s);
    await server.url;
  }, 120_000);
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await s.close();
  });

  it('loses no write it acknowledged: each answered POST is in the store, with its audit entry, after SIGKILL', async () => {
    const url = await server.url;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await fetch(`${url}/api/cases/${CASE}/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.tokens.analyst}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          date: '2018-11-20',
          source: 'mike-pompeo',
          code: '040',
          target: 'prk',
          summary: `acknowledged before the kill ${i}`,
          sources: [{ publisher: 'Yonhap' }],
        }),
      });
      expect(r.status).toBe(201);
      ids.push(((await r.json()) as { id: string }).id);
    }
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGKILL');
    await exited;
    const found = await s.t.store.events.find({ caseId: CASE, ids });
    expect(found.map((e) => e.id).sort()).toEqual([...ids].sort());
    for (const id of ids)
      expect((await s.t.store.audit.find({ caseId: CASE, subject: id })).map((e) => e.action)).toEqual(['create']);
  });
});
