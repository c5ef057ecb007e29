import type { ReadEvent } from './read-article.js';

/**
 * What `parley read --explain` prints for each sentence: the mentions found (and the step that
 * made each), every pattern tried and what came of it, and the events kept or dropped, with the
 * step that decided.
 */
export interface SentenceTrace {
  sentence: number;
  text: string;
  mentions: Array<{ words: string; code: string; rule: string; prep: string; place: boolean }>;
  candidates: Array<{
    pattern: string;
    word: string;
    outcome: 'kept' | 'no-event' | 'dropped';
    reason: string;
    steps: string[];
  }>;
  kept: ReadEvent[];
  dropped: Array<{ event: string; reason: string }>;
}

export function formatTrace(t: SentenceTrace): string {
  const lines = [`sentence ${t.sentence}: ${t.text}`];
  if (t.mentions.length === 0) lines.push('  mentions: none');
  for (const m of t.mentions)
    lines.push(
      `  mention  ${m.words} = ${m.code}${m.prep ? ` (after "${m.prep}")` : ''}${m.place ? ' [place]' : ''}  by ${m.rule}`,
    );
  for (const c of t.candidates)
    lines.push(`  pattern  ${c.pattern} at "${c.word}": ${c.outcome}${c.reason ? ` (${c.reason})` : ''}`);
  for (const e of t.kept)
    lines.push(`  kept     ${e.source} ${e.target ?? '-'} ${e.code} ${e.mode} ${e.confidence.toFixed(2)}  ${e.rule}`);
  for (const d of t.dropped) lines.push(`  dropped  ${d.event}  by ${d.reason}`);
  return lines.join('\n');
}
