import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownStyle } from '../brief/brief-style.js';
import { chromiumPath } from '../brief/chromium.js';
import { renderBrief } from '../brief/render-brief.js';
import { pdfFacts } from '../brief/test-support/pdf-text.js';
import { unzipTexts } from '../brief/test-support/unzip.js';
import { DEFAULT_CASE, ensureBuiltinCase } from '../case/builtin-cases.js';
import { openStore, type Store } from '../store/store.js';
import { briefFile, briefHtml, briefWithFigureData } from './brief-files.js';

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:');
  await ensureBuiltinCase(store, DEFAULT_CASE);
});
afterAll(() => store.close());

const decode = (b: Uint8Array) => new TextDecoder().decode(b);
/** The words of an HTML page as a reader sees them: no tags, entities read, spaces collapsed. */
function words(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>|<svg[\s\S]*?<\/svg>|<title>[\s\S]*?<\/title>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
/** A Markdown line's words: list marks, emphasis, footnote marks and table pipes taken off. */
function mdWords(line: string): string[] {
  return line
    .replace(/^\s*(- |#+ |\[\^\d+\]: )/, '')
    .replace(/\[\^\d+\]/g, '\n')
    .replace(/\*\*/g, '')
    .split(/\n|\|/)
    .map((s) =>
      s
        .replace(/^_|_$/g, '')
        .replace(/<(https?:[^>]+)>/g, '$1')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((s) => s.length > 0 && !/^-+:?$/.test(s) && !/^(MET|UNMET|UNKNOWN|NOT YET STATED)$/.test(s));
}

describe('the HTML brief', () => {
  it('holds every line of the Markdown brief, the charts as SVG, and fetches nothing', async () => {
    const { brief, data } = await briefWithFigureData(store, { caseId: DEFAULT_CASE, asOf: '2018-10-07' });
    const html = briefHtml(brief, data);
    const text = words(html);
    const md = renderBrief(brief, markdownStyle);
    for (const line of md.split('\n')) for (const w of mdWords(line)) expect(text).toContain(w.replace(/_/g, ''));
    expect(text).toContain(brief.headline!.question);
    expect(text).toContain('as known on 2018-10-07');
    expect(html).toContain('class="verdict verdict-unmet"');
    // Conditions, moves, weekly, cumulative, commitments, and the map once the case's sites have places.
    const mapped = Object.values(data.coordinates).some(Boolean);
    expect((html.match(/<figure class="chart"/g) ?? []).length).toBe(mapped ? 6 : 5);
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(6);
    // Nothing is loaded from elsewhere: no script, stylesheet, image, frame or CSS url().
    expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(|@import|src=/i);
    // Every footnote mark leads to its source, and every source has its link.
    const marks = new Set([...html.matchAll(/href="#source-(\d+)"/g)].map((m) => m[1]));
    const notes = new Set([...html.matchAll(/id="source-(\d+)"/g)].map((m) => m[1]));
    expect(marks.size).toBeGreaterThan(5);
    expect([...marks].every((n) => notes.has(n))).toBe(true);
    expect(html).toMatch(/id="source-\d+"[^\n]*<a href="https:\/\//);
  });

  it('shows what hindsight adds, as the Markdown brief does', async () => {
    const { brief, data } = await briefWithFigureData(store, {
      caseId: DEFAULT_CASE,
      asOf: '2018-10-07',
      hindsight: true,
    });
    const md = renderBrief(brief, markdownStyle);
    const heading = /^## (Not yet known on .*)$/m.exec(md)?.[1];
    expect(heading).toBeDefined();
    expect(words(briefHtml(brief, data))).toContain(heading!.replace(/\*\*/g, ''));
  });
});

describe('the map in a brief', () => {
  it('draws the key sites with a place and names those without one', async () => {
    const { brief, data } = await briefWithFigureData(store, { caseId: DEFAULT_CASE, asOf: '2018-10-07' });
    const [first, ...rest] = brief.facilities.key;
    const coordinates = Object.fromEntries(
      rest.map((f, i) => [f.id, [125 + i * 0.3, 39 + i * 0.2] as [number, number]]),
    );
    const html = briefHtml(brief, { ...data, coordinates: { ...coordinates, [first!.id]: null } });
    const map =
      /<figure class="chart" id="figure-facilities">[\s\S]*?<p class="caption">[^<]*<\/p>/.exec(html)?.[0] ?? '';
    expect(map).toContain(`The ${rest.length} key sites listed above with a known place`);
    expect(map).toContain(`Not on the map, their place not being public: ${first!.name}.`);
    expect((map.match(/<title>/g) ?? []).length).toBe(rest.length);
  });
});

const IRAN = 'iran-jcpoa';
/** The figures placed in a section of the HTML brief: from its heading to the next. */
function sectionFigures(html: string, heading: string): string[] {
  const start = html.indexOf(`<h2>${heading}</h2>`);
  const end = html.indexOf('<h2>', start + 1);
  return [
    ...html.slice(start, end === -1 ? undefined : end).matchAll(/<figure class="chart" id="figure-([a-z0-9-]+)"/g),
  ].map((m) => m[1]!);
}

describe('the indicators in an HTML brief', () => {
  it('draws a chart per indicator in the Indicators section, each with its limit and the as-of rule', async () => {
    const { brief, data } = await briefWithFigureData(store, { caseId: IRAN, asOf: '2019-07-01' });
    const html = briefHtml(brief, data);
    const ids = brief.indicators!.map((i) => `indicator-${i.id}`);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    expect(sectionFigures(html, 'Indicators')).toEqual(ids);
    const stockpile =
      /<figure class="chart" id="figure-indicator-enriched-uranium-stockpile">[\s\S]*?<p class="caption">[^<]*<\/p>/.exec(
        html,
      )![0];
    expect(stockpile).toContain('limit: at most 202.8 kg U');
    expect(stockpile).toContain('as of 2019-07-01');
    expect(stockpile).toContain('2019-07-01: above 202.8 kg U (verified), GOV/INF/2019/8');
    expect(stockpile).toContain('the figures reported by 2019-07-01');
  });

  it('leaves out a figure reported after the knowledge date, unless in hindsight', async () => {
    // GOV/2019/21 gives the stockpile on 20 May 2019 (174.1 kg) and was issued on 31 May.
    const tip = '2019-05-20: 174.1 kg U (verified)';
    const known = await briefWithFigureData(store, { caseId: IRAN, asOf: '2019-05-25' });
    const knownHtml = briefHtml(known.brief, known.data);
    expect(knownHtml).not.toContain(tip);
    expect(knownHtml).toContain('2019-02-22: 163.8 kg U (verified)');
    const later = await briefWithFigureData(store, { caseId: IRAN, asOf: '2019-05-25', hindsight: true });
    const laterHtml = briefHtml(later.brief, later.data);
    expect(laterHtml).toContain(tip);
    expect(laterHtml).toContain('every figure on record that refers to the date or before (hindsight)');
  });
});

const chromium = existsSync(chromiumPath());
if (!chromium) console.log(`PDF brief tests skipped: no Chromium at ${chromiumPath()} (apt-get install chromium)`);

describe.skipIf(!chromium)('the PDF brief', () => {
  it('prints the HTML brief on A4 pages holding its title, question and sections', async () => {
    const file = await briefFile(store, { caseId: DEFAULT_CASE, asOf: '2018-10-07' }, 'pdf');
    expect(file.fileName).toBe('us-dprk-2018-brief-2018-10-07.pdf');
    expect(decode(file.bytes.subarray(0, 5))).toBe('%PDF-');
    const pdf = pdfFacts(Buffer.from(file.bytes));
    expect(pdf.title).toMatch(/brief as of 2018-10-07, as known on 2018-10-07$/);
    // A4 in points; the brief runs to several pages, not one squeezed page nor a runaway.
    expect(pdf.mediaBox.map(Math.round)).toEqual([0, 0, 595, 842]);
    expect(pdf.pages).toBeGreaterThanOrEqual(5);
    expect(pdf.pages).toBeLessThanOrEqual(14);
    const flat = pdf.text.replace(/\s+/g, ' ');
    for (const s of ['UNMET', 'No: unmet on 2018-10-07', 'Reciprocity USA', 'Figure 1.', 'Sources'])
      expect(flat).toContain(s);
  });
});

describe('the Word brief', () => {
  it('unzips to a document holding the headline, the sources as footnotes, and a PNG per chart', async () => {
    const file = await briefFile(store, { caseId: DEFAULT_CASE, asOf: '2018-10-07' }, 'docx');
    expect(file.fileName).toBe('us-dprk-2018-brief-2018-10-07.docx');
    const parts = await unzipTexts(file.bytes);
    const doc = parts.get('word/document.xml')!;
    const { brief } = await briefWithFigureData(store, { caseId: DEFAULT_CASE, asOf: '2018-10-07' });
    expect(doc).toContain(brief.headline!.question.replace(/&/g, '&amp;'));
    expect(doc).toContain('as known on 2018-10-07');
    expect(doc).toContain('✗ UNMET');
    expect(parts.get('word/footnotes.xml')).toContain('Mike Pompeo must not visit Pyongyang');
    expect(doc).toMatch(/w:footnoteReference w:id="1"/);
    const images = [...parts.keys()].filter((k) => k.startsWith('word/media/'));
    if (chromium) {
      expect(images.length).toBeGreaterThanOrEqual(5);
      for (const k of images) expect(parts.get(k)!.slice(1, 4)).toBe('PNG');
    } else {
      expect(images).toHaveLength(0);
      expect(doc).toContain('chart not drawn: Chromium');
    }
  });
});

describe('the indicators in the PDF and Word briefs', () => {
  it.skipIf(!chromium)('prints the Indicators section with its charts in the PDF', async () => {
    const file = await briefFile(store, { caseId: IRAN, asOf: '2019-07-01' }, 'pdf');
    const flat = pdfFacts(Buffer.from(file.bytes)).text.replace(/\s+/g, ' ');
    expect(flat).toContain('Indicators');
    expect(flat).toMatch(/Figure \d+\. Iran's stock of heavy water \(t\), to 2019-07-01/);
    expect(flat).toContain('limit: at most 130 t');
  });

  it('gives the Word brief a figure per indicator, as an image where Chromium draws it', async () => {
    const file = await briefFile(store, { caseId: IRAN, asOf: '2019-07-01' }, 'docx');
    const parts = await unzipTexts(file.bytes);
    const doc = parts.get('word/document.xml')!;
    const { brief } = await briefWithFigureData(store, { caseId: IRAN, asOf: '2019-07-01' });
    const titles = [...doc.matchAll(/Figure (\d+)\. ([^<]*)</g)].map((m) =>
      m[2]!.replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
    );
    expect(
      titles.filter((t) => t.endsWith(', to 2019-07-01') && brief.indicators!.some((i) => t.startsWith(i.name))),
    ).toHaveLength(brief.indicators!.length);
    const images = [...parts.keys()].filter((k) => k.startsWith('word/media/'));
    expect(images.length).toBe(chromium ? titles.length : 0);
  });
});
