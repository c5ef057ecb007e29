import type { ActorIndex, ActorIndexEntry } from '../actor-index.js';
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../token.js';
import type { Raw } from './mention-state.js';

/** Token tests the mention steps share: prepositions, noun runs, gaps between a country and its agent. */

/** A verb follows before any preposition or mark: "after the government and the opposition signed". */
export function opensClause(tokens: Token[], end: number): boolean {
  for (let k = end; k < tokens.length && k < end + 8; k++) {
    const t = tokens[k]!;
    if (t.pos === 'VERB' || t.pos === 'AUX') return true;
    if (t.pos === 'ADP' || t.pos === 'PUNCT') return false;
  }
  return false;
}

/** A singular title names one person ("the minister"); plurals and bodies ("the army") do not. */
export function isIndividual(lx: Lexicon, head: string): boolean {
  return !head.endsWith('s') && !lx.collectiveAgents.has(head);
}

export function caseOk(tok: Token, rule: ActorIndexEntry['caseRule']): boolean {
  if (rule === 'any') return true;
  const c = tok.text.charCodeAt(0);
  const capital = c >= 65 && c <= 90;
  if (rule === 'capital') return capital;
  return tok.text === tok.text.toUpperCase() && capital;
}

/** A lower-case noun that names a thing, not people ("a military base", not "the army chief"). */
export function thingAfter(lx: Lexicon, t: Token | undefined): boolean {
  return t !== undefined && t.pos === 'NOUN' && /^[a-z]/.test(t.text) && !lx.peopleAfterBody.has(t.lower);
}

/** The role of a one-word agent phrase ("diplomats" -> GOV), if there is one. */
export function sharedAgent(index: ActorIndex, word: string): string | undefined {
  for (const e of index.byFirst.get(word) ?? []) if (e.kind === 'agent' && e.tokens.length === 1) return e.code;
  return undefined;
}

/** Capitalised words and hyphens between an organisation and its agent ("UN Secretary-General"). */
export function titleGap(tokens: Token[], from: number, to: number): boolean {
  if (to - from > 4) return false;
  for (let k = from; k < to; k++) if (tokens[k]!.pos !== 'PROPN' && tokens[k]!.text !== '-') return false;
  return true;
}

/** Modifiers only between a country word and its agent ("Japan's new foreign minister"). */
export function gapOk(lx: Lexicon, tokens: Token[], from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (!lx.agentModifiers.has(t.lower) && t.pos !== 'ADJ') return false;
  }
  return true;
}

/** Skips what may stand between a preposition and its mention ("on most Brazilian goods"). */
function skipToPreposition(lx: Lexicon, tokens: Token[], start: number): number {
  let k = start - 1;
  // ("fifty-five US servicemen": a hyphen inside a number is part of it)
  for (;;) {
    while (
      k >= 0 &&
      (lx.skipBeforeMention.has(tokens[k]!.lower) ||
        tokens[k]!.pos === 'NUM' ||
        tokens[k]!.pos === 'ADJ' ||
        (tokens[k]!.text === '-' && tokens[k - 1]?.pos === 'NUM') ||
        (lx.quantityWords.has(tokens[k]!.lower) && tokens[k - 1]?.pos === 'ADP'))
    )
      k--;
    // "to earthquake-hit Syria", "against Kurdish-led forces": a hyphenated modifier is skipped whole.
    if (
      k >= 2 &&
      tokens[k - 1]!.text === '-' &&
      tokens[k]!.start === tokens[k - 1]!.end &&
      tokens[k - 1]!.start === tokens[k - 2]!.end &&
      tokens[k]!.pos !== 'ADP'
    )
      k -= 3;
    // "deported more than ten thousand Haitian migrants": the comparative is part of the quantity.
    else if (k >= 1 && lx.quantityPhrases.has(`${tokens[k - 1]!.lower} ${tokens[k]!.lower}`)) k -= 2;
    else return k;
  }
}

/** The preposition before a mention ("with", "to", "against"), or ''. */
export function prepBefore(lx: Lexicon, tokens: Token[], start: number, depth = 0): string {
  const k = skipToPreposition(lx, tokens, start);
  if (k < 0) return '';
  const t = tokens[k]!;
  // "six countries, including Iran and Saudi Arabia": the examples stand where the list's head
  // noun stands (an object, a subject, "in several cities, including ...").
  if (t.lower === 'including' && depth === 0) {
    let j = k - 1;
    if (tokens[j]?.lower === ',') j--;
    if (j < 0 || (tokens[j]!.pos !== 'NOUN' && tokens[j]!.pos !== 'PROPN')) return 'including';
    while (j >= 0 && tokens[j]!.pos === 'NOUN') j--;
    return prepBefore(lx, tokens, j + 1, 1);
  }
  if (t.lower === 'of' && k > 0 && (tokens[k - 1]!.pos === 'NUM' || lx.quantityWords.has(tokens[k - 1]!.lower)))
    return quantityPreposition(lx, tokens, k);
  return lx.prepositions.has(t.lower) ? t.lower : '';
}

/**
 * "tariffs on $200 billion of Chinese goods", "sanctions on dozens of companies": a quantity phrase
 * stands where its head stands.
 */
function quantityPreposition(lx: Lexicon, tokens: Token[], k: number): string {
  let j = k - 1;
  while (
    j >= 0 &&
    (tokens[j]!.pos === 'NUM' ||
      tokens[j]!.pos === 'SYM' ||
      tokens[j]!.pos === 'DET' ||
      tokens[j]!.pos === 'ADJ' ||
      lx.quantityWords.has(tokens[j]!.lower))
  )
    j--;
  const w = tokens[j]?.lower ?? '';
  return j < k - 1 && tokens[j]?.pos === 'ADP' && lx.prepositions.has(w) && w !== 'of' && !lx.clausePrepositions.has(w)
    ? w
    : '';
}

/** A plural that stands for a country's people, forces or economy ("Russian aircraft", "Chinese goods"). */
function peoplePlural(lx: Lexicon, last: Token): boolean {
  if (last.lower === last.lemma && !lx.invariantPlurals.has(last.lower)) return false;
  if (lx.actingPlurals.has(last.lower)) return true;
  for (const ending of lx.peoplePluralEndings) if (last.lower.endsWith(ending)) return true;
  return false;
}

/**
 * 0 when the nouns after a country adjective name no actor; else the end of the noun run when it
 * names the country's people or things ("Israeli hostages", "a French journalist"), so that the
 * mention covers them and a coordination after it is seen ("Israeli hostages and Thai nationals");
 * -1 when the run is the subject of a verb and stays outside the mention.
 */
export function subjectNounRun(lx: Lexicon, tokens: Token[], from: number): number {
  let k = from;
  while (k < tokens.length && k < from + 3 && (tokens[k]!.pos === 'NOUN' || (tokens[k]!.pos === 'ADJ' && k < from + 2)))
    k++;
  // ("Chinese goods worth $200 billion": an adjective after the nouns is no part of the run)
  while (k > from && tokens[k - 1]!.pos === 'ADJ' && !lx.personNouns.has(tokens[k - 1]!.lower)) k--;
  if (k === from) return 0;
  const last = tokens[k - 1]!;
  // ("a British national": wink may tag a person noun as an adjective)
  if (last.pos !== 'NOUN' && !lx.personNouns.has(last.lower)) return 0;
  if (peoplePlural(lx, last)) return k;
  // "the American student", "a French journalist": one of the country's people.
  if (lx.personNouns.has(last.lower)) return k;
  const next = tokens[k];
  if (!next) return 0;
  return next.pos === 'VERB' || (next.pos === 'AUX' && tokens[k + 1]?.pos === 'VERB') ? -1 : 0;
}

/** "protested against the US decision": an abbreviated state name after "against the" is its author. */
export function aimedAt(lx: Lexicon, tokens: Token[], start: number, end: number): boolean {
  return (
    end === start + 1 &&
    /^[A-Z]{2,3}$/.test(tokens[start]!.text) &&
    tokens[start - 1]?.pos === 'DET' &&
    lx.aimedPrepositions.has(tokens[start - 2]?.lower ?? '')
  );
}

/** "rejected a U.S. offer", "seized a UK tanker": an abbreviated state name is an adjective. */
export function abbreviatedObject(lx: Lexicon, tokens: Token[], start: number, end: number): boolean {
  return end === start + 1 && /^[A-Z](?:\.?[A-Z])+\.?$/.test(tokens[start]!.text) && objectPosition(lx, tokens, start);
}

/** The adjective at `start` stands after a verb or a preposition (past "a", "the", numbers). */
export function objectPosition(lx: Lexicon, tokens: Token[], start: number): boolean {
  let k = start - 1;
  while (k >= 0 && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'NUM')) k--;
  const t = tokens[k];
  if (!t) return false;
  // (not after an infinitive: "appealed to donors to unfreeze Afghan reserves" names no target)
  if (t.pos === 'VERB')
    return !lx.clauseVerbs.has(t.lemma) && !t.lower.endsWith('ing') && tokens[k - 1]?.lower !== 'to';
  return t.pos === 'ADP' && lx.objectPrepositions.has(t.lower);
}

/** A lower-case noun (after at most one adjective) follows, and no verb right after it makes it a subject. */
export function thingRun(tokens: Token[], from: number): boolean {
  let k = from;
  if (tokens[k]?.pos === 'ADJ' && /^[a-z]/.test(tokens[k]!.text)) k++;
  const t = tokens[k];
  if (t?.pos !== 'NOUN' || !/^[a-z]/.test(t.text)) return false;
  while (tokens[k + 1]?.pos === 'NOUN') k++;
  const next = tokens[k + 1];
  return !(
    next &&
    (next.pos === 'AUX' ||
      (next.pos === 'VERB' && next.lower !== next.lemma && !next.lower.endsWith('ing') && !next.lower.endsWith('ed')))
  );
}

/**
 * "a reporter for the Wall Street Journal", "an analyst at Chatham House": the agent works for a
 * named body the dictionary does not know, so it takes no country from the sentence.
 */
export function namedEmployer(lx: Lexicon, tokens: Token[], raws: Raw[], end: number): boolean {
  if (!lx.employerPrepositions.has(tokens[end]?.lower ?? '')) return false;
  let k = end + 1;
  if (tokens[k]?.lower === 'the') k++;
  const t = tokens[k];
  return t !== undefined && t.pos === 'PROPN' && /^[A-Z]/.test(t.text) && !raws.some((r) => r.start <= k && k < r.end);
}

/** Private people ("activists", "journalists") are not the state's that acts on them. */
export function privatePerson(lx: Lexicon, e: ActorIndexEntry, head: string): boolean {
  return e.code === 'CVL' || (e.code === 'MED' && lx.privateMedia.has(head));
}
