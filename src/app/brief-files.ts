import { existsSync } from 'node:fs';
import { chromiumPath } from '../brief/chromium.js';
import { buildBrief } from '../brief/build-brief.js';
import type { Brief } from '../brief/brief.js';
import { type BriefFigureData, drawBriefFigures } from '../brief/brief-figures.js';
import { renderBriefHtml } from '../brief/render-brief-html.js';
import { drawFigureImages } from '../brief/figure-images.js';
import { renderBriefDocx } from '../brief/render-brief-docx.js';
import { renderBrief } from '../brief/render-brief.js';
import { markdownStyle } from '../brief/brief-style.js';
import { printPdf } from '../brief/print-pdf.js';
import { worldOutline } from '../brief/world-outline.js';
import { ensureBuiltinCase } from '../case/builtin-cases.js';
import { nodeChartDocument } from '../charts/node-document.js';
import type { Store } from '../store/store.js';
import { collectBriefFigureData } from './brief-figure-data.js';
import type { CaseBriefOptions } from './build-brief.js';
import { withRecordedStore } from './recorded-store.js';

export { BRIEF_FILE_FORMATS, type BriefFile, type BriefFileFormat } from './brief-file-format.js';
import type { BriefFile, BriefFileFormat } from './brief-file-format.js';

/** A brief and the series its charts draw, both from the record as it stands or as it stood on `recordedOn`. */
export async function briefWithFigureData(
  store: Store,
  options: CaseBriefOptions,
): Promise<{ brief: Brief; data: BriefFigureData }> {
  await ensureBuiltinCase(store, options.caseId);
  const { recordedOn, ...briefOptions } = options;
  const read = async (s: Store) => {
    const brief = await buildBrief(s, briefOptions);
    return { brief, data: await collectBriefFigureData(s, brief) };
  };
  return recordedOn === undefined ? read(store) : withRecordedStore(store, options.caseId, recordedOn, read);
}

/** The HTML brief: every line of the Markdown brief laid out, with its charts, in one self-contained page. */
export function briefHtml(brief: Brief, data: BriefFigureData): string {
  const figures = drawBriefFigures(brief, data, { document: nodeChartDocument(), world: worldOutline() });
  return renderBriefHtml(brief, figures);
}

/** The brief of a case as an HTML, Word, PDF or Markdown file. PDF and the Word file's charts need Chromium. */
export async function briefFile(store: Store, options: CaseBriefOptions, format: BriefFileFormat): Promise<BriefFile> {
  const { brief, data } = await briefWithFigureData(store, options);
  const fileName = `${brief.case.id}-brief-${brief.asOf}.${format}`;
  // The Markdown brief is `parley brief --format md`: text to paste into a message, without charts.
  if (format === 'md')
    return {
      bytes: new TextEncoder().encode(renderBrief(brief, markdownStyle)),
      contentType: 'text/markdown; charset=utf-8',
      fileName,
    };
  const figures = drawBriefFigures(brief, data, { document: nodeChartDocument(), world: worldOutline() });
  if (format === 'docx') {
    // Without Chromium the Word brief still has every line and caption; it says where each chart would be.
    const chromium = existsSync(chromiumPath());
    const images = chromium ? await drawFigureImages(figures) : new Map();
    const missing = `chart not drawn: Chromium, which draws the charts as images, is not installed at ${chromiumPath()} (apt-get install chromium)`;
    return {
      bytes: await renderBriefDocx(brief, figures, images, missing),
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      fileName,
    };
  }
  const html = renderBriefHtml(brief, figures);
  if (format === 'pdf') return { bytes: await printPdf(html), contentType: 'application/pdf', fileName };
  return { bytes: new TextEncoder().encode(html), contentType: 'text/html; charset=utf-8', fileName };
}
