import { isOrganisationCode, partyOf } from '../../model/actor-code.js';
import type { Mention } from '../find-mentions.js';
import type { Lexicon } from '../lexicon.js';
import type { Pattern } from '../load-patterns.js';
import type { Token } from '../token.js';

/** Token and mention tests the event steps share. */

/** Token ranges inside ", who ... ," and ", which ... ," whose actors do not act in the main clause. */
export function relativeClauses(lx: Lexicon, tokens: Token[]): Uint8Array {
  const inside = new Uint8Array(tokens.length);
  for (let i = 1; i < tokens.length; i++) {
    const w = tokens[i]!.lower;
    if (lx.relativeOpeners.has(w) && tokens[i - 1]!.lower === ',') {
      let j = i;
      while (j < tokens.length && tokens[j]!.lower !== ',' && !lx.sentenceBoundaries.has(tokens[j]!.lower))
        inside[j++] = 1;
    }
  }
  return inside;
}

/** Whether the words between two conjuncts join them ("and", ",", "the", numbers, adjectives). */
function joins(lx: Lexicon, tokens: Token[], from: number, to: number): { ok: boolean; coord: boolean; and: boolean } {
  let ok = true;
  let coord = false;
  let and = false;
  for (let k = from; k < to; k++) {
    const w = tokens[k]!.lower;
    if (lx.coordinators.has(w)) {
      coord = true;
      if (w !== ',') and = true;
    } else if (!lx.coordinationFillers.has(w) && tokens[k]!.pos !== 'NUM' && tokens[k]!.pos !== 'ADJ') ok = false;
  }
  return { ok, coord, and };
}

/**
 * Mentions joined to `m` by "and" / "," on the left (subjects) or right (objects). A chain joined
 * by commas alone is not a coordination ("According to officials, China ...") unless an "and" or
 * "or" joins it somewhere ("Russia, China and Iran").
 */
export function coordinated(lx: Lexicon, tokens: Token[], mentions: Mention[], at: number, dir: -1 | 1): Mention[] {
  const out = [mentions[at]!];
  let cur = at;
  let conjunction = false;
  for (;;) {
    const next = cur + dir;
    const n = mentions[next];
    if (!n || n.apposition) break;
    const c = mentions[cur]!;
    if (n.start === c.start && n.end === c.end) {
      // the two halves of "both sides"
      out.push(n);
      conjunction = true;
      cur = next;
      continue;
    }
    const from = dir === 1 ? c.end : n.end;
    const to = dir === 1 ? n.start : c.start;
    if (to - from < 1 || to - from > 4) break;
    const j = joins(lx, tokens, from, to);
    if (j.and) conjunction = true;
    if (!j.ok || !j.coord) break;
    if (dir === 1 && n.prep !== '' && n.prep !== c.prep) break;
    // ", and crowds lined the streets": a new clause, not a list.
    // (a conjunct of "between X and Y" starts no clause: "the summit between X and Y ended")
    if (dir === 1 && n.prep === '' && tokens[n.end]?.pos === 'VERB' && !tokens[n.end]!.lower.endsWith('ing')) break;
    out.push(n);
    cur = next;
  }
  if (!conjunction) return out.slice(0, 1);
  // In text order, so "Saudi Arabia and Russia signed" has Saudi Arabia first.
  return out.sort((a, b) => a.start - b.start);
}

/** The pattern's code made more specific by the words after the trigger ("urged X to release" → 0253). */
export function refineCode(lx: Lexicon, p: Pattern, tokens: Token[], from: number): string {
  if (p.refine.length === 0) return p.code;
  const end = Math.min(tokens.length, from + 14);
  for (const rule of p.refine) {
    for (let k = from; k < end; k++) {
      const t = tokens[k]!;
      // "warned Russia of consequences if it invaded": the condition is the other side's act.
      if (lx.sentenceBoundaries.has(t.lower) || lx.conditionalConjunctions.has(t.lower)) break;
      // ("threatened to destroy X and mocked Kim as Rocket Man": a second verb's words are its own)
      if (t.lower === 'and' && tokens[k + 1]?.pos === 'VERB') break;
      if (rule.lemmas.has(t.lemma) || rule.lemmas.has(t.lower)) return rule.code;
    }
    // "Russian artillery struck ...": in fighting, the weapon may be the subject right before.
    if (p.code.startsWith('19') && rule.code.startsWith('19')) {
      for (let k = from - 2; k >= 0 && k >= from - 3; k--) {
        const t = tokens[k]!;
        if (t.pos === 'PUNCT') break;
        if (rule.lemmas.has(t.lemma) || rule.lemmas.has(t.lower)) return rule.code;
      }
    }
  }
  return p.code;
}

/** The nearest mention before `index` that is a subject (no preposition, no apposition). */
export function mentionBefore(mentions: Mention[], index: number): Mention | undefined {
  for (let k = mentions.length - 1; k >= 0; k--) {
    const c = mentions[k]!;
    if (c.end <= index && c.prep === '' && !c.apposition) return c;
  }
  return undefined;
}

/** The next full verb after a noun event is a past tense, not under a modal ("the summit ... ended"). */
export function reportedPast(lx: Lexicon, tokens: Token[], from: number): boolean {
  for (let k = from + 1; k < tokens.length && k < from + 16; k++) {
    const t = tokens[k]!;
    if (t.pos === 'AUX' && lx.modalAuxiliaries.has(t.lower)) return false;
    if (t.pos === 'VERB') return t.lower !== t.lemma && !t.lower.endsWith('ing');
  }
  return false;
}

/** "to destroy", "to totally destroy": the verb is an infinitive. */
export function afterInfinitiveTo(tokens: Token[], at: number): boolean {
  let k = at - 1;
  while (k >= 0 && tokens[k]!.pos === 'ADV') k--;
  return tokens[k]?.lower === 'to';
}

export function afterThatClause(tokens: Token[], from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (tokens[k]!.lower === 'that') return true;
  return false;
}

/** Parts of a state that act for it (the bare state, its government, army, police, spies). */
export function isStateRole(lx: Lexicon, code: string): boolean {
  const role = code.slice(partyOf(code).length);
  return role === '' || lx.stateRoles.has(role);
}

/** A government sending its own troops is not acting on them. */
export function ownInstrument(lx: Lexicon, source: string, target: string): boolean {
  if (isOrganisationCode(source) || partyOf(target) !== partyOf(source)) return false;
  return isStateRole(lx, source) && isStateRole(lx, target);
}

/** An intent verb with its own subject stands before this clause ("Kim hoped (that) Pompeo ..."). */
export function intentFrameBefore(lx: Lexicon, tokens: Token[], start: number): boolean {
  for (let k = start - 1; k >= 0 && k >= start - 3; k--) {
    const t = tokens[k]!;
    if (t.pos === 'VERB' && lx.intentFrames.has(t.lemma)) return true;
    if (t.lower !== 'that') return false;
  }
  return false;
}

/** The actors a threat's condition names ("... if Europe failed to", "unless Washington lifts"). */
export function conditionTarget(
  lx: Lexicon,
  tokens: Token[],
  mentions: Mention[],
  last: number,
  sources: Mention[],
): Mention[] | undefined {
  const cond = tokens.findIndex((w, k) => k > last && lx.conditionalConjunctions.has(w.lower));
  const verb = cond < 0 ? -1 : tokens.findIndex((w, k) => k > cond && (w.pos === 'VERB' || w.pos === 'AUX'));
  // the condition's subject: the actor (or list of actors) right before its verb
  let c = -1;
  for (let k = mentions.length - 1; k >= 0 && verb >= 0; k--) {
    if (mentions[k]!.start > cond && mentions[k]!.end <= verb) {
      c = k;
      break;
    }
  }
  if (
    c < 0 ||
    mentions[c]!.prep !== '' ||
    tokens.slice(cond + 1, mentions[c]!.start).some((w) => lx.sentenceBoundaries.has(w.lower))
  )
    return undefined;
  const named = coordinated(lx, tokens, mentions, c, -1).filter(
    (tg) => tg.start > cond && !sources.some((s) => partyOf(s.code) === partyOf(tg.code)),
  );
  return named.length > 0 ? named : undefined;
}

/** ", the UN said", ", a Human Rights Watch report found", ", said Amnesty": who relays the act. */
export function trailingSpeaker(lx: Lexicon, tokens: Token[], mentions: Mention[], last: number): Mention | undefined {
  let comma = -1;
  for (let k = last + 1; k < tokens.length; k++) if (tokens[k]!.lower === ',') comma = k;
  if (comma < 0) return undefined;
  for (let k = comma + 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.pos !== 'VERB' || !lx.trailingSpeechVerbs.has(t.lemma)) continue;
    let j = k - 1;
    if (lx.reportNouns.has(tokens[j]?.lower ?? '')) j--;
    const before = mentions.find((c) => c.end === j + 1 && c.start > comma);
    const speaker =
      before ?? mentions.find((c) => c.start === k + 1 || (c.start === k + 2 && tokens[k + 1]!.pos === 'DET'));
    // Only a monitor (an international or non-governmental body) accuses by relaying; a state's
    // officials reporting an adversary's strike relay it ("..., South Korea's military said").
    return speaker && isOrganisationCode(speaker.code) ? speaker : undefined;
  }
  return undefined;
}

/** Whether `word` ends with one of `endings`. */
export function endsWithAny(endings: ReadonlySet<string>, word: string): boolean {
  for (const e of endings) if (word.endsWith(e)) return true;
  return false;
}
