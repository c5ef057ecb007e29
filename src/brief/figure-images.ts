import type { BriefFigure } from './brief-figures.js';
import { escapeHtml } from './render-brief-html.js';
import type { FigureImage } from './render-brief-docx.js';
import { withChromium } from './chromium.js';

/**
 * Each figure as a PNG at twice its CSS size, drawn by the installed Chromium from the same SVG
 * and legends the HTML brief inlines: one browser for all of them, each cut to its own box.
 */
export async function drawFigureImages(figures: readonly BriefFigure[]): Promise<Map<string, FigureImage>> {
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>figures</title><style>
body { margin: 0; background: #fff; color: #1b1b1b; font-family: system-ui, sans-serif; }
.shot { display: block; width: max-content; padding: 6px; background: #fff; }
</style></head><body>${figures.map((f) => `<div class="shot" id="shot-${escapeHtml(f.id)}">${f.html}</div>`).join('\n')}</body></html>`;
  return withChromium(async (browser) => {
    await browser.open(page, { width: 800, height: 900 });
    const boxes = await browser.evaluate<{ id: string; x: number; y: number; width: number; height: number }[]>(
      `[...document.querySelectorAll('.shot')].map((e) => { const r = e.getBoundingClientRect();
        return { id: e.id.slice(5), x: r.x, y: r.y + window.scrollY, width: Math.ceil(r.width), height: Math.ceil(r.height) }; })`,
    );
    const out = new Map<string, FigureImage>();
    for (const b of boxes) {
      const png = await browser.screenshot({ x: b.x, y: b.y, width: b.width, height: b.height }, 2);
      out.set(b.id, { png: new Uint8Array(png), width: b.width, height: b.height });
    }
    return out;
  });
}
