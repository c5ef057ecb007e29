import type { ActorIndex } from '../actor-index.js';
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../token.js';
import { abbreviatedObject, aimedAt, caseOk, thingAfter } from './mention-helpers.js';
import type { Raw } from './mention-state.js';

/**
 * Dictionary matching: the longest dictionary phrase at each token, left to right, one map look-up
 * per token. Matches are composed into mentions by the mention steps.
 */
export function rawMatches(tokens: Token[], index: ActorIndex, lx: Lexicon): Raw[] {
  const out: Raw[] = [];
  for (let i = 0; i < tokens.length; ) {
    let best = longestMatch(tokens, index, lx, i);
    if (best && partOfUnknownName(tokens, lx, best, out[out.length - 1])) best = undefined;
    if (best && best.entry.kind === 'person' && best.end - best.start > 1 && tokens[best.end]?.pos === 'PROPN')
      best = fullName(tokens, index, best);
    if (best) {
      out.push(best);
      i = best.end;
    } else i++;
  }
  return out;
}

function longestMatch(tokens: Token[], index: ActorIndex, lx: Lexicon, i: number): Raw | undefined {
  const list = index.byFirst.get(tokens[i]!.lower);
  if (!list) return undefined;
  for (const entry of list) {
    const n = entry.tokens.length;
    if (i + n > tokens.length) continue;
    let ok = true;
    for (let k = 1; k < n && ok; k++) ok = tokens[i + k]!.lower === entry.tokens[k];
    if (!ok || !caseOk(tokens[i]!, entry.caseRule)) continue;
    // "a firm deadline": an agent word used as an adjective names no one ("the military held
    // talks", "accused the military of": wink's adjective with no noun after it is the body).
    if (
      entry.kind === 'agent' &&
      tokens[i + n - 1]!.pos === 'ADJ' &&
      (i === 0 || tokens[i - 1]!.pos === 'DET') &&
      /^(NOUN|PROPN|ADJ|NUM)$/.test(tokens[i + n]?.pos ?? 'NOUN')
    )
      continue;
    // "military-to-military talks", "army-backed": an agent word in a hyphenated compound names no one.
    if (entry.kind === 'agent' && tokens[i + n]?.text === '-' && tokens[i + n]!.start === tokens[i + n - 1]!.end)
      continue;
    // "a military base", "the government building", "a police station": a body's name before a thing
    // describes the thing ("the army chief", "government forces" still name people); the thing is
    // the body's only as the target of force ("attacked an army post", "ambushed a police convoy").
    const thing =
      entry.kind === 'agent' &&
      n === 1 &&
      lx.bodyModifiers.has(entry.tokens[0]!) &&
      i > 0 &&
      lx.articles.has(tokens[i - 1]!.lower) &&
      thingAfter(lx, tokens[i + 1]) &&
      !thingAfter(lx, tokens[i + 2]);
    return thing
      ? { start: i, end: i + n + 1, entry, modifier: false, thing: true }
      : { start: i, end: i + n, entry, modifier: false }; // longest first
  }
  return undefined;
}

/**
 * "Michel Temer" is not Charles Michel, "Ali Abbas" not Mahmoud Abbas: a one-word name (a family
 * name or a short alias) next to another capitalised name that is no dictionary match is part of
 * someone else's full name ("Mr. Abbas", "President Abbas" still name him).
 */
function partOfUnknownName(tokens: Token[], lx: Lexicon, m: Raw, prev: Raw | undefined): boolean {
  if ((m.entry.kind !== 'surname' && m.entry.kind !== 'person') || m.end - m.start !== 1) return false;
  const name = (t: Token | undefined): boolean => t !== undefined && t.pos === 'PROPN' && /^[A-Z][a-z]/.test(t.text);
  const before = tokens[m.start - 1];
  const after = tokens[m.end];
  if (name(after) && !lx.honorifics.has(after!.lower)) return true;
  return name(before) && !lx.honorifics.has(before!.lower.replace(/\.$/, '')) && prev?.end !== m.start;
}

/** "leader Kim" is an alias; "leader Kim Jong Un" goes on with the full name of the same person. */
function fullName(tokens: Token[], index: ActorIndex, best: Raw): Raw {
  const last = best.end - 1;
  for (const e of index.byFirst.get(tokens[last]!.lower) ?? []) {
    if (
      e.kind !== 'person' ||
      e.person !== best.entry.person ||
      last + e.tokens.length <= best.end ||
      last + e.tokens.length > tokens.length
    )
      continue;
    if (e.tokens.every((w, k) => tokens[last + k]!.lower === w))
      return { start: best.start, end: last + e.tokens.length, entry: best.entry, modifier: false };
  }
  return best;
}

/**
 * "the Singapore summit", "the Iran deal", "the Hanoi summit": a country or capital used as a
 * modifier names no actor (flagged for every match first, so that an agent before it takes no
 * country from it).
 */
export function flagModifiers(tokens: Token[], raws: Raw[], lx: Lexicon): void {
  for (let j = 0; j < raws.length; j++) {
    const raw = raws[j]!;
    const kind = raw.entry.kind;
    if (
      (kind === 'country' || kind === 'capital') &&
      (tokens[raw.start - 1]?.pos === 'DET' || tokens[raw.start - 1]?.pos === 'ADJ') &&
      tokens[raw.end]?.pos === 'NOUN' &&
      /^[a-z]/.test(tokens[raw.end]!.text) &&
      !(raws[j + 1] && raws[j + 1]!.start === raw.end) &&
      !aimedAt(lx, tokens, raw.start, raw.end) &&
      !abbreviatedObject(lx, tokens, raw.start, raw.end)
    )
      raw.modifier = true;
  }
}
