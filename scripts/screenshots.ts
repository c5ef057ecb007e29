/**
 * `npm run screenshots`: a PNG of each dashboard view of the built-in case, read on 2018-10-07 (the
 * indicators of the Iran case on 2019-12-31),
 * into docs/screenshots/. Starts its own server on a fresh store (the browser tests' one), puts
 * one article through the reader so the review queue has moves, and drives Debian's Chromium.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const PORT = 7398;
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = 'docs/screenshots';
const VIEWS: [string, string][] = [
  ['question', '/?asOf=2018-10-07'],
  ['timeline', '/timeline?asOf=2018-10-07'],
  ['reciprocity', '/reciprocity?asOf=2018-10-07'],
  ['commitments', '/commitments?asOf=2018-10-07'],
  ['facilities', '/facilities?asOf=2018-10-07'],
  ['indicators', '/indicators?case=iran-jcpoa&asOf=2019-12-31'],
  ['review', '/review?asOf=2018-10-07'],
  ['read', '/read?asOf=2018-10-07'],
  ['admin', '/admin?asOf=2018-10-07'],
];
const ARTICLE = `SEOUL, Oct. 8 (Yonhap) -- North Korean leader Kim Jong Un invited international inspectors to the Punggye-ri nuclear test site, U.S. Secretary of State Mike Pompeo said on Monday.
Pompeo met Kim in Pyongyang on Sunday. South Korean President Moon Jae-in welcomed the agreement to hold a second summit.`;

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(`${BASE}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the test server did not answer at ${BASE} within 2 minutes`);
}

const server = spawn('node', ['--import', 'tsx', 'test/e2e/serve-for-tests.ts'], {
  env: { ...process.env, PARLEY_E2E_PORT: String(PORT) },
  stdio: 'ignore',
});
try {
  await waitForServer();
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${BASE}/`);
  await page.getByLabel('Name').fill('admin');
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('admin (admin)').waitFor();
  const { csrfToken } = (await (await page.request.get(`${BASE}/api/session`)).json()) as { csrfToken: string };
  await page.request.post(`${BASE}/api/read`, {
    headers: { 'x-csrf-token': csrfToken },
    data: { text: ARTICLE, date: '2018-10-08', into: 'us-dprk-2018', name: 'Yonhap', publisher: 'Yonhap' },
  });
  for (const [name, path] of VIEWS) {
    await page.goto(`${BASE}${path}`);
    await page.locator('main h1, main h2').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Loading'), null, {
      timeout: 30_000,
    });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: name !== 'timeline' });
    console.log(`${OUT}/${name}.png`);
  }
  await browser.close();
} finally {
  server.kill('SIGTERM');
}
