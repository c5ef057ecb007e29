import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signIn } from './support.js';

const VIEWS = ['/', '/timeline', '/reciprocity', '/commitments', '/facilities', '/review', '/read', '/admin'];

for (const view of VIEWS)
  test(`${view} has no serious or critical accessibility violation`, async ({ page }) => {
    await signIn(page, 'admin', `${view}?asOf=2018-10-07`);
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
