import { expect, test } from '@playwright/test';
import { conditionCard, signedInPage } from './support.js';

test('an analyst confirms a proposed move and another browser sees the verdict change without reloading', async ({
  browser,
}) => {
  const analyst = await signedInPage(browser, 'analyst');
  // The test server's queue holds a proposed offer of IAEA inspections at five key operational sites.
  const watcher = await signedInPage(browser, 'viewer', '/?asOf=2018-10-07');
  const question = conditionCard(watcher, /met the precondition for another visit to Pyongyang/);
  await expect(question.locator('.answer')).toContainText('Unmet on 2018-10-07');

  await analyst.goto('/review?asOf=2018-10-07');
  await analyst.getByRole('button', { name: /Kim offers IAEA inspections at five key operational sites/ }).click();
  const preview = analyst.getByLabel('What the decision changes');
  await expect(preview).toContainText('Confirming changes this verdict on 2018-10-07');
  await expect(preview).toContainText('No visit to North Korea by the Secretary of State');
  await analyst.keyboard.press('c');
  await expect(analyst.locator('p.summary')).toContainText('Confirmed');

  await expect(question.locator('.answer')).toContainText('Met on 2018-10-07');
  await expect(question.locator('table.moves.gated')).toHaveCount(0);
  await expect(question).toContainText('No gated visit was made while it was not met.');
  await analyst.context().close();
  await watcher.context().close();
});
