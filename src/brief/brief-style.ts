import type { ConditionVerdict } from '../model/condition.js';
import { paint, type Style } from '../util/colour.js';
import { displayWidth, escapeControls } from '../util/escape-controls.js';
import { formatMarkdownTable, formatTableLines } from '../util/format-table.js';

/** How a brief is dressed: plain or coloured text for a terminal, or Markdown. */
export interface BriefStyle {
  /** Whether sources are cited as numbered footnotes with links (Markdown) rather than inline. */
  footnotes: boolean;
  title(s: string): string;
  heading(s: string): string;
  verdict(v: ConditionVerdict): string;
  strong(s: string): string;
  dim(s: string): string;
  item(s: string, depth?: number): string;
  table(header: string[], rows: string[][], align?: ('l' | 'r')[]): string[];
}

const VERDICT_WORD: Record<ConditionVerdict, string> = {
  met: 'MET',
  unmet: 'UNMET',
  unknown: 'UNKNOWN',
  'not-stated': 'NOT YET STATED',
};
const VERDICT_COLOUR: Record<ConditionVerdict, Style> = {
  met: 'green',
  unmet: 'red',
  unknown: 'yellow',
  'not-stated': 'dim',
};

const ALIGN = { l: 'left', r: 'right' } as const;

/**
 * Plain or coloured text. What the brief quotes from the store is escaped (a newline or an ESC in
 * a summary is shown, not obeyed); with colour on, the styles' own colour sequences pass.
 */
export function textStyle(colour: boolean): BriefStyle {
  const safe = (s: string) => escapeControls(s, { keepSgr: colour });
  return {
    footnotes: false,
    title: (s) => paint(safe(s), 'bold', colour),
    heading: (s) => (colour ? paint(safe(s), 'heading', colour) : `${safe(s)}\n${'-'.repeat(displayWidth(safe(s)))}`),
    verdict: (v) => paint(VERDICT_WORD[v], ['bold', VERDICT_COLOUR[v]], colour),
    strong: (s) => paint(safe(s), 'bold', colour),
    dim: (s) => paint(safe(s), 'dim', colour),
    item: (s, depth = 0) => `${'  '.repeat(depth + 1)}${safe(s)}`,
    table: (header, rows, align) =>
      formatTableLines(header, rows, { indent: '  ', ...(align ? { align: align.map((a) => ALIGN[a]) } : {}) }),
  };
}

export const markdownStyle: BriefStyle = {
  footnotes: true,
  title: (s) => `# ${s}`,
  heading: (s) => `## ${s}`,
  verdict: (v) => `**${VERDICT_WORD[v]}**`,
  strong: (s) => `**${s}**`,
  dim: (s) => `_${s}_`,
  item: (s, depth = 0) => `${'  '.repeat(depth)}- ${s}`,
  table: (header, rows, align) =>
    formatMarkdownTable(
      header,
      rows,
      align?.map((a) => ALIGN[a]),
    ),
};
