/**
 * CAMEO actor codes are chains of 3-letter parts: a root (a country, or IGO/NGO/IMG/MNC and the
 * organisation's parts) followed by roles. These helpers read them without any table.
 */

const ORGANISATION_ROOTS = new Set(['IGO', 'NGO', 'IMG', 'MNC']);

/** Known role parts, so that `IGOUNOIAE` is read as one organisation and `USAGOVMIL` as USA + roles. */
export const ROLE_PARTS = new Set([
  'GOV',
  'MIL',
  'REB',
  'OPP',
  'PTY',
  'COP',
  'JUD',
  'SPY',
  'MED',
  'EDU',
  'BUS',
  'CRM',
  'CVL',
  'LEG',
  'HLH',
  'UAF',
  'AGR',
  'LAB',
  'REF',
  'ELI',
  'ENV',
  'HRI',
  'DEV',
  'RAD',
  'MOD',
  'INS',
  'SEP',
  'MUS',
  'CHR',
  'CTH',
  'JEW',
  'HIN',
  'BUD',
  'JRN',
  'PRE',
  'REL',
  'SOC',
  'PRM',
  'UNK',
  'NGM',
  'IRG',
]);

function splitCode(code: string): string[] {
  const parts: string[] = [];
  for (let i = 0; i < code.length; i += 3) parts.push(code.slice(i, i + 3));
  return parts;
}

export function isOrganisationCode(code: string): boolean {
  return ORGANISATION_ROOTS.has(code.slice(0, 3));
}

/**
 * The party a code belongs to at country level: the country (`USAGOV` → `USA`), or for an
 * organisation the organisation itself without trailing roles (`IGOUNOIAEGOV` → `IGOUNOIAE`).
 * Sector parts inside an organisation's own code stay (`NGOHRIAMN` is Amnesty, not all NGOs).
 */
export function partyOf(code: string): string {
  if (!isOrganisationCode(code)) return code.slice(0, 3);
  const parts = splitCode(code);
  let end = parts.length;
  while (end > 1 && ROLE_PARTS.has(parts[end - 1]!)) end--;
  return parts.slice(0, end).join('');
}

/** The role parts after the party (`USAGOVMIL` → `GOVMIL`), empty for a bare party. */
export function rolesOf(code: string): string {
  return code.slice(partyOf(code).length);
}

/**
 * Whether `code` falls under `pattern` in the actor hierarchy: `USA` covers `USAGOV` and
 * `USAGOVMIL`; `USAGOV` covers `USAGOVMIL` but not `USAMIL`. Matching is on whole 3-letter parts.
 */
export function codeUnder(code: string, pattern: string): boolean {
  return code.length >= pattern.length && pattern.length % 3 === 0 && code.startsWith(pattern);
}

const ACTOR_CODE = /^(?:[A-Z]{3})+$/;

export function isActorCode(code: string): boolean {
  return ACTOR_CODE.test(code);
}
