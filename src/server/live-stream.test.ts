import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActing } from '../app/acting.js';
import { recordMove } from '../app/record-move.js';
import { openStore } from '../store/store.js';
import { TEST_DIALECTS } from '../store/test-support/test-stores.js';
import { CASE, openTestServer, type TestServer } from './test-support/test-server.js';

/** Reads a server-sent-events body until a message matches, or gives up after `ms`. */
async function waitForMessage(
  res: Response,
  match: (event: string, data: string) => boolean,
  ms: number,
): Promise<{ event: string; data: string } | undefined> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const deadline = Date.now() + ms;
  try {
    while (Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<undefined>((r) => setTimeout(() => r(undefined), Math.max(1, deadline - Date.now()))),
      ]);
      if (!chunk || chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
        if (match(event, data)) return { event, data };
      }
    }
    return undefined;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

const move = (summary: string) => ({
  caseId: CASE,
  date: '2018-11-20',
  source: 'mike-pompeo',
  code: '040',
  target: 'prk',
  summary,
  sources: [{ publisher: 'Yonhap' }],
});

describe.each(TEST_DIALECTS)('the live stream on %s', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openTestServer(dialect, true);
  });
  afterAll(async () => {
    await s.close();
  });

  it('carries a change made by another connection (the CLI) to a connected client within a second', async () => {
    const res = await s.call(`/api/cases/${CASE}/stream`, { token: s.tokens.viewer });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const other = await openStore(s.t.location, s.t.searchPath ? { searchPath: s.t.searchPath } : {});
    try {
      const started = Date.now();
      const waiting = waitForMessage(
        res,
        (event, data) => event === 'change' && data.includes('"action":"create"'),
        3000,
      );
      const { event: e } = await recordMove(cliActing(other), move('from the command line'));
      const got = await waiting;
      expect(got?.data).toContain(e.id);
      expect(got?.data).toContain('"route":"cli"');
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await other.close();
    }
  });
});

describe.skipIf(!process.env.PARLEY_TEST_PG)('two server processes on one PostgreSQL database', () => {
  let s: TestServer;
  let child: ChildProcess;
  let childUrl: string;
  beforeAll(async () => {
    s = await openTestServer('postgres');
    const url = `${s.t.location}?options=${encodeURIComponent(`-c search_path=${s.t.searchPath}`)}`;
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/parley.ts', 'serve', '--port', '0', '--quiet', '--db', url],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, PARLEY_HOME: s.t.location },
      },
    );
    childUrl = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        const m = /^Parley serves (\S+)/.exec(line);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`the second server exited with ${code}`)));
    });
  }, 120_000);
  afterAll(async () => {
    child?.kill('SIGTERM');
    await s.close();
  });

  it("carries a review made through one process to the other process's stream clients within a second", async () => {
    const created = await s.call(`/api/cases/${CASE}/events`, {
      token: s.tokens.analyst,
      method: 'POST',
      json: { ...move('to be confirmed elsewhere'), caseId: undefined, status: 'proposed' },
    });
    const id = String(((await created.json()) as { id: string }).id);
    // A first request warms the other process up, so the figure below is the stream's delay alone.
    await fetch(`${childUrl}/api/cases`, { headers: { authorization: `Bearer ${s.tokens.viewer}` } });
    const res = await s.call(`/api/cases/${CASE}/stream`, { token: s.tokens.viewer });
    let arrived = 0;
    const waiting = waitForMessage(
      res,
      (event, data) => {
        arrived = Date.now();
        return event === 'change' && data.includes(id) && data.includes('confirm');
      },
      3000,
    );
    const review = await fetch(`${childUrl}/api/cases/${CASE}/events/${id}/review`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.tokens.analyst}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'confirm' }),
    });
    expect(review.status).toBe(200);
    // The review is committed once its answer arrives; the other process's client hears of it within a second.
    const committed = Date.now();
    const got = await waiting;
    expect(got?.data).toContain('"status":"confirmed"');
    expect(arrived - committed).toBeLessThan(1000);
  });
});
