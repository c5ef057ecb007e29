import { type Lexicon, loadLexicon } from './lexicon.js';

/**
 * A cheap language check: English news prose is dense in a few function words. Texts with too
 * few of them (other languages, tables of numbers, code) are not read, with a warning. No model
 * is needed for this; it runs on the first 1,500 characters only. The words are data
 * (`english-function-words`, `foreign-function-words` in data/reader/words.tsv).
 */
const WORD = /[\p{L}']+/gu;

export interface LanguageVerdict {
  english: boolean;
  /** Share of words that are common English function words. */
  score: number;
  words: number;
}

export function detectEnglish(text: string, lx: Lexicon = loadLexicon(), sample = 1500): LanguageVerdict {
  const head = text.length > sample ? text.slice(0, sample) : text;
  let words = 0;
  let hits = 0;
  let nonLatin = 0;
  let foreign = 0;
  for (const m of head.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    words++;
    if (lx.englishFunctionWords.has(w)) hits++;
    else if (lx.foreignFunctionWords.has(w)) foreign++;
    else if (/[^\u0000-\u024F']/.test(w)) nonLatin++;
  }
  if (words === 0) return { english: false, score: 0, words };
  const score = hits / words;
  // Headlines and one-line texts may hold no function word at all ("Syrian troops attacked
  // lawmakers"); judge them by script alone.
  const threshold = words < 12 ? 0 : words < 40 ? 0.05 : 0.12;
  return { english: score >= threshold && nonLatin / words < 0.3 && foreign <= hits, score, words };
}
