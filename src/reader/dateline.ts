import type { IsoDate } from '../model/iso-date.js';
import type { Lexicon } from './lexicon.js';
import { monthDay } from './resolve-date.js';

/**
 * A wire dateline opening an article: "SEOUL, Oct. 8 (Yonhap) --", "WASHINGTON (Reuters) -",
 * "KYIV, Ukraine (AP) —", "GENEVA --". It gives where the story was filed, often the day it was
 * published and the agency that published it; it names no actor of the story.
 */
export interface Dateline {
  /** The place as written ("SEOUL"). */
  place: string;
  /** The publication date it gives, when it gives a month and a day (the year from `near` if absent). */
  date?: IsoDate;
  /** The agency in parentheses ("Yonhap"). */
  publisher?: string;
  /** Characters it takes at the start of the text, dash and spaces included. */
  length: number;
  /** The dateline gives a month and day but no year, and no date was given to place it. */
  needsYear?: boolean;
}

const compiled = new WeakMap<Lexicon, RegExp>();

function datelinePattern(lx: Lexicon): RegExp {
  const hit = compiled.get(lx);
  if (hit) return hit;
  const months = [...lx.months.keys()].sort((a, b) => b.length - a.length).join('|');
  const re = new RegExp(
    `^(?<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})` +
      `(?:, (?<region>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}))?` +
      `(?:,? (?<month>${months})\\.? (?<day>\\d{1,2})(?:, (?<year>\\d{4}))?)?` +
      ` ?(?:\\((?<publisher>[^()\\n]{2,60})\\))?` +
      ` ?(?<dash>--|—|–|-|:) +`,
    'i',
  );
  compiled.set(lx, re);
  return re;
}

/** The dateline at the start of `text`, if there is one; `near` places a dateline without a year. */
export function parseDateline(text: string, lx: Lexicon, near?: IsoDate): Dateline | undefined {
  const m = datelinePattern(lx).exec(text.slice(0, 200));
  const g = m?.groups;
  if (!m || !g) return undefined;
  // The place is written in capitals ("SEOUL"), not a sentence's first word ("Seoul said ...").
  if (g.place !== g.place!.toUpperCase() || g.place!.replace(/[^A-Z]/g, '').length < 2) return undefined;
  // A dash alone after a word in capitals ("NATO - the alliance") is no dateline; a date, an agency
  // or the wire's double dash makes one.
  if (!g.month && !g.publisher && (g.dash === '-' || g.dash === ':')) return undefined;
  const d: Dateline = { place: g.place!, length: m[0].length };
  if (g.publisher) d.publisher = g.publisher.trim();
  if (g.month && g.day) {
    const month = lx.months.get(g.month.toLowerCase());
    const year = g.year ? Number(g.year) : undefined;
    if (month !== undefined && (year !== undefined || near !== undefined)) {
      const date = monthDay(near ?? `${year}-01-01`, month, Number(g.day), 'past', year);
      if (date) d.date = date;
    } else if (month !== undefined) d.needsYear = true;
  }
  return d;
}
