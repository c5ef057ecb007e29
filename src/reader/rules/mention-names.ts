import { type ActorRole, actorCodeOn, roleOn } from '../../model/actor.js';
import { isOrganisationCode, partyOf } from '../../model/actor-code.js';
import type { IsoDate } from '../../model/iso-date.js';
import type { ActorIndexEntry } from '../actor-index.js';
import { type ArticleContext, rememberTitle } from '../article-context.js';
import type { Token } from '../token.js';
import type { Composing } from './mention-compose.js';
import { gapOk, titleGap } from './mention-helpers.js';
import type { MentionState, Raw } from './mention-state.js';

/** Names: organisations (and their agents), people on the article's date, bare family names. */

/** The code of a person or family-name match on the article's date. */
export function nameCode(st: MentionState, raw: Raw): string | undefined {
  return raw.entry.kind === 'surname'
    ? surnameCode(raw.entry, st.ctx, st.tokens[raw.start]!)
    : personCode(raw.entry, st.ctx.date);
}

/** The bearer of a bare family name: one already named in the article, else the only one in office. */
export function surnameCode(e: ActorIndexEntry, ctx: ArticleContext, tok: Token): string | undefined {
  if (tok.pos !== 'PROPN') return undefined;
  const people = e.bearers ?? [];
  const named = people.filter((p) => ctx.people.has(p.id));
  const pool = named.length > 0 ? named : people;
  // People without a role on the day (out of office, a brother, a victim) do not compete.
  const codes = pool.map((p) => actorCodeOn(p, ctx.date)).filter((c): c is string => c !== undefined);
  if (codes.length === 0) return undefined;
  // The code nearly all bearers share on the day ("Kim" in 2018: five North Korean officials and
  // one US ambassador) stands; an even split is too ambiguous to guess.
  const tally = new Map<string, number>();
  for (const c of codes) tally.set(c, (tally.get(c) ?? 0) + 1);
  const [best, count] = [...tally].sort((a, b) => b[1] - a[1])[0]!;
  return count / codes.length >= 0.75 ? best : undefined;
}

export function personCode(entry: ActorIndexEntry, date: IsoDate): string | undefined {
  if (!entry.person) return entry.code || undefined;
  const code = actorCodeOn(entry.person, date);
  if (code !== undefined) return code;
  // Named in full after leaving office (or dying in it: "a drone strike killed Qassem Soleimani"):
  // still a national of the state served last, without the role.
  let last: ActorRole | undefined;
  for (const r of entry.person.roles)
    if (r.to !== undefined && r.to <= date && (last === undefined || r.to > last.to!)) last = r;
  return last && !isOrganisationCode(last.code) ? partyOf(last.code) : undefined;
}

/** "twenty European countries": a count of states, not the bloc a plural name stands for. */
export function countOfStates(st: MentionState, c: Composing): boolean {
  const e = c.entry;
  const before = st.tokens[c.raw.start - 1];
  return (
    e.kind === 'org' &&
    e.tokens.length > 1 &&
    /s$/.test(e.tokens[e.tokens.length - 1]!) &&
    (before?.pos === 'NUM' || st.lx.quantityWords.has(before?.lower ?? ''))
  );
}

/** An organisation on the day ("IAEA inspectors", "UN envoy": it acts through its agents). */
export function composeOrganisation(st: MentionState, c: Composing): void {
  const { tokens, raws } = st;
  const e = c.entry;
  c.code = e.roles
    ? (roleOn({ id: '', kind: 'group', name: '', aliases: [], roles: e.roles }, st.ctx.date)?.code ?? e.code)
    : e.code;
  c.rule = 'mention.organisation';
  const next = raws[st.r];
  if (
    next &&
    next.entry.kind === 'agent' &&
    (gapOk(st.lx, tokens, c.end, next.start) || titleGap(tokens, c.end, next.start))
  ) {
    c.end = next.end;
    c.rule = 'mention.organisation-agent';
    st.r++;
    return;
  }
  // "the United Nations Secretary-General": a title that is not an agent phrase still belongs to it.
  let k = c.end;
  while (
    k < tokens.length &&
    k < c.end + 4 &&
    (tokens[k]!.pos === 'PROPN' || tokens[k]!.text === '-') &&
    !raws.some((x) => x.start === k)
  )
    k++;
  if (k > c.end && tokens[k - 1]!.text !== '-') c.end = k;
}

/** A person named in full: the role held on the article's date. */
export function composePerson(st: MentionState, c: Composing): void {
  const e = c.entry;
  c.code = personCode(e, st.ctx.date);
  c.person = true;
  c.rule = 'mention.person';
  if (e.person) st.ctx.people.add(e.person.id);
  const title = e.person ? roleOn(e.person, st.ctx.date)?.title : undefined;
  if (title && c.code) rememberTitle(st.ctx, title.toLowerCase(), c.code);
}

/** A bare family name ("Kim", "Xi"): see surnameCode. */
export function composeSurname(st: MentionState, c: Composing): void {
  c.code = surnameCode(c.entry, st.ctx, st.tokens[c.raw.start]!);
  c.person = true;
  c.rule = 'mention.family-name';
}
