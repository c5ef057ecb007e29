import type { ActorDictionary } from '../cameo/actor-dictionary-types.js';
import { loadActorDictionary } from '../cameo/actor-dictionary.js';
import { isIsoDate } from '../model/iso-date.js';
import { UsageError } from '../model/errors.js';
import { buildActorIndex } from './actor-index.js';
import { analyseText } from './analyse-text.js';
import { cleanText } from './clean-text.js';
import type { Mode } from './detect-mode.js';
import { detectEnglish } from './detect-english.js';
import { findMentions, newArticleContext, type ArticleContext } from './find-mentions.js';
import { partyOf } from '../model/actor-code.js';
import { type Lexicon, loadLexicon } from './lexicon.js';
import { loadPatterns, type PatternIndex } from './load-patterns.js';
import { addQuoteSpeakers } from './quote-speaker.js';
import { readSentence, type SentenceEvent } from './read-sentence.js';
import { resolveDate } from './resolve-date.js';
import { loadPlaces } from './places.js';
import { splitChunks } from './split-chunks.js';
import type { Token } from './token.js';

export interface ReadEvent {
  doc?: string;
  sentence: number;
  date: string;
  source: string;
  target: string | null;
  code: string;
  mode: Mode;
  quote: string;
  span: [number, number];
  confidence: number;
  rule: string;
}

export interface ReadOptions {
  /** The article's date, YYYY-MM-DD. */
  date: string;
  id?: string;
  dictionary?: ActorDictionary;
  /** Patterns to use instead of `data/reader/patterns.tsv` (tests, experiments). */
  patterns?: PatternIndex;
  /** Word lists and tables to use instead of `data/reader/` (tests, experiments). */
  lexicon?: Lexicon;
}

export interface ReadResult {
  events: ReadEvent[];
  warnings: string[];
}

/** Where each event's quote starts in the document, for highlighting (kept off the public shape). */
const QUOTE_STARTS = new WeakMap<ReadEvent, number>();

export function quoteStart(e: ReadEvent): number | undefined {
  return QUOTE_STARTS.get(e);
}

function pairKey(a: string, b: string): string {
  const [x, y] = [partyOf(a), partyOf(b)];
  return x < y ? `${x}|${y}` : `${y}|${x}`;
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(b) - Date.parse(a)) / 86_400_000;
}

const FORCE_ROOTS = new Set(['18', '19', '20']);
const FORCE_NOUNS = new Set([
  'strike',
  'strikes',
  'attack',
  'attacks',
  'bombing',
  'bombings',
  'shelling',
  'killing',
  'killings',
  'raid',
  'raids',
  'invasion',
  'assault',
  'offensive',
  'incursion',
  'massacre',
  'barrage',
  'airstrike',
  'airstrikes',
  'bombardment',
]);

/**
 * "Russian missiles struck Odesa ... Washington condemned the strike": criticism of "the strike"
 * (a definite act of force, named by no one in its own sentence) is aimed at whoever the article
 * last reported using force.
 */
function aimAtAuthorOfForce(found: SentenceEvent[], tokens: Token[], ctx: ArticleContext): void {
  if (ctx.lastForce === undefined) return;
  for (const e of found) {
    if (e.target !== null || !e.code.startsWith('11') || partyOf(e.source) === partyOf(ctx.lastForce)) continue;
    let k = e.tokenSpan[1] + 1;
    const det = tokens[k]?.lower;
    if (det !== 'the' && det !== 'this' && det !== 'that' && det !== 'these' && det !== 'those') continue;
    k++;
    while (k < tokens.length && k <= e.tokenSpan[1] + 5 && tokens[k]!.pos === 'ADJ') k++;
    if (FORCE_NOUNS.has(tokens[k]?.lower ?? '') && tokens[k + 1]?.lower !== 'on' && tokens[k + 1]?.lower !== 'by')
      e.target = ctx.lastForce;
  }
}

/** A quote longer than this is cut (with an ellipsis) so one run-on "sentence" cannot bloat output. */
const MAX_QUOTE = 1000;

/**
 * Reads one article: news text to proposed events. Never throws on the text itself (empty, HTML,
 * non-English, broken bytes, huge): problems become warnings. Throws `UsageError` for a bad date,
 * which is the caller's mistake, not the document's.
 */
export function readArticle(text: string, opts: ReadOptions): ReadResult {
  if (!isIsoDate(opts.date))
    throw new UsageError(`the article date "${opts.date}" is not a calendar date in the form YYYY-MM-DD`);
  const warnings: string[] = [];
  const events: ReadEvent[] = [];
  const where = opts.id ? `document ${opts.id}: ` : '';
  const cleaned = cleanText(typeof text === 'string' ? text : '');
  if (cleaned === '') {
    warnings.push(`${where}the text is empty; nothing to read`);
    return { events, warnings };
  }
  const lang = detectEnglish(cleaned);
  if (!lang.english) {
    warnings.push(`${where}the text does not look like English (score ${lang.score.toFixed(2)}); no events read`);
    return { events, warnings };
  }
  const dictionary = opts.dictionary ?? loadActorDictionary();
  // Places (non-capital cities) belong to the project's data; a dictionary passed in stands alone.
  const index = buildActorIndex(dictionary, opts.dictionary ? [] : loadPlaces());
  const patterns = opts.patterns ?? loadPatterns();
  const lexicon = opts.lexicon ?? loadLexicon();
  const ctx = newArticleContext(opts.date);
  let sentenceIndex = 0;
  /** The date of the last sentence that named one, for sentences that continue its scene. */
  let storyDate: string | undefined;
  /** Pairs of parties that met, and the sentence that first said so. */
  const met = new Map<string, number>();
  for (const chunk of splitChunks(cleaned)) {
    const sentences = analyseText(chunk.text, chunk.offset, sentenceIndex);
    sentenceIndex += sentences.length;
    for (const s of sentences) {
      const all = findMentions(s.tokens, index, ctx, lexicon);
      // (places come last in the list, so one look at its end tells whether there are any)
      const places = all.length > 0 && all[all.length - 1]!.place ? all.filter((m) => m.place) : [];
      const mentions = addQuoteSpeakers(lexicon, s.tokens, places.length > 0 ? all.filter((m) => !m.place) : all);
      if (mentions.length === 0) continue;
      const found = readSentence(s, mentions, patterns, places);
      if (found.length === 0) continue;
      aimAtAuthorOfForce(found, s.tokens, ctx);
      // Subjects are the likeliest referents of a later "he"/"she" (Trump praised Kim. He ...).
      for (const e of found) if (e.sourcePerson) ctx.lastPerson = e.source;
      // Several actors acting together are "they" in the next sentence.
      const group = [
        ...new Set(found.filter((e) => e.mode === 'asserted' || e.mode === 'reported').map((e) => e.source)),
      ];
      if (group.length >= 2) ctx.lastGroup = group;
      // An act that ran both ways names the two sides of the story ("both sides" later).
      const mutual = found.find(
        (e) =>
          e.target !== null &&
          (e.mode === 'asserted' || e.mode === 'reported') &&
          found.some((f) => f.source === e.target && f.target === e.source && f.code === e.code),
      );
      if (mutual) ctx.lastPair = [mutual.source, mutual.target!];
      const force = found.find(
        (e) => (e.mode === 'asserted' || e.mode === 'reported') && FORCE_ROOTS.has(e.code.slice(0, 2)),
      );
      if (force) ctx.lastForce = force.source;
      const seen = new Set<string>();
      // One date look-up per sentence and direction (the regexes are the costly part).
      const dates = new Map<string, string>();
      let explicitPast: boolean | undefined;
      const dateFor = (dir: 'past' | 'future'): string => {
        let d = dates.get(dir);
        if (d === undefined) {
          const r = resolveDate(s.text, opts.date, dir);
          d = r.date;
          dates.set(dir, d);
          if (dir === 'past') explicitPast = r.explicit;
        }
        return d;
      };
      const quote = s.text.length > MAX_QUOTE ? `${s.text.slice(0, MAX_QUOTE)}…` : s.text;
      for (const e of found) {
        // Two patterns on one act ("refused to let inspectors in") give one event.
        const key = `${e.source}|${e.target}|${e.code}|${e.mode}`;
        if (seen.has(key)) continue;
        seen.add(key);
        // "Trump met Kim in Singapore. The two leaders shook hands ...": the same meeting told again
        // through "the two leaders" / "they" is no new event (talks or mediation still are).
        if (
          e.anaphoric &&
          e.target !== null &&
          e.code.startsWith('04') &&
          e.code !== '045' &&
          e.code !== '046' &&
          met.has(pairKey(e.source, e.target)) &&
          met.get(pairKey(e.source, e.target)) !== s.index
        )
          continue;
        if (
          e.target !== null &&
          e.code.startsWith('04') &&
          (e.mode === 'asserted' || e.mode === 'reported') &&
          !met.has(pairKey(e.source, e.target))
        )
          met.set(pairKey(e.source, e.target), s.index);
        const dir =
          e.mode === 'intended' || e.code.startsWith('03') || (e.code.startsWith('13') && false) ? 'future' : 'past';
        // Intent is announced now; the date of an intent event is when it was expressed.
        let date = e.code.startsWith('03') && e.rule.endsWith('+intent') ? dateFor('past') : dateFor(dir);
        // "Pompeo met Kim on Sunday. The two men spent two hours in talks": a sentence whose actors
        // are referred back to continues the scene of the last dated sentence.
        if (dir === 'past' && e.anaphoric && storyDate !== undefined && explicitPast === false) date = storyDate;
        const ev: ReadEvent = {
          sentence: s.index,
          date: date > opts.date && dir === 'past' ? opts.date : date,
          source: e.source,
          target: e.target,
          code: e.code,
          mode: e.mode,
          quote,
          span: [s.tokens[e.tokenSpan[0]]!.start, s.tokens[e.tokenSpan[1]]!.end],
          confidence: e.confidence,
          rule: e.rule,
        };
        if (opts.id !== undefined) ev.doc = opts.id;
        QUOTE_STARTS.set(ev, s.start);
        events.push(ev);
      }
      if (explicitPast === undefined) dateFor('past');
      // (only a day of the last week sets the scene: "in May" is background, not the story's day)
      if (explicitPast) {
        const d = dates.get('past')!;
        storyDate = d <= opts.date && daysBetween(d, opts.date) <= 7 ? d : undefined;
      }
    }
  }
  return { events, warnings };
}
