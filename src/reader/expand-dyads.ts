import { isOrganisationCode, partyOf } from '../model/actor-code.js';
import type { Mention } from './find-mentions.js';
import type { Lexicon } from './lexicon.js';
import type { Token } from './token.js';

/**
 * One act, several coded events, following the event-data convention the evaluation set uses:
 * a meeting, a call, talks or an agreement is coded in both directions (and between every pair of
 * several parties); a trip is the visitor's 042 to the host country; hosting is the host's 043; a meeting in one party's country is that visit and hosting; a meeting elsewhere
 * (or "on the sidelines") 044 both ways.
 */
export type DyadKind = 'plain' | 'sym' | 'meet' | 'visit' | 'host';

export interface Dyad {
  source: string;
  target: string | null;
  code: string;
}

function country(code: string): string {
  return isOrganisationCode(code) ? partyOf(code) : code.slice(0, 3);
}

/** Where the act took place: an actor mention after "in"/"at" (a capital, a country). */
function placeOf(lx: Lexicon, mentions: Mention[], after: number, places: Mention[]): Mention | undefined {
  // ("met at a military base": an installation whose country is only guessed is no named place)
  const named = mentions.find((m) => m.start > after && lx.placePrepositions.has(m.prep) && !m.inferred);
  // ("met in Jeddah": a city of the places file)
  const place = places.find((m) => m.start > after && lx.placePrepositions.has(m.prep));
  return named && (!place || named.start < place.start) ? named : place;
}

/** "in Geneva", "at the Capella hotel": a named place that is not in the dictionary. */
function unnamedPlace(lx: Lexicon, tokens: Token[], after: number, mentions: Mention[]): boolean {
  for (let k = after + 1; k < tokens.length - 1; k++) {
    const w = tokens[k]!.lower;
    if (w === 'sidelines') return true;
    if (lx.placePrepositions.has(w)) {
      // "at the truce village of Panmunjom", "in Geneva", "at a military base": a named or
      // descriptive place within the next few words that is no actor of the dictionary.
      for (let j = k + 1; j < tokens.length && j <= k + 4; j++) {
        const t = tokens[j]!;
        if (t.pos === 'VERB' || t.pos === 'PUNCT') break;
        if ((t.pos === 'PROPN' || lx.placeNouns.has(t.lower)) && !mentions.some((m) => m.start <= j && j < m.end))
          return true;
      }
    }
  }
  return false;
}

function pairs(parties: string[], code: string): Dyad[] {
  const out: Dyad[] = [];
  // Two bodies of one country (government and opposition) still talk to each other.
  for (const a of parties) for (const b of parties) if (a !== b) out.push({ source: a, target: b, code });
  return out;
}

/** Where the act stands in its sentence, for placing a meeting. */
export interface DyadContext {
  lx: Lexicon;
  mentions: Mention[];
  tokens: Token[];
  /** The last trigger word: places are looked for after it. */
  after: number;
  places: Mention[];
  /** Names of the expansion steps that fired are added here. */
  fired: string[];
}

export function expandDyads(
  kind: DyadKind,
  code: string,
  sources: string[],
  targets: Array<string | null>,
  where: DyadContext,
): Dyad[] {
  const named = targets.filter((t): t is string => t !== null);
  if (kind === 'plain' || (kind === 'sym' && sources.length + named.length < 2)) {
    const out: Dyad[] = [];
    for (const s of sources) for (const t of targets) out.push({ source: s, target: t, code });
    return out;
  }
  const parties = [...new Set([...sources, ...named])];
  if (kind === 'sym') return symDyads(code, sources, named, parties, where.lx);
  if (kind === 'visit') return visitDyads(sources, named);
  // The guest's trip is implied, but the hosting is the reported move.
  if (kind === 'host') return sources.flatMap((s) => named.map((t) => ({ source: s, target: t, code: '043' })));
  return meetDyads(code, sources, parties, where);
}

/**
 * "X and Y signed separate deals with Z and W": each signer with each partner, not among themselves;
 * meetings, agreements and fights ("clashed with riot police") run both ways (the list
 * both-ways-codes), other joint acts ("shared intelligence with", "agreed to a ceasefire with") are
 * the subject's.
 */
function symDyads(code: string, sources: string[], named: string[], parties: string[], lx: Lexicon): Dyad[] {
  if (named.length === 0) return pairs(parties, code);
  const both = lx.bothWaysCodes.has(code) || lx.bothWaysCodes.has(code.slice(0, 2));
  const out: Dyad[] = [];
  for (const s of sources) {
    for (const t of named) {
      if (s === t) continue;
      out.push({ source: s, target: t, code });
      if (both) out.push({ source: t, target: s, code });
    }
  }
  return out;
}

/**
 * A trip is the visitor's move; the hosting is coded only when the text says who received the
 * visitor ("hosted", "received", "met ... in"), not inferred from a destination.
 */
function visitDyads(sources: string[], named: string[]): Dyad[] {
  const out: Dyad[] = [];
  for (const s of sources) {
    for (const t of named) {
      const hostCountry = country(t);
      if (hostCountry !== country(s)) out.push({ source: s, target: hostCountry, code: '042' });
    }
    if (named.length === 0) out.push({ source: s, target: null, code: '042' });
  }
  return out;
}

/** A meeting in one party's country is a visit and its hosting; elsewhere, 044 both ways. */
function meetDyads(code: string, sources: string[], parties: string[], w: DyadContext): Dyad[] {
  if (parties.length < 2) return sources.map((s) => ({ source: s, target: null, code }));
  const place = placeOf(w.lx, w.mentions, w.after, w.places);
  if (place) {
    const where = country(place.code);
    const host = parties.find((p) => country(p) === where);
    w.fired.push(host ? 'dyads.meeting-in-a-party-country' : 'dyads.meeting-in-a-third-country');
    if (!host) return pairs(parties, '044');
    const out: Dyad[] = [];
    for (const v of parties) {
      if (v === host || country(v) === where) continue;
      out.push({ source: v, target: where, code: '042' });
      out.push({ source: host, target: v, code: '043' });
    }
    return out;
  }
  const elsewhere = unnamedPlace(w.lx, w.tokens, w.after, w.mentions);
  if (elsewhere) w.fired.push('dyads.meeting-at-a-named-place');
  return pairs(parties, elsewhere ? '044' : code);
}
