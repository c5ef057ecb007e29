import type { ActorIndex, ActorIndexEntry } from '../actor-index.js';
import { type ArticleContext, remember } from '../article-context.js';
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../token.js';
import { opensClause, prepBefore } from './mention-helpers.js';

/**
 * An actor named in a sentence: a dictionary match composed into a code ("North Korean" + "foreign
 * minister" → PRKGOV), an agent given a country from context, or a pronoun resolved to the last
 * matching actor of the article.
 */
export interface Mention {
  /** Token indices [start, end) in the sentence. */
  start: number;
  end: number;
  code: string;
  /** Denotes one person (a named person or a singular title), so "he"/"she" can refer to it. */
  person: boolean;
  /** Resolved from context (pronoun, "the minister", agent without a country): less certain. */
  inferred: boolean;
  /** The preposition right before the mention ("with", "to", "in", "by"), or '' if none. */
  prep: string;
  /** A description of the mention just before it (", the country's top diplomat,"). */
  apposition: boolean;
  /** A place that is no actor ("in Jeddah"): where the act happened; `code` is its state. */
  place?: boolean;
  /** Refers back to actors of an earlier sentence ("he", "they", "the two men", "both sides"). */
  anaphor?: boolean;
  /** The mention step that made it (`mention.country-agent`, `mention.pronoun`). */
  rule: string;
  /** A body's thing ("an army post"): the body only as the target of force. */
  thing?: boolean;
}

/** A dictionary match before it is composed into a mention. */
export interface Raw {
  start: number;
  end: number;
  entry: ActorIndexEntry;
  /** A place name used as a modifier ("the Singapore summit"): no actor, no country for agents. */
  modifier?: boolean;
  /** A body's name before a thing ("a police convoy"): the mention covers the thing. */
  thing?: boolean;
}

/** What the mention steps of one sentence share (see find-mentions.ts for their order). */
export interface MentionState {
  readonly tokens: Token[];
  readonly index: ActorIndex;
  readonly ctx: ArticleContext;
  readonly lx: Lexicon;
  readonly raws: Raw[];
  /** The next raw match not yet composed. */
  r: number;
  mentions: Mention[];
  places: Mention[];
  /** "both sides" means the parties of the story so far, not the ones this sentence adds. */
  readonly partiesBefore: string[];
  readonly countryBefore: string | undefined;
  readonly peopleBefore: string[];
  /** Where a possessive country held for the actor after it starts ("Afghanistan's Taliban"). */
  heldStart: number | undefined;
  /** Dictionary matches that name no actor here, and the step that said so (for --explain). */
  skipped: Array<{ start: number; end: number; rule: string }>;
}

/** Adds a mention with its preposition and apposition, and lets the article remember it. */
export function pushMention(
  st: MentionState,
  start: number,
  end: number,
  code: string,
  person: boolean,
  inferred: boolean,
  rule: string,
): Mention {
  const { tokens, mentions, lx } = st;
  const prev = mentions[mentions.length - 1];
  const apposition = isApposition(st, prev, start);
  let prep = prepBefore(lx, tokens, start);
  if (prep === '' && prev && !apposition) {
    // "between Israel and the UAE": a conjunct shares the preposition of the first one.
    let k2 = start - 1;
    while (k2 > prev.end && lx.determiners.has(tokens[k2]!.lower)) k2--;
    const w = tokens[k2]?.lower;
    if (k2 === prev.end && (w === 'and' || w === 'or')) prep = prev.prep;
  }
  if (lx.clausePrepositions.has(prep) && opensClause(tokens, end)) prep = '';
  const m: Mention = { start, end, code, person, inferred, prep, apposition, place: false, anaphor: false, rule };
  mentions.push(m);
  if (!apposition) remember(st.ctx, m, lx);
  return m;
}

/** ", the North Korean foreign minister," after a person: the same actor, not a new one. */
function isApposition(st: MentionState, prev: Mention | undefined, start: number): boolean {
  const { tokens } = st;
  let k = start - 1;
  while (k > 0 && st.lx.determiners.has(tokens[k]!.lower)) k--;
  if (prev === undefined || prev.end !== k || tokens[k]?.lower !== ',' || !prev.person) return false;
  return !st.raws.some(
    (r) =>
      r.start === start &&
      (r.entry.kind === 'country' || r.entry.kind === 'org' || r.entry.kind === 'person' || r.entry.kind === 'surname'),
  );
}

/** A mention made directly (pairs, places, quote speakers): no preposition sharing, not remembered. */
export function bareMention(
  start: number,
  end: number,
  code: string,
  prep: string,
  rule: string,
  flags: Partial<Pick<Mention, 'person' | 'inferred' | 'place' | 'anaphor'>> = {},
): Mention {
  return {
    start,
    end,
    code,
    person: flags.person ?? false,
    inferred: flags.inferred ?? false,
    prep,
    apposition: false,
    place: flags.place ?? false,
    anaphor: flags.anaphor ?? false,
    rule,
  };
}
