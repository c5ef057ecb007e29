/**
 * The server the browser tests drive: a fresh SQLite store in a temporary folder with the
 * built-in case, one account per role (password `PASSWORD`), on the port Playwright gives.
 * Run with tsx from the repository root; it serves until killed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliActing } from '../../src/app/acting.js';
import { addUser } from '../../src/app/accounts.js';
import { DEFAULT_CASE, ensureBuiltinCase } from '../../src/case/builtin-cases.js';
import { startServer } from '../../src/server/start-server.js';
import { addProposedOffer } from '../../src/server/test-support/proposed-offer.js';
import { PASSWORD } from './support.js';
import { openStore } from '../../src/store/store.js';



const dir = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
const port = Number(process.env.PARLEY_E2E_PORT ?? 7399);
const store = await openStore(process.env.PARLEY_E2E_DB ?? join(dir, 'parley.db'));
const acting = cliActing(store);
// A store kept between runs (PARLEY_E2E_DB) has its accounts already.
for (const role of ['admin', 'analyst', 'viewer'] as const)
  if (!(await store.accounts.byName(role))) await addUser(acting, { name: role, role, password: PASSWORD });
// With PARLEY_E2E_SEED, the review queue holds a proposed move that would meet the headline condition.
if (process.env.PARLEY_E2E_SEED) {
  await ensureBuiltinCase(store, DEFAULT_CASE);
  await addProposedOffer(store, DEFAULT_CASE);
}
const server = await startServer({ store, host: '127.0.0.1', port, dataDir: dir, say: (l) => console.log(l) });
const stop = async () => {
  await server.close();
  await store.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
