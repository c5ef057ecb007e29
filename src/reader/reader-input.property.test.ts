import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from './clean-text.js';
import { readArticle } from './read-article.js';
import { isDocumentError, readDocuments, type DocumentError, type DocumentResult } from './read-documents.js';
import { TEST_DICTIONARY } from './test-dictionary.js';

/**
 * Properties of the reader's input cleaning (issue 9, general defences): whatever text arrives
 * (broken bytes, lone surrogates, control characters, half tags, stray entities, bad JSON lines),
 * reading never throws and never hangs, and a well-formed sentence or document after it is read.
 */

const opts = { date: '2018-10-08', dictionary: TEST_DICTIONARY };

/** Pieces the cleaning treats specially, mixed with letters, so that runs of them form real hostile text. */
const hostilePiece = fc.constantFrom(
  '<',
  '>',
  '</p',
  '<p>',
  '<script>',
  '</script',
  '<style',
  '<!--',
  '-->',
  '<a href="',
  '&',
  '&amp;',
  '&#0;',
  '&#xD800;',
  '&#99999999;',
  '&nbsp',
  '\u0000',
  '\u001b[2J',
  '\u0085',
  '\uFFFD',
  '\uD800',
  '\uDC00',
  '\r',
  '\r\n',
  '\n',
  '\t',
  '"',
  '“',
  "'",
  '.',
  ' ',
  'x',
  'Mr.',
  'Japan',
);
const hostile = fc.array(hostilePiece, { maxLength: 200 }).map((parts) => parts.join(''));
/** Any UTF-16 code units at all, lone surrogates included. */
const anyUnits = fc.string({ unit: 'binary', maxLength: 300 });
/** Bytes decoded as UTF-8, as a file of broken bytes arrives. */
const anyBytes = fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a).toString('utf8'));
const junk = fc.oneof(hostile, anyUnits, anyBytes);

/** Enough plain English after the junk for the language check, then the sentence that must be read. */
const GOOD =
  '\n\nOfficials said on Monday that the talks with the other side would go on, and that they had been useful for both of them.\n\nJapan criticized China.\n';

const isMove = (e: { source: string; target: string | null; code: string; quote: string }) =>
  e.source === 'JPN' && e.target === 'CHN' && e.code === '111' && e.quote === 'Japan criticized China.';

describe("the reader's input, whatever it holds", () => {
  it('cleaning leaves no control character, broken byte or carriage return, and no space at either end', () => {
    fc.assert(
      fc.property(fc.oneof(junk, fc.string({ unit: 'grapheme', maxLength: 300 })), (raw) => {
        const text = cleanText(raw);
        expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFD]/);
        expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        expect(text).toBe(text.trim());
      }),
      { numRuns: 500 },
    );
  });

  it('an article: a well-formed sentence after arbitrary text is read', () => {
    fc.assert(
      fc.property(junk, (bad) => {
        const r = readArticle(bad + GOOD, opts);
        expect(r.events.filter(isMove)).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });

  it('--docs: a good document after arbitrary lines is read, and each bad line is reported with its number', async () => {
    const line = fc.oneof(
      junk.map((s) => s.replace(/[\r\n]/g, ' ')),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .record({ id: fc.jsonValue(), date: fc.string({ maxLength: 12 }), text: fc.jsonValue() })
        .map((o) => JSON.stringify(o)),
    );
    const good = JSON.stringify({ id: 'good', date: '2018-10-08', text: GOOD });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 8 }), async (bad) => {
        async function* lines(): AsyncGenerator<string> {
          yield* [...bad, good];
        }
        const out: Array<DocumentResult | DocumentError> = [];
        for await (const r of readDocuments(lines(), { dictionary: TEST_DICTIONARY })) out.push(r);
        const last = out[out.length - 1]!;
        expect(isDocumentError(last)).toBe(false);
        expect((last as DocumentResult).id).toBe('good');
        expect((last as DocumentResult).line).toBe(bad.length + 1);
        expect((last as DocumentResult).events.filter(isMove)).toHaveLength(1);
        for (const e of out.filter(isDocumentError)) expect(e.line).toBeLessThanOrEqual(bad.length);
      }),
      { numRuns: 150 },
    );
  });
});
