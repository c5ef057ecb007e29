import { expect, test } from '@playwright/test';
import { signIn } from './support.js';

test('the map renders the facilities with a place, by status on the as-of date', async ({ page }) => {
  await signIn(page, 'viewer', '/facilities?asOf=2018-10-07');
  const map = page.getByRole('figure', { name: /Map of \d+ facilities/ });
  await expect(map.locator('svg').first()).toBeVisible();
  const label = await map.getAttribute('aria-label');
  const placed = Number(label!.match(/Map of (\d+)/)![1]);
  expect(placed).toBeGreaterThanOrEqual(10);
  // Country outlines from the shipped world atlas, and one symbol per placed facility.
  await expect(map.locator('path').first()).toBeVisible();
  await expect(map.locator('text', { hasText: 'Yongbyon' }).first()).toBeVisible();
  expect(await map.locator('title', { hasText: /: [a-z-]+; (last observation|never observed)/ }).count()).toBeGreaterThanOrEqual(placed);
  await expect(page.getByText('Not on the map (place not public)')).toContainText('Other suspected covert enrichment sites');
  await expect(page.locator('table').last()).toContainText('Punggye-ri nuclear test site');
  await expect(page.locator('table').last()).toContainText('dismantled since 2018-05-24');
});
