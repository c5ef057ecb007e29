import type { FormatParser, ImportFormat } from './format-parser.js';
import { gdelt1Parser } from './gdelt1.js';
import { gdelt2Parser } from './gdelt2.js';

/** A fresh parser for one file (parsers keep per-file state: the header, the date format). */
export function createParser(format: ImportFormat): FormatParser {
  switch (format) {
    case 'gdelt1':
      return gdelt1Parser();
    case 'gdelt2':
      return gdelt2Parser();
    default:
      throw new Error(`no parser for ${format} yet`);
  }
}
