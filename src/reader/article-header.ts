import { isIsoDate } from '../model/iso-date.js';

/**
 * What an article says about itself before its text: a header of `Key: value` lines ended by a
 * blank line (`Title:`, `URL:`, `Publisher:`, `Date:`), or, in HTML, its `<title>`, canonical link
 * and Open Graph tags. `parley read` records these as the source of what it reads.
 */
export interface ArticleHeader {
  title?: string;
  url?: string;
  publisher?: string;
  date?: string;
  /** Characters of the plain-text header to leave out of the text read (0 for HTML). */
  length: number;
}

const KEYS: Record<string, 'title' | 'url' | 'publisher' | 'date'> = {
  title: 'title',
  headline: 'title',
  url: 'url',
  link: 'url',
  source: 'publisher',
  publisher: 'publisher',
  date: 'date',
  published: 'date',
};

const LINE = /^([A-Za-z]+):[ \t]*(.*?)[ \t]*$/;

/** The header at the start of `head` (the first few kilobytes of the article). */
export function parseArticleHeader(head: string): ArticleHeader {
  const text = head.replace(/^\uFEFF/, '');
  return /^\s*</.test(text) ? htmlHeader(text) : plainHeader(text, head.length - text.length);
}

function plainHeader(text: string, bom: number): ArticleHeader {
  const out: ArticleHeader = { length: 0 };
  let at = 0;
  let lines = 0;
  for (;;) {
    const end = text.indexOf('\n', at);
    const line = (end < 0 ? text.slice(at) : text.slice(at, end)).replace(/\r$/, '');
    const m = LINE.exec(line);
    const key = m ? KEYS[m[1]!.toLowerCase()] : undefined;
    if (line.trim() === '' && lines > 0) {
      out.length = bom + (end < 0 ? text.length : end + 1);
      return out;
    }
    if (!m || !key || end < 0) return { length: 0 };
    const value = m[2]!;
    if (key === 'date') {
      if (isIsoDate(value.slice(0, 10))) out.date = value.slice(0, 10);
    } else if (value !== '') out[key] = value;
    lines++;
    at = end + 1;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

function unescapeHtml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, e: string) => ENTITIES[e]!).trim();
}

function meta(html: string, name: string): string | undefined {
  const re = new RegExp(
    `<meta\\s+[^>]*(?:property|name)\\s*=\\s*["']${name}["'][^>]*content\\s*=\\s*["']([^"']*)["']|<meta\\s+[^>]*content\\s*=\\s*["']([^"']*)["'][^>]*(?:property|name)\\s*=\\s*["']${name}["']`,
    'i',
  );
  const m = re.exec(html);
  const v = m?.[1] ?? m?.[2];
  return v ? unescapeHtml(v) : undefined;
}

function htmlHeader(html: string): ArticleHeader {
  const out: ArticleHeader = { length: 0 };
  const title = meta(html, 'og:title') ?? /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1];
  if (title && unescapeHtml(title)) out.title = unescapeHtml(title);
  const canonical = /<link\s+[^>]*rel\s*=\s*["']canonical["'][^>]*href\s*=\s*["']([^"']+)["']/i.exec(html)?.[1];
  const url = meta(html, 'og:url') ?? (canonical ? unescapeHtml(canonical) : undefined);
  if (url) out.url = url;
  const publisher = meta(html, 'og:site_name');
  if (publisher) out.publisher = publisher;
  const date = meta(html, 'article:published_time')?.slice(0, 10);
  if (date && isIsoDate(date)) out.date = date;
  return out;
}
