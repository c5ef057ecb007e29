import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Brief } from './brief.js';
import { type BriefBlock, blockStyle, parseBriefBlocks, type Run } from './brief-blocks.js';
import type { BriefFigure } from './brief-figures.js';
import { placeFigures } from './render-brief-html.js';
import { renderBrief } from './render-brief.js';

/** A figure drawn as a PNG (Word shows no inline SVG reliably), with its size in CSS pixels. */
export interface FigureImage {
  png: Uint8Array;
  width: number;
  height: number;
}

const VERDICT: Record<string, { text: string; fill: string; color: string }> = {
  met: { text: '✓ MET', fill: '009E73', color: 'FFFFFF' },
  unmet: { text: '✗ UNMET', fill: 'D55E00', color: 'FFFFFF' },
  unknown: { text: '? UNKNOWN', fill: 'DDDDDD', color: '000000' },
  'not-stated': { text: '– NOT YET STATED', fill: 'FFFFFF', color: '333333' },
};
/** Widest image on an A4 page inside Word's default margins, in pixels at 96 per inch. */
const PAGE_WIDTH_PX = 600;

function runs(list: readonly Run[]): ParagraphChild[] {
  return list.map((r) => {
    if (r.kind === 'verdict') {
      const v = VERDICT[r.verdict]!;
      return new TextRun({
        text: ` ${v.text} `,
        bold: true,
        color: v.color,
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: v.fill },
      });
    }
    if (r.kind === 'footnote') return new FootnoteReferenceRun(r.n);
    if (r.kind === 'link')
      return new ExternalHyperlink({ link: r.url, children: [new TextRun({ text: r.url, style: 'Hyperlink' })] });
    return new TextRun({ text: r.text, bold: r.strong, ...(r.dim ? { color: '5A5A5A', italics: true } : {}) });
  });
}

function table(b: Extract<BriefBlock, { kind: 'table' }>): Table {
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: b.align[i] === 'r' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: header, size: 19 })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: b.header.map((h, i) => cell(h, i, true)) }),
      ...b.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

function figure(f: BriefFigure, n: number, image: FigureImage | undefined, missing: string): Paragraph[] {
  const out = [
    new Paragraph({ keepNext: true, children: [new TextRun({ text: `Figure ${n}. ${f.title}`, bold: true })] }),
  ];
  if (image) {
    const scale = Math.min(1, PAGE_WIDTH_PX / image.width);
    out.push(
      new Paragraph({
        keepNext: true,
        children: [
          new ImageRun({
            type: 'png',
            data: image.png,
            transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
            altText: { name: f.title, description: f.caption, title: f.title },
          }),
        ],
      }),
    );
  } else out.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: `(${missing})`, italics: true })] }));
  out.push(new Paragraph({ children: [new TextRun({ text: f.caption, italics: true, size: 18, color: '5A5A5A' })] }));
  return out;
}

/**
 * The brief as a Word document: the same blocks as the HTML brief (so every line of the Markdown
 * brief), sources as Word footnotes with their links, charts as PNG images after their sections.
 */
export async function renderBriefDocx(
  brief: Brief,
  figures: readonly BriefFigure[],
  images: ReadonlyMap<string, FigureImage>,
  /** Said in place of a chart with no image. */
  missing = 'chart not drawn',
): Promise<Uint8Array> {
  const blocks = placeFigures(parseBriefBlocks(renderBrief(brief, blockStyle)), figures);
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  const children: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    if (b.kind === 'footnote') footnotes[b.n] = { children: [new Paragraph({ children: runs(b.runs) })] };
    // Word lists the sources as footnotes on the pages that cite them: no list of its own.
    else if (b.kind === 'heading' && b.text !== 'Sources')
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: runs(b.runs) }));
    else if (b.kind === 'title') children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: runs(b.runs) }));
    else if (b.kind === 'paragraph') children.push(new Paragraph({ children: runs(b.runs) }));
    else if (b.kind === 'item') children.push(new Paragraph({ bullet: { level: b.depth }, children: runs(b.runs) }));
    else if (b.kind === 'table') children.push(table(b));
    else if (b.kind === 'figure') children.push(...figure(b.figure, b.n, images.get(b.figure.id), missing));
  }
  const doc = new Document({
    title: brief.case.title,
    description: `Parley brief of case ${brief.case.id} as of ${brief.asOf}`,
    creator: 'parley brief --format docx',
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    footnotes,
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
