import { addDays, daysInMonth, fromDayNumber, toDayNumber, type IsoDate } from '../model/iso-date.js';
import { type Lexicon, loadLexicon } from './lexicon.js';

/**
 * Date resolution: the day an event happened, from the article date and the words of its
 * sentence. Past-tense events look back from the article date, future ones forward. Month-level
 * and week-level expressions resolve to their first day (last week → the Monday of that week), a
 * convention stated here once so every caller gets the same answer. Month, weekday and number
 * words are data (`data/reader/word-maps.tsv`).
 */
export type Direction = 'past' | 'future';

/** The date grammar's regexes, built once per lexicon from its month, weekday and number words. */
interface DatePatterns {
  monthDay: RegExp;
  dayMonth: RegExp;
  inMonth: RegExp;
  weekday: RegExp;
  relative: RegExp;
}

const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const compiled = new WeakMap<Lexicon, DatePatterns>();

/** Longest first, so that "september" wins over "sep". */
function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

function patternsOf(lx: Lexicon): DatePatterns {
  const hit = compiled.get(lx);
  if (hit) return hit;
  const month = `(${alternation(lx.months.keys())})\\.?`;
  const numbers = alternation(lx.numbers.keys());
  const p: DatePatterns = {
    monthDay: new RegExp(`\\b${month}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'i'),
    dayMonth: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${month}(?:,?\\s+(\\d{4}))?\\b`, 'i'),
    inMonth: new RegExp(
      `\\b(?:in|since|during|by|until|early|late|mid-?)\\s+(?:early\\s+|late\\s+|mid-?)?${month}(?:,?\\s+(\\d{4}))?\\b`,
      'i',
    ),
    weekday: new RegExp(
      `\\b(?:(last|next|this|on|from|until|by|since|late|early)\\s+)?(${alternation(lx.weekdays.keys())})\\b`,
      'i',
    ),
    relative: new RegExp(
      `\\b(yesterday|today|tonight|tomorrow|this morning|this afternoon|this evening|earlier (?:today|this week|this month|this year)|(?:last|next|this|past|coming) (?:week|month|year|weekend)|(\\d+|${numbers}) (days|weeks|months|years) (ago|later|from now))\\b`,
      'i',
    ),
  };
  compiled.set(lx, p);
  return p;
}

function ymd(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function parts(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m] = parts(date);
  const total = y * 12 + (m - 1) + months;
  return ymd(Math.floor(total / 12), (total % 12) + 1, 1);
}

/** A month and day without a year: the occurrence nearest the article date in the given direction. */
export function monthDay(
  article: IsoDate,
  month: number,
  day: number,
  dir: Direction,
  year?: number,
): IsoDate | undefined {
  const [ay] = parts(article);
  const y0 = year ?? ay;
  if (day < 1 || day > daysInMonth(y0, month)) return undefined;
  let d = ymd(y0, month, day);
  if (year === undefined) {
    // A future event dated before the article date is next year's; a past one after it, last year's
    // (allowing a couple of days of slack for time zones and "this week" reporting).
    if (dir === 'past' && d > addDays(article, 2)) d = ymd(y0 - 1, month, Math.min(day, daysInMonth(y0 - 1, month)));
    if (dir === 'future' && d < addDays(article, -2)) d = ymd(y0 + 1, month, Math.min(day, daysInMonth(y0 + 1, month)));
  }
  return d;
}

export interface ResolvedDate {
  date: IsoDate;
  /** Whether the sentence held a date expression (otherwise the article date is used). */
  explicit: boolean;
}

/** What the date steps read: the sentence, the article's date, the direction, the words of dates. */
interface DateInput {
  sentence: string;
  article: IsoDate;
  dir: Direction;
  lx: Lexicon;
  re: DatePatterns;
}

/** The date steps in order; the first that finds an expression gives the date. */
const DATE_STEPS: ReadonlyArray<(d: DateInput) => IsoDate | undefined> = [
  (d) => ISO.exec(d.sentence)?.[0],
  monthThenDay,
  dayThenMonth,
  weekdayDate,
  relativeDate,
  inMonth,
];

export function resolveDate(
  sentence: string,
  article: IsoDate,
  dir: Direction,
  lx: Lexicon = loadLexicon(),
): ResolvedDate {
  const input: DateInput = { sentence, article, dir, lx, re: patternsOf(lx) };
  for (const step of DATE_STEPS) {
    const date = step(input);
    if (date !== undefined) return { date, explicit: true };
  }
  return { date: article, explicit: false };
}

function monthOf(d: DateInput, w: string): number {
  return d.lx.months.get(w.toLowerCase().replace('.', '')) ?? 1;
}

/** "May 9", "Oct. 8, 2018". */
function monthThenDay(d: DateInput): IsoDate | undefined {
  const m = d.re.monthDay.exec(d.sentence);
  return m ? monthDay(d.article, monthOf(d, m[1]!), Number(m[2]), d.dir, m[3] ? Number(m[3]) : undefined) : undefined;
}

/** "9 May", "the 9th of May 2019". */
function dayThenMonth(d: DateInput): IsoDate | undefined {
  const m = d.re.dayMonth.exec(d.sentence);
  return m ? monthDay(d.article, monthOf(d, m[2]!), Number(m[1]), d.dir, m[3] ? Number(m[3]) : undefined) : undefined;
}

/** "on Sunday" (the last one in a past sentence, the next one in a future one), "last Monday", "next Friday". */
function weekdayDate(d: DateInput): IsoDate | undefined {
  const m = d.re.weekday.exec(d.sentence);
  if (!m) return undefined;
  const mod = m[1]?.toLowerCase();
  const target = d.lx.weekdays.get(m[2]!.toLowerCase()) ?? 0;
  const today = weekday(d.article);
  const forward = mod === 'next' || (mod !== 'last' && d.dir === 'future');
  let delta: number;
  if (forward) {
    delta = (target - today + 7) % 7;
    if (mod === 'next' && delta === 0) delta = 7;
  } else {
    delta = -((today - target + 7) % 7);
    if (mod === 'last' && delta === 0) delta = -7;
  }
  return addDays(d.article, delta);
}

/** "yesterday", "three days ago", "last week" (its Monday), "next month" (its first day), "this year". */
function relativeDate(d: DateInput): IsoDate | undefined {
  const m = d.re.relative.exec(d.sentence);
  if (!m) return undefined;
  const { article } = d;
  const phrase = m[1]!.toLowerCase();
  if (phrase === 'yesterday') return addDays(article, -1);
  if (phrase === 'tomorrow') return addDays(article, 1);
  if (m[2]) {
    const n = d.lx.numbers.get(m[2].toLowerCase()) ?? Number(m[2]);
    const sign = m[4]!.toLowerCase() === 'ago' ? -1 : 1;
    const unit = m[3]!.toLowerCase();
    if (unit === 'days') return addDays(article, sign * n);
    if (unit === 'weeks') return addDays(article, sign * 7 * n);
    if (unit === 'months') return addMonths(article, sign * n);
    return ymd(parts(article)[0] + sign * n, 1, 1);
  }
  const back = phrase.startsWith('last') || phrase.startsWith('past');
  const ahead = phrase.startsWith('next') || phrase.startsWith('coming');
  if (phrase.endsWith('week') || phrase.endsWith('weekend')) {
    const monday = addDays(article, -((weekday(article) + 6) % 7));
    const weekend = phrase.endsWith('weekend');
    return back ? addDays(monday, weekend ? -2 : -7) : ahead ? addDays(monday, weekend ? 12 : 7) : article;
  }
  if (phrase.endsWith('month')) return back ? addMonths(article, -1) : ahead ? addMonths(article, 1) : article;
  if (phrase.endsWith('year')) {
    const [y] = parts(article);
    return back ? ymd(y - 1, 1, 1) : ahead ? ymd(y + 1, 1, 1) : article;
  }
  return article;
}

/** "in May", "since early March 2019": the first of the month, last year's if it lies ahead in a past sentence. */
function inMonth(d: DateInput): IsoDate | undefined {
  const m = d.re.inMonth.exec(d.sentence);
  if (!m) return undefined;
  const month = monthOf(d, m[1]!);
  const [ay, am] = parts(d.article);
  let y = m[2] ? Number(m[2]) : ay;
  if (!m[2] && d.dir === 'past' && month > am) y -= 1;
  if (!m[2] && d.dir === 'future' && month < am) y += 1;
  return ymd(y, month, 1);
}

export { fromDayNumber };
