import type { ActorDictionary } from '../cameo/actor-dictionary-types.js';
import type { Actor, ActorRole } from '../model/actor.js';
import { tokenisePhrase } from './analyse-text.js';
import type { PlaceEntry } from './places.js';

/**
 * The actor dictionary compiled for matching: every name, adjective, capital, organisation name,
 * person name and agent phrase split into tokens the way wink splits text, grouped by first token
 * (longest first), so that matching a sentence costs one map look-up per token.
 */
export type ActorEntryKind =
  | 'country'
  | 'adjective'
  | 'capital'
  | 'org'
  | 'person'
  | 'agent'
  | 'surname'
  | 'place'
  | 'identity';

export interface ActorIndexEntry {
  kind: ActorEntryKind;
  tokens: string[];
  /** Country or organisation code; for agents, the role parts (`GOV`, `MIL`). */
  code: string;
  person?: Actor;
  /** For a bare family name ("Kim", "Xi"): every person who bears it. */
  bearers?: Actor[];
  /** Codes that changed over time (a group that governed, then fought): resolved on the article date. */
  roles?: ActorRole[];
  /** The text must start with a capital letter (names), or be all capitals (short acronyms). */
  caseRule: 'any' | 'capital' | 'upper';
}

export interface ActorIndex {
  byFirst: Map<string, ActorIndexEntry[]>;
  /** Country codes to their entries, for "the country" style look-ups. */
  countries: Set<string>;
}

const cache = new WeakMap<ActorDictionary, ActorIndex>();
const cacheWithPlaces = new WeakMap<ActorDictionary, ActorIndex>();

function caseRuleOf(phrase: string, kind: ActorEntryKind): ActorIndexEntry['caseRule'] {
  const letters = phrase.replace(/[^A-Za-z]/g, '');
  // Short all-capital names (US, UN, EU, IS) collide with common words; demand the same case.
  if (letters.length > 0 && letters.length <= 4 && letters === letters.toUpperCase()) return 'upper';
  if (kind === 'agent') return 'any';
  return /^[A-Z]/.test(phrase.replace(/^the /i, '')) ? 'capital' : 'any';
}

/** `places` (non-capital cities and regions) are indexed as places, never actors. */
export function buildActorIndex(dict: ActorDictionary, places: readonly PlaceEntry[] = []): ActorIndex {
  const store = places.length > 0 ? cacheWithPlaces : cache;
  const hit = store.get(dict);
  if (hit) return hit;
  const byFirst = new Map<string, ActorIndexEntry[]>();
  const seen = new Set<string>();
  const add = (phrase: string, kind: ActorEntryKind, code: string, person?: Actor, roles?: ActorRole[]): void => {
    const trimmed = phrase.trim();
    if (trimmed === '') return;
    let tokens = tokenisePhrase(trimmed);
    // "the Kremlin": the article is optional in text ("the Kremlin said", "Kremlin officials").
    if (tokens.length > 1 && tokens[0] === 'the') tokens = tokens.slice(1);
    if (tokens.length === 0) return;
    const key = `${kind}|${code}|${person?.id ?? ''}|${tokens.join(' ')}`;
    if (seen.has(key)) return;
    seen.add(key);
    const entry: ActorIndexEntry = { kind, tokens, code, caseRule: caseRuleOf(trimmed, kind) };
    if (person) entry.person = person;
    if (roles && roles.length > 0) entry.roles = roles;
    const list = byFirst.get(tokens[0]!);
    if (list) list.push(entry);
    else byFirst.set(tokens[0]!, [entry]);
  };
  const countries = new Set<string>();
  for (const c of dict.countries) {
    countries.add(c.code);
    for (const n of [c.name, ...c.names]) add(n, 'country', c.code);
    for (const a of c.adjectives) add(a, 'adjective', c.code);
    for (const cap of c.capitals) add(cap, 'capital', c.code);
  }
  for (const o of dict.organisations) for (const n of [o.name, ...o.names]) add(n, 'org', o.code, undefined, o.roles);
  for (const p of dict.people) for (const n of [p.name, ...p.aliases]) add(n, 'person', p.code ?? '', p);
  for (const a of dict.agents) add(a.phrase, 'agent', a.role);
  for (const g of dict.identities ?? []) for (const n of g.names) add(n, 'identity', g.code);
  for (const pl of places) add(pl.name, 'place', pl.country);
  addFamilyNames(dict, byFirst);
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const index = { byFirst, countries };
  store.set(dict, index);
  return index;
}

/**
 * A bare family name stands for its bearer when the name is unambiguous on the day, or when the
 * article named the person in full before ("Kim Jong Un ... Kim said"). The family name is the
 * last word of the name unless the dictionary declares another ("Kim" of Kim Jong Un, "Xi" of Xi
 * Jinping): a first name ("John", "Mike", "Ali") never stands for a person.
 */
function addFamilyNames(dict: ActorDictionary, byFirst: Map<string, ActorIndexEntry[]>): void {
  const bearers = new Map<string, Actor[]>();
  for (const p of dict.people) {
    const words = p.name.split(/\s+/).filter((w) => /^[A-Z][a-z'-]+$/.test(w));
    const declared = dict.familyNames?.get(p.id);
    if (!declared && words.length < 2) continue;
    const key = (declared ?? words[words.length - 1]!).toLowerCase();
    const list = bearers.get(key);
    if (list) list.push(p);
    else bearers.set(key, [p]);
  }
  for (const [key, people] of bearers) {
    const entry: ActorIndexEntry = { kind: 'surname', tokens: [key], code: '', caseRule: 'capital', bearers: people };
    const list = byFirst.get(key);
    if (list) list.push(entry);
    else byFirst.set(key, [entry]);
  }
}
