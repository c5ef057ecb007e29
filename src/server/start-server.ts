import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Acting, cliActing } from '../app/acting.js';
import { addUser } from '../app/accounts.js';
import { createSignInLink } from '../app/sign-in.js';
import { DEFAULT_CASE, ensureBuiltinCase } from '../case/builtin-cases.js';
import { keepImportThreadsLean } from '../store/import-worker-writer.js';
import type { Store } from '../store/store.js';
import { createServerApp } from './create-server-app.js';
import { LiveHub } from './live-hub.js';

export interface StartOptions {
  store: Store;
  host: string;
  port: number;
  dataDir: string;
  /** Lines for the terminal: the address, the first sign-in link. */
  say: (line: string) => void;
  /** One line per request. */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A URL host part: IPv6 addresses in brackets. */
export function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * On a store with no account yet, makes the first admin and prints a one-time sign-in link for
 * it on a line of its own that starts with `Sign in: ` (the link works once, for 24 hours).
 */
export async function firstAdmin(acting: Acting, baseUrl: string, say: (line: string) => void): Promise<void> {
  if ((await acting.store.accounts.count()) > 0) return;
  const admin = await addUser(acting, { name: 'admin', role: 'admin' });
  const secret = await createSignInLink(acting.store, admin.id);
  say('No accounts yet: made the account "admin". Open this link to sign in (it works once, for 24 hours):');
  say(`Sign in: ${baseUrl}/signin?token=${secret}`);
}

/** Starts `parley serve`: the built-in case loaded, the first admin made, the live hub listening, HTTP served. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { store } = options;
  // Uploads are imported in this process, beside every reader's answers: lean writer threads.
  keepImportThreadsLean();
  await ensureBuiltinCase(store, DEFAULT_CASE);
  const hub = new LiveHub(store);
  await hub.start();
  const app = createServerApp({ store, hub, dataDir: options.dataDir, ...(options.log ? { log: options.log } : {}) });
  const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${urlHost(options.host)}:${port}`;
  options.say(`Parley serves ${url} (store: ${store.dialect})`);
  await firstAdmin(cliActing(store), url, options.say);
  return {
    url,
    port,
    async close() {
      await hub.stop();
      // Streams stay open until their clients go: close them, then wait for the rest.
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
