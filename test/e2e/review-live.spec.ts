import { expect, test } from '@playwright/test';
import { CASE, conditionCard, csrf, signedInPage } from './support.js';

test('an analyst confirms a proposed move and another browser sees the verdict change without reloading', async ({
  browser,
}) => {
  const analyst = await signedInPage(browser, 'analyst');
  // A proposed move that covers five key operational sites: confirmed, it meets the precondition.
  const created = await analyst.request.post(`/api/cases/${CASE}/events`, {
    headers: { 'x-csrf-token': await csrf(analyst.request) },
    data: {
      date: '2018-10-01',
      source: 'kim-jong-un',
      target: 'usa',
      code: '0355',
      summary: 'Kim offers inspections at five key operational sites (test).',
      sources: [{ publisher: 'Test wire', date: '2018-10-01', quote: 'Kim offered to admit inspectors to five sites.' }],
      facilities: ['yongbyon-5mwe-reactor', 'yongbyon-enrichment-plant', 'kangson', 'sanumdong', 'sino-ri'],
      status: 'proposed',
      verification: 'claimed',
    },
  });
  expect(created.status()).toBe(201);

  const watcher = await signedInPage(browser, 'viewer', '/?asOf=2018-10-07');
  const question = conditionCard(watcher, /met the precondition for another visit to Pyongyang/);
  await expect(question.locator('.answer')).toContainText('Unmet on 2018-10-07');

  await analyst.goto('/review?asOf=2018-10-07');
  await analyst.getByRole('button', { name: /Kim offers inspections at five key operational sites/ }).click();
  const preview = analyst.getByLabel('What the decision changes');
  await expect(preview).toContainText('Confirming changes this verdict on 2018-10-07');
  await expect(preview).toContainText('No visit to North Korea by the Secretary of State');
  await analyst.keyboard.press('c');
  await expect(analyst.locator('p.summary')).toContainText('Confirmed');

  await expect(question.locator('.answer')).toContainText('Met on 2018-10-07');
  await expect(question.locator('table.moves tbody tr')).toHaveCount(2);
  await analyst.context().close();
  await watcher.context().close();
});
