import { isOrganisationCode, partyOf } from '../../model/actor-code.js';
import type { ActorIndexEntry } from '../actor-index.js';
import { isStateRole } from './event-helpers.js';
import { type Composing, composeFirst, type ComposeStep } from './mention-compose.js';
import { gapOk, isIndividual, objectPosition, subjectNounRun, thingRun } from './mention-helpers.js';
import type { MentionState, Raw } from './mention-state.js';

/**
 * Ethnic and religious groups (`data/actors/identities.tsv`): "Kurdish militants" (KURREB),
 * "Sunni and Shiite tribes", "Tamil refugees", "Hindu mobs", "the Uyghurs", "Muslim homes". The
 * group takes a country only when the text gives one (an adjective before it, a place after it):
 * the country comes first and the group follows the role (LKAREFTAM), else the group's code is the
 * root (TAMREF). A group name alone in the singular ("Karen said") names no one.
 */
export function composeIdentity(st: MentionState, c: Composing): void {
  composeFirst(IDENTITY_STEPS, st, c);
}

const IDENTITY_STEPS: readonly ComposeStep[] = [
  { name: 'mention.group-agent', run: groupAgent },
  { name: 'mention.groups-share-agent', run: groupsShareAgent },
  { name: 'mention.group-people', run: groupPeople },
];

/** The code of group `group` with role `role` and the country the text places it in, if any. */
export function groupCode(country: string | undefined, role: string, group: string): string {
  return country ? country + role + group : group + role;
}

/**
 * The country of the place the sentence puts the group in: right after its words ("Kurdish
 * militants in northern Iraq", "Roma in Slovakia"), or later in its clause ("Hindu mobs attacked
 * Muslim homes in northeast Delhi", "hijacked a train in Pakistan's Balochistan province").
 */
function placedIn(st: MentionState, end: number): string | undefined {
  const { tokens, raws, lx } = st;
  for (const r of raws) {
    if (r.start < end || r.modifier) continue;
    const kind = r.entry.kind;
    if (kind !== 'country' && kind !== 'capital' && kind !== 'place') continue;
    let k = r.start - 1;
    while (k >= end && k >= r.start - 3 && /^(DET|ADJ|ADV|NOUN|PROPN)$/.test(tokens[k]!.pos)) k--;
    if (k >= end && lx.locativePrepositions.has(tokens[k]!.lower)) return r.entry.code;
    if (tokens.slice(end, r.start).some((t) => lx.sentenceBoundaries.has(t.lower))) return undefined;
  }
  return undefined;
}

/**
 * "Police in Slovakia beat Roma children": a group the text places nowhere, acted on by a state's
 * own organs, is of that state (the organ named last before it, with a verb between them).
 */
function actedOnByState(st: MentionState, start: number): string | undefined {
  const organ = st.mentions.findLast(
    (m) => !m.place && m.end <= start && !isOrganisationCode(m.code) && partyOf(m.code) !== m.code,
  );
  if (!organ || !isStateRole(st.lx, organ.code) || organ.prep !== '') return undefined;
  return st.tokens.slice(organ.end, start).some((t) => t.pos === 'VERB') ? partyOf(organ.code) : undefined;
}

/** Where the text puts a group: a place after it, else the state whose organs act on it. */
function countryOfGroup(st: MentionState, start: number, end: number): string | undefined {
  return placedIn(st, end) ?? actedOnByState(st, start);
}

/** "Kurdish militants", "Hutu rebels", "Amhara civilians": the group acting through an agent. */
function groupAgent(st: MentionState, c: Composing): boolean {
  const next = st.raws[st.r];
  if (next?.entry.kind !== 'agent' || !gapOk(st.lx, st.tokens, c.end, next.start)) return false;
  c.code = groupCode(countryOfGroup(st, c.raw.start, next.end), next.entry.code, c.entry.code);
  c.person = isIndividual(st.lx, st.tokens[next.end - 1]!.lower);
  c.end = next.end;
  st.r++;
  return true;
}

/** "Sunni and Shiite tribes", "Christian and Shiite fighters": each group with the agent they share. */
function groupsShareAgent(st: MentionState, c: Composing): boolean {
  const { raws, r, tokens } = st;
  const other = raws[r];
  const agent = raws[r + 1];
  if (other?.entry.kind !== 'identity' || other.start !== c.end + 1 || tokens[c.end]?.lower !== 'and') return false;
  if (agent?.entry.kind !== 'agent' || !gapOk(st.lx, tokens, other.end, agent.start)) return false;
  c.code = groupCode(placedIn(st, agent.end), agent.entry.code, c.entry.code);
  return true;
}

/** "Tamils", "the Uyghurs", "Muslim homes and shops", "Roma children": the group's people or things. */
function groupPeople(st: MentionState, c: Composing): boolean {
  const { tokens, lx } = st;
  const word = tokens[c.raw.end - 1]!;
  const plural = word.lower.endsWith('s') && word.pos !== 'ADJ';
  const run = plural ? 0 : subjectNounRun(lx, tokens, c.raw.end);
  const thing = !plural && run === 0 && objectPosition(lx, tokens, c.raw.start) && thingRun(tokens, c.raw.end);
  if (!plural && run === 0 && !thing) return true;
  if (run > 0 && !(st.raws[st.r] && st.raws[st.r]!.start < run)) c.end = run;
  c.code = groupCode(countryOfGroup(st, c.raw.start, c.end), '', c.entry.code);
  return true;
}

/** A country adjective followed by a group: "Congolese Tutsi leaders" (CODTTS…), "Sri Lankan Tamils". */
export function countryGroup(st: MentionState, c: Composing): boolean {
  const next: Raw | undefined = st.raws[st.r];
  if (next?.entry.kind !== 'identity' || next.start !== c.end) return false;
  const group: ActorIndexEntry = next.entry;
  st.r++;
  const agent = st.raws[st.r];
  if (agent?.entry.kind === 'agent' && gapOk(st.lx, st.tokens, next.end, agent.start)) {
    c.code = groupCode(c.entry.code, agent.entry.code, group.code);
    c.person = isIndividual(st.lx, st.tokens[agent.end - 1]!.lower);
    c.end = agent.end;
    st.r++;
    return true;
  }
  c.code = groupCode(c.entry.code, '', group.code);
  const run = subjectNounRun(st.lx, st.tokens, next.end);
  c.end = run > 0 ? run : next.end;
  return true;
}
