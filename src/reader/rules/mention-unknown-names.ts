import type { Token } from '../token.js';
import type { Composing } from './mention-compose.js';
import type { MentionState } from './mention-state.js';

/**
 * Names the dictionary does not know, taken with the actor the text says they are: "President
 * Adama Barrow", "opposition politician Job Sikhala", "the opposition party PASTEF" (a title or an
 * agent before the name), "the Fano militia", "M23 rebels" (a name before the agent). The mention
 * covers the name too, so that a list ("Mali's President Ibrahim Boubacar Keita and Prime Minister
 * Boubou Cisse") is seen as one.
 */

/** A word of a proper name: capitalised (or a code like "M23"), no date word, no dictionary match. */
function nameWord(st: MentionState, k: number): boolean {
  const t = st.tokens[k];
  if (!t || (t.pos !== 'PROPN' && t.pos !== 'NOUN' && t.pos !== 'NUM')) return false;
  if (!/^[A-Z][A-Za-z'’]*$|^[A-Z]+\d+$/.test(t.text)) return false;
  if (st.lx.weekdays.has(t.lower) || st.lx.months.has(t.lower) || st.lx.honorifics.has(t.lower)) return false;
  return !st.raws.some((r) => r.start <= k && k < r.end);
}

/** The end of the name starting at `from` (words, and hyphens inside one: "ZANU-PF"), or `from`. */
export function nameEnd(st: MentionState, from: number): number {
  let k = from;
  while (k < st.tokens.length && k < from + 5) {
    if (nameWord(st, k)) k++;
    else if (st.tokens[k]!.text === '-' && k > from && joined(st.tokens, k) && nameWord(st, k + 1)) k += 2;
    else break;
  }
  return k;
}

function joined(tokens: Token[], k: number): boolean {
  return tokens[k - 1]!.end === tokens[k]!.start && tokens[k]!.end === tokens[k + 1]?.start;
}

/** "President Adama Barrow", "the opposition party PASTEF": the name after a title or an agent. */
export function nameAfterAgent(st: MentionState, c: Composing): void {
  const end = nameEnd(st, c.end);
  if (end === c.end) return;
  c.end = end;
  c.rule = `${c.rule}, mention.agent-and-unknown-name`;
}

/** "the Fano militia", "M23 rebels": the start of a name right before an agent, or `start`. */
export function nameBeforeAgent(st: MentionState, start: number): number {
  let k = start;
  while (
    k > 0 &&
    k > start - 4 &&
    (nameWord(st, k - 1) ||
      (st.tokens[k - 1]!.text === '-' && k - 2 >= 0 && nameWord(st, k - 2) && joined(st.tokens, k - 1)))
  )
    k -= st.tokens[k - 1]!.text === '-' ? 2 : 1;
  // (a sentence's first word is capitalised anyway; it is a name only next to another name word)
  return k === 0 && start - k === 1 ? start : k;
}
