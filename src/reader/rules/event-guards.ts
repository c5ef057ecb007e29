import type { Mention } from '../find-mentions.js';
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../token.js';
import type { EventStep, Interp } from './event-state.js';

/**
 * Guards: a matched pattern that is no act of its clause ("a delay that threatened the truce", "a
 * French journalist jailed for a year") is dropped before its subject is looked for, so that a less
 * specific pattern may try; one that fits but holds no event stops there.
 */
export const GUARD_STEPS: readonly EventStep[] = [
  { name: 'guard.relative-that', run: relativeThat },
  {
    name: 'guard.reduced-relative',
    run: (x) => (x.p.headPos !== 'N' && !x.m.passive && reducedRelative(x.st.lx, x.st.tokens, x.i) ? 'drop' : false),
  },
  {
    name: 'guard.participle-after-actor',
    run: (x) =>
      x.p.headPos !== 'N' && participleAfterActor(x.st.lx, x.st.tokens, x.st.mentions, x.i) ? 'drop' : false,
  },
  { name: 'guard.brokered-compound', run: brokeredCompound },
  { name: 'guard.agree-to', run: agreeTo },
  { name: 'guard.own-subject', run: ownSubject },
];

/** "a delay that threatened the truce": the relative pronoun stands for the noun before it. */
function relativeThat(x: Interp): 'drop' | false {
  const { tokens, mentions } = x.st;
  let k = x.m.first - 1;
  while (k >= 0 && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX' || tokens[k]!.pos === 'PART')) k--;
  const rel = tokens[k];
  return rel &&
    (rel.lower === 'that' || rel.lower === 'which') &&
    k > 0 &&
    tokens[k - 1]!.lower !== ',' &&
    tokens[k - 1]!.pos === 'NOUN' &&
    !mentions.some((c) => c.end === k)
    ? 'drop'
    : false;
}

/** "a Russian-brokered ceasefire": the compound is read by the broker step, not as a clause. */
function brokeredCompound(x: Interp): 'none' | false {
  const { tokens, mentions, lx } = x.st;
  const f = x.m.first;
  return tokens[f - 1]?.text === '-' &&
    lx.brokerParticiples.has(tokens[f]!.lower) &&
    mentions.some((c) => c.end === f - 1)
    ? 'none'
    : false;
}

/** "agreed to halt": "agree" governs the next verb; it is no agreement "with" anyone by itself. */
function agreeTo(x: Interp): 'drop' | false {
  const next = x.st.tokens[x.m.last + 1];
  return x.p.id.startsWith('agree.') && next?.lower === 'to' && next.pos === 'PART' ? 'drop' : false;
}

/** "after a drone struck the plant": a noun right before the verb is its own (non-actor) subject. */
function ownSubject(x: Interp): false {
  const { tokens, mentions } = x.st;
  let own = x.m.first - 1;
  while (own >= 0 && (tokens[own]!.pos === 'ADV' || tokens[own]!.pos === 'AUX')) own--;
  x.ownSubject =
    own >= 0 &&
    !x.m.passive &&
    tokens[x.m.last + 1]?.lower !== 'by' &&
    (tokens[own]!.pos === 'NOUN' || tokens[own]!.pos === 'PROPN') &&
    !mentions.some((c) => c.start <= own && own < c.end);
  return false;
}

/**
 * "released a French journalist jailed for a year", "the deal signed in 2015": a participle after a
 * noun phrase that is itself an object describes that noun; it reports no new act.
 */
export function reducedRelative(lx: Lexicon, tokens: Token[], head: number): boolean {
  const t = tokens[head]!;
  if (t.pos !== 'VERB' || t.lower === t.lemma || t.lower.endsWith('ing') || t.lower.endsWith('s')) return false;
  let k = head - 1;
  if (k < 0 || (tokens[k]!.pos !== 'NOUN' && tokens[k]!.pos !== 'PROPN')) return false;
  while (
    k >= 0 &&
    (tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'PROPN' || tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'NUM')
  )
    k--;
  const det = tokens[k];
  const npStartsWithNumber = tokens[k + 1]?.pos === 'NUM';
  // ("intercepted rockets fired from Gaza": a bare plural object of a verb, then its participle)
  if (
    det &&
    det.pos === 'VERB' &&
    tokens[k - 1]?.text !== '-' &&
    k < head - 1 &&
    tokens[k + 1]!.pos === 'NOUN' &&
    tokens[head - 1]!.lower.endsWith('s') &&
    !lx.framingVerbs.has(det.lemma)
  )
    return true;
  if (!det || (!(det.pos === 'DET' && det.lower !== 'that') && !npStartsWithNumber)) return false;
  const j = npStartsWithNumber && det.pos !== 'DET' ? k : k - 1;
  const verb = tokens[j];
  return verb !== undefined && verb.pos === 'VERB' && verb.lemma !== 'say' && verb.lemma !== 'be';
}

/** A past participle (by form) right after a noun, a name or an adjective. */
function participleAfterNoun(lx: Lexicon, tokens: Token[], head: number): boolean {
  const t = tokens[head]!;
  if (
    (t.pos !== 'VERB' && t.pos !== 'ADJ') ||
    t.lower.endsWith('ing') ||
    t.lower === t.lemma ||
    (t.lower.endsWith('s') && !t.lower.endsWith('ss'))
  )
    return false;
  if (!t.lower.endsWith('ed') && !t.lower.endsWith('en') && !lx.irregularPast.has(t.lower)) return false;
  const prev = tokens[head - 1];
  return prev !== undefined && (prev.pos === 'NOUN' || prev.pos === 'PROPN' || prev.pos === 'ADJ');
}

/** Back over the noun phrase before `head`: where it starts, whether it holds an actor, whether inside a phrase. */
function nounPhraseBefore(lx: Lexicon, tokens: Token[], mentions: Mention[], head: number) {
  let k = head - 1;
  let actor = false;
  let inPhrase = false;
  for (; k >= 0; k--) {
    const w = tokens[k]!;
    if (mentions.some((c) => c.start <= k && k < c.end && !c.place)) actor = true;
    // ("Egypt mediated the release ...": a past tense before an article, mis-tagged as an adjective)
    if (w.pos === 'ADJ' && w.lower.endsWith('ed') && tokens[k + 1]?.pos === 'DET') break;
    // ("Gambia's exiled former president": a participle after a possessive or an article describes the noun)
    if (w.pos === 'VERB' && w.lower.endsWith('ed') && (tokens[k - 1]?.lower === "'s" || tokens[k - 1]?.pos === 'DET'))
      continue;
    if (
      w.pos === 'NOUN' ||
      w.pos === 'PROPN' ||
      w.pos === 'ADJ' ||
      w.pos === 'NUM' ||
      w.pos === 'DET' ||
      w.lower === "'s" ||
      w.text === '-' ||
      (w.pos === 'PRON' && lx.determiners.has(w.lower))
    )
      continue;
    if (w.pos === 'ADP' && lx.nounPhrasePrepositions.has(w.lower)) {
      inPhrase = true;
      continue;
    }
    break;
  }
  return { k, actor, inPhrase };
}

/**
 * A past participle right after a noun phrase that names an actor and stands after the clause's
 * verb (its object, or inside a prepositional phrase after it) describes that actor: "the remains
 * of U.S. soldiers killed in the war", "a Chinese national convicted of spying", "hostages seized
 * by Hamas". After a subject ("Russian troops seized"), or after a verb that frames a clause
 * ("said Israeli troops killed"), it is the verb of a clause.
 */
export function participleAfterActor(lx: Lexicon, tokens: Token[], mentions: Mention[], head: number): boolean {
  if (!participleAfterNoun(lx, tokens, head)) return false;
  const t = tokens[head]!;
  const np = nounPhraseBefore(lx, tokens, mentions, head);
  // ("the release of hostages seized by Hamas": a participle with its agent inside a phrase
  // describes any noun, not only an actor)
  const actor = np.actor || (tokens[head + 1]?.lower === 'by' && np.inPhrase && !lx.brokerParticiples.has(t.lower));
  const verb = tokens[np.k];
  if (
    !actor ||
    !verb ||
    (verb.pos !== 'VERB' && !(verb.pos === 'ADJ' && verb.lower.endsWith('ed'))) ||
    verb.lower.endsWith('ing')
  )
    return false;
  if (!lx.framingVerbs.has(verb.lemma)) return tokens[np.k - 1]?.text !== '-';
  // "said hostages seized by Hamas would be freed": after a framing verb the phrase is the subject
  // of the reported clause; a participle with its agent is reduced only when that clause's own
  // verb follows. ("said the remains of soldiers killed in Gaza were recovered": so is one inside
  // a phrase)
  if (tokens[head + 1]?.lower !== 'by' && !np.inPhrase) return false;
  for (let j = head + 1; j < tokens.length; j++) {
    const w = tokens[j]!;
    if (lx.sentenceBoundaries.has(w.lower) || w.lower === ',' || w.lower === 'and' || lx.clauseStarts.has(w.lower))
      return false;
    if (w.pos === 'AUX') return true;
  }
  return false;
}
