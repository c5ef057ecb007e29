/**
 * The dashboard in Debian's Chromium: the gzipped size of its built JavaScript, the time from
 * navigation until each view of both built-in cases shows its data, and on a large synthetic
 * case (bench/core.bench.ts --load) the question view and the timeline, unfiltered and filtered.
 * Needs `npm run build` first and /usr/bin/chromium; skipped without Chromium.
 * Usage: node --import tsx bench/dashboard.bench.ts [events]
 *
 * The large case has 100,000 events unless a number is given (1000000 for the figure):
 * writing a million events takes many minutes on two shared cores, too long for every
 * `npm run bench`. A failure in the large part is reported in the table, not thrown, so the
 * built-in figures are still written.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from '@playwright/test';
import { printTable } from './measure.js';

/** The large case's size: as asked, else the shared 1,000,000-event case `npm run bench` writes, else 100,000. */
const LARGE = Number(process.argv[2] ?? (process.env.PARLEY_BENCH_DB ? 1_000_000 : 100_000));
const VIEWS = [
  '/?asOf=2018-10-07',
  '/timeline?asOf=2018-10-07',
  '/reciprocity?asOf=2018-10-07',
  '/commitments?asOf=2018-10-07',
  '/facilities?asOf=2018-10-07',
  '/review?asOf=2018-10-07',
  '/read?asOf=2018-10-07',
  '/admin?asOf=2018-10-07',
  '/?case=iran-jcpoa',
  '/timeline?case=iran-jcpoa',
  '/reciprocity?case=iran-jcpoa',
  '/commitments?case=iran-jcpoa',
  '/facilities?case=iran-jcpoa',
  '/indicators?case=iran-jcpoa',
];
const rows: [string, string][] = [];

function jsSize(): { raw: number; gzip: number } {
  const dir = 'dist/web/assets';
  let raw = 0;
  let gzip = 0;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const data = readFileSync(join(dir, f));
    raw += data.length;
    gzip += gzipSync(data, { level: 9 }).length;
  }
  return { raw, gzip };
}

async function serve(port: number, db?: string): Promise<ChildProcess> {
  const child = spawn('node', ['--import', 'tsx', 'test/e2e/serve-for-tests.ts'], {
    env: { ...process.env, PARLEY_E2E_PORT: String(port), ...(db ? { PARLEY_E2E_DB: db } : {}) },
    stdio: 'ignore',
  });
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error(`no server on port ${port} after 5 minutes`);
}

async function signIn(browser: Browser, base: string): Promise<Page> {
  // The dashboard's CSP forbids eval, which waitForFunction's polling predicate needs; the bench reads, never injects.
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
  await page.goto(`${base}/`);
  await page.getByLabel('Name').fill('admin');
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('admin (admin)').waitFor();
  return page;
}

/** Milliseconds from navigation until the view's heading is shown and nothing in it is still loading. */
async function timeView(page: Page, url: string): Promise<number> {
  const start = performance.now();
  await page.goto(url);
  await page.locator('main h1, main h2').first().waitFor({ timeout: 120_000 });
  await page.waitForFunction("!document.querySelector('main')?.textContent?.includes('Loading')", null, {
    timeout: 120_000,
    polling: 20,
  });
  return performance.now() - start;
}

const ms = (t: number) => `${Math.round(t)} ms`;

async function builtIn(browser: Browser): Promise<void> {
  const server = await serve(7396);
  try {
    const page = await signIn(browser, 'http://127.0.0.1:7396');
    for (const view of VIEWS) {
      const url = `http://127.0.0.1:7396${view}`;
      await timeView(page, url); // the first visit warms the server's caches
      const times = [await timeView(page, url), await timeView(page, url), await timeView(page, url)].sort(
        (a, b) => a - b,
      );
      rows.push([`built-in case: ${view} ready (median of 3)`, ms(times[1]!)]);
    }
  } finally {
    server.kill('SIGTERM');
  }
}

async function large(browser: Browser): Promise<void> {
  const dir = join(tmpdir(), `parley-dashboard-bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const db = process.env.PARLEY_BENCH_DB ?? join(dir, 'large.db');
  if (!existsSync(db)) {
    const t = performance.now();
    const gen = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'bench/core.bench.ts', '--load', db, String(LARGE)],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (gen.status !== 0) throw new Error('bench/core.bench.ts --load failed');
    rows.push([`${LARGE.toLocaleString('en')} events: synthetic case written`, ms(performance.now() - t)]);
  }
  const server = await serve(7395, db);
  try {
    const page = await signIn(browser, 'http://127.0.0.1:7395');
    const base = 'http://127.0.0.1:7395';
    const first = await timeView(page, `${base}/?case=bench&asOf=2019-03-01`);
    rows.push([`${LARGE.toLocaleString('en')} events: question view, first visit`, ms(first)]);
    rows.push([
      `${LARGE.toLocaleString('en')} events: question view, again`,
      ms(await timeView(page, `${base}/?case=bench&asOf=2019-03-01`)),
    ]);
    rows.push([
      `${LARGE.toLocaleString('en')} events: timeline, unfiltered (binned)`,
      ms(await timeView(page, `${base}/timeline?case=bench&asOf=2019-03-01`)),
    ]);
    const filtered = `${base}/timeline?case=bench&asOf=2019-03-01&actor=PRK&code=04`;
    rows.push([
      `${LARGE.toLocaleString('en')} events: timeline, actor PRK code 04`,
      ms(await timeView(page, filtered)),
    ]);
    const start = performance.now();
    await page.getByRole('button', { name: 'Later page →' }).click();
    await page.getByText('Page 2 of').first().waitFor();
    rows.push([
      `${LARGE.toLocaleString('en')} events: timeline, next page of the table`,
      ms(performance.now() - start),
    ]);
    const points = await page.evaluate<number>(
      "document.querySelectorAll('main svg circle, main svg path, main svg rect').length",
    );
    rows.push([`${LARGE.toLocaleString('en')} events: SVG elements on the filtered timeline`, String(points)]);
  } finally {
    server.kill('SIGTERM');
    if (!process.env.PARLEY_BENCH_DB) rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!existsSync('dist/web/index.html')) throw new Error('the dashboard is not built: npm run build');
  const size = jsSize();
  rows.push([
    'built JavaScript, gzipped (limit 400 kB)',
    `${(size.gzip / 1000).toFixed(0)} kB (${(size.raw / 1000).toFixed(0)} kB raw)`,
  ]);
  if (!existsSync('/usr/bin/chromium')) {
    rows.push(['browser timings', 'skipped: no /usr/bin/chromium (apt-get install chromium)']);
  } else {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      await builtIn(browser);
      await large(browser).catch((err: Error) => {
        rows.push([`${LARGE.toLocaleString('en')} events: failed`, err.message.split('\n')[0]!]);
        process.exitCode = 1;
      });
    } finally {
      await browser.close();
    }
  }
  printTable('Dashboard', rows);
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/dashboard.json', `${JSON.stringify(Object.fromEntries(rows), null, 2)}\n`);
}

await main();
