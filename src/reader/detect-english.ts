/**
 * A cheap language check: English news prose is dense in a few function words. Texts with too
 * few of them (other languages, tables of numbers, code) are not read, with a warning. No model
 * is needed for this; it runs on the first 1,500 characters only.
 */
const ENGLISH = new Set([
  'the',
  'of',
  'and',
  'to',
  'in',
  'a',
  'is',
  'was',
  'that',
  'for',
  'on',
  'with',
  'said',
  'by',
  'as',
  'it',
  'at',
  'from',
  'his',
  'her',
  'he',
  'she',
  'has',
  'have',
  'had',
  'will',
  'are',
  'were',
  'be',
  'an',
  'its',
  'their',
  'they',
  'not',
  'this',
  'after',
  'which',
  'who',
  'would',
  'been',
  'but',
]);
// Function words of other languages written in Latin script (German, French, Spanish, Italian,
// Portuguese, Dutch), none of which is an English word: they outvote the few shared ones ("in").
const FOREIGN = new Set([
  'der',
  'die',
  'das',
  'und',
  'den',
  'dem',
  'von',
  'mit',
  'nicht',
  'ist',
  'sich',
  'auch',
  'auf',
  'eine',
  'ein',
  'wurde',
  'le',
  'la',
  'les',
  'des',
  'et',
  'est',
  'du',
  'une',
  'dans',
  'pour',
  'qui',
  'sur',
  'pas',
  'avec',
  'au',
  'el',
  'los',
  'las',
  'que',
  'y',
  'del',
  'por',
  'con',
  'una',
  'para',
  'se',
  'su',
  'es',
  'lo',
  'como',
  'il',
  'di',
  'che',
  'e',
  'della',
  'per',
  'non',
  'sono',
  'gli',
  'nel',
  'da',
  'um',
  'uma',
  'não',
  'em',
  'os',
  'het',
  'een',
  'van',
  'en',
  'zijn',
  'niet',
  'op',
  'te',
  'ook',
  'wordt',
]);
const WORD = /[\p{L}']+/gu;

export interface LanguageVerdict {
  english: boolean;
  /** Share of words that are common English function words. */
  score: number;
  words: number;
}

export function detectEnglish(text: string, sample = 1500): LanguageVerdict {
  const head = text.length > sample ? text.slice(0, sample) : text;
  let words = 0;
  let hits = 0;
  let nonLatin = 0;
  let foreign = 0;
  for (const m of head.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    words++;
    if (ENGLISH.has(w)) hits++;
    else if (FOREIGN.has(w)) foreign++;
    else if (/[^\u0000-\u024F']/.test(w)) nonLatin++;
  }
  if (words === 0) return { english: false, score: 0, words };
  const score = hits / words;
  // Headlines and one-line texts may hold no function word at all ("Syrian troops attacked
  // lawmakers"); judge them by script alone.
  const threshold = words < 12 ? 0 : words < 40 ? 0.05 : 0.12;
  return { english: score >= threshold && nonLatin / words < 0.3 && foreign <= hits, score, words };
}
