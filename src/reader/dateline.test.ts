import { describe, expect, it } from 'vitest';
import { parseArticleHeader } from './article-header.js';
import { parseDateline } from './dateline.js';
import { loadLexicon } from './lexicon.js';
import { readArticle } from './read-article.js';

const lx = loadLexicon();

describe('wire datelines', () => {
  it('give the place, the day (the year from the date given) and the agency', () => {
    expect(parseDateline('SEOUL, Oct. 8 (Yonhap) -- North Korea said ...', lx, '2018-10-10')).toEqual({
      place: 'SEOUL',
      date: '2018-10-08',
      publisher: 'Yonhap',
      length: 26,
    });
    expect(parseDateline('WASHINGTON (Reuters) - The United States ...', lx)).toMatchObject({
      place: 'WASHINGTON',
      publisher: 'Reuters',
    });
    expect(parseDateline('KYIV, Ukraine, March 3, 2022 (AP) — Russian troops ...', lx)).toMatchObject({
      place: 'KYIV',
      date: '2022-03-03',
      publisher: 'AP',
    });
    expect(parseDateline('GENEVA -- Talks resumed.', lx)).toMatchObject({ place: 'GENEVA' });
    expect(parseDateline('SEOUL, Oct. 8 (Yonhap) -- ...', lx)).toMatchObject({ needsYear: true });
  });

  it('are not a sentence that opens with a name or an acronym', () => {
    expect(parseDateline('Seoul said on Monday that ...', lx, '2018-10-08')).toBeUndefined();
    expect(parseDateline('NATO - the alliance - met.', lx, '2018-10-08')).toBeUndefined();
  });

  it('date the article ("on Sunday" from the dateline) and name no actor', () => {
    const text =
      'SEOUL, Oct. 8 (Yonhap) -- U.S. Secretary of State Mike Pompeo met North Korean leader Kim Jong Un in Pyongyang on Sunday.';
    const r = readArticle(text, { date: '2018-10-12' });
    expect(r.dateline?.publisher).toBe('Yonhap');
    expect(r.date).toBe('2018-10-08');
    expect(r.events.map((e) => `${e.source} ${e.target} ${e.code} ${e.date}`)).toEqual([
      'USAGOV PRK 042 2018-10-07',
      'PRKGOV USAGOV 043 2018-10-07',
    ]);
    expect(r.warnings).toEqual([
      'the dateline dates the article 2018-10-08, not 2018-10-12; events are dated from the dateline',
    ]);
  });
});

describe("an article's own header", () => {
  it('is read from "Key: value" lines before a blank line', () => {
    const h = parseArticleHeader(
      'Title: Pompeo in Pyongyang\nURL: https://example.org/a\nPublisher: Yonhap\nDate: 2018-10-08\n\nText.',
    );
    expect(h).toEqual({
      title: 'Pompeo in Pyongyang',
      url: 'https://example.org/a',
      publisher: 'Yonhap',
      date: '2018-10-08',
      length: 90,
    });
    expect(parseArticleHeader('Japan said: talks are over.\n\nMore.')).toEqual({ length: 0 });
  });

  it('is read from HTML title and Open Graph tags', () => {
    const html =
      '<html><head><title>Talks &amp; more</title><meta property="og:site_name" content="Yonhap"><link rel="canonical" href="https://en.yna.co.kr/x"><meta property="article:published_time" content="2018-10-08T09:00:00Z"></head><body><p>Text.</p></body></html>';
    expect(parseArticleHeader(html)).toEqual({
      title: 'Talks & more',
      url: 'https://en.yna.co.kr/x',
      publisher: 'Yonhap',
      date: '2018-10-08',
      length: 0,
    });
  });
});
