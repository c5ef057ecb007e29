import { expect, test } from '@playwright/test';
import { conditionCard, signIn } from './support.js';

test('signing in opens the dashboard on the question', async ({ page }) => {
  await signIn(page, 'analyst');
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Question' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByText('The question', { exact: true })).toBeVisible();
});

test('the question view answers whether the precondition is met on 2018-10-07, with evidence and the three gated moves', async ({
  page,
}) => {
  await signIn(page, 'viewer', '/?asOf=2018-10-07');
  const card = conditionCard(page, /met the precondition for another visit to Pyongyang/);
  await expect(card.locator('.answer')).toContainText('Unmet on 2018-10-07');
  await expect(card.locator('.missing-box')).toContainText('5 of the 5 key operational sites still missing');
  await expect(card.locator('.missing-box')).toContainText('not counted');
  // The evidence drawer of the headline is open: what counted, with its sources.
  const evidence = card.locator('details.evidence-drill');
  await expect(evidence).toHaveAttribute('open', '');
  await expect(evidence).toContainText('Kim invites international inspectors to Punggye-ri');
  await expect(evidence.locator('.sources').first()).toContainText('Hankyoreh');
  // The three visits: one gated since the condition was stated on 2018-09-20, two of the same kind before.
  const gated = card.locator('table.moves.gated');
  await expect(gated.locator('caption')).toContainText('since it was stated on 2018-09-20 (1)');
  await expect(gated.locator('tbody tr')).toHaveCount(1);
  await expect(gated).toContainText('2018-10-07');
  const before = card.locator('table.moves.before-stated');
  await expect(before.locator('tbody tr')).toHaveCount(2);
  for (const day of ['2018-05-09', '2018-07-06']) await expect(before).toContainText(day);
  await expect(page.locator('figure.chart svg').first()).toBeVisible();
});

test('moving the as-of date changes the verdicts', async ({ page }) => {
  await signIn(page, 'viewer', '/?asOf=2018-10-07');
  const relief = conditionCard(page, 'No sanctions relief until the Singapore remains provision is at least intermediate');
  await expect(relief.locator('.answer')).toContainText('Met on 2018-10-07');
  await page.getByLabel('As of', { exact: true }).fill('2018-07-01');
  await page.getByLabel('As of', { exact: true }).dispatchEvent('change');
  await expect(page).toHaveURL(/asOf=2018-07-01/);
  await expect(relief.locator('.answer')).toContainText('Unmet on 2018-07-01');
  await expect(relief.locator('.missing-box')).toContainText('remains');
  // The slider moves the date too: its far right end is the end of the case's period.
  const slider = page.getByRole('slider');
  await slider.focus();
  await page.keyboard.press('End');
  await expect(page).toHaveURL(/asOf=2019-03-31/);
  await expect(relief.locator('.answer')).toContainText('on 2019-03-31');
  await page.goBack();
  await expect(relief.locator('.answer')).toContainText('Unmet on 2018-07-01');
});

test('the verdicts read as known on the date by default, and hindsight is one choice away', async ({ page }) => {
  await signIn(page, 'viewer', '/?asOf=2019-03-01');
  const summit = conditionCard(page, 'No second Trump-Kim summit while nuclear and missile production continues');
  await expect(summit.locator('.answer')).toContainText('Met on 2019-03-01, as known on 2019-03-01');
  await page.getByLabel('Knowledge').selectOption({ label: 'in hindsight (everything on record)' });
  await expect(page).toHaveURL(/hindsight=true/);
  await expect(summit.locator('.answer')).toContainText('Unmet on 2019-03-01, in hindsight, with everything on record');
  await expect(summit.locator('table.moves.gated')).toContainText('2019-02-27');
  // The brief to download is read the same way, and other views keep the choice.
  await expect(page.getByRole('region', { name: /The brief as of/ })).toContainText(
    'Read in hindsight, with everything on record',
  );
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Facilities' }).click();
  await expect(page).toHaveURL(/hindsight=true/);
  await expect(page.getByLabel('Knowledge')).toHaveValue('hindsight');
  await page.goBack();
  await page.getByLabel('Knowledge').selectOption({ label: 'as known on 2019-03-01' });
  await expect(page).not.toHaveURL(/hindsight/);
  await expect(summit.locator('.answer')).toContainText('Met on 2019-03-01, as known on 2019-03-01');
});
