import { describe, expect, it } from 'vitest';
import { cleanText } from './clean-text.js';
import { detectEnglish } from './detect-english.js';
import { readArticle } from './read-article.js';
import { splitChunks } from './split-chunks.js';
import { TEST_DICTIONARY } from './test-dictionary.js';

const opts = { date: '2018-10-08', dictionary: TEST_DICTIONARY };

describe('bad input', () => {
  it('empty and blank text give no events and a warning', () => {
    for (const t of ['', '   \n\n ', '<p></p>']) {
      const r = readArticle(t, opts);
      expect(r.events).toEqual([]);
      expect(r.warnings[0]).toMatch(/empty/);
    }
  });

  it('strips HTML tags, scripts and entities', () => {
    const html =
      '<html><head><style>p{}</style><script>var x = "<p>";</script></head><body><p>Japan&nbsp;imposed sanctions on <b>Iran</b> &amp; Syria.</p></body></html>';
    expect(cleanText(html)).toBe('Japan imposed sanctions on Iran & Syria.');
    const r = readArticle(html, opts);
    expect(r.events.map((e) => `${e.source} ${e.target} ${e.code}`)).toEqual(['JPN IRN 163', 'JPN SYR 163']);
  });

  it('replaces broken bytes and control characters', () => {
    const broken = Buffer.concat([
      Buffer.from('Japan criticized '),
      Buffer.from([0xff, 0xfe, 0x00, 0x07]),
      Buffer.from(' China.'),
    ]).toString('utf8');
    const cleaned = cleanText(`${broken}\uD800`);
    expect(cleaned).not.toMatch(/[\uFFFD\u0000\u0007\uD800]/);
    expect(readArticle(broken, opts).events.map((e) => e.code)).toEqual(['111']);
  });

  it('non-English text gives no events and a warning', () => {
    const de =
      'Die Bundesregierung hat am Sonntag neue Sanktionen gegen den Iran verhängt, teilte das Außenministerium in Berlin mit. Die Maßnahmen treten sofort in Kraft.';
    const r = readArticle(de, opts);
    expect(r.events).toEqual([]);
    expect(r.warnings[0]).toMatch(/English/);
    expect(detectEnglish('북한은 일요일 미사일을 발사했다. 한국 정부는 이를 규탄했다.').english).toBe(false);
    expect(
      detectEnglish('Japan criticized China on Sunday, and the ministers said the talks would go on.').english,
    ).toBe(true);
  });

  it('reads a huge text in bounded chunks with offsets into the whole text', () => {
    const para = 'Japan criticized China on Sunday. Officials said the talks were useful.\n\n';
    const text = para.repeat(3000); // ~220 KB
    const chunks = [...splitChunks(text, 20_000)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.every((c) => c.text.length <= 20_000)).toBe(true);
    expect(chunks.map((c) => c.text).join('')).toBe(text);
    const before = process.memoryUsage().heapUsed;
    const r = readArticle(text, opts);
    const grown = process.memoryUsage().heapUsed - before;
    expect(r.events).toHaveLength(3000);
    const cleaned = cleanText(text);
    const last = r.events[r.events.length - 1]!;
    expect(cleaned.slice(last.span[0], last.span[1])).toBe('criticized');
    expect(last.sentence).toBe(5998);
    // wink's analysis of the whole text at once would hold hundreds of MB; chunks keep it small.
    expect(grown).toBeLessThan(200 * 1024 * 1024);
  });

  it('rejects a bad article date as a usage error', () => {
    expect(() => readArticle('Japan criticized China.', { ...opts, date: '2018-13-01' })).toThrow(/YYYY-MM-DD/);
  });
});
