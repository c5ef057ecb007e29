import type { Actor, ActorRole } from '../model/actor.js';

/**
 * The actor dictionaries the reader resolves names with, and the ledger shares. Loaded from
 * `data/actors/` by `loadActorDictionary()` in `actor-dictionary.ts`. Every entry carries the
 * source of its facts.
 */
export interface CountryEntry {
  /** CAMEO country code, ISO-3 based (`USA`, `PRK`, `KOR`, `KSV`). */
  code: string;
  /** Common English short name (`North Korea`). */
  name: string;
  /** Other names (`DPRK`, `Democratic People's Republic of Korea`). */
  names: string[];
  /** Adjectives and demonyms (`North Korean`, `North Koreans`). */
  adjectives: string[];
  /** Capitals and seats used to stand for the government (`Pyongyang`, `the Kremlin`, `Washington`). */
  capitals: string[];
  /** Two-letter FIPS 10-4 code, for GDELT geography (`KN`). */
  fips?: string;
  /** ISO 3166-1 alpha-2, where it exists. */
  iso2?: string;
  /** Correlates of War state number, for POLECAT/COW columns. */
  cow?: number;
  source: string;
}

export interface OrganisationEntry {
  /** Full CAMEO code (`IGOUNOIAE`, `IGOWSTNAT`); for a group with dated codes, the latest one. */
  code: string;
  name: string;
  names: string[];
  source: string;
  /**
   * `igo`/`ngo` for organisations.tsv; `group` for non-state armed or political groups and
   * `institution` for national bodies with a fixed code (`the Pentagon`), both from groups.tsv.
   */
  kind?: 'igo' | 'ngo' | 'group' | 'institution';
  /**
   * Codes that changed over time (Hamas `PSEREB` → `PSEGOV` → `PSEREB`; the Taliban `AFGREB` →
   * `AFGGOV`), half-open [from, to) like a person's roles. Absent when `code` always applied.
   */
  roles?: ActorRole[];
  note?: string;
}

/** A generic agent phrase and the role it stands for (`foreign minister` → `GOV`, `troops` → `MIL`). */
export interface AgentEntry {
  phrase: string;
  /** Role parts to append to a country code (`GOV`, `MIL`, `LEG`, `OPP`, `REB`, `GOVMIL`). */
  role: string;
  source: string;
}

/** An ethnic or religious group and its CAMEO code (`KUR` for "Kurdish", `MOSSHI` for "Shiite"). */
export interface IdentityEntry {
  code: string;
  kind: 'ethnic' | 'religion';
  /** Adjectives and nouns as written in news (`Kurdish`, `Kurds`). */
  names: string[];
  source: string;
}

export interface ActorDictionary {
  countries: CountryEntry[];
  organisations: OrganisationEntry[];
  /** People, each with dated roles (`Actor.kind === 'person'`). */
  people: Actor[];
  /**
   * Person id to the word that stands for the person alone in news when it is not the last word of
   * the name (`kim-jong-un` → `Kim`). Absent: the last word only.
   */
  familyNames?: ReadonlyMap<string, string>;
  agents: AgentEntry[];
  /** Ethnic and religious groups (`identities.tsv`); absent in a dictionary that has none. */
  identities?: IdentityEntry[];
}
