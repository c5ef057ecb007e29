import type { FormatParser, ImportFormat } from './format-parser.js';
import { gdelt1Parser } from './gdelt1.js';
import { gdelt2Parser } from './gdelt2.js';
import { icewsParser } from './icews.js';
import { phoenixParser } from './phoenix.js';
import { polecatParser } from './polecat.js';
import { csvParser } from './csv.js';

/** A fresh parser for one file (parsers keep per-file state: the header, the date format). */
export function createParser(format: ImportFormat): FormatParser {
  switch (format) {
    case 'gdelt1':
      return gdelt1Parser();
    case 'gdelt2':
      return gdelt2Parser();
    case 'icews':
      return icewsParser();
    case 'polecat':
      return polecatParser();
    case 'phoenix':
      return phoenixParser();
    case 'csv':
      return csvParser();
  }
}
