import { describe, expect, it } from 'vitest';
import { compilePatterns, loadPatterns } from './load-patterns.js';
import { readArticle } from './read-article.js';
import { TEST_DICTIONARY } from './test-dictionary.js';

const moves = (text: string, date = '2019-07-02'): string[] =>
  readArticle(text, { date, dictionary: TEST_DICTIONARY })
    .events.filter((e) => e.mode === 'asserted' || e.mode === 'reported')
    .map((e) => `${e.source} ${e.target ?? '-'} ${e.code}`);

describe('action patterns', () => {
  it('cover all twenty CAMEO roots', () => {
    const roots = new Set(loadPatterns().all.map((p) => p.code.slice(0, 2)));
    const want = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0'));
    expect(want.filter((r) => !roots.has(r))).toEqual([]);
  });

  it('are indexed by the lemma of their head, most specific first', () => {
    const byHead = loadPatterns().byHead;
    const hold = byHead.get('hold')!.map((p) => p.items.length);
    expect(hold).toEqual([...hold].sort((a, b) => b - a));
    expect(byHead.get('impose')!.some((p) => p.code === '163')).toBe(true);
  });

  it('reject unknown codes and bad refinements with file and line', () => {
    expect(() => compilePatterns('x.y\t999\tdo\tobj\tV\t-\t-\tnote\n', 'p.tsv')).toThrow(/p\.tsv:1.*999/);
    expect(() => compilePatterns('x.y\t010\tdo\tobj\tV\tfoo\t-\tnote\n', 'p.tsv')).toThrow(/refinement/);
  });

  it('read light-verb nouns, nominalisations and phrasal verbs', () => {
    expect(moves('The reimposition of US sanctions on Iran took effect on Monday.')).toEqual(['USA IRN 163']);
    expect(moves('The reimposition of US sanctions on Iran will take effect on Monday.')).toEqual([]);
    expect(moves('Russia pulled out of the treaty.')).toEqual(['RUS - 160']);
    expect(moves("China turned down Japan's request.")).toEqual(['CHN JPN 1232']);
    expect(moves('Japan turned its attention to China.')).toEqual([]);
    expect(moves('Iran breached the limit on enriched uranium.')).toEqual(['IRN - 128']);
  });

  it('refine codes by what the act is about', () => {
    expect(moves('Japan demanded that Russia pull its troops out of the islands.')).toEqual(['JPN RUS 1056']);
    expect(moves('Ukraine accused Russia of atrocities.')).toEqual(['UKR RUS 1124']);
    expect(moves('Iran seized a tanker in the Gulf.')).toEqual(['IRN - 1711']);
    expect(moves('Russian artillery struck Ukrainian positions.')).toEqual(['RUS UKR 194']);
  });

  it("try a 'last' pattern only after the others of its head", () => {
    const idx = compilePatterns(
      'a.last\t0841\tfree prisoner\tobj,-\tV\t-\tlast\t\nb.plain\t0841\tfree\tobj\tV\t-\tneed\t\n',
    );
    expect(idx.byHead.get('free')!.map((p) => p.id)).toEqual(['b.plain', 'a.last']);
  });

  it('read the general families: requests to join, trade bans, releases, supplies', () => {
    expect(moves('Japan applied to join the alliance of China.')).toEqual(['JPN CHN 020']);
    expect(moves('China banned imports from Japan.')).toEqual(['CHN JPN 163']);
    expect(moves('North Korea released a statement.')).toEqual([]);
    expect(moves('North Korea released three American detainees.')).toEqual(['PRK USA 0841']);
    expect(moves('Russia supplied North Korea with tanks.')).toEqual(['RUS PRK 072']);
    expect(moves('Russia deployed troops to the border with Ukraine.')).toEqual(['RUS UKR 154']);
  });
});
