import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Actor, ActorRole } from '../model/actor.js';
import { roleProblems } from '../model/actor.js';
import { isActorCode } from '../model/actor-code.js';
import { ValidationError, type ValidationProblem } from '../model/errors.js';
import { isIsoDate } from '../model/iso-date.js';
import { type DataRow, listCell, readDataTable, requiredCell, rowProblem } from '../model/read-data-table.js';
import type {
  ActorDictionary,
  AgentEntry,
  CountryEntry,
  IdentityEntry,
  OrganisationEntry,
} from './actor-dictionary-types.js';
import { parsePeople } from './parse-people.js';

/**
 * Resolved against this module so that the same code finds `data/actors/` from `src/cameo/` under
 * tsx and from `dist/cameo/` after `tsc`.
 */
const DEFAULT_DIR = fileURLToPath(new URL('../../data/actors/', import.meta.url));

export const ACTOR_FILES = {
  countries: 'countries.tsv',
  organisations: 'organisations.tsv',
  groups: 'groups.tsv',
  identities: 'identities.tsv',
  agents: 'agents.tsv',
  people: 'people.yaml',
} as const;

const cache = new Map<string, ActorDictionary>();

/**
 * Loads and checks every actor file in `dir`. All problems found are reported together (one
 * `ValidationError`, each problem naming file, line and field), so that a person fixing the data
 * sees the whole list at once rather than one error per run.
 */
export function loadActorDictionary(dir: string = DEFAULT_DIR): ActorDictionary {
  const key = resolve(dir);
  const hit = cache.get(key);
  if (hit) return hit;
  const problems: ValidationProblem[] = [];
  const countries = parseCountries(join(key, ACTOR_FILES.countries), problems);
  const organisations = parseOrganisations(join(key, ACTOR_FILES.organisations), problems);
  const groupsPath = join(key, ACTOR_FILES.groups);
  // groups.tsv is optional so that a slimmer dictionary (tests, other cases) can leave it out.
  const groups = readOptional(groupsPath) === undefined ? [] : parseGroups(groupsPath, problems);
  const agents = parseAgents(join(key, ACTOR_FILES.agents), problems);
  const identitiesPath = join(key, ACTOR_FILES.identities);
  // identities.tsv is optional too.
  const identities = readOptional(identitiesPath) === undefined ? [] : parseIdentities(identitiesPath, problems);
  const { people, familyNames } = parsePeople(join(key, ACTOR_FILES.people), problems);
  // One phrase, one actor: a name shared by two entries would be resolved by file order alone.
  const orgPhrases: { key: string; file: string; line: number }[] = [];
  for (const o of [...organisations, ...groups]) {
    for (const p of new Set([o.entry.name, ...o.entry.names].map((s) => s.toLowerCase())))
      orgPhrases.push({ key: p, file: o.file, line: o.line });
  }
  for (const c of countries) {
    for (const p of new Set(
      [c.entry.name, ...c.entry.names, ...c.entry.adjectives, ...c.entry.capitals].map((s) => s.toLowerCase()),
    )) {
      orgPhrases.push({ key: p, file: c.file, line: c.line });
    }
  }
  checkUnique(orgPhrases, 'names', 'name', problems);
  if (problems.length > 0) throw new ValidationError(problems);
  const dict: ActorDictionary = {
    countries: countries.map((c) => c.entry),
    organisations: [...organisations, ...groups].map((o) => o.entry),
    people,
    familyNames,
    agents: agents.map((a) => a.entry),
    identities,
  };
  cache.set(key, dict);
  return dict;
}

// ---------------------------------------------------------------------------------------------
// TSV

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

interface Located<T> {
  entry: T;
  file: string;
  line: number;
}

function checkUnique(
  items: { key: string; file: string; line: number }[],
  field: string,
  what: string,
  problems: ValidationProblem[],
): void {
  const seen = new Map<string, { file: string; line: number }>();
  for (const it of items) {
    const first = seen.get(it.key);
    if (first) {
      problems.push({
        location: { file: it.file, line: it.line, field },
        message: `${what} "${it.key}" already defined at ${first.file}:${first.line}`,
      });
    } else seen.set(it.key, it);
  }
}

const COUNTRY_CODE = /^[A-Z]{3}$/;
const TWO_LETTERS = /^[A-Z]{2}$/;

function parseCountries(file: string, problems: ValidationProblem[]): Located<CountryEntry>[] {
  const out: Located<CountryEntry>[] = [];
  for (const row of readDataTable(
    file,
    { columns: ['code', 'name', 'names', 'adjectives', 'capitals', 'fips', 'iso2', 'cow', 'source'] },
    problems,
  ))
    out.push({ entry: countryOfRow(row, file, problems), file, line: row.line });
  checkCountryCodesUnique(out, file, problems);
  return out;
}

/** One line of `countries.tsv`: its codes checked for shape, a problem for each that is not. */
function countryOfRow(row: DataRow, file: string, problems: ValidationProblem[]): CountryEntry {
  const at = (field: string) => ({ file, line: row.line, field });
  const code = requiredCell(row, 'code', problems);
  if (code && !COUNTRY_CODE.test(code))
    problems.push({ location: at('code'), message: `"${code}" is not a 3-letter country code` });
  const name = requiredCell(row, 'name', problems);
  const source = requiredCell(row, 'source', problems);
  const entry: CountryEntry = {
    code,
    name,
    names: listCell(row.get('names')),
    adjectives: listCell(row.get('adjectives')),
    capitals: listCell(row.get('capitals')),
    source,
  };
  const fips = row.get('fips');
  if (fips) {
    if (!TWO_LETTERS.test(fips))
      problems.push({ location: at('fips'), message: `"${fips}" is not a 2-letter FIPS 10-4 code` });
    entry.fips = fips;
  }
  const iso2 = row.get('iso2');
  if (iso2) {
    if (!TWO_LETTERS.test(iso2))
      problems.push({ location: at('iso2'), message: `"${iso2}" is not a 2-letter ISO 3166-1 code` });
    entry.iso2 = iso2;
  }
  const cow = row.get('cow');
  if (cow) {
    if (!/^\d{1,4}$/.test(cow)) problems.push({ location: at('cow'), message: `"${cow}" is not a COW state number` });
    entry.cow = Number(cow);
  }
  return entry;
}

/** Each of a country's codes (CAMEO, FIPS, ISO2, COW) names one country only. */
function checkCountryCodesUnique(out: Located<CountryEntry>[], file: string, problems: ValidationProblem[]): void {
  checkUnique(
    out.map((c) => ({ key: c.entry.code, file, line: c.line })),
    'code',
    'country code',
    problems,
  );
  checkUnique(
    out.filter((c) => c.entry.fips).map((c) => ({ key: c.entry.fips!, file, line: c.line })),
    'fips',
    'FIPS code',
    problems,
  );
  checkUnique(
    out.filter((c) => c.entry.iso2).map((c) => ({ key: c.entry.iso2!, file, line: c.line })),
    'iso2',
    'ISO2 code',
    problems,
  );
  checkUnique(
    out.filter((c) => c.entry.cow !== undefined).map((c) => ({ key: String(c.entry.cow), file, line: c.line })),
    'cow',
    'COW number',
    problems,
  );
}

function checkOrgCode(code: string, file: string, line: number, field: string, problems: ValidationProblem[]): void {
  if (code && !isActorCode(code))
    problems.push({ location: { file, line, field }, message: `"${code}" is not a CAMEO actor code (3-letter parts)` });
}

function parseOrganisations(file: string, problems: ValidationProblem[]): Located<OrganisationEntry>[] {
  const out: Located<OrganisationEntry>[] = [];
  for (const row of readDataTable(file, { columns: ['code', 'kind', 'name', 'names', 'source'] }, problems)) {
    const code = requiredCell(row, 'code', problems);
    checkOrgCode(code, file, row.line, 'code', problems);
    const kind = requiredCell(row, 'kind', problems);
    if (kind && kind !== 'igo' && kind !== 'ngo')
      problems.push({ location: { file, line: row.line, field: 'kind' }, message: `"${kind}" is not igo or ngo` });
    if (kind === 'igo' && code && !code.startsWith('IGO'))
      problems.push({
        location: { file, line: row.line, field: 'code' },
        message: `an igo code starts with IGO, not "${code.slice(0, 3)}"`,
      });
    if (kind === 'ngo' && code && !code.startsWith('NGO'))
      problems.push({
        location: { file, line: row.line, field: 'code' },
        message: `an ngo code starts with NGO, not "${code.slice(0, 3)}"`,
      });
    const entry: OrganisationEntry = {
      code,
      name: requiredCell(row, 'name', problems),
      names: listCell(row.get('names')),
      source: requiredCell(row, 'source', problems),
      kind: kind === 'ngo' ? 'ngo' : 'igo',
    };
    const note = row.get('note');
    if (note) entry.note = note;
    out.push({ entry, file, line: row.line });
  }
  return out;
}

/** `CODE@FROM..TO`, either date optional: `PSEGOV@2006-03-29..2007-06-14`, `AFGGOV@2021-08-15..`. */
function parseDatedCodes(
  cell: string,
  title: string,
  source: string,
  file: string,
  line: number,
  problems: ValidationProblem[],
): ActorRole[] {
  const roles: ActorRole[] = [];
  for (const part of listCell(cell)) {
    const m = /^([A-Z]+)@(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$/.exec(part);
    if (!m) {
      problems.push({ location: { file, line, field: 'dated_codes' }, message: `"${part}" is not CODE@FROM..TO` });
      continue;
    }
    const [, code, from, to] = m;
    checkOrgCode(code!, file, line, 'dated_codes', problems);
    for (const d of [from, to]) {
      if (d !== undefined && !isIsoDate(d))
        problems.push({ location: { file, line, field: 'dated_codes' }, message: `"${d}" is not a calendar date` });
    }
    const role: ActorRole = { code: code!, title, source };
    if (from) role.from = from;
    if (to) role.to = to;
    roles.push(role);
  }
  return roles;
}

function parseGroups(file: string, problems: ValidationProblem[]): Located<OrganisationEntry>[] {
  const out: Located<OrganisationEntry>[] = [];
  for (const row of readDataTable(
    file,
    { columns: ['code', 'kind', 'name', 'names', 'dated_codes', 'source'] },
    problems,
  )) {
    const code = requiredCell(row, 'code', problems);
    checkOrgCode(code, file, row.line, 'code', problems);
    const kind = requiredCell(row, 'kind', problems);
    if (kind && kind !== 'group' && kind !== 'institution')
      problems.push({
        location: { file, line: row.line, field: 'kind' },
        message: `"${kind}" is not group or institution`,
      });
    const name = requiredCell(row, 'name', problems);
    const source = requiredCell(row, 'source', problems);
    const entry: OrganisationEntry = {
      code,
      name,
      names: listCell(row.get('names')),
      source,
      kind: kind === 'institution' ? 'institution' : 'group',
    };
    const roles = parseDatedCodes(row.get('dated_codes'), name, source, file, row.line, problems);
    if (roles.length > 0) {
      entry.roles = roles;
      const probe: Actor = { id: name, kind: 'group', name, aliases: [], roles };
      for (const p of roleProblems(probe))
        problems.push({ location: { file, line: row.line, field: 'dated_codes' }, message: p });
    }
    const note = row.get('note');
    if (note) entry.note = note;
    out.push({ entry, file, line: row.line });
  }
  return out;
}

function parseIdentities(file: string, problems: ValidationProblem[]): IdentityEntry[] {
  const out: IdentityEntry[] = [];
  const lines: Array<{ key: string; file: string; line: number }> = [];
  for (const row of readDataTable(file, { columns: ['code', 'kind', 'names', 'source'] }, problems)) {
    const code = requiredCell(row, 'code', problems);
    const kind = requiredCell(row, 'kind', problems);
    if (code && !/^(?:[A-Z]{3})+$/.test(code))
      problems.push(rowProblem(row, 'code', `"${code}" is not a chain of 3-letter CAMEO parts`));
    if (kind && kind !== 'ethnic' && kind !== 'religion')
      problems.push(rowProblem(row, 'kind', `"${kind}" is not ethnic or religion`));
    const names = listCell(requiredCell(row, 'names', problems));
    const source = requiredCell(row, 'source', problems);
    if (code && names.length > 0) out.push({ code, kind: kind === 'religion' ? 'religion' : 'ethnic', names, source });
    lines.push({ key: code, file, line: row.line });
  }
  checkUnique(lines, 'code', 'group code', problems);
  return out;
}

function parseAgents(file: string, problems: ValidationProblem[]): Located<AgentEntry>[] {
  const out: Located<AgentEntry>[] = [];
  for (const row of readDataTable(file, { columns: ['phrase', 'role', 'source'] }, problems)) {
    const phrase = requiredCell(row, 'phrase', problems);
    const role = requiredCell(row, 'role', problems);
    if (role && !/^(?:[A-Z]{3})+$/.test(role))
      problems.push({
        location: { file, line: row.line, field: 'role' },
        message: `"${role}" is not a chain of 3-letter role parts`,
      });
    out.push({
      entry: { phrase: phrase.toLowerCase(), role, source: requiredCell(row, 'source', problems) },
      file,
      line: row.line,
    });
  }
  checkUnique(
    out.map((a) => ({ key: a.entry.phrase, file, line: a.line })),
    'phrase',
    'agent phrase',
    problems,
  );
  return out;
}
