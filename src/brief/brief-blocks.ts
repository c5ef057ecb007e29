import { CONDITION_VERDICTS, type ConditionVerdict } from '../model/condition.js';
import { isOneOf, notOneOf } from '../model/one-of.js';
import type { BriefStyle } from './brief-style.js';

/**
 * The brief as blocks, for the formats that lay it out (HTML, Word). They are read back from the
 * very text `renderBrief` writes, dressed by `blockStyle` with private-use marks instead of
 * Markdown, so every line of the Markdown brief is in them and nothing is worked out twice.
 */
export type Run =
  | { kind: 'text'; text: string; strong: boolean; dim: boolean }
  | { kind: 'verdict'; verdict: ConditionVerdict }
  | { kind: 'footnote'; n: number }
  | { kind: 'link'; url: string };

export type BriefBlock =
  | { kind: 'title'; runs: Run[] }
  | { kind: 'heading'; runs: Run[]; text: string }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'item'; depth: number; runs: Run[] }
  | { kind: 'table'; header: string[]; rows: string[][]; align: ('l' | 'r')[] }
  | { kind: 'footnote'; n: number; runs: Run[] }
  | { kind: 'break' };

// Unicode private-use characters: they never occur in case data, so they cannot be confused with it.
const MARK = {
  strongOpen: '\uE000',
  strongClose: '\uE001',
  dimOpen: '\uE002',
  dimClose: '\uE003',
  verdict: '\uE004',
  end: '\uE005',
  title: '\uE010',
  heading: '\uE011',
  item: '\uE012',
  table: '\uE014',
} as const;

/** The style `renderBrief` is given to produce text that `parseBriefBlocks` reads back. */
export const blockStyle: BriefStyle = {
  footnotes: true,
  title: (s) => MARK.title + s,
  heading: (s) => MARK.heading + s,
  verdict: (v) => MARK.verdict + v + MARK.end,
  strong: (s) => MARK.strongOpen + s + MARK.strongClose,
  dim: (s) => MARK.dimOpen + s + MARK.dimClose,
  item: (s, depth = 0) => `${MARK.item}${depth}${MARK.end}${s}`,
  table: (header, rows, align) => [MARK.table + JSON.stringify({ header, rows, align: align ?? [] })],
};

const INLINE = new RegExp(
  `(${MARK.strongOpen}|${MARK.strongClose}|${MARK.dimOpen}|${MARK.dimClose}|${MARK.verdict}[a-z-]+${MARK.end}|\\[\\^\\d+\\]|<https?://[^>\\s]+>)`,
);

/** The verdict a badge mark names; only `marks.verdict` writes them, so another word is a bug. */
function verdictOf(word: string): ConditionVerdict {
  if (!isOneOf(CONDITION_VERDICTS, word))
    throw new Error(`brief text: verdict badge ${notOneOf(CONDITION_VERDICTS, word)}`);
  return word;
}

/** The inline runs of a line: text (strong, dim), verdict badges, footnote marks and links. */
export function parseRuns(line: string): Run[] {
  const runs: Run[] = [];
  let strong = false;
  let dim = false;
  for (const part of line.split(INLINE)) {
    if (part === '') continue;
    if (part === MARK.strongOpen || part === MARK.strongClose) strong = part === MARK.strongOpen;
    else if (part === MARK.dimOpen || part === MARK.dimClose) dim = part === MARK.dimOpen;
    else if (part.startsWith(MARK.verdict)) runs.push({ kind: 'verdict', verdict: verdictOf(part.slice(1, -1)) });
    else if (/^\[\^\d+\]$/.test(part)) runs.push({ kind: 'footnote', n: Number(part.slice(2, -1)) });
    else if (/^<https?:\/\//.test(part)) runs.push({ kind: 'link', url: part.slice(1, -1) });
    else runs.push({ kind: 'text', text: part, strong, dim });
  }
  return runs;
}

/** The plain words of some runs (verdicts in capitals, footnotes as [n]). */
export function runsText(runs: readonly Run[]): string {
  return runs
    .map((r) =>
      r.kind === 'text'
        ? r.text
        : r.kind === 'verdict'
          ? r.verdict.toUpperCase()
          : r.kind === 'link'
            ? r.url
            : `[${r.n}]`,
    )
    .join('');
}

function parseLine(line: string): BriefBlock {
  if (line === '') return { kind: 'break' };
  const first = line[0];
  if (first === MARK.title) return { kind: 'title', runs: parseRuns(line.slice(1)) };
  if (first === MARK.heading) {
    const runs = parseRuns(line.slice(1));
    return { kind: 'heading', runs, text: runsText(runs) };
  }
  if (first === MARK.item) {
    const end = line.indexOf(MARK.end);
    return { kind: 'item', depth: Number(line.slice(1, end)), runs: parseRuns(line.slice(end + 1)) };
  }
  if (first === MARK.table) return { kind: 'table', ...JSON.parse(line.slice(1)) };
  // The citations' own Markdown: a `## Sources` heading and `[^n]: text` definitions.
  if (line.startsWith('## ')) return { kind: 'heading', runs: parseRuns(line.slice(3)), text: line.slice(3) };
  const note = /^\[\^(\d+)\]: (.*)$/.exec(line);
  if (note) return { kind: 'footnote', n: Number(note[1]), runs: parseRuns(note[2]!) };
  return { kind: 'paragraph', runs: parseRuns(line) };
}

/** Reads the text `renderBrief(brief, blockStyle)` wrote back into blocks. */
export function parseBriefBlocks(text: string): BriefBlock[] {
  return text.replace(/\n$/, '').split('\n').map(parseLine);
}
