/**
 * Input cleaning: news text arrives with HTML left in, entities, broken bytes (U+FFFD or mojibake
 * from a wrong decoder) and control characters. The reader works on the cleaned text and reports
 * spans in it, so cleaning must be deterministic and cheap (regexes compiled once, here).
 */
const BLOCK_TAG = /<\s*\/?\s*(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|blockquote|header|footer)\b[^>]*>/gi;
const SCRIPT_STYLE = /<\s*(script|style)\b[^>]*>[\s\S]*?<\s*\/\s*\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const ANY_TAG = /<\/?[a-zA-Z][^<>]{0,500}>/g;
const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g;
// C0/C1 controls except tab and newline; carriage returns are normalised separately.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Broken bytes: the replacement character and lone surrogates.
const BROKEN = /[\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPACES = /[ \t\u00A0\u2000-\u200B\u3000]+/g;
const MANY_NEWLINES = /\n{3,}/g;

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  eacute: 'é',
  egrave: 'è',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  ccedil: 'ç',
  aacute: 'á',
  iacute: 'í',
  oacute: 'ó',
  ntilde: 'ñ',
};

function decodeEntity(whole: string, body: string): string {
  if (body.startsWith('#')) {
    const n = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return ' ';
    return String.fromCodePoint(n);
  }
  return NAMED[body] ?? NAMED[body.toLowerCase()] ?? whole;
}

/** Whether the text looks like HTML, so plain text with a stray "<" is left alone. */
function looksLikeHtml(text: string): boolean {
  return /<\/?(?:p|div|br|span|a|b|i|em|strong|li|html|body|h[1-6]|script|style)\b/i.test(text);
}

export function cleanText(raw: string): string {
  let text = raw.replace(/\r\n?/g, '\n');
  if (looksLikeHtml(text)) {
    text = text.replace(COMMENT, ' ').replace(SCRIPT_STYLE, ' ').replace(BLOCK_TAG, '\n\n').replace(ANY_TAG, '');
  }
  if (text.includes('&')) text = text.replace(ENTITY, decodeEntity);
  text = text.replace(CONTROL, ' ').replace(BROKEN, ' ');
  // Typographic quotes become plain ones so that "'s" and quote rules see one form.
  text = text.replace(/[‘’‛]/g, "'").replace(/[“”„]/g, '"');
  text = text
    .replace(SPACES, ' ')
    .replace(/ *\n */g, '\n')
    .replace(MANY_NEWLINES, '\n\n');
  return text.trim();
}
