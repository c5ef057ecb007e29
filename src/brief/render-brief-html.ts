import type { Brief } from './brief.js';
import { type BriefBlock, blockStyle, parseBriefBlocks, type Run, runsText } from './brief-blocks.js';
import type { BriefFigure, FigureSection } from './brief-figures.js';
import { BRIEF_CSS } from './brief-css.js';
import { renderBrief } from './render-brief.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const VERDICT_WORD: Record<string, string> = {
  met: 'MET',
  unmet: 'UNMET',
  unknown: 'UNKNOWN',
  'not-stated': 'NOT YET STATED',
};
/** A sign beside each verdict's word, so the badge is read without its colour. */
const VERDICT_SIGN: Record<string, string> = { met: '✓', unmet: '✗', unknown: '?', 'not-stated': '–' };

function runHtml(r: Run): string {
  switch (r.kind) {
    case 'verdict':
      return `<span class="verdict verdict-${r.verdict}">${VERDICT_SIGN[r.verdict]} ${VERDICT_WORD[r.verdict]}</span>`;
    case 'footnote':
      return `<sup class="fn"><a href="#source-${r.n}">${r.n}</a></sup>`;
    case 'link':
      return `<a href="${escapeHtml(r.url)}">${escapeHtml(r.url)}</a>`;
    default: {
      let s = escapeHtml(r.text);
      if (r.strong) s = `<strong>${s}</strong>`;
      if (r.dim) s = `<span class="dim">${s}</span>`;
      return s;
    }
  }
}

function runsHtml(runs: readonly Run[]): string {
  return runs.map(runHtml).join('');
}

function tableHtml(b: Extract<BriefBlock, { kind: 'table' }>): string {
  const cls = (i: number) => (b.align[i] === 'r' ? ' class="num"' : '');
  const head = b.header.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join('');
  const body = b.rows
    .map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Consecutive items as nested lists, by their depth; a nested list opens inside its parent's item. */
function listHtml(items: readonly Extract<BriefBlock, { kind: 'item' }>[]): string {
  const base = Math.min(...items.map((it) => it.depth));
  let out = '<ul>';
  let depth = 0;
  items.forEach((it, i) => {
    // A list never goes down more than one level at a time: a deeper item follows its parent.
    const d = i === 0 ? 0 : Math.min(it.depth - base, depth + 1);
    if (d > depth) out += '<ul>';
    else {
      if (i > 0) out += '</li>';
      for (; depth > d; depth--) out += '</ul></li>';
    }
    depth = d;
    out += `<li>${runsHtml(it.runs)}`;
  });
  out += '</li>';
  for (; depth > 0; depth--) out += '</ul></li>';
  return `${out}</ul>`;
}

export function figureHtml(f: BriefFigure, n: number): string {
  return `<figure class="chart" id="figure-${f.id}">
<figcaption><strong>Figure ${n}. ${escapeHtml(f.title)}</strong></figcaption>
${f.html}
<p class="caption">${escapeHtml(f.caption)}</p>
</figure>`;
}

const SECTION_OF: [RegExp, FigureSection | 'other'][] = [
  [/^Reciprocity/, 'reciprocity'],
  [/^Commitments/, 'commitments'],
  [/^Facilities/, 'facilities'],
  [/^Indicators/, 'indicators'],
  [/./, 'other'],
];

function sectionOf(heading: string): FigureSection | 'other' {
  return SECTION_OF.find(([re]) => re.test(heading))![1];
}

export type PlacedBlock = BriefBlock | { kind: 'figure'; figure: BriefFigure; n: number };

/**
 * The brief's blocks with its figures placed, numbered, at the end of the sections they
 * illustrate; a figure whose section the brief did not print goes at the end rather than nowhere.
 */
export function placeFigures(blocks: readonly BriefBlock[], figures: readonly BriefFigure[]): PlacedBlock[] {
  const out: PlacedBlock[] = [];
  let section: FigureSection | 'other' = 'headline';
  const placed = new Set<BriefFigure>();
  const flush = (which: FigureSection | 'other' | null) => {
    for (const f of figures.filter((x) => (which === null || x.section === which) && !placed.has(x))) {
      placed.add(f);
      out.push({ kind: 'figure', figure: f, n: placed.size });
    }
  };
  for (const b of blocks) {
    if (b.kind === 'heading') {
      flush(section);
      section = sectionOf(b.text);
    }
    out.push(b);
  }
  flush(section);
  flush(null);
  return out;
}

/** The body: blocks in order, lists grouped, sections opened at each heading. */
function bodyHtml(blocks: readonly PlacedBlock[]): string {
  const out: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'heading') {
      const id = b.text === 'Sources' ? ' id="sources"' : '';
      out.push(`</section>\n<section${id}>\n<h2>${runsHtml(b.runs)}</h2>`);
    } else if (b.kind === 'figure') out.push(figureHtml(b.figure, b.n));
    else if (b.kind === 'title') out.push(`<h1>${runsHtml(b.runs)}</h1>`);
    else if (b.kind === 'paragraph') out.push(`<p>${runsHtml(b.runs)}</p>`);
    else if (b.kind === 'table') out.push(tableHtml(b));
    else if (b.kind === 'footnote')
      out.push(`<p class="source" id="source-${b.n}"><span class="n">${b.n}.</span> ${runsHtml(b.runs)}</p>`);
    else if (b.kind === 'item') {
      const items: Extract<BriefBlock, { kind: 'item' }>[] = [];
      for (; i < blocks.length && blocks[i]!.kind === 'item'; i++) items.push(blocks[i] as (typeof items)[number]);
      i--;
      out.push(listHtml(items));
    }
  }
  return `<section>\n${out.join('\n')}\n</section>`;
}

/**
 * The brief as one self-contained HTML page: the Markdown brief's every line, laid out, with the
 * charts inlined as SVG after the sections they illustrate, sources as numbered footnotes with
 * links, and print styles. It loads nothing: no script, font, image or style from outside.
 */
export function renderBriefHtml(brief: Brief, figures: readonly BriefFigure[]): string {
  const blocks = parseBriefBlocks(renderBrief(brief, blockStyle));
  const title = blocks.find((b) => b.kind === 'title');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="parley brief --format html">
<title>${escapeHtml(title ? runsText(title.runs) : brief.case.title)}</title>
<style>${BRIEF_CSS}</style>
</head>
<body>
<main>
${bodyHtml(placeFigures(blocks, figures))}
</main>
</body>
</html>
`;
}
