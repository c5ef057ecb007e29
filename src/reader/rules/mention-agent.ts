import { isOrganisationCode, partyOf } from '../../model/actor-code.js';
import { type ArticleContext, rememberTitle, titled } from '../article-context.js';
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../token.js';
import { type Composing, composeFirst, type ComposeStep } from './mention-compose.js';
import { isIndividual, namedEmployer, privatePerson } from './mention-helpers.js';
import { isStateRole } from './event-helpers.js';
import { nameCode } from './mention-names.js';
import type { MentionState, Raw } from './mention-state.js';

/**
 * An agent phrase ("the foreign minister", "troops", "activists") given its country: from a name
 * after it ("Foreign Minister Taro Kono"), from "of Japan", from the person last named with that
 * title, or from the sentence and the article. Steps in order; the first that applies decides.
 */
interface AgentComposing extends Composing {
  prevWord: string | undefined;
  /** "the country's foreign minister": the article's last country. */
  possessive: boolean;
  /** The actor last named with this title or role. */
  sameRole: string | undefined;
}

export function composeAgent(st: MentionState, c: Composing): void {
  const { tokens, ctx, lx } = st;
  const e = c.entry;
  const at = c.raw.start;
  const prevWord = tokens[at - 1]?.lower;
  const a: AgentComposing = Object.assign(c, {
    prevWord,
    possessive: prevWord === "'s" && lx.countryNouns.has(tokens[at - 2]?.lower ?? ''),
    sameRole: (prevWord === 'the' ? titled(ctx, e.tokens.join(' ')) : undefined) ?? ctx.lastByRole.get(e.code),
  });
  composeFirst(AGENT_STEPS as readonly ComposeStep[], st, a);
}

const AGENT_STEPS: ReadonlyArray<{ name: string; run: (st: MentionState, c: AgentComposing) => boolean }> = [
  { name: 'mention.title-and-name', run: titleAndName },
  { name: 'mention.agent-of-country', run: agentOfCountry },
  { name: 'mention.agent-same-title', run: sameTitle },
  { name: 'mention.agent-same-body', run: sameBody },
  { name: 'mention.agent-of-no-country', run: noCountry },
  { name: 'mention.agent-country-from-context', run: countryFromContext },
];

/** "Foreign Minister Taro Kono", "President Donald Trump": the title written before the name. */
function titleAndName(st: MentionState, c: AgentComposing): boolean {
  const next = st.raws[st.r];
  if (!next || (next.entry.kind !== 'person' && next.entry.kind !== 'surname') || next.start !== c.end) return false;
  c.code = nameCode(st, next) ?? (st.ctx.lastCountry ? st.ctx.lastCountry + c.entry.code : undefined);
  // "former president Rodrigo Duterte": a person out of office acts in the role the text gives.
  if (c.code !== undefined && !isOrganisationCode(c.code) && partyOf(c.code) === c.code) c.code += c.entry.code;
  if (c.code) rememberTitle(st.ctx, c.entry.tokens.join(' '), c.code);
  c.person = true;
  c.end = next.end;
  st.r++;
  return true;
}

/** "the foreign minister of Japan", "the foreign minister of Japan, Taro Kono". */
function agentOfCountry(st: MentionState, c: AgentComposing): boolean {
  const { tokens, raws } = st;
  const next = raws[st.r];
  if (!next || (next.entry.kind !== 'country' && next.entry.kind !== 'capital' && next.entry.kind !== 'place'))
    return false;
  const between = tokens
    .slice(c.end, next.start)
    .map((t) => t.lower)
    .join(' ');
  if (between !== 'of' && between !== 'of the') return false;
  c.code = next.entry.code + c.entry.code;
  c.person = isIndividual(st.lx, tokens[c.raw.end - 1]!.lower);
  c.end = next.end;
  st.r++;
  const after = raws[st.r];
  if (after && (after.entry.kind === 'person' || after.entry.kind === 'surname') && after.start === c.end) {
    c.code = nameCode(st, after) ?? c.code;
    c.end = after.end;
    st.r++;
  }
  return true;
}

/** Fixes what the remaining steps share: a singular title names one person, and is inferred. */
function agentDefaults(st: MentionState, c: AgentComposing): void {
  c.person = isIndividual(st.lx, st.tokens[c.raw.end - 1]!.lower);
  c.inferred = true;
}

/** "the minister", "his deputy": the person last named with that title or role. */
function sameTitle(st: MentionState, c: AgentComposing): boolean {
  agentDefaults(st, c);
  if (c.possessive || !c.person || !st.lx.titleDeterminers.has(c.prevWord ?? '') || !c.sameRole) return false;
  c.code = c.sameRole;
  return true;
}

/**
 * "China's foreign ministry condemned ... The ministry also summoned the Japanese ambassador": a
 * body named again with "the" is the one named before, not the next country of its sentence.
 */
function sameBody(st: MentionState, c: AgentComposing): boolean {
  if (c.possessive || c.person || c.prevWord !== 'the' || !c.sameRole || isOrganisationCode(c.sameRole)) return false;
  if ((nearestCountryBefore(st.raws, c.raw.start) !== undefined || st.mentions.length > 0) && !actedOn(st, c))
    return false;
  c.code = c.sameRole;
  return true;
}

/**
 * "China, which brokered a ceasefire between the junta and the alliance": the body named before,
 * of another country than the actor of its sentence, is what that actor acts on, not its own.
 */
function actedOn(st: MentionState, c: AgentComposing): boolean {
  const actor = st.mentions.findLast((m) => !m.place && m.end <= c.raw.start);
  if (!actor || isOrganisationCode(actor.code) || partyOf(actor.code) === partyOf(c.sameRole!)) return false;
  // (wink may tag a past tense after "which" as an adjective: "which once mediated between")
  return st.tokens
    .slice(actor.end, c.raw.start)
    .some((t) => t.pos === 'VERB' || (t.pos === 'ADJ' && t.lower.endsWith('ed')));
}

/**
 * "sanctions on any company that ...", "Western officials", "a reporter for the Daily Planet", "the
 * two leaders" with fewer than two people named before: an agent of no one country.
 */
function noCountry(st: MentionState, c: AgentComposing): boolean {
  const { lx, tokens } = st;
  const w = c.prevWord;
  return (
    lx.genericDeterminers.has(w ?? '') ||
    (w !== undefined && lx.supranationalModifiers.has(w)) ||
    namedEmployer(lx, tokens, st.raws, c.raw.end) ||
    (lx.pairWords.has(w ?? '') && lx.personalPairs.has(tokens[c.raw.end - 1]!.lower))
  );
}

/**
 * "The Pentagon moved more warships": an agent after an actor of the same sentence is that actor's;
 * else the nearest country word, else the article's last country. Private people ("activists",
 * "civilians") take a state only from a place named with them or the article; a trailing speaker
 * (", the army chief said") belongs to the state the sentence is about, its first subject.
 */
function countryFromContext(st: MentionState, c: AgentComposing): boolean {
  const { tokens, raws, mentions, ctx, lx } = st;
  const head = tokens[c.raw.end - 1]!.lower;
  const prior = mentions.length > 0 ? partyOf(mentions[mentions.length - 1]!.code) : undefined;
  const priorCountry = prior && !isOrganisationCode(prior) ? prior : undefined;
  const trailing = trailingAttribution(lx, tokens, c.raw.start, c.raw.end)
    ? mentions.find((m) => m.prep === '' && !isOrganisationCode(m.code))
    : undefined;
  const isPrivate = privatePerson(lx, c.entry, head);
  const located = locatedIn(tokens, raws, c.raw.end, !isPrivate);
  const country = trailing
    ? partyOf(trailing.code)
    : located !== undefined
      ? located
      : c.possessive || c.prevWord === 'its'
        ? ctx.lastCountry
        : isPrivate
          ? (placeCountry(lx, tokens, raws, c.raw.start) ??
            st.countryBefore ??
            // (a journalist may be a foreign correspondent: no state's by default)
            (c.entry.code === 'MED' ? undefined : stateActing(st)))
          : (nearestCountryBefore(raws, c.raw.start) ??
            priorCountry ??
            contextCountry(tokens, raws, ctx, c, armed(lx, c.entry.code)));
  // ("leaders at the General Assembly": an agent at an organisation acts for it)
  if (country) c.code = isOrganisationCode(country) ? country : country + c.entry.code;
  return true;
}

/**
 * "Kenyan police fired tear gas at demonstrators": people named by role alone whom a state's own
 * organs act on take that state, the state organ named last before them.
 */
function stateActing(st: MentionState): string | undefined {
  const organ = st.mentions.findLast(
    (m) => !m.place && !isOrganisationCode(m.code) && partyOf(m.code) !== m.code && isStateRole(st.lx, m.code),
  );
  return organ ? partyOf(organ.code) : undefined;
}

/** A country or capital named as a place in the agent's clause ("rioters in Almaty", "in Tehran"). */
function placeCountry(lx: Lexicon, tokens: Token[], raws: Raw[], at: number): string | undefined {
  for (const r of raws) {
    const kind = r.entry.kind;
    if (r.modifier || (kind !== 'country' && kind !== 'capital' && kind !== 'place')) continue;
    const [from, to] = r.start < at ? [r.end, at] : [at, r.start];
    if (tokens.slice(from, to).some((w) => lx.clauseBreaks.has(w.lower))) continue;
    let k = r.start - 1;
    while (k >= 0 && tokens[k]!.pos === 'DET') k--;
    if (k >= 0 && lx.locativePrepositions.has(tokens[k]!.lower)) return r.entry.code;
  }
  return undefined;
}

/** ", the army chief said." / ", the foreign minister told reporters": an agent closing the sentence as its speaker. */
function trailingAttribution(lx: Lexicon, tokens: Token[], start: number, end: number): boolean {
  let k = start - 1;
  while (k >= 0 && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'ADJ' || lx.agentModifiers.has(tokens[k]!.lower)))
    k--;
  if (tokens[k]?.lower !== ',') return false;
  let j = end;
  while (j < tokens.length && tokens[j]!.pos === 'ADJ') j++;
  const verb = tokens[j];
  return (
    verb !== undefined &&
    verb.pos === 'VERB' &&
    lx.speakerVerbs.has(verb.lemma) &&
    (j + 1 >= tokens.length - 1 ||
      tokens[j + 1]!.pos === 'PUNCT' ||
      lx.afterSpeakerWords.has(tokens[j + 1]!.lower) ||
      verb.lemma === 'tell')
  );
}

/** "the rival generals in Sudan's war", "officials in Tokyo", "troops from Russia": the place right after the agent. */
function locatedIn(tokens: Token[], raws: Raw[], end: number, cities: boolean): string | undefined {
  const w = tokens[end]?.lower;
  if (w !== 'in' && w !== 'from' && w !== 'at') return undefined;
  const k = tokens[end + 1]?.lower === 'the' ? end + 2 : end + 1;
  const r = raws.find((x) => x.start === k);
  if (r && w === 'at' && r.entry.kind === 'org' && !r.entry.roles) return r.entry.code;
  if (w === 'at') return undefined;
  // (private people take a state only from a country named with them: a city says where they
  // were, not whose they are)
  return r &&
    !r.modifier &&
    (r.entry.kind === 'country' || r.entry.kind === 'capital' || (cities && r.entry.kind === 'place'))
    ? r.entry.code
    : undefined;
}

/** A country for an agent named without one: a country named in the sentence, else the article's last. */
function nearestCountryBefore(raws: Raw[], at: number): string | undefined {
  let found: string | undefined;
  for (const r of raws) {
    if (r.start >= at) break;
    if (r.modifier) continue;
    const kind = r.entry.kind;
    if (kind === 'country' || kind === 'capital' || kind === 'adjective' || kind === 'place') found = r.entry.code;
  }
  return found;
}

/** The country of a speaker closing the sentence (", Burkina Faso's army said."), after `at`. */
function trailingSpeakerCountry(tokens: Token[], raws: Raw[], at: number): string | undefined {
  let comma = tokens.length - 1;
  while (comma > at && tokens[comma]!.lower !== ',') comma--;
  if (comma <= at || tokens.length - comma > 10) return undefined;
  const tail = tokens.slice(comma + 1);
  if (!tail.some((t) => t.pos === 'VERB' && (t.lemma === 'say' || t.lemma === 'tell'))) return undefined;
  const r = raws.find(
    (x) => x.start > comma && !x.modifier && (x.entry.kind === 'country' || x.entry.kind === 'adjective'),
  );
  return r?.entry.code;
}

/** An armed role: a state's forces, or rebels. */
function armed(lx: Lexicon, role: string): boolean {
  return lx.stateForceRoles.has(role) || role.startsWith('REB');
}

/**
 * The nearest country named before the agent, else the first one after it, else the article's.
 * ("Prime Minister Manasseh Sogavare had asked Canberra for help": for a person with a title, a
 * country named after a verb that follows is more often whom they act on than their own, so the
 * article's comes first.)
 */
function contextCountry(
  tokens: Token[],
  raws: Raw[],
  ctx: ArticleContext,
  c: AgentComposing,
  armed: boolean,
): string | undefined {
  const at = c.raw.start;
  let before: string | undefined;
  let after: string | undefined;
  let afterAt = -1;
  for (const r of raws) {
    const kind = r.entry.kind;
    // (a place after an armed agent is more often where it strikes than whose it is: "a drone
    // struck the Zaporizhzhia plant")
    const place = kind === 'place' && (r.start < at || !armed);
    if (r.modifier || (kind !== 'country' && kind !== 'capital' && kind !== 'adjective' && !place)) continue;
    if (r.start < at) before = r.entry.code;
    else if (after === undefined) {
      after = r.entry.code;
      afterAt = r.start;
    }
  }
  if (before) return before;
  // ("Jihadists killed fifty soldiers near the border with Mali, Burkina Faso's army said": the
  // state that reports its own losses is the one the sentence is about)
  const speaker = trailingSpeakerCountry(tokens, raws, at);
  if (speaker) return speaker;
  const acted = c.person && after !== undefined && tokens.slice(at, afterAt).some((t) => t.pos === 'VERB');
  return acted && ctx.lastCountry ? ctx.lastCountry : (after ?? ctx.lastCountry);
}
