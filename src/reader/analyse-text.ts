import winkNLP, { type ItemSentence, type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Sentence, Token } from './token.js';

/**
 * A small typed adapter around wink-nlp. The model is loaded once per process (loading costs
 * ~100 ms and several MB); every caller shares it. Only this file touches wink's API.
 */
type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

function getNlp(): Nlp {
  // 'negation' is not needed: the mode rules read negation words themselves, in their clause.
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

/** Words wink tags PROPN at a sentence start keep their plural/past suffix in the lemma; strip it. */
function repairLemma(lemma: string, pos: string): string {
  if (pos !== 'PROPN' && pos !== 'NOUN') return lemma;
  if (lemma.length > 4 && lemma.endsWith('ies')) return `${lemma.slice(0, -3)}y`;
  if (pos === 'PROPN' && lemma.length > 3 && lemma.endsWith('s') && !lemma.endsWith('ss')) return lemma.slice(0, -1);
  return lemma;
}

/**
 * Splits `text` into sentences and tokens. `base` is added to every offset so that chunks of a
 * large document report offsets in the whole document.
 */
export function analyseText(text: string, base = 0, firstIndex = 0): Sentence[] {
  const n = getNlp();
  const its = n.its;
  const doc = n.readDoc(text);
  const sentences: Sentence[] = [];
  let cursor = 0;
  doc.sentences().each((s: ItemSentence) => {
    const tokens: Token[] = [];
    const words = s.tokens().out() as string[];
    // wink's typings give its.lemma a signature its own out() rejects; it returns strings at run time.
    const lemmas = s.tokens().out(its.lemma as unknown as ItsFunction<string>) as string[];
    const poses = s.tokens().out(its.pos) as string[];
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      const pos = poses[i] ?? 'X';
      if (pos === 'SPACE') continue;
      // wink keeps the text intact (doc.out() === text), so each token is found after the last one.
      let at = text.indexOf(word, cursor);
      if (at < 0 || at - cursor > 200) at = cursor;
      cursor = at + word.length;
      const lower = word.toLowerCase();
      const lemma = repairLemma((lemmas[i] ?? word).toLowerCase(), pos);
      tokens.push({ text: word, lower, lemma, pos, start: base + at, end: base + at + word.length });
    }
    if (tokens.length === 0) return;
    const start = tokens[0]!.start;
    const end = tokens[tokens.length - 1]!.end;
    sentences.push({
      index: firstIndex + sentences.length,
      text: text.slice(start - base, end - base),
      start,
      end,
      tokens,
    });
  });
  return sentences;
}

/** wink's own tokenisation of a short phrase, used to index dictionary names the way text is split. */
export function tokenisePhrase(phrase: string): string[] {
  const n = getNlp();
  return (n.readDoc(phrase).tokens().out() as string[]).filter((w) => w.trim() !== '').map((w) => w.toLowerCase());
}
