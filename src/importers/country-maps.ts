import { loadActorDictionary } from '../cameo/actor-dictionary.js';

/**
 * Lookups from the code systems of the datasets to CAMEO country codes, built from Parley's actor
 * dictionary (`data/actors/countries.tsv`: names, FIPS 10-4 and COW numbers with their sources).
 */
export interface CountryMaps {
  /** Lower-cased English name or alias → CAMEO (`north korea` → `PRK`). ICEWS, POLECAT. */
  byName: ReadonlyMap<string, string>;
  /** FIPS 10-4 → CAMEO (`KN` → `PRK`). GDELT geography. */
  byFips: ReadonlyMap<string, string>;
  /** COW state number → CAMEO (`731` → `PRK`). POLECAT. */
  byCow: ReadonlyMap<string, string>;
  /** Organisation names → CAMEO code (`United Nations` → `IGOUNO`). */
  byOrganisation: ReadonlyMap<string, string>;
}

/**
 * COW numbers POLECAT uses for today's states where the COW list has a different number for the
 * present-day state: 260 (German Federal Republic) for Germany and 817 (Republic of Vietnam) for
 * Vietnam. An R reader of POLECAT (`write_polecat_csv`) adds these two custom matches because countrycode does not map them unaided.
 */
const POLECAT_COW_EXTRAS: Record<string, string> = { '260': 'DEU', '817': 'VNM' };

let cached: CountryMaps | undefined;

export function countryMaps(): CountryMaps {
  if (cached) return cached;
  const dict = loadActorDictionary();
  const byName = new Map<string, string>();
  const byFips = new Map<string, string>();
  const byCow = new Map<string, string>();
  const byOrganisation = new Map<string, string>();
  for (const c of dict.countries) {
    for (const n of [c.name, ...c.names]) if (!byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), c.code);
    if (c.fips) byFips.set(c.fips, c.code);
    if (c.cow !== undefined) byCow.set(String(c.cow), c.code);
  }
  for (const [cow, code] of Object.entries(POLECAT_COW_EXTRAS)) if (!byCow.has(cow)) byCow.set(cow, code);
  for (const o of dict.organisations) {
    for (const n of [o.name, ...o.names])
      if (!byOrganisation.has(n.toLowerCase())) byOrganisation.set(n.toLowerCase(), o.code);
  }
  cached = { byName, byFips, byCow, byOrganisation };
  return cached;
}
