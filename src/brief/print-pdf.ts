import { withChromium } from './chromium.js';

/** An HTML brief printed to PDF by the installed Chromium, on the page size its print styles set (A4). */
export async function printPdf(html: string): Promise<Uint8Array> {
  return withChromium(async (browser) => {
    await browser.open(html, { width: 900, height: 1200 });
    return new Uint8Array(await browser.pdf());
  });
}
