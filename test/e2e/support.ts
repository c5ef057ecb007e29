import { type APIRequestContext, type Browser, expect, type Page } from '@playwright/test';

export const PASSWORD = 'correct horse battery staple';
export const CASE = 'us-dprk-2018';

/** Signs in through the sign-in form the server shows a browser with no session. */
export async function signIn(page: Page, name: 'admin' | 'analyst' | 'viewer', path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(`${name} (${name})`)).toBeVisible();
}

export async function signedInPage(browser: Browser, name: 'admin' | 'analyst' | 'viewer', path = '/'): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, name, path);
  return page;
}

/** The CSRF token a change made with the session cookie must carry. */
export async function csrf(request: APIRequestContext): Promise<string> {
  const s = (await (await request.get('/api/session')).json()) as { csrfToken: string };
  return s.csrfToken;
}

/** The card of one condition in the question view, found by its heading. */
export function conditionCard(page: Page, heading: string | RegExp) {
  return page.locator('section.condition').filter({ has: page.getByRole('heading', { name: heading }) });
}
