import { partyOf } from '../model/actor-code.js';
import type { ActorIndex } from './actor-index.js';
import { type ArticleContext, rememberNamedPerson } from './article-context.js';
import type { Lexicon } from './lexicon.js';
import { composeAgent } from './rules/mention-agent.js';
import { ANAPHOR_STEPS } from './rules/mention-anaphors.js';
import type { Composing } from './rules/mention-compose.js';
import { composeCountry } from './rules/mention-country.js';
import { prepBefore } from './rules/mention-helpers.js';
import { composeIdentity } from './rules/mention-identity.js';
import { composeOrganisation, composePerson, composeSurname, countOfStates } from './rules/mention-names.js';
import { membersOf, nameAfterAgent, nameBeforeAgent, unknownNames } from './rules/mention-unknown-names.js';
import { bareMention, type Mention, type MentionState, pushMention, type Raw } from './rules/mention-state.js';
import { flagModifiers, rawMatches } from './rules/raw-matches.js';
import type { Token } from './token.js';

/**
 * Actor recognition in one sentence, in this order: dictionary matches (longest first), country
 * names used as modifiers set aside ("the Singapore summit"), then, token by token, each match
 * composed by the steps of its kind (country, organisation, person, family name, agent: see
 * rules/mention-*.ts) and every other word offered to the anaphor steps (pronouns, "the country",
 * "both sides", context names). Each mention names the step that made it (`rule`).
 */
export type { Mention } from './rules/mention-state.js';
export { type ArticleContext, newArticleContext } from './article-context.js';

/** A dictionary match that names no actor where it stands, and the step that said so. */
export interface SkippedMatch {
  start: number;
  end: number;
  rule: string;
}

export function findMentions(
  tokens: Token[],
  index: ActorIndex,
  ctx: ArticleContext,
  lx: Lexicon,
  skipped?: SkippedMatch[],
): Mention[] {
  const raws = rawMatches(tokens, index, lx);
  flagModifiers(tokens, raws, lx);
  const st: MentionState = {
    tokens,
    index,
    ctx,
    lx,
    raws,
    r: 0,
    mentions: [],
    places: [],
    partiesBefore: ctx.recentParties.slice(),
    countryBefore: ctx.lastCountry,
    peopleBefore: ctx.recentPeople.slice(),
    heldStart: undefined,
    skipped: [],
  };
  for (let i = 0; i < tokens.length; ) {
    const raw = raws[st.r];
    i = raw && raw.start === i ? composeRaw(st, raw) : anaphorAt(st, i);
  }
  unknownNames(st);
  membersOf(st);
  if (skipped) skipped.push(...st.skipped);
  // Places come after the actors, flagged, so that callers can set them apart (read-article does).
  return st.places.length > 0 ? [...st.mentions, ...st.places] : st.mentions;
}

/** One dictionary match composed into a mention (or none); returns the next token to read. */
function composeRaw(st: MentionState, raw: Raw): number {
  const { tokens, lx } = st;
  const e = raw.entry;
  st.r++;
  if (e.kind === 'place') {
    // "in Jeddah", "near Djibo": kept apart from the actors, for where an act took place.
    st.places.push(
      bareMention(raw.start, raw.end, e.code, prepBefore(lx, tokens, raw.start), 'mention.place', { place: true }),
    );
    return raw.end;
  }
  if (raw.modifier) {
    st.skipped.push({ start: raw.start, end: raw.end, rule: 'mention.modifier' });
    return raw.end;
  }
  const c: Composing = { raw, entry: e, code: undefined, end: raw.end, person: false, inferred: false, rule: '' };
  if (e.kind === 'country' || e.kind === 'adjective' || e.kind === 'capital') composeCountry(st, c);
  else if (countOfStates(st, c)) c.rule = 'mention.count-of-states';
  else if (e.kind === 'org') composeOrganisation(st, c);
  else if (e.kind === 'person') composePerson(st, c);
  else if (e.kind === 'surname') composeSurname(st, c);
  else if (e.kind === 'identity') composeIdentity(st, c);
  else composeAgent(st, c);
  const agentLed = c.code !== undefined && (e.kind === 'agent' || /country-agent|organisation-agent/.test(c.rule));
  if (agentLed) nameAfterAgent(st, c);
  let start = raw.start;
  if (c.code !== undefined && e.kind === 'agent') {
    start = nameBeforeAgent(st, raw.start);
    if (start < raw.start) c.rule = `mention.unknown-name-and-agent, ${c.rule}`;
    if (start < raw.start && lx.stateForceRoles.has(e.code)) start = namedArmedGroup(st, c, start);
  }
  if (heldForOwned(st, c)) {
    st.heldStart = raw.start;
    return c.end + 1;
  }
  if (c.code) {
    const m = pushMention(st, st.heldStart ?? start, c.end, c.code, c.person, c.inferred, c.rule);
    if (agentLed && c.end > raw.end && /^[A-Z]/.test(tokens[c.end - 1]!.text))
      rememberNamedPerson(st.ctx, tokens[c.end - 1]!.text, c.code, c.person);
    if (raw.thing) {
      m.thing = true;
      m.rule = `${m.rule}, mention.body-thing`;
    }
    // "a Russian-brokered ceasefire", "the US-mediated talks": the country is the broker, the
    // agent of the participle ("brokered by Russia"), not the object of the preposition before.
    if (tokens[c.end]?.text === '-' && lx.brokerParticiples.has(tokens[c.end + 1]?.lower ?? '')) m.prep = 'by';
  } else st.skipped.push({ start: raw.start, end: c.end, rule: c.rule });
  st.heldStart = undefined;
  return c.end;
}

/**
 * "the Kachin Independence Army", "the New People's Army": an army with a name of its own is an
 * armed group, not the state's (REB); a group word before the name is its root (KACREB).
 */
function namedArmedGroup(st: MentionState, c: Composing, start: number): number {
  const party = partyOf(c.code!);
  const group = st.raws.find((r) => r.end === start && r.entry.kind === 'identity');
  c.code = group ? `${group.entry.code}REB` : `${party}REB`;
  c.rule = `${c.rule}, mention.named-armed-group`;
  return group ? group.start : start;
}

/**
 * "Afghanistan's Taliban government", "Japan's Abe": the possessive country belongs to the actor
 * that follows, so that "Uzbekistan and Afghanistan's Taliban" stays a coordination.
 */
function heldForOwned(st: MentionState, c: Composing): boolean {
  const owned = st.raws[st.r];
  return (
    c.code !== undefined &&
    (c.entry.kind === 'country' || c.entry.kind === 'capital') &&
    c.end === c.raw.end &&
    st.tokens[c.end]?.lower === "'s" &&
    owned !== undefined &&
    owned.start === c.end + 1 &&
    (owned.entry.kind === 'org' || owned.entry.kind === 'person' || owned.entry.kind === 'surname')
  );
}

/** A word that is no dictionary match, offered to the anaphor steps in order. */
function anaphorAt(st: MentionState, i: number): number {
  for (const s of ANAPHOR_STEPS) {
    const next = s.run(st, i);
    if (next >= 0) return next;
  }
  return i + 1;
}
