import { partyOf } from '../../model/actor-code.js';
import type { Token } from '../token.js';
import type { Composing } from './mention-compose.js';
import { prepBefore } from './mention-helpers.js';
import { bareMention, type MentionState } from './mention-state.js';

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

/**
 * Names no step took, read after the others: a name set off by its description ("Ibrahim Diallo,
 * a Guinean asylum seeker," is GINREF: the description becomes its apposition), or a name that acts
 * or is acted on with nothing to say who it is ("Peruvian police detained Pedro Castillo"): then
 * the country of its sentence, else of the article, inferred and so less certain. A name that
 * ends like a place, a body or an event ("the Panmunjom Declaration") is none.
 */
export function unknownNames(st: MentionState): void {
  const { tokens } = st;
  for (let i = 0; i < tokens.length; i++) {
    if (covered(st, i)) continue;
    const end = nameEnd(st, i);
    if (rulingName(st, i, end)) {
      i = end - 1;
      continue;
    }
    if (end - i < 2 || end - i > 4 || !personLike(st, i, end)) {
      if (end > i) i = end - 1;
      continue;
    }
    const described = descriptionAfter(st, end);
    if (described) {
      described.apposition = true;
      insertMention(st, i, end, described.code, 'mention.named-by-apposition', false);
    } else if (acts(st, i, end) && !describedOtherwise(st, end)) {
      const country = countryOfSentence(st, i) ?? st.ctx.lastCountry;
      if (country) insertMention(st, i, end, country, 'mention.unknown-name', true);
    }
    i = end - 1;
  }
}

/**
 * "accused the ruling ZANU-PF of intimidating voters": a name the text calls ruling or governing is
 * the party in power, coded as the government (CAMEO codes governing parties GOV) of its sentence's
 * country, inferred.
 */
function rulingName(st: MentionState, from: number, to: number): boolean {
  if (to === from || !st.lx.governingWords.has(st.tokens[from - 1]?.lower ?? '')) return false;
  const country = countryOfSentence(st, from) ?? st.ctx.lastCountry;
  if (!country) return false;
  insertMention(st, from, to, `${partyOf(country)}GOV`, 'mention.ruling-name', true);
  return true;
}

function covered(st: MentionState, k: number): boolean {
  return st.mentions.some((m) => m.start <= k && k < m.end) || st.places.some((m) => m.start <= k && k < m.end);
}

/** Words like a person's name: no determiner or place preposition before, no place or body word at its end. */
function personLike(st: MentionState, from: number, to: number): boolean {
  const { tokens, lx } = st;
  const before = tokens[from - 1];
  if (before && (before.pos === 'DET' || lx.locativePrepositions.has(before.lower) || before.lower === "'s"))
    return false;
  if (lx.notPersonHeads.has(tokens[to - 1]!.lower) || tokens[to]?.lower === "'s") return false;
  for (let k = from; k < to; k++) if (!/^[A-Z][a-z'’]+(?:-[A-Za-z]+)?$/.test(tokens[k]!.text)) return false;
  return true;
}

/** ", a Guinean asylum seeker,", ", the head of the electoral commission": the mention that describes the name. */
function descriptionAfter(st: MentionState, end: number) {
  const { tokens } = st;
  if (tokens[end]?.lower !== ',') return undefined;
  let k = end + 1;
  if (tokens[k]?.pos === 'DET') k++;
  return st.mentions.find(
    (m) => m.start === k && m.prep === '' && !m.rule.includes('person') && m.rule !== 'mention.country',
  );
}

/** ", a reporter for the Wall Street Journal,": a description that names no country; no guess then. */
function describedOtherwise(st: MentionState, end: number): boolean {
  return st.tokens[end]?.lower === ',' && st.tokens[end + 1]?.pos === 'DET';
}

/** The name is the subject of a verb, or the object right after one. */
function acts(st: MentionState, from: number, to: number): boolean {
  const { tokens } = st;
  const next = tokens[to];
  const prev = tokens[from - 1];
  return next?.pos === 'VERB' || next?.pos === 'AUX' || prev?.pos === 'VERB' || (next?.lower === ',' && from === 0);
}

/** The country named nearest before `at` in the sentence, else the first after it. */
function countryOfSentence(st: MentionState, at: number): string | undefined {
  let before: string | undefined;
  let after: string | undefined;
  for (const r of st.raws) {
    if (r.modifier) continue;
    const k = r.entry.kind;
    if (k !== 'country' && k !== 'capital' && k !== 'adjective' && k !== 'place') continue;
    if (r.start < at) before = r.entry.code;
    else after ??= r.entry.code;
  }
  return before ?? after;
}

function insertMention(
  st: MentionState,
  start: number,
  end: number,
  code: string,
  rule: string,
  inferred: boolean,
): void {
  const m = bareMention(start, end, code, prepBefore(st.lx, st.tokens, start), rule, { person: true, inferred });
  const at = st.mentions.findIndex((x) => x.start > start);
  if (at < 0) st.mentions.push(m);
  else st.mentions.splice(at, 0, m);
}

/**
 * "leaders of the opposition group Ginbot 7", "members of the junta", "a spokesman for the Pakistani
 * Taliban": people of a body act for it.
 */
export function membersOf(st: MentionState): void {
  const { tokens, lx } = st;
  for (const m of st.mentions) {
    const prep = tokens[m.end]?.lower;
    if (!lx.memberNouns.has(tokens[m.end - 1]!.lower) || (prep !== 'of' && prep !== 'for')) continue;
    const k = tokens[m.end + 1]?.pos === 'DET' ? m.end + 2 : m.end + 1;
    const body = st.mentions.find((n) => n.start === k && !n.person);
    if (!body || body.code === m.code) continue;
    m.code = body.code;
    m.rule = `${m.rule}, mention.members-of`;
  }
}
