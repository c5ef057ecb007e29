import { partyOf } from '../../model/actor-code.js';
import type { ContextName } from '../load-context-names.js';
import { prepBefore } from './mention-helpers.js';
import { bareMention, type MentionState, pushMention } from './mention-state.js';

/**
 * Words that name no one by themselves but refer to actors: pronouns, "the country", "both sides",
 * "the alliance", and names that hold in a region's news ("the South"). Each step returns the index
 * of the next token to read when it applies, or -1; the first that applies wins.
 */
export interface AnaphorStep {
  readonly name: string;
  readonly run: (st: MentionState, i: number) => number;
}

export const ANAPHOR_STEPS: readonly AnaphorStep[] = [
  { name: 'mention.person-pronoun', run: personPronoun },
  { name: 'mention.object-pronoun', run: objectPronoun },
  { name: 'mention.it', run: itPronoun },
  { name: 'mention.context-name', run: contextName },
  { name: 'mention.the-country', run: theCountry },
  { name: 'mention.they', run: they },
  { name: 'mention.pair', run: pair },
  { name: 'mention.the-body', run: theBody },
  { name: 'mention.named-before', run: namedBefore },
];

/**
 * "Prime Minister Manasseh Sogavare had asked Canberra for help. ... Sogavare refused to step
 * down": a family name alone is the person the article named in full before, with their title's
 * code, though the dictionary does not know them.
 */
function namedBefore(st: MentionState, i: number): number {
  const t = st.tokens[i]!;
  if (t.pos !== 'PROPN' && t.pos !== 'NOUN') return -1;
  const known = st.ctx.namedPeople.get(t.text);
  if (!known || st.tokens[i + 1]?.pos === 'PROPN') return -1;
  pushMention(st, i, i + 1, known.code, known.person, true, 'mention.named-before');
  return i + 1;
}

/** "he", "she": the last person named ("Biden said he hoped ..." looks back no further than its sentence). */
function personPronoun(st: MentionState, i: number): number {
  const { ctx } = st;
  if (!st.lx.personPronouns.has(st.tokens[i]!.lower) || !ctx.lastPerson) return -1;
  const named = st.mentions.some((m) => m.person && !m.inferred);
  const m = pushMention(st, i, i + 1, ctx.lastPerson, true, true, 'mention.person-pronoun');
  if (!named) m.anaphor = true;
  return i + 1;
}

/**
 * "it" as the subject of a verb ("it launched", "it would suspend", "it had offered"), not "it is
 * time", "it said", "it was unclear": the last actor that is not a person.
 */
function itPronoun(st: MentionState, i: number): number {
  const { tokens, ctx } = st;
  if (tokens[i]!.lower !== 'it' || !ctx.lastCountry || i + 1 >= tokens.length) return -1;
  const next = tokens[i + 1]!;
  if (
    (next.pos === 'VERB' && next.lemma !== 'say') ||
    (next.pos === 'AUX' && next.lemma !== 'be' && tokens[i + 2]?.pos !== 'ADJ')
  ) {
    // ("NATO said it would deploy more troops": an actor of its own sentence before it comes first)
    const own = st.mentions.findLast((m) => m.end <= i && !m.person && !m.place);
    pushMention(st, i, i + 1, own?.code ?? ctx.lastThing ?? ctx.lastCountry, false, true, 'mention.it');
  }
  return i + 1;
}

/**
 * "dissolved the opposition party PASTEF, accusing it of ...", "detained a dozen UN staff, accusing
 * them of spying": "it" or "them" right after a verb is the last actor its sentence named before.
 */
function objectPronoun(st: MentionState, i: number): number {
  const { tokens } = st;
  const w = tokens[i]!.lower;
  if ((w !== 'it' && w !== 'them') || tokens[i - 1]?.pos !== 'VERB') return -1;
  const before = st.mentions.filter((m) => m.end <= i && !m.place);
  const last = before[before.length - 1];
  if (!last || before.length < 2) return -1;
  pushMention(st, i, i + 1, last.code, false, true, 'mention.object-pronoun');
  return i + 1;
}

/** "talks with the South", "the North's missiles", "both Koreas": see data/reader/context-names.tsv. */
function contextName(st: MentionState, i: number): number {
  for (const name of st.lx.contextNames) {
    const end = i + name.words.length;
    if (!phraseAt(st, i, name) || !inContext(st, name)) continue;
    const next = st.tokens[end];
    if (next?.pos === 'PROPN' || next?.pos === 'NOUN') continue;
    if (name.codes.length === 1) {
      pushMention(st, i, end, name.codes[0]!, false, true, 'mention.context-name');
      return end;
    }
    // several parties named together: a coordinated pair ("the two Koreas")
    const start = st.tokens[i - 1]?.lower === 'the' ? i - 1 : i;
    const prep = prepBefore(st.lx, st.tokens, start);
    for (const code of name.codes) st.mentions.push(bareMention(start, end, code, prep, 'mention.context-name'));
    return end;
  }
  return -1;
}

function phraseAt(st: MentionState, i: number, name: ContextName): boolean {
  for (let k = 0; k < name.words.length; k++) {
    const t = st.tokens[i + k];
    if (!t || t.lower !== name.words[k]) return false;
    if (name.capital[k] && t.text[0] === t.lower[0]) return false;
  }
  return true;
}

function inContext(st: MentionState, name: ContextName): boolean {
  if (name.context.length === 0) return true;
  const near = (c: string | undefined): boolean => c !== undefined && name.context.some((x) => c.startsWith(x));
  return st.mentions.some((m) => near(m.code)) || near(st.ctx.lastCountry);
}

/** "the country": the article's last country. */
function theCountry(st: MentionState, i: number): number {
  const { tokens, ctx } = st;
  if (tokens[i]!.lower !== 'country' || tokens[i - 1]?.lower !== 'the' || tokens[i + 1]?.lower === "'s") return -1;
  if (!ctx.lastCountry) return -1;
  pushMention(st, i - 1, i + 1, ctx.lastCountry, false, true, 'mention.the-country');
  return i + 1;
}

/** "Trump and Kim met ... they signed": the group that acted last. */
function they(st: MentionState, i: number): number {
  const { tokens, ctx } = st;
  if (tokens[i]!.lower !== 'they' || !ctx.lastGroup || ctx.lastGroup.length < 2) return -1;
  if (tokens[i + 1]?.pos !== 'VERB' && tokens[i + 1]?.pos !== 'AUX') return -1;
  const prep = prepBefore(st.lx, tokens, i);
  for (const code of ctx.lastGroup)
    st.mentions.push(bareMention(i, i + 1, code, prep, 'mention.they', { inferred: true, anaphor: true }));
  return i + 1;
}

/**
 * "both sides", "the two countries": the last two parties named, as one coordinated pair. "the two
 * men", "both leaders" are the last two people; "both sides" the two actors of the last act that ran
 * both ways (the army and the RSF signed a truce ... urged both sides), else the last two parties.
 */
function pair(st: MentionState, i: number): number {
  const { tokens, ctx, lx } = st;
  const w = tokens[i]!.lower;
  const next = tokens[i + 1]?.lower ?? '';
  const named =
    (lx.pairWords.has(w) && lx.pairAnaphors.has(`${w} ${next}`)) || (w === 'warring' && lx.warringNouns.has(next));
  if (!named || (st.partiesBefore.length < 2 && !ctx.lastPair)) return -1;
  const personal = lx.personalPairs.has(next) && st.peopleBefore.length >= 2;
  const countries = lx.countryPairNouns.has(next);
  const last = ctx.lastPair && countries ? (ctx.lastPair.map(partyOf) as [string, string]) : ctx.lastPair;
  const [a, b] = personal
    ? (st.peopleBefore.slice(-2) as [string, string])
    : last && !lx.personalPairs.has(next) && last[0] !== last[1]
      ? last
      : (st.partiesBefore.slice(-2) as [string, string]);
  if (a === undefined || b === undefined) return -1;
  const start = tokens[i - 1]?.lower === 'the' ? i - 1 : i;
  const prep = prepBefore(lx, tokens, start);
  for (const code of [a, b])
    st.mentions.push(bareMention(start, i + 2, code, prep, 'mention.pair', { inferred: true, anaphor: true }));
  return i + 2;
}

/** "the alliance", "the bloc": the organisation named last. */
function theBody(st: MentionState, i: number): number {
  const { tokens, ctx } = st;
  if (!st.lx.bodyAnaphors.has(tokens[i]!.lower) || tokens[i - 1]?.lower !== 'the' || !ctx.lastOrg) return -1;
  pushMention(st, i - 1, i + 1, ctx.lastOrg, false, true, 'mention.the-body');
  return i + 1;
}
