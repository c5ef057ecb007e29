import { inflateSync } from 'node:zlib';

/**
 * What a test needs to know of a PDF Chromium printed: its page count, page size, title and text.
 * The text is read the way Chromium writes it: glyph ids in hex strings, mapped back to Unicode by
 * the ToUnicode map of the font each string is set in.
 */
export interface PdfFacts {
  pages: number;
  mediaBox: number[];
  title: string;
  text: string;
}

/** Each stream object's number and inflated data. */
function streams(buf: Buffer): Map<number, string> {
  const s = buf.toString('latin1');
  const out = new Map<number, string>();
  const re = /(\d+) 0 obj\s*<<((?:[^<>]|<<[^<>]*>>|<[^<>]*>)*)>>\s*stream\r?\n/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = m.index + m[0].length;
    const data = buf.subarray(start, s.indexOf('endstream', start));
    try {
      out.set(Number(m[1]), (/FlateDecode/.test(m[2]!) ? inflateSync(data) : data).toString('latin1'));
    } catch {
      // Not every stream inflates (images, fonts with other filters): they hold no text.
    }
  }
  return out;
}

function unicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => Number.parseInt(x, 16)));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1]!.matchAll(/<([0-9A-F]+)>\s*<([0-9A-F]+)>\s*<([0-9A-F]+)>/gi)) {
      const [lo, hi, first] = [Number.parseInt(m[1]!, 16), Number.parseInt(m[2]!, 16), Number.parseInt(m[3]!, 16)];
      for (let g = lo; g <= hi; g++) map.set(g, String.fromCodePoint(first + g - lo));
    }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1]!.matchAll(/<([0-9A-F]+)>\s*<([0-9A-F]+)>/gi))
      map.set(Number.parseInt(m[1]!, 16), hex(m[2]!));
  return map;
}

/**
 * Each font's glyph map by the font's object number. Chromium names a font in a page's resources
 * after its object (/F4 is object 4), and each font (regular, bold, fallbacks) numbers its own glyphs.
 */
function fontMaps(s: string, all: Map<number, string>): Map<number, Map<number, string>> {
  const maps = new Map<number, Map<number, string>>();
  // A font's dictionary is short and holds no nested stream, so its ToUnicode is within a few lines.
  for (const m of s.matchAll(
    /(\d+) 0 obj\s*<<\s*\/Type \/Font\b((?:(?!endobj)[\s\S]){0,400}?)\/ToUnicode (\d+) 0 R/g,
  )) {
    const cmap = all.get(Number(m[3]));
    if (cmap) maps.set(Number(m[1]), unicodeMap(cmap));
  }
  return maps;
}

/** The text of one content stream: each hex string decoded with the font last set by Tf. */
function contentText(stream: string, maps: Map<number, Map<number, string>>): string {
  let font = new Map<number, string>();
  const out: string[] = [];
  for (const m of stream.matchAll(/\/F(\d+) [\d.]+ Tf|<([0-9A-F]+)>|\bBT\b/gi)) {
    if (m[1]) font = maps.get(Number(m[1])) ?? new Map();
    else if (m[2]) out.push((m[2].match(/.{4}/g) ?? []).map((g) => font.get(Number.parseInt(g, 16)) ?? '').join(''));
    else out.push('\n');
  }
  return out.join('');
}

export function pdfFacts(buf: Buffer): PdfFacts {
  const s = buf.toString('latin1');
  const counts = [...s.matchAll(/\/Type\s*\/Pages[\s\S]{0,200}?\/Count (\d+)/g)].map((m) => Number(m[1]));
  const box = /\/MediaBox\s*\[([^\]]+)\]/.exec(s)?.[1]?.trim().split(/\s+/).map(Number) ?? [];
  const titleHex = /\/Title\s*<FEFF([0-9A-F]*)>/i.exec(s)?.[1] ?? '';
  const title = String.fromCharCode(...(titleHex.match(/.{4}/g) ?? []).map((x) => Number.parseInt(x, 16)));
  const all = streams(buf);
  const maps = fontMaps(s, all);
  const text = [...all.values()]
    .filter((x) => /\bTj\b|\bTJ\b/.test(x))
    .map((x) => contentText(x, maps))
    .join('\n');
  return { pages: Math.max(0, ...counts), mediaBox: box, title, text };
}
