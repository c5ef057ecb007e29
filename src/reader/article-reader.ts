import type { IsoDate } from '../model/iso-date.js';
import type { ActorIndex } from './actor-index.js';
import type { ArticleContext } from './article-context.js';
import type { SentenceTrace } from './explain.js';
import { findMentions, type Mention, type SkippedMatch } from './find-mentions.js';
import type { Lexicon } from './lexicon.js';
import type { PatternIndex } from './load-patterns.js';
import { addQuoteSpeakers } from './quote-speaker.js';
import type { ReadEvent, ReadOptions } from './read-article.js';
import { readSentence, ruleOf, type SentenceEvent, type SentenceReading } from './read-sentence.js';
import { resolveDate } from './resolve-date.js';
import { aimAtAuthorOfForce, rememberSentence, repeatOf } from './rules/article-steps.js';
import type { Sentence } from './token.js';

/**
 * Reading an article sentence by sentence: each sentence's mentions and events, what it tells the
 * sentences after it, and its events dated and checked against those already read.
 */

/** Where each event's quote starts in the document, for highlighting (kept off the public shape). */
export const QUOTE_STARTS = new WeakMap<ReadEvent, number>();

/** A quote longer than this is cut (with an ellipsis) so one run-on "sentence" cannot bloat output. */
const MAX_QUOTE = 1000;

/** What reading one article keeps from sentence to sentence. */
export interface ArticleReading {
  opts: ReadOptions;
  /** The article's date: the dateline's when it gives one, else the date it was given. */
  date: IsoDate;
  lx: Lexicon;
  index: ActorIndex;
  patterns: PatternIndex;
  ctx: ArticleContext;
  /** The date of the last sentence that named one, for sentences that continue its scene. */
  storyDate: string | undefined;
  /** Pairs of parties that met, and the sentence that first said so. */
  met: Map<string, number>;
  events: ReadEvent[];
}

/** One sentence: its mentions, its events, and what it tells the sentences after it. */
export function readOne(ar: ArticleReading, s: Sentence): void {
  const { lx, ctx } = ar;
  const explain = ar.opts.explain;
  const skipped: SkippedMatch[] | undefined = explain ? [] : undefined;
  const all = findMentions(s.tokens, ar.index, ctx, lx, skipped);
  // (places come last in the list, so one look at its end tells whether there are any)
  const places = all.length > 0 && all[all.length - 1]!.place ? all.filter((m) => m.place) : [];
  const mentions = addQuoteSpeakers(lx, s.tokens, places.length > 0 ? all.filter((m) => !m.place) : all);
  if (mentions.length === 0) {
    explain?.(traceOf(s, all, skipped!, { events: [] }, [], []));
    return;
  }
  const reading = readSentence(lx, s, mentions, ar.patterns, places, explain !== undefined);
  const found = reading.events;
  aimAtAuthorOfForce(lx, found, s.tokens, ctx);
  rememberSentence(lx, found, ctx);
  const before = ar.events.length;
  const repeats = found.length > 0 ? datedEvents(ar, s, found) : [];
  explain?.(traceOf(s, [...mentions, ...places], skipped!, reading, ar.events.slice(before), repeats));
}

/** The sentence's events as read events: each dated, and none that repeats one already read. */
function datedEvents(
  ar: ArticleReading,
  s: Sentence,
  found: SentenceEvent[],
): Array<{ event: string; reason: string }> {
  const { opts, date: articleDate } = ar;
  const seen = new Set<string>();
  const repeats: Array<{ event: string; reason: string }> = [];
  const dates = sentenceDates(ar, s);
  const quote = s.text.length > MAX_QUOTE ? `${s.text.slice(0, MAX_QUOTE)}…` : s.text;
  for (const e of found) {
    const repeat = repeatOf(e, s.index, ar.met, seen);
    if (repeat) {
      repeats.push({ event: `${e.source} ${e.target ?? '-'} ${e.code} ${e.mode}`, reason: repeat });
      continue;
    }
    // Only a plan looks forward: an invitation or offer asserted in the past tense happened on the day named.
    const dir = e.mode === 'intended' ? 'future' : 'past';
    // Intent is announced now; the date of an intent event is when it was expressed.
    let date = e.code.startsWith('03') && e.conversion === 'intent' ? dates.get('past') : dates.get(dir);
    // "Pompeo met Kim on Sunday. The two men spent two hours in talks": a sentence whose actors
    // are referred back to continues the scene of the last dated sentence.
    if (dir === 'past' && e.anaphoric && ar.storyDate !== undefined && dates.explicitPast === false)
      date = ar.storyDate;
    const ev: ReadEvent = {
      sentence: s.index,
      date: date > articleDate && dir === 'past' ? articleDate : date,
      source: e.source,
      target: e.target,
      code: e.code,
      mode: e.mode,
      quote,
      span: [s.tokens[e.tokenSpan[0]]!.start, s.tokens[e.tokenSpan[1]]!.end],
      confidence: e.confidence,
      rule: ruleOf(e),
    };
    if (opts.id !== undefined) ev.doc = opts.id;
    QUOTE_STARTS.set(ev, s.start);
    ar.events.push(ev);
  }
  // (only a day of the last week sets the scene: "in May" is background, not the story's day)
  if (dates.explicitPast) {
    const d = dates.get('past');
    ar.storyDate = d <= articleDate && daysBetween(d, articleDate) <= 7 ? d : undefined;
  }
  return repeats;
}

interface SentenceDates {
  get(dir: 'past' | 'future'): string;
  /** Whether the sentence itself gives a past date (resolved on first use). */
  readonly explicitPast: boolean;
}

/** One date look-up per sentence and direction (the regexes are the costly part). */
function sentenceDates(ar: ArticleReading, s: Sentence): SentenceDates {
  const cache = new Map<string, { date: string; explicit: boolean }>();
  const get = (dir: 'past' | 'future') => {
    let r = cache.get(dir);
    if (r === undefined) {
      r = resolveDate(s.text, ar.date, dir, ar.lx);
      cache.set(dir, r);
    }
    return r;
  };
  return {
    get: (dir) => get(dir).date,
    get explicitPast() {
      return get('past').explicit;
    },
  };
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(b) - Date.parse(a)) / 86_400_000;
}

function traceOf(
  s: Sentence,
  mentions: Mention[],
  skipped: SkippedMatch[],
  reading: SentenceReading,
  kept: ReadEvent[],
  repeats: Array<{ event: string; reason: string }>,
): SentenceTrace {
  const words = (from: number, to: number) =>
    s.text.slice(s.tokens[from]!.start - s.start, s.tokens[to - 1]!.end - s.start);
  return {
    sentence: s.index,
    text: s.text,
    mentions: [...mentions, ...skipped.map((k) => ({ ...k, code: '-', prep: '', place: false }))].map((m) => ({
      words: words(m.start, m.end),
      code: m.code,
      rule: m.rule,
      prep: m.prep,
      place: m.place === true,
    })),
    candidates: (reading.candidates ?? []).map((c) => ({ ...c, word: s.tokens[c.at]!.text })),
    kept,
    dropped: [
      ...(reading.dropped ?? []).map((d) => ({
        event: `${d.event.source} ${d.event.target ?? '-'} ${d.event.code} ${d.event.mode}`,
        reason: d.reason,
      })),
      ...repeats,
    ],
  };
}
