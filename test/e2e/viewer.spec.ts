import { expect, test } from '@playwright/test';
import { CASE, csrf, signIn } from './support.js';

test('a viewer sees no write controls and the API refuses their writes', async ({ page }) => {
  await signIn(page, 'viewer');
  const nav = page.getByRole('navigation', { name: 'Views' });
  await expect(nav.getByRole('link', { name: 'Timeline' })).toBeVisible();
  for (const name of ['Review queue', 'Read', 'Admin']) await expect(nav.getByRole('link', { name })).toHaveCount(0);
  for (const path of ['/', '/timeline', '/commitments', '/facilities', '/reciprocity']) {
    await page.goto(path);
    await expect(page.locator('main h1, main h2').first()).toBeVisible();
    for (const word of [/confirm/i, /reject/i, /^edit/i, /add the account/i, /send the moves/i])
      await expect(page.getByRole('button', { name: word })).toHaveCount(0);
  }
  await page.goto('/review');
  await expect(page.getByText('This view needs the analyst role.')).toBeVisible();

  const headers = { 'x-csrf-token': await csrf(page.request) };
  const review = await page.request.post(`/api/cases/${CASE}/events/2018-10-07-pompeo-pyongyang-visit/review`, {
    headers,
    data: { action: 'reject', reason: 'viewer' },
  });
  expect(review.status()).toBe(403);
  const read = await page.request.post('/api/read', { headers, data: { text: 'Kim met Trump.', date: '2018-06-12' } });
  expect(read.status()).toBe(403);
  expect((await page.request.get('/api/users')).status()).toBe(403);
});
