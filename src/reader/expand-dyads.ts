import { isOrganisationCode, partyOf } from '../model/actor-code.js';
import type { Mention } from './find-mentions.js';
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

const PLACE_PREPS = new Set(['in', 'at']);
const PLACE_NOUNS = new Set([
  'village',
  'hotel',
  'summit',
  'base',
  'resort',
  'palace',
  'airport',
  'border',
  'conference',
  'island',
  'city',
  'port',
  'ship',
  'house',
]);

function country(code: string): string {
  return isOrganisationCode(code) ? partyOf(code) : code.slice(0, 3);
}

/** Where the act took place: an actor mention after "in"/"at" (a capital, a country). */
function placeOf(mentions: Mention[], after: number, places: Mention[]): Mention | undefined {
  // ("met at a military base": an installation whose country is only guessed is no named place)
  const named = mentions.find((m) => m.start > after && PLACE_PREPS.has(m.prep) && !m.inferred);
  // ("met in Jeddah": a city of the places file)
  const place = places.find((m) => m.start > after && PLACE_PREPS.has(m.prep));
  return named && (!place || named.start < place.start) ? named : place;
}

/** "in Geneva", "at the Capella hotel": a named place that is not in the dictionary. */
function unnamedPlace(tokens: Token[], after: number, mentions: Mention[]): boolean {
  for (let k = after + 1; k < tokens.length - 1; k++) {
    const w = tokens[k]!.lower;
    if (w === 'sidelines') return true;
    if (PLACE_PREPS.has(w)) {
      // "at the truce village of Panmunjom", "in Geneva", "at a military base": a named or
      // descriptive place within the next few words that is no actor of the dictionary.
      for (let j = k + 1; j < tokens.length && j <= k + 4; j++) {
        const t = tokens[j]!;
        if (t.pos === 'VERB' || t.pos === 'PUNCT') break;
        if ((t.pos === 'PROPN' || PLACE_NOUNS.has(t.lower)) && !mentions.some((m) => m.start <= j && j < m.end))
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

export function expandDyads(
  kind: DyadKind,
  code: string,
  sources: string[],
  targets: Array<string | null>,
  mentions: Mention[],
  tokens: Token[],
  after: number,
  places: Mention[] = [],
): Dyad[] {
  const named = targets.filter((t): t is string => t !== null);
  if (kind === 'plain' || (kind === 'sym' && sources.length + named.length < 2)) {
    const out: Dyad[] = [];
    for (const s of sources) for (const t of targets) out.push({ source: s, target: t, code });
    return out;
  }
  const parties = [...new Set([...sources, ...named])];
  if (kind === 'sym') {
    // "X and Y signed separate deals with Z and W": each signer with each partner, not among
    // themselves; meetings and agreements run both ways, other joint acts ("shared intelligence
    // with", "agreed to a ceasefire with") are the subject's.
    if (named.length === 0) return pairs(parties, code);
    const both = code.startsWith('04') || code === '057';
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
  if (kind === 'visit') {
    const out: Dyad[] = [];
    for (const s of sources) {
      for (const t of named) {
        const hostCountry = country(t);
        if (hostCountry === country(s)) continue;
        // A trip is the visitor's move; the hosting is coded only when the text says who received
        // the visitor ("hosted", "received", "met ... in"), not inferred from a destination.
        out.push({ source: s, target: hostCountry, code: '042' });
      }
      if (named.length === 0) out.push({ source: s, target: null, code: '042' });
    }
    return out;
  }
  if (kind === 'host') {
    const out: Dyad[] = [];
    for (const s of sources) {
      // The guest's trip is implied, but the hosting is the reported move.
      for (const t of named) out.push({ source: s, target: t, code: '043' });
    }
    return out;
  }
  // kind === 'meet'
  if (parties.length < 2) return sources.map((s) => ({ source: s, target: null, code }));
  const place = placeOf(mentions, after, places);
  if (place) {
    const where = country(place.code);
    const host = parties.find((p) => country(p) === where);
    if (host) {
      const out: Dyad[] = [];
      for (const v of parties) {
        if (v === host || country(v) === where) continue;
        out.push({ source: v, target: where, code: '042' });
        out.push({ source: host, target: v, code: '043' });
      }
      return out;
    }
    return pairs(parties, '044');
  }
  return pairs(parties, unnamedPlace(tokens, after, mentions) ? '044' : code);
}
