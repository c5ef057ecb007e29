import { expect, test } from '@playwright/test';
import { signIn } from './support.js';

test('a timeline filter is kept in the address, survives a reload, and the CSV export holds the filtered moves', async ({
  page,
}) => {
  await signIn(page, 'viewer', '/timeline?asOf=2019-03-01');
  const summary = page.locator('p.summary');
  await expect(summary).toContainText('moves up to 2019-03-01 match');
  const all = Number((await summary.textContent())!.match(/([\d,]+) moves/)![1]!.replace(/,/g, ''));
  // Engagement steps (the pace's days of talks and visits) are marked along the top of the chart.
  const steps = page.locator('figure.chart svg text').filter({ hasText: '▼' });
  await expect(steps.first()).toBeAttached();
  expect(await steps.first().locator('title').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} engagement step: \d+ move/);

  await page.getByLabel('Code prefix').fill('042');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('checkbox', { name: 'confirmed' }).check();
  await expect(page).toHaveURL(/code=042/);
  await expect(page).toHaveURL(/status=confirmed/);
  await expect(summary).not.toContainText(`${all.toLocaleString('en-US')} moves`);
  const filtered = Number((await summary.textContent())!.match(/([\d,]+) moves/)![1]!.replace(/,/g, ''));
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(all);

  await page.reload();
  await expect(page.getByLabel('Code prefix')).toHaveValue('042');
  await expect(page.getByRole('checkbox', { name: 'confirmed' })).toBeChecked();
  await expect(summary).toContainText(`${filtered} moves up to 2019-03-01 match`);
  await expect(page.locator('table.moves tbody tr')).toHaveCount(Math.min(filtered, 50));

  const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
  const csv = await (await page.request.get(href!)).text();
  const lines = csv.trim().split(/\r\n/);
  expect(lines[0]).toMatch(/^id,date,source,code,target/);
  expect(lines).toHaveLength(filtered + 1);
  for (const line of lines.slice(1)) {
    const [, date, , code] = line.split(',');
    expect(code).toMatch(/^042/);
    expect(date! <= '2019-03-01').toBe(true);
  }
  const json = (await (await page.request.get(href!.replace('format=csv', 'format=json'))).json()) as {
    events: { code: string; status: string }[];
  };
  expect(json.events).toHaveLength(filtered);
  expect(json.events.every((e) => e.code.startsWith('042') && e.status === 'confirmed')).toBe(true);
});

test('past the server counting cap the timeline says "10,000+" and lets the reader page on', async ({ page }) => {
  // The built-in case holds far fewer moves; the answer is the server's own, with its total
  // turned into the lower bound a case of more than 10,000 matching moves gets.
  await page.route(/\/api\/cases\/[^/]+\/events\?/, async (route) => {
    const real = await route.fetch();
    const body = (await real.json()) as { total: number; totalExact: boolean };
    await route.fulfill({ response: real, json: { ...body, total: 10_000, totalExact: false } });
  });
  await signIn(page, 'viewer', '/timeline?asOf=2019-03-01');
  await expect(page.locator('p.summary')).toContainText('10,000+ moves up to 2019-03-01 match');
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText('Page 1 of 200+');
  await expect(page.getByRole('button', { name: 'Later page →' })).toBeEnabled();
});
