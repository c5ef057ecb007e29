import { inflateSync } from 'node:zlib';

/**
 * What a test needs to know of a PDF Chromium printed: its page count, page size, title and text.
 * The text is read the way Chromium writes it: glyph ids in hex strings, mapped back to Unicode by
 * the fonts' ToUnicode maps (merged: the brief's fonts are one family, which shares glyph ids).
 */
export interface PdfFacts {
  pages: number;
  mediaBox: number[];
  title: string;
  text: string;
}

function streams(buf: Buffer): string[] {
  const s = buf.toString('latin1');
  const out: string[] = [];
  const re = /<<((?:[^<>]|<<[^<>]*>>|<[^<>]*>)*)>>\s*stream\r?\n/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = m.index + m[0].length;
    const data = buf.subarray(start, s.indexOf('endstream', start));
    try {
      out.push((/FlateDecode/.test(m[1]!) ? inflateSync(data) : data).toString('latin1'));
    } catch {
      // Not every stream inflates (images, fonts with other filters): they hold no text.
    }
  }
  return out;
}

function unicodeMap(cmaps: readonly string[]): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => Number.parseInt(x, 16)));
  for (const c of cmaps) {
    for (const m of c.matchAll(/<([0-9A-F]+)>\s*<([0-9A-F]+)>\s*<([0-9A-F]+)>/gi)) {
      const [lo, hi, first] = [Number.parseInt(m[1]!, 16), Number.parseInt(m[2]!, 16), Number.parseInt(m[3]!, 16)];
      for (let g = lo; g <= hi; g++) map.set(g, String.fromCodePoint(first + g - lo));
    }
    for (const block of c.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const m of block[1]!.matchAll(/<([0-9A-F]+)>\s*<([0-9A-F]+)>/gi))
        map.set(Number.parseInt(m[1]!, 16), hex(m[2]!));
  }
  return map;
}

export function pdfFacts(buf: Buffer): PdfFacts {
  const s = buf.toString('latin1');
  const counts = [...s.matchAll(/\/Type\s*\/Pages[\s\S]{0,200}?\/Count (\d+)/g)].map((m) => Number(m[1]));
  const box = /\/MediaBox\s*\[([^\]]+)\]/.exec(s)?.[1]?.trim().split(/\s+/).map(Number) ?? [];
  const titleHex = /\/Title\s*<FEFF([0-9A-F]*)>/i.exec(s)?.[1] ?? '';
  const title = String.fromCharCode(...(titleHex.match(/.{4}/g) ?? []).map((x) => Number.parseInt(x, 16)));
  const all = streams(buf);
  const map = unicodeMap(all.filter((x) => x.includes('beginbfrange') || x.includes('beginbfchar')));
  const text = all
    .filter((x) => /\bTj\b|\bTJ\b/.test(x))
    .map((x) =>
      x
        .split(/\bBT\b/)
        .map((bt) =>
          [...bt.matchAll(/<([0-9A-F]+)>/gi)]
            .map((m) => (m[1]!.match(/.{4}/g) ?? []).map((g) => map.get(Number.parseInt(g, 16)) ?? '').join(''))
            .join(''),
        )
        .join('\n'),
    )
    .join('\n');
  return { pages: Math.max(0, ...counts), mediaBox: box, title, text };
}
