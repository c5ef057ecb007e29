import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signIn } from './support.js';

const VIEWS = [
  '/?asOf=2018-10-07',
  '/timeline?asOf=2018-10-07',
  '/reciprocity?asOf=2018-10-07',
  '/commitments?asOf=2018-10-07',
  '/facilities?asOf=2018-10-07',
  '/indicators?case=iran-jcpoa&asOf=2019-12-31',
  '/review?asOf=2018-10-07',
  '/read?asOf=2018-10-07',
  '/admin?asOf=2018-10-07',
];

for (const view of VIEWS)
  test(`${view} has no serious or critical accessibility violation`, async ({ page }) => {
    await signIn(page, 'admin', view);
    await expect(page.locator('main h1, main h2').first()).toBeVisible();
    await expect(page.locator('main')).not.toContainText('Loading');
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${view}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join('; ')}`,
      );
    expect(bad, bad.join('\n')).toEqual([]);
  });
