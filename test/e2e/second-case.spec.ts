import { expect, test } from '@playwright/test';
import { signIn } from './support.js';

/** The views a viewer has, with a heading each shows once its data are in. */
const VIEWS: [string, RegExp][] = [
  ['Question', /The question/],
  ['Timeline', /Timeline of moves/],
  ['Reciprocity', /Reciprocity/],
  ['Commitments', /Commitments/],
  ['Facilities', /Facilities on/],
  ['Indicators', /Indicators on/],
];

test('switching to the Iran case, every view works on it, and its indicators are drawn against their limits', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'viewer', '/?asOf=2018-10-07');
  const nav = page.getByRole('navigation', { name: 'Views' });
  // The DPRK case follows no indicators, so the view is not offered for it.
  await expect(nav.getByRole('link', { name: 'Question' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Indicators' })).toHaveCount(0);

  await page.getByLabel('Case').selectOption('iran-jcpoa');
  await expect(page).toHaveURL(/case=iran-jcpoa/);
  // The old case's date is dropped: the Iran case opens on its own default date.
  await expect(page).not.toHaveURL(/asOf=2018-10-07/);
  await expect(page.getByLabel('As of', { exact: true })).toHaveValue('2019-12-31');

  for (const [label, heading] of VIEWS) {
    await nav.getByRole('link', { name: label }).click();
    await expect(page).toHaveURL(/case=iran-jcpoa/);
    await expect(page.locator('main').getByText(heading).first()).toBeVisible();
    await expect(page.locator('main')).not.toContainText('Loading');
    await expect(page.locator('main .error')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText('could not be drawn');
  }

  // On the indicators view: the stockpile over time, its limit, and a figure beyond it in 2019.
  const stockpile = page.locator('section.indicator').filter({ hasText: "Iran's stockpile of enriched uranium" });
  await expect(stockpile).toContainText('Limit: at most 202.8 kg U');
  // The plot itself, after the legends' swatches; a dashed limit line runs across it.
  const plot = stockpile.locator('figure.chart svg').last();
  await expect(plot).toBeVisible();
  await expect(plot.locator('line[stroke-dasharray="6 3"], [stroke-dasharray="6 3"] line')).not.toHaveCount(0);
  await stockpile.getByText(/figures and their sources/).click();
  await expect(stockpile.locator('table.measurements')).toContainText('beyond');
  await expect(stockpile.locator('table.measurements')).toContainText('2019-');
});
