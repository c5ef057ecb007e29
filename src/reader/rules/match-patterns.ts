import type { Mention } from '../find-mentions.js';
import type { Lexicon } from '../lexicon.js';
import type { Pattern, PatternIndex } from '../load-patterns.js';
import type { Token } from '../token.js';
import type { Match } from './event-state.js';

/**
 * Finding action patterns in a sentence: the patterns whose head is a word's lemma (or, when wink
 * mis-tags a verb, the lemma the word would have as one), then each pattern's later words within a
 * few tokens of the head.
 */
export interface Candidates {
  patterns: Pattern[];
  /** The step that read a mis-tagged word as a verb, if one did. */
  retag: string | undefined;
}

const MAX_GAP = 6;
// "The remains of fifty-five US servicemen were returned": the noun may stand further back.
const PASSIVE_GAP = 10;

/** The patterns to try at word `i`, most specific first; `mentionAt[i]` is the mention covering a word, or -1. */
export function candidatesAt(
  lx: Lexicon,
  patterns: PatternIndex,
  tokens: Token[],
  mentions: Mention[],
  mentionAt: Int16Array,
  i: number,
): Candidates | undefined {
  const t = tokens[i]!;
  let cands = patterns.byHead.get(t.lemma);
  // "fighting" is both the verb "fight" and a noun trigger of its own
  const asWritten = t.lower !== t.lemma ? patterns.byHead.get(t.lower) : undefined;
  if (asWritten) cands = cands ? [...cands, ...asWritten] : asWritten;
  let retag: string | undefined;
  const prev = tokens[i - 1];
  // ("began checking two sites": a gerund after an aspect verb, tagged as a noun, is the verb)
  if (
    cands &&
    (t.pos === 'NOUN' || t.pos === 'ADJ') &&
    t.lower.endsWith('ing') &&
    prev?.pos === 'VERB' &&
    lx.aspectVerbs.has(prev.lemma)
  )
    retag = 'match.gerund-after-aspect';
  if (!cands) {
    const found = retagged(lx, patterns, tokens, mentionAt, i);
    if (!found) return undefined;
    [cands, retag] = found;
  }
  // "dismissed US calls for a ceasefire": after a verb and an actor, an -s form is a plural noun.
  const owner = i > 0 && mentionAt[i - 1]! >= 0 ? mentions[mentionAt[i - 1]!] : undefined;
  if (owner && t.lower.endsWith('s') && t.lower !== t.lemma && tokens[owner.start - 1]?.pos === 'VERB')
    cands = cands.filter((p) => p.headPos !== 'V');
  // "a resolution condemning the annexation": an -ing form right after a plain noun describes it.
  if (t.lower.endsWith('ing') && prev?.pos === 'NOUN' && mentionAt[i - 1]! < 0)
    cands = cands.filter((p) => p.headPos !== 'V');
  return { patterns: cands, retag };
}

/** A word wink tagged as a noun or adjective read as the verb it is; undefined when no pattern has that head. */
function retagged(
  lx: Lexicon,
  patterns: PatternIndex,
  tokens: Token[],
  mentionAt: Int16Array,
  i: number,
): [Pattern[], string] | undefined {
  const by = (w: string) => patterns.byHead.get(w);
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  if (!prev) return undefined;
  const w = t.lower;
  let cands: Pattern[] | undefined;
  let name = '';
  if (
    (t.pos === 'ADJ' ||
      // (between two actors: "the attorney general accused opposition leader X")
      (t.pos === 'NOUN' &&
        mentionAt[i - 1]! >= 0 &&
        (tokens[i + 1]?.pos === 'NUM' ||
          tokens[i + 1]?.pos === 'DET' ||
          mentionAt[i + 1]! >= 0 ||
          // ("Gunmen abducted more than two hundred pupils": a quantity opens the object)
          lx.quantityPhrases.has(`${tokens[i + 1]?.lower} ${tokens[i + 2]?.lower}`)))) &&
    w.endsWith('ed') &&
    (prev.pos === 'PROPN' ||
      prev.pos === 'NOUN' ||
      (prev.lemma === 'be' && tokens[i + 1]?.lower === 'by') ||
      (lx.relativePronouns.has(prev.lower) && tokens[i - 2]?.lower === ','))
  ) {
    // ("Burkinabe jihadists abducted forty villagers", "Egypt mediated talks", "Taiwan was encircled
    // by Chinese warships": a past tense or passive participle tagged as a noun or an adjective)
    cands = by(w.slice(0, -1)) ?? by(w.slice(0, -2)) ?? by(w.slice(0, -3));
    name = 'match.past-tagged-adjective';
  } else if (
    (t.pos === 'NOUN' || t.pos === 'ADJ') &&
    w.endsWith('ing') &&
    ((prev.pos === 'VERB' && lx.aspectVerbs.has(prev.lemma)) ||
      prev.lower === ',' ||
      (prev.lower === 'by' && tokens[i - 2]?.pos === 'VERB'))
  ) {
    // ... and a gerund after "began" as a noun ("began trading").
    const stem = w.slice(0, -3);
    cands = by(stem) ?? by(`${stem}e`) ?? by(stem.slice(0, -1));
    name = 'match.gerund-tagged-noun';
  }
  if (
    !cands &&
    t.pos === 'NOUN' &&
    ((prev.pos === 'AUX' && (prev.lemma === 'have' || prev.lemma === 'be')) ||
      (mentionAt[i - 1]! >= 0 && lx.irregularPast.has(w)))
  ) {
    // ("Ukraine shot down a Russian jet": an irregular past right after an actor, tagged as a noun)
    // "had shot down", "was struck": wink may tag a participle after an auxiliary as a noun.
    const stem = lx.irregularPast.get(w) ?? (w.endsWith('ed') ? w.slice(0, -2) : w);
    cands = by(stem) ?? by(`${stem}e`) ?? by(w.slice(0, -1));
    name = 'match.participle-tagged-noun';
  }
  return cands ? [cands, name] : undefined;
}

function itemMatches(t: Token, alts: string[]): boolean {
  for (const a of alts) if (t.lemma === a || t.lower === a) return true;
  return false;
}

export function isPassive(lx: Lexicon, tokens: Token[], head: number): boolean {
  const t = tokens[head]!;
  if (t.lower.endsWith('ing')) return false;
  // "talks mediated by Saudi Arabia": a participle with its "by" agent is passive without "be".
  if ((t.pos === 'VERB' || t.pos === 'ADJ') && t.lower.endsWith('ed') && tokens[head + 1]?.lower === 'by') return true;
  if (t.pos !== 'VERB' && t.pos !== 'NOUN') return false;
  // "was hit", "were put": participles that look like the base form need a "be" right before.
  if (t.lower === t.lemma) return head > 0 && lx.passiveAuxiliaries.has(tokens[head - 1]!.lower);
  for (let k = head - 1; k >= 0 && k >= head - 3; k--) {
    const w = tokens[k]!;
    if (w.lemma === 'be' || w.lemma === 'get') return true;
    if (w.pos !== 'ADV' && w.pos !== 'PART') return false;
  }
  return false;
}

/** Whether pattern `p` may have its head at word `i` at all (the head's part of speech and place). */
function headFits(
  lx: Lexicon,
  tokens: Token[],
  i: number,
  p: Pattern,
  misTagged: boolean,
  afterMention: boolean,
): boolean {
  const head = tokens[i]!;
  if (p.headPos === 'V' && head.pos !== 'VERB' && !misTagged) return false;
  const before = tokens[i - 1];
  // "the negotiating table", "return to talks", "help in hosting": a verb form used as a noun.
  // ("after shooting down a drone": a participle clause after a time word is an act of the subject)
  const timedParticiple = before !== undefined && lx.timeConjunctions.has(before.lower) && head.lower.endsWith('ing');
  // "earthquake-hit Syria", "Kurdish-led forces": a verb inside a hyphenated modifier is no act
  // ("a Russian-brokered ceasefire" is read by the broker step).
  if (p.headPos === 'V' && before?.text === '-' && before.end === head.start && !lx.brokerParticiples.has(head.lower))
    return false;
  // "retaliated by expelling ten diplomats": a gerund after a verb and "by" is how its subject acts.
  const byMeans =
    before?.lower === 'by' &&
    head.lower.endsWith('ing') &&
    (tokens[i - 2]?.pos === 'VERB' || (tokens[i - 2]?.pos === 'ADV' && tokens[i - 3]?.pos === 'VERB'));
  // ("Qatar, which mediated the deal": a relative pronoun tagged DET is the verb's subject)
  if (
    p.headPos === 'V' &&
    before &&
    !afterMention &&
    !timedParticiple &&
    !byMeans &&
    ((before.pos === 'DET' && !lx.relativePronouns.has(before.lower)) ||
      before.pos === 'ADP' ||
      before.lower === "'s" ||
      lx.gerundMarkers.has(before.lower))
  )
    return false;
  // "the three freed Americans": a participle between a number and its noun describes the noun.
  const nounAfter = tokens[i + 1]?.pos === 'NOUN' || tokens[i + 1]?.pos === 'PROPN';
  if (p.headPos === 'V' && before?.pos === 'NUM' && head.lower.endsWith('ed') && nounAfter) return false;
  // "return to talks": a plural noun after "to", not an infinitive
  const plural = head.lower.endsWith('s') && !head.lower.endsWith('ss') && head.lower !== head.lemma;
  if (p.headPos === 'V' && before?.lower === 'to' && plural) return false;
  // "Fighting broke out": a gerund opening the sentence or after an article is a noun.
  const gerundNoun =
    head.pos === 'VERB' && head.lower.endsWith('ing') && (i === 0 || before?.pos === 'DET' || before?.pos === 'ADJ');
  return !(p.headPos === 'N' && head.pos !== 'NOUN' && head.pos !== 'PROPN' && !gerundNoun);
}

/** Pattern `p` with its head at `i`: its later words, in order, within a few words of each other. */
export function matchPattern(
  lx: Lexicon,
  tokens: Token[],
  i: number,
  p: Pattern,
  taken: Uint8Array,
  misTagged: boolean,
  afterMention: boolean,
): Match | undefined {
  if (!headFits(lx, tokens, i, p, misTagged, afterMention)) return undefined;
  const passive = p.headPos !== 'N' && isPassive(lx, tokens, i);
  let pos = i;
  let first = i;
  for (let k = 1; k < p.items.length; k++) {
    let found = nextItem(lx, tokens, pos, p, k, taken);
    if (found < 0 && k === 1 && passive) {
      // "sanctions were imposed": the noun stands before the passive head.
      found = itemBefore(lx, tokens, i, p.items[k]!);
      if (found >= 0) {
        first = found;
        continue;
      }
    }
    if (found < 0) return undefined;
    pos = found;
  }
  return { pattern: p, first, last: Math.max(pos, i), after: Math.max(pos, i), passive };
}

function nextItem(lx: Lexicon, tokens: Token[], pos: number, p: Pattern, k: number, taken: Uint8Array): number {
  const alts = p.items[k]!;
  for (let j = pos + 1; j < tokens.length && j <= pos + 1 + MAX_GAP; j++) {
    const t = tokens[j]!;
    if (lx.sentenceBoundaries.has(t.lower)) break;
    // ("agreed on Wednesday" is no "agree on"; "calling it a chance for dialogue" is no "call for")
    if (
      !taken[j] &&
      itemMatches(t, alts) &&
      !(t.pos === 'ADP' && isDateWord(lx, tokens[j + 1]?.lower ?? '')) &&
      !(k === 1 && lx.tightParticles.has(t.lower) && j > pos + 1 && p.items.length === 2)
    )
      return j;
    // a verb ends the search, unless it is half of a compound ("a Russian-brokered ceasefire")
    // (or a participle after an article: "the captured pilot")
    if (t.pos === 'VERB' && j > pos + 1 && tokens[j - 1]?.text !== '-' && tokens[j - 1]?.pos !== 'DET') break;
  }
  return -1;
}

function itemBefore(lx: Lexicon, tokens: Token[], i: number, alts: string[]): number {
  for (let j = i - 1; j >= 0 && j >= i - 1 - PASSIVE_GAP; j--) {
    if (lx.sentenceBoundaries.has(tokens[j]!.lower)) break;
    if (itemMatches(tokens[j]!, alts)) return j;
  }
  return -1;
}

/** A day, a month or a number: "agreed on Wednesday", "met on 12 May". */
function isDateWord(lx: Lexicon, w: string): boolean {
  return lx.weekdays.has(w) || lx.months.has(w) || /^\d+$/.test(w);
}
