import type { Source } from '../model/event.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2018-09` as `September 2018`; a day stays as it is. */
export function sourceDateWords(date: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(date);
  return m ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : date;
}

/** A source in full: "Title", Publisher, date, link (a URL as a link in Markdown; left out with `withLink` false). */
export function citationText(s: Source, markdown: boolean, withLink = true): string {
  const parts = [
    s.title ? `"${s.title}"` : '',
    s.publisher,
    s.date ? sourceDateWords(s.date) : '',
    s.link && withLink ? linkText(s.link, markdown) : '',
  ].filter(Boolean);
  const quote = s.quote ? `: "${s.quote}"` : '';
  return `${parts.join(', ')}${quote}`;
}

function linkText(link: string, markdown: boolean): string {
  if (!/^https?:\/\//.test(link)) return link;
  return markdown ? `<${link}>` : link;
}

/**
 * The sources a brief cites. In text they are named inline (publisher and date); in Markdown
 * each gets a numbered footnote with its title, date and link, listed once at the end.
 */
export class Citations {
  readonly #notes: string[] = [];
  readonly #index = new Map<string, number>();

  constructor(readonly footnotes: boolean) {}

  /** The mark for a list of sources: ` (Yonhap 2018-10-07)` in text, `[^3][^4]` in Markdown. */
  cite(sources: readonly Source[] | undefined): string {
    if (!sources?.length) return '';
    if (!this.footnotes) {
      const first = sources[0]!;
      return ` (${first.publisher}${first.date ? ` ${sourceDateWords(first.date)}` : ''})`;
    }
    return sources.map((s) => `[^${this.#number(s)}]`).join('');
  }

  #number(s: Source): number {
    const text = citationText(s, true);
    let n = this.#index.get(text);
    if (n === undefined) {
      this.#notes.push(text);
      n = this.#notes.length;
      this.#index.set(text, n);
    }
    return n;
  }

  /** The footnote definitions, for the end of a Markdown brief; nothing in text. */
  lines(): string[] {
    if (!this.footnotes || this.#notes.length === 0) return [];
    return ['', '## Sources', '', ...this.#notes.map((t, i) => `[^${i + 1}]: ${t}`)];
  }
}
