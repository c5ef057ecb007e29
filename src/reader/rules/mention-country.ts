import { rememberTitle } from '../article-context.js';
import { type ComposeStep, type Composing, composeFirst } from './mention-compose.js';
import { gapOk, isIndividual, objectPosition, sharedAgent, subjectNounRun, thingRun } from './mention-helpers.js';
import { countryGroup } from './mention-identity.js';
import { nameCode } from './mention-names.js';
import type { MentionState } from './mention-state.js';

/**
 * A country, its adjective or its capital, composed with what follows: an agent ("North Korean" +
 * "foreign minister" → PRKGOV), a name ("North Korean Foreign Minister Ri Yong Ho"), a people
 * ("Israeli hostages"), or nothing ("a North Korean missile" names no actor). Steps in order; the
 * first that applies gives the code.
 */
export function composeCountry(st: MentionState, c: Composing): void {
  composeFirst(COUNTRY_STEPS, st, c);
  titleBeforeName(st, c);
}

const COUNTRY_STEPS: readonly ComposeStep[] = [
  { name: 'mention.country-group', run: countryGroup },
  { name: 'mention.country-agent', run: countryAgent },
  { name: 'mention.countries-share-agent', run: countriesShareAgent },
  { name: 'mention.country-shares-agent', run: countrySharesAgent },
  { name: 'mention.capital', run: (_st, c) => c.entry.kind === 'capital' && setCode(c, `${c.entry.code}GOV`) },
  { name: 'mention.country', run: (_st, c) => c.entry.kind === 'country' && setCode(c, c.entry.code) },
  { name: 'mention.adjective-before-name', run: adjectiveBeforeName },
  { name: 'mention.adjective-capital', run: adjectiveCapital },
  { name: 'mention.counterpart', run: counterpart },
  { name: 'mention.plural-demonym', run: pluralDemonym },
  { name: 'mention.author-of-force', run: authorOfForce },
  { name: 'mention.owned-or-brokered', run: ownedOrBrokered },
  { name: 'mention.country-people', run: countryPeople },
];

function setCode(c: Composing, code: string): true {
  c.code = code;
  return true;
}

/** "North Korean foreign minister", "Japan's new foreign minister": the country's agent. */
function countryAgent(st: MentionState, c: Composing): boolean {
  const next = st.raws[st.r];
  if (next?.entry.kind !== 'agent' || !gapOk(st.lx, st.tokens, c.end, next.start)) return false;
  c.code = c.entry.code + next.entry.code;
  c.person = isIndividual(st.lx, st.tokens[next.end - 1]!.lower);
  c.end = next.end;
  st.r++;
  return true;
}

/** "Kyrgyz and Tajik border guards", "US and Chinese officials": the agent is each country's. */
function countriesShareAgent(st: MentionState, c: Composing): boolean {
  const { raws, r, tokens } = st;
  const next = raws[r];
  const agent = raws[r + 1];
  if (!next || (next.entry.kind !== 'adjective' && next.entry.kind !== 'country')) return false;
  if (next.start !== c.end + 1 || tokens[c.end]?.lower !== 'and' || agent?.entry.kind !== 'agent') return false;
  if (!gapOk(st.lx, tokens, next.end, agent.start)) return false;
  return setCode(c, c.entry.code + agent.entry.code);
}

/** "Iranian and European diplomats": the second name holds the agent both share. */
function countrySharesAgent(st: MentionState, c: Composing): boolean {
  const next = st.raws[st.r];
  if (next?.entry.kind !== 'org' || next.entry.tokens.length !== 2) return false;
  if (next.start !== c.end + 1 || st.tokens[c.end]?.lower !== 'and') return false;
  const agent = sharedAgent(st.index, next.entry.tokens[1]!);
  return agent !== undefined && setCode(c, c.entry.code + agent);
}

/** "the Russian President Vladimir Putin": an adjective right before a name. */
function adjectiveBeforeName(st: MentionState, c: Composing): boolean {
  const next = st.raws[st.r];
  return (
    next !== undefined &&
    (next.entry.kind === 'person' || next.entry.kind === 'surname') &&
    next.start === c.end &&
    setCode(c, c.entry.code)
  );
}

/** "the Eritrean capital": the capital stands for the country's government, as a name would. */
function adjectiveCapital(st: MentionState, c: Composing): boolean {
  if (c.entry.kind !== 'adjective' || st.tokens[c.raw.end]?.lower !== 'capital') return false;
  c.end = c.raw.end + 1;
  return setCode(c, `${c.entry.code}GOV`);
}

/** "his Fijian counterpart": the counterpart of a head of government is one too. */
function counterpart(st: MentionState, c: Composing): boolean {
  const w = st.tokens[c.raw.end]?.lower ?? '';
  if (c.entry.kind !== 'adjective' || !st.lx.counterpartNouns.has(w)) return false;
  c.person = !w.endsWith('s');
  c.end = c.raw.end + 1;
  return setCode(c, `${c.entry.code}GOV`);
}

/** "Afghans", "the Chinese": a plural demonym names the country's people. */
function pluralDemonym(st: MentionState, c: Composing): boolean {
  const last = st.tokens[c.raw.end - 1]!;
  return /s$/.test(last.lower) && last.pos !== 'ADJ' && setCode(c, c.entry.code);
}

/**
 * "respond to any Iranian attack", "condemned the Russian invasion": the adjective names the
 * author of the act, whom an answer to the act is aimed at.
 */
function authorOfForce(st: MentionState, c: Composing): boolean {
  return (
    c.entry.kind === 'adjective' &&
    st.lx.forceActNouns.has(st.tokens[c.raw.end]?.lower ?? '') &&
    setCode(c, c.entry.code)
  );
}

/** "a British-flagged tanker", "a Russian-owned bank", "a Russian-brokered ceasefire": the country acts. */
function ownedOrBrokered(st: MentionState, c: Composing): boolean {
  const { tokens, lx } = st;
  const after = tokens[c.raw.end + 1]?.lower ?? '';
  return (
    tokens[c.raw.end]?.text === '-' &&
    (lx.ownershipParticiples.has(after) || lx.brokerParticiples.has(after)) &&
    setCode(c, c.entry.code)
  );
}

/**
 * "Israeli hostages", "a French journalist": the country's people, covered by the mention; "Israeli
 * aircraft struck": the subject of a verb; "seized an Iranian tanker": a thing of the country's that
 * is the object of a verb or a preposition. Otherwise the adjective names no actor.
 */
function countryPeople(st: MentionState, c: Composing): boolean {
  const { tokens, raws, lx } = st;
  const run = subjectNounRun(lx, tokens, c.raw.end);
  if (run !== 0) c.code = c.entry.code;
  if (run > 0 && !(raws[st.r] && raws[st.r]!.start < run)) c.end = run;
  else if (
    run === 0 &&
    c.entry.kind === 'adjective' &&
    objectPosition(lx, tokens, c.raw.start) &&
    thingRun(tokens, c.raw.end)
  )
    c.code = c.entry.code;
  return true;
}

/** "North Korean Foreign Minister Ri Yong Ho": a name after the country word is the person, on the day. */
function titleBeforeName(st: MentionState, c: Composing): void {
  const after = st.raws[st.r];
  if (c.code === undefined || !after || (after.entry.kind !== 'person' && after.entry.kind !== 'surname')) return;
  if (after.start !== c.end) return;
  c.code = nameCode(st, after) ?? c.code;
  const written = st.tokens
    .slice(c.raw.end, after.start)
    .filter((w) => !st.lx.agentModifiers.has(w.lower))
    .map((w) => w.lower)
    .join(' ');
  if (written) rememberTitle(st.ctx, written, c.code);
  c.person = true;
  c.end = after.end;
  c.rule = `${c.rule}, mention.title-before-name`;
  st.r++;
}
