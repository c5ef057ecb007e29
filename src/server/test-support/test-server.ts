import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { cliActing } from '../../app/acting.js';
import { addUser } from '../../app/accounts.js';
import { createToken } from '../../app/tokens.js';
import { ensureBuiltinCase } from '../../case/builtin-cases.js';
import { openTestStore, type TestStore } from '../../store/test-support/test-stores.js';
import { createServerApp } from '../create-server-app.js';
import { LiveHub } from '../live-hub.js';
import type { ServerEnv } from '../server-env.js';

export const CASE = 'us-dprk-2018';
export const PASSWORD = 'correct horse battery';

export interface TestServer {
  t: TestStore;
  app: OpenAPIHono<ServerEnv>;
  hub: LiveHub;
  tokens: { viewer: string; analyst: string; admin: string };
  /** A request with a Bearer token (or none). */
  call(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

/** A server app on a fresh test store with the built-in case, one account per role, and a token for each. */
export async function openTestServer(
  dialect: 'sqlite' | 'postgres',
  sqliteFile = false,
  /** Where the server writes its request and failure lines. */
  log?: (line: string) => void,
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-server-test-'));
  const t = await openTestStore(dialect, sqliteFile ? join(dir, 'parley.db') : ':memory:');
  await ensureBuiltinCase(t.store, CASE);
  const acting = cliActing(t.store);
  const tokens = { viewer: '', analyst: '', admin: '' };
  for (const role of ['viewer', 'analyst', 'admin'] as const) {
    await addUser(acting, { name: role, role, password: PASSWORD });
    tokens[role] = (await createToken(acting, { role, name: `${role} test` })).secret;
  }
  const hub = new LiveHub(t.store, 50);
  await hub.start();
  const app = createServerApp({ store: t.store, hub, dataDir: dir, ...(log ? { log } : {}) });
  return {
    t,
    app,
    hub,
    tokens,
    async call(path, init = {}) {
      const { token, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return app.request(path, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
    },
    async close() {
      await hub.stop();
      await t.close();
    },
  };
}
