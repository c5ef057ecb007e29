import { isOrganisationCode, partyOf } from '../model/actor-code.js';
import type { IsoDate } from '../model/iso-date.js';
import type { Lexicon } from './lexicon.js';

/** What the article has said so far, for pronouns and agents without a country. */
export interface ArticleContext {
  date: IsoDate;
  lastPerson?: string;
  lastCountry?: string;
  /** Last organisation, for "the alliance", "the bloc". */
  lastOrg?: string;
  /** Last actor that is not a single person, for "it" ("Nigeria's army said it killed ..."). */
  lastThing?: string;
  /** Last actor per role part (`GOV`, `MIL`) so that "the minister" finds its referent. */
  lastByRole: Map<string, string>;
  /** People named so far, so that a later bare family name finds them. */
  people: Set<string>;
  /** The several actors that last acted together ("X and Y met"), for "they". */
  lastGroup?: string[];
  /** Distinct people (their codes) in order of mention, for "the two men", "both leaders". */
  recentPeople: string[];
  /** Distinct country-level parties in order of last mention, for "both sides", "the two countries". */
  recentParties: string[];
  /** The two actors of the last act that ran both ways (talks, a ceasefire): "both sides" first. */
  lastPair?: [string, string];
  /** The author of the last act of force read (18x-20x), for "condemned the strike" later on. */
  lastForce?: string;
  /** Titles of the people named so far, last first in effect ("president" -> USAGOV), for "the president". */
  titles?: Array<[string, string]>;
  /**
   * Family names of people the dictionary does not know, named with a title or a description
   * ("Prime Minister Manasseh Sogavare" -> Sogavare: SLBGOV), so that "Sogavare refused" later
   * finds them.
   */
  namedPeople: Map<string, { code: string; person: boolean }>;
}

export function newArticleContext(date: IsoDate): ArticleContext {
  // Every field is set here, so that the object keeps one shape as the article is read (V8 keeps
  // functions that read it fast only while it does).
  return {
    date,
    lastPerson: undefined,
    lastCountry: undefined,
    lastOrg: undefined,
    lastThing: undefined,
    lastByRole: new Map(),
    people: new Set(),
    lastGroup: undefined,
    recentPeople: [],
    recentParties: [],
    lastPair: undefined,
    lastForce: undefined,
    titles: [],
    namedPeople: new Map(),
  };
}

/** What `remember` needs of a mention. */
interface Remembered {
  code: string;
  person: boolean;
  prep: string;
}

/** A mention read: the last person, country, organisation and role the article named. */
export function remember(ctx: ArticleContext, m: Remembered, lx: Lexicon): void {
  if (m.person) {
    ctx.lastPerson = m.code;
    const at = ctx.recentPeople.indexOf(m.code);
    if (at >= 0) ctx.recentPeople.splice(at, 1);
    ctx.recentPeople.push(m.code);
    if (ctx.recentPeople.length > 6) ctx.recentPeople.shift();
  }
  if (isOrganisationCode(m.code)) ctx.lastOrg = m.code;
  else ctx.lastThing = m.code;
  const party = partyOf(m.code);
  if (!isOrganisationCode(m.code)) ctx.lastCountry = party;
  // Places ("met in Singapore") are not parties for "both sides".
  if (!lx.locativePrepositions.has(m.prep)) {
    const at = ctx.recentParties.indexOf(party);
    if (at >= 0) ctx.recentParties.splice(at, 1);
    ctx.recentParties.push(party);
    if (ctx.recentParties.length > 8) ctx.recentParties.shift();
  }
  const role = m.code.slice(party.length);
  if (role) ctx.lastByRole.set(role, m.code);
}

/** "President Donald Trump", "Foreign Minister Ri Yong Ho", a named person's title on the day. */
export function rememberTitle(ctx: ArticleContext, title: string, code: string): void {
  const titles = (ctx.titles ??= []);
  const at = titles.findIndex((t) => t[0] === title);
  if (at >= 0) titles.splice(at, 1);
  titles.push([title, code]);
  if (titles.length > 12) titles.shift();
}

/** The last person whose title holds the phrase ("the president", "the foreign minister"). */
export function titled(ctx: ArticleContext, phrase: string): string | undefined {
  const titles = ctx.titles ?? [];
  for (let k = titles.length - 1; k >= 0; k--) {
    const [title, code] = titles[k]!;
    if (
      title === phrase ||
      title.startsWith(`${phrase} `) ||
      title.endsWith(` ${phrase}`) ||
      title.includes(` ${phrase} `)
    )
      return code;
  }
  return undefined;
}

/** A person the dictionary does not know, named in full with what the text says they are. */
export function rememberNamedPerson(ctx: ArticleContext, familyName: string, code: string, person: boolean): void {
  ctx.namedPeople.delete(familyName);
  ctx.namedPeople.set(familyName, { code, person });
  // (a long article names many people; the oldest go first)
  if (ctx.namedPeople.size > 24) ctx.namedPeople.delete(ctx.namedPeople.keys().next().value!);
}
