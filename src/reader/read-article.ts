import type { ActorDictionary } from '../cameo/actor-dictionary-types.js';
import { loadActorDictionary } from '../cameo/actor-dictionary.js';
import { UsageError } from '../model/errors.js';
import { type IsoDate, isIsoDate } from '../model/iso-date.js';
import { buildActorIndex } from './actor-index.js';
import { analyseText } from './analyse-text.js';
import { newArticleContext } from './article-context.js';
import { type ArticleReading, QUOTE_STARTS, readOne } from './article-reader.js';
import { cleanText } from './clean-text.js';
import { type Dateline, parseDateline } from './dateline.js';
import type { Mode } from './detect-mode.js';
import { detectEnglish } from './detect-english.js';
import type { SentenceTrace } from './explain.js';
import { type Lexicon, loadLexicon } from './lexicon.js';
import { loadPatterns, type PatternIndex } from './load-patterns.js';
import { loadPlaces } from './places.js';
import { type Chunk, splitChunks, splitChunksAsync } from './split-chunks.js';

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
  /** The pattern, its conversion and the steps that fired: `visit.fly+intent: subject.nearest-left, mode.future`. */
  rule: string;
}

export interface ReadOptions {
  /** The article's date, YYYY-MM-DD (a wire dateline that gives the day takes its place). */
  date: string;
  id?: string;
  dictionary?: ActorDictionary;
  /** Patterns to use instead of `data/reader/patterns.tsv` (tests, experiments). */
  patterns?: PatternIndex;
  /** Word lists and tables to use instead of `data/reader/` (tests, experiments). */
  lexicon?: Lexicon;
  /** Called once per sentence with what the reader found and why (`parley read --explain`). */
  explain?: (trace: SentenceTrace) => void;
}

export interface ReadResult {
  events: ReadEvent[];
  warnings: string[];
  /** The wire dateline the article opens with, if any ("SEOUL, Oct. 8 (Yonhap) --"). */
  dateline?: Dateline;
  /** The date events were dated from: the dateline's, or the one given. */
  date: string;
}

export function quoteStart(e: ReadEvent): number | undefined {
  return QUOTE_STARTS.get(e);
}

/**
 * Reads one article: news text to proposed events. Never throws on the text itself (empty, HTML,
 * non-English, broken bytes, huge): problems become warnings. Throws `UsageError` for a bad date,
 * which is the caller's mistake, not the document's.
 */
export function readArticle(text: string, opts: ReadOptions): ReadResult {
  const reader = new ArticleReader(opts);
  const events: ReadEvent[] = [];
  for (const chunk of splitChunks(typeof text === 'string' ? text : '')) events.push(...reader.read(chunk));
  return { ...reader.finish(), events };
}

/**
 * Reads an article that arrives in pieces (a file or stdin as a stream), handing its events to
 * `onEvents` chunk by chunk, so that neither the text nor its events are held whole: memory stays
 * flat in the article's size. Returns what `readArticle` returns, without the events.
 */
export async function readArticleStream(
  pieces: AsyncIterable<string> | Iterable<string>,
  opts: ReadOptions,
  onEvents: (events: ReadEvent[]) => Promise<void> | void,
): Promise<Omit<ReadResult, 'events'>> {
  const reader = new ArticleReader(opts);
  for await (const chunk of splitChunksAsync(pieces)) {
    const events = reader.read(chunk);
    if (events.length > 0) await onEvents(events);
  }
  return reader.finish();
}

/**
 * One article read chunk by chunk. Each raw chunk is cleaned on its own; offsets (`span`) are in
 * the cleaned text of the whole article, its chunks joined by a blank line.
 */
class ArticleReader {
  readonly #opts: ReadOptions;
  readonly #lx: Lexicon;
  readonly #warnings: string[] = [];
  #reading: ArticleReading | undefined;
  #dateline: Dateline | undefined;
  /** Whether a non-empty chunk has been seen, and whether the text was judged not English. */
  #started = false;
  #foreign = false;
  #offset = 0;
  #sentences = 0;

  constructor(opts: ReadOptions) {
    if (!isIsoDate(opts.date))
      throw new UsageError(`the article date "${opts.date}" is not a calendar date in the form YYYY-MM-DD`);
    this.#opts = opts;
    this.#lx = opts.lexicon ?? loadLexicon();
  }

  read(chunk: Chunk): ReadEvent[] {
    let cleaned = cleanText(chunk.text);
    if (cleaned === '' || this.#foreign) return [];
    if (!this.#started) {
      this.#started = true;
      cleaned = this.#start(cleaned);
      if (this.#foreign) return [];
    }
    const ar = this.#reading!;
    const offset = this.#offset;
    this.#offset += cleaned.length + 2;
    const sentences = analyseText(cleaned, offset, this.#sentences);
    this.#sentences += sentences.length;
    for (const s of sentences) readOne(ar, s);
    const events = ar.events;
    ar.events = [];
    return events;
  }

  /** The first text: its language, its dateline (blanked so that it names no actor), the reading's state. */
  #start(cleaned: string): string {
    const lx = this.#lx;
    const opts = this.#opts;
    const lang = detectEnglish(cleaned, lx);
    if (!lang.english) {
      this.#foreign = true;
      this.#warn(`the text does not look like English (score ${lang.score.toFixed(2)}); no events read`);
      return cleaned;
    }
    this.#dateline = parseDateline(cleaned, lx, opts.date);
    const date = this.#dateline?.date ?? opts.date;
    if (Math.abs(Date.parse(date) - Date.parse(opts.date)) > 2 * 86_400_000)
      this.#warn(`the dateline dates the article ${date}, not ${opts.date}; events are dated from the dateline`);
    const dictionary = opts.dictionary ?? loadActorDictionary();
    this.#reading = {
      opts,
      date,
      lx,
      // Places (non-capital cities) belong to the project's data; a dictionary passed in stands alone.
      index: buildActorIndex(dictionary, opts.dictionary ? [] : loadPlaces()),
      patterns: opts.patterns ?? loadPatterns(),
      ctx: newArticleContext(date),
      storyDate: undefined,
      met: new Map(),
      events: [],
    };
    const n = this.#dateline?.length ?? 0;
    return n > 0 ? ' '.repeat(n) + cleaned.slice(n) : cleaned;
  }

  #warn(message: string): void {
    this.#warnings.push(`${this.#opts.id ? `document ${this.#opts.id}: ` : ''}${message}`);
  }

  finish(): Omit<ReadResult, 'events'> {
    if (!this.#started) this.#warn('the text is empty; nothing to read');
    const out: Omit<ReadResult, 'events'> = {
      warnings: this.#warnings,
      date: (this.#reading?.date ?? this.#opts.date) as IsoDate,
    };
    if (this.#dateline) out.dateline = this.#dateline;
    return out;
  }
}
