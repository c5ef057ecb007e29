import { codeUnder, partyOf } from '../model/actor-code.js';

/**
 * How actor codes are read into the two sides of a dyad.
 * - `country`: a side is a party (`partyOf`): `USAGOV`, `USAMIL` and `USA` are all `USA`. Side
 *   patterns are reduced to their party too, so `a: 'USAGOV'` means all of USA at this level.
 * - `role`: a side is every code under one of its patterns in the actor hierarchy (`codeUnder`):
 *   `USAGOV` covers `USAGOVMIL` but not `USAMIL`.
 */
export type DyadLevel = 'country' | 'role';

export interface DyadSpec {
  /** Side A: one actor-code pattern or several (`['USAGOV', 'USAMIL']`). */
  a: string | readonly string[];
  b: string | readonly string[];
  /** Default `country`. */
  level?: DyadLevel;
}

/** A dyad with its patterns normalised, as echoed in results. */
export interface DyadDescription {
  /** Side A's patterns after normalisation (parties at country level). */
  a: string[];
  b: string[];
  level: DyadLevel;
}

export type Side = 'a' | 'b';

/**
 * Which side an actor code belongs to, memoised per code because imported data repeats a few
 * hundred codes millions of times. A code that matches both sides (overlapping role patterns) is
 * read as side A; the caller chose the patterns, so overlap is theirs to avoid.
 */
export interface DyadMatcher {
  readonly dyad: DyadDescription;
  sideOf(code: string): Side | null;
  /** `aToB`, `bToA`, or null for moves inside one side or outside the dyad. */
  directionOf(sourceCode: string, targetCode: string): 'aToB' | 'bToA' | null;
}

function asList(p: string | readonly string[]): string[] {
  return typeof p === 'string' ? [p] : [...p];
}

function describeDyad(spec: DyadSpec): DyadDescription {
  const level = spec.level ?? 'country';
  const norm = (ps: string[]): string[] => (level === 'country' ? [...new Set(ps.map(partyOf))] : ps);
  return { a: norm(asList(spec.a)), b: norm(asList(spec.b)), level };
}

export function dyadMatcher(spec: DyadSpec): DyadMatcher {
  const dyad = describeDyad(spec);
  const cache = new Map<string, Side | null>();
  const compute = (code: string): Side | null => {
    if (dyad.level === 'country') {
      const party = partyOf(code);
      if (dyad.a.includes(party)) return 'a';
      if (dyad.b.includes(party)) return 'b';
      return null;
    }
    if (dyad.a.some((p) => codeUnder(code, p))) return 'a';
    if (dyad.b.some((p) => codeUnder(code, p))) return 'b';
    return null;
  };
  const sideOf = (code: string): Side | null => {
    let s = cache.get(code);
    if (s === undefined) {
      s = compute(code);
      cache.set(code, s);
    }
    return s;
  };
  return {
    dyad,
    sideOf,
    directionOf(sourceCode, targetCode) {
      const s = sideOf(sourceCode);
      if (s === null) return null;
      const t = sideOf(targetCode);
      if (t === null || t === s) return null;
      return s === 'a' ? 'aToB' : 'bToA';
    },
  };
}
