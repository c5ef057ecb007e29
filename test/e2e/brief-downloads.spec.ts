import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { pdfFacts } from '../../src/brief/test-support/pdf-text.js';
import { unzipTexts } from '../../src/brief/test-support/unzip.js';
import { signIn } from './support.js';

/** Clicks a download link of the brief and returns the file's name and bytes. */
async function download(page: Page, label: string): Promise<{ name: string; bytes: Buffer }> {
  const links = page.getByRole('region', { name: /The brief as of/ });
  const [file] = await Promise.all([page.waitForEvent('download'), links.getByRole('link', { name: label }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test('the question view downloads the brief of its as-of date as HTML, Word and PDF', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'viewer', '/?asOf=2018-10-07');
  await expect(page.getByRole('heading', { name: 'The brief as of 2018-10-07' })).toBeVisible();
  await expect(page.getByText('Read as known on 2018-10-07')).toBeVisible();

  const html = await download(page, 'HTML');
  expect(html.name).toBe('us-dprk-2018-brief-2018-10-07.html');
  const text = html.bytes.toString('utf8');
  expect(text).toMatch(/<title>[^<]*brief as of 2018-10-07, as known on 2018-10-07/);
  expect(text).toContain('<figure class="chart"');
  expect(text).toContain('UNMET');

  const word = await download(page, 'Word');
  expect(word.name).toBe('us-dprk-2018-brief-2018-10-07.docx');
  const doc = (await unzipTexts(word.bytes)).get('word/document.xml') ?? '';
  expect(doc).toContain('as known on 2018-10-07');
  expect(doc).toContain('✗ UNMET');

  const pdf = await download(page, 'PDF');
  expect(pdf.name).toBe('us-dprk-2018-brief-2018-10-07.pdf');
  const facts = pdfFacts(pdf.bytes);
  expect(facts.title).toMatch(/brief as of 2018-10-07, as known on 2018-10-07$/);
  expect(facts.pages).toBeGreaterThanOrEqual(5);
});

test('the downloads follow the knowledge in view: a later known-by date reads the brief in hindsight', async ({
  page,
}) => {
  await signIn(page, 'viewer', '/?asOf=2018-10-07&knownBy=2019-03-01');
  await expect(page.getByText('Read in hindsight, with what was known by 2019-03-01')).toBeVisible();
  const md = await download(page, 'Markdown');
  expect(md.name).toBe('us-dprk-2018-brief-2018-10-07.md');
  const text = md.bytes.toString('utf8');
  expect(text).toMatch(/^# /);
  expect(text).toContain('as of 2018-10-07, in hindsight, with what was known by 2019-03-01');
});
