import { addDays, daysInMonth, toDayNumber, type IsoDate } from '../model/iso-date.js';

/**
 * Date resolution: the day an event happened, from the article date and the words of its
 * sentence. Past-tense events look back from the article date, future ones forward. Month-level
 * and week-level expressions resolve to their first day (last week → the Monday of that week), a
 * convention stated here once so every caller gets the same answer.
 */
export type Direction = 'past' | 'future';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_ABBR: Record<string, number> = {};
MONTHS.forEach((m, i) => {
  MONTH_ABBR[m] = i + 1;
  MONTH_ABBR[m.slice(0, 3)] = i + 1;
});
MONTH_ABBR.sept = 9;

const MONTH_RE =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const MONTH_DAY = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'i');
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}(?:,?\\s+(\\d{4}))?\\b`, 'i');
const IN_MONTH = new RegExp(
  `\\b(?:in|since|during|by|until|early|late|mid-?)\\s+(?:early\\s+|late\\s+|mid-?)?${MONTH_RE}(?:,?\\s+(\\d{4}))?\\b`,
  'i',
);
const WEEKDAY =
  /\b(?:(last|next|this|on|from|until|by|since|late|early)\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i;
const RELATIVE =
  /\b(yesterday|today|tonight|tomorrow|this morning|this afternoon|this evening|earlier (?:today|this week|this month|this year)|(?:last|next|this|past|coming) (?:week|month|year|weekend)|(\d+|two|three|four|five|six|seven|eight|nine|ten) (days|weeks|months|years) (ago|later|from now))\b/i;

const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

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
function monthDay(article: IsoDate, month: number, day: number, dir: Direction, year?: number): IsoDate | undefined {
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

export function resolveDate(sentence: string, article: IsoDate, dir: Direction): ResolvedDate {
  let m: RegExpExecArray | null;
  if ((m = ISO.exec(sentence))) return { date: m[0], explicit: true };
  if ((m = MONTH_DAY.exec(sentence))) {
    const d = monthDay(
      article,
      MONTH_ABBR[m[1]!.toLowerCase().replace('.', '')] ?? 1,
      Number(m[2]),
      dir,
      m[3] ? Number(m[3]) : undefined,
    );
    if (d) return { date: d, explicit: true };
  }
  if ((m = DAY_MONTH.exec(sentence))) {
    const d = monthDay(
      article,
      MONTH_ABBR[m[2]!.toLowerCase().replace('.', '')] ?? 1,
      Number(m[1]),
      dir,
      m[3] ? Number(m[3]) : undefined,
    );
    if (d) return { date: d, explicit: true };
  }
  if ((m = WEEKDAY.exec(sentence))) {
    const mod = m[1]?.toLowerCase();
    const target = WEEKDAYS.indexOf(m[2]!.toLowerCase());
    const today = weekday(article);
    const forward = mod === 'next' || (mod !== 'last' && dir === 'future');
    let delta: number;
    if (forward) {
      delta = (target - today + 7) % 7;
      if (mod === 'next' && delta === 0) delta = 7;
    } else {
      delta = -((today - target + 7) % 7);
      if (mod === 'last' && delta === 0) delta = -7;
    }
    return { date: addDays(article, delta), explicit: true };
  }
  if ((m = RELATIVE.exec(sentence))) {
    const phrase = m[1]!.toLowerCase();
    if (phrase === 'yesterday') return { date: addDays(article, -1), explicit: true };
    if (phrase === 'tomorrow') return { date: addDays(article, 1), explicit: true };
    if (m[2]) {
      const n = NUMBER_WORDS[m[2].toLowerCase()] ?? Number(m[2]);
      const sign = m[4]!.toLowerCase() === 'ago' ? -1 : 1;
      const unit = m[3]!.toLowerCase();
      if (unit === 'days') return { date: addDays(article, sign * n), explicit: true };
      if (unit === 'weeks') return { date: addDays(article, sign * 7 * n), explicit: true };
      if (unit === 'months') return { date: addMonths(article, sign * n), explicit: true };
      return { date: ymd(parts(article)[0] + sign * n, 1, 1), explicit: true };
    }
    if (phrase.endsWith('week') || phrase.endsWith('weekend')) {
      const monday = addDays(article, -((weekday(article) + 6) % 7));
      if (phrase.startsWith('last') || phrase.startsWith('past'))
        return { date: addDays(monday, phrase.endsWith('weekend') ? -2 : -7), explicit: true };
      if (phrase.startsWith('next') || phrase.startsWith('coming'))
        return { date: addDays(monday, phrase.endsWith('weekend') ? 12 : 7), explicit: true };
      return { date: article, explicit: true };
    }
    if (phrase.endsWith('month')) {
      if (phrase.startsWith('last') || phrase.startsWith('past'))
        return { date: addMonths(article, -1), explicit: true };
      if (phrase.startsWith('next') || phrase.startsWith('coming'))
        return { date: addMonths(article, 1), explicit: true };
      return { date: article, explicit: true };
    }
    if (phrase.endsWith('year')) {
      const [y] = parts(article);
      if (phrase.startsWith('last') || phrase.startsWith('past')) return { date: ymd(y - 1, 1, 1), explicit: true };
      if (phrase.startsWith('next') || phrase.startsWith('coming')) return { date: ymd(y + 1, 1, 1), explicit: true };
      return { date: article, explicit: true };
    }
    return { date: article, explicit: true };
  }
  if ((m = IN_MONTH.exec(sentence))) {
    const month = MONTH_ABBR[m[1]!.toLowerCase().replace('.', '')] ?? 1;
    const [ay, am] = parts(article);
    let y = m[2] ? Number(m[2]) : ay;
    if (!m[2] && dir === 'past' && month > am) y -= 1;
    if (!m[2] && dir === 'future' && month < am) y += 1;
    return { date: ymd(y, month, 1), explicit: true };
  }
  return { date: article, explicit: false };
}
