/** One word of a sentence as the reader sees it: wink's analysis reduced to what the rules use. */
export interface Token {
  /** Surface form as written. */
  text: string;
  /** Lower-cased surface form (dictionary matching is case-insensitive past the first letter check). */
  lower: string;
  /** Lower-cased lemma, repaired for words wink mis-tags as proper nouns ("Sanctions" at a sentence start). */
  lemma: string;
  /** Universal POS tag from wink (VERB, NOUN, PROPN, AUX, ADP, ...). */
  pos: string;
  /** [start, end) character offsets in the cleaned document. */
  start: number;
  end: number;
}

export interface Sentence {
  /** Index of the sentence in the document, counting from 0. */
  index: number;
  text: string;
  start: number;
  end: number;
  tokens: Token[];
}
