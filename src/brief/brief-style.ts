import type { ConditionVerdict } from '../model/condition.js';

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

const ANSI = {
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  reset: '\x1b[0m',
  underline: '\x1b[4m',
};

const VERDICT_WORD: Record<ConditionVerdict, string> = {
  met: 'MET',
  unmet: 'UNMET',
  unknown: 'UNKNOWN',
  'not-stated': 'NOT YET STATED',
};

export function textStyle(colour: boolean): BriefStyle {
  const paint = (code: string, s: string) => (colour ? `${code}${s}${ANSI.reset}` : s);
  return {
    footnotes: false,
    title: (s) => paint(ANSI.bold, s),
    heading: (s) => (colour ? paint(ANSI.bold + ANSI.underline, s) : `${s}\n${'-'.repeat(s.length)}`),
    verdict: (v) =>
      paint(
        ANSI.bold + (v === 'met' ? ANSI.green : v === 'unmet' ? ANSI.red : v === 'unknown' ? ANSI.yellow : ANSI.dim),
        VERDICT_WORD[v],
      ),
    strong: (s) => paint(ANSI.bold, s),
    dim: (s) => paint(ANSI.dim, s),
    item: (s, depth = 0) => `${'  '.repeat(depth + 1)}${s}`,
    table: (header, rows, align) => alignedTable(header, rows, align).map((l) => `  ${l}`),
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
  table: (header, rows, align) => [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`),
  ],
};

function alignedTable(header: string[], rows: string[][], align?: ('l' | 'r')[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (align?.[i] === 'r' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
