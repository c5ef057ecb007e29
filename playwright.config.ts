import { defineConfig } from '@playwright/test';

/** The port of the test server, apart from `parley serve`'s default so a running one does not clash. */
const PORT = Number(process.env.PARLEY_E2E_PORT ?? 7399);

/**
 * Browser tests of the dashboard, in Debian's Chromium (no browser download): a fresh server on a
 * temporary store, one worker (the machine has 2 cores).
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1366, height: 900 },
    launchOptions: { executablePath: process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] },
  },
  webServer: {
    command: 'node --import tsx test/e2e/serve-for-tests.ts',
    url: `http://127.0.0.1:${PORT}/healthz`,
    env: { PARLEY_E2E_PORT: String(PORT), PARLEY_E2E_SEED: '1' },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
  },
});
