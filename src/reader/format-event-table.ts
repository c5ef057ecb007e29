import { type Cell, formatTableLines } from '../util/format-table.js';
import { quoteStart, type ReadEvent } from './read-article.js';

/**
 * Events as an aligned table for people. The quote is cut to a window around the matched words,
 * which are highlighted (inverse video) when `colour` is on, and bracketed otherwise.
 */
const QUOTE_WIDTH = 90;

function excerpt(e: ReadEvent, sentenceStart: number, colour: boolean): Cell {
  const q = e.quote;
  const a = Math.max(0, Math.min(q.length, e.span[0] - sentenceStart));
  const b = Math.max(a, Math.min(q.length, e.span[1] - sentenceStart));
  let from = 0;
  let to = q.length;
  if (q.length > QUOTE_WIDTH) {
    from = Math.max(0, a - 30);
    to = Math.min(q.length, from + QUOTE_WIDTH);
  }
  const pre = (from > 0 ? '…' : '') + q.slice(from, a);
  const hit = q.slice(a, b);
  const post = q.slice(b, to) + (to < q.length ? '…' : '');
  return colour ? [pre, { text: hit, style: 'inverse' }, post] : `${pre}[${hit}]${post}`;
}

export function formatEventTable(events: ReadEvent[], colour: boolean, sentenceStarts?: Map<number, number>): string {
  const head = ['doc', 'sent', 'date', 'source', 'target', 'code', 'mode', 'conf', 'rule', 'quote'];
  const hasDoc = events.some((e) => e.doc !== undefined);
  const rows = events.map((e): Cell[] => {
    // Without the sentence offset, find the matched words in the quote by their span length.
    const start = sentenceStarts?.get(e.sentence) ?? guessSentenceStart(e);
    return [
      e.doc ?? '',
      String(e.sentence),
      e.date,
      e.source,
      e.target ?? '-',
      e.code,
      e.mode,
      e.confidence.toFixed(2),
      e.rule,
      excerpt(e, start, colour),
    ];
  });
  const cols = hasDoc ? head : head.slice(1);
  const body = hasDoc ? rows : rows.map((r) => r.slice(1));
  return formatTableLines(cols, body, { colour }).join('\n');
}

function guessSentenceStart(e: ReadEvent): number {
  return quoteStart(e) ?? e.span[0];
}
