import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, isMap, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Actor, ActorRole } from '../model/actor.js';
import { roleProblems } from '../model/actor.js';
import { isActorCode } from '../model/actor-code.js';
import { ValidationError, type ValidationProblem } from '../model/errors.js';
import { isIsoDate } from '../model/iso-date.js';
import type { ActorDictionary, AgentEntry, CountryEntry, OrganisationEntry } from './actor-dictionary-types.js';

/**
 * Resolved against this module so that the same code finds `data/actors/` from `src/cameo/` under
 * tsx and from `dist/cameo/` after `tsc`.
 */
const DEFAULT_DIR = fileURLToPath(new URL('../../data/actors/', import.meta.url));

export const ACTOR_FILES = {
  countries: 'countries.tsv',
  organisations: 'organisations.tsv',
  groups: 'groups.tsv',
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
  const people = parsePeople(join(key, ACTOR_FILES.people), problems);
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
    agents: agents.map((a) => a.entry),
  };
  cache.set(key, dict);
  return dict;
}

// ---------------------------------------------------------------------------------------------
// TSV

interface TsvRow {
  line: number;
  get(field: string): string;
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function readRequired(path: string, problems: ValidationProblem[]): string | undefined {
  const text = readOptional(path);
  if (text === undefined) problems.push({ location: { file: path }, message: 'cannot read the file' });
  return text;
}

/**
 * Rows of a TSV file whose first non-comment line is the header. Columns are found by header name
 * so that a column can be added without breaking older readers.
 */
function readTsv(path: string, required: readonly string[], problems: ValidationProblem[]): TsvRow[] {
  const text = readRequired(path, problems);
  if (text === undefined) return [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let header: string[] | undefined;
  const rows: TsvRow[] = [];
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const cells = raw.split('\t');
    if (!header) {
      header = cells.map((c) => c.trim());
      for (const f of required) {
        if (!header.includes(f))
          problems.push({ location: { file: path, line: lineNo, field: f }, message: `header lacks column "${f}"` });
      }
      return;
    }
    const h = header;
    if (cells.length > h.length) {
      problems.push({
        location: { file: path, line: lineNo },
        message: `${cells.length} cells but the header names ${h.length} columns`,
      });
      return;
    }
    rows.push({
      line: lineNo,
      get: (field: string) => {
        const idx = h.indexOf(field);
        return idx < 0 ? '' : (cells[idx] ?? '').trim();
      },
    });
  });
  if (!header) problems.push({ location: { file: path }, message: 'no header line' });
  return rows;
}

function multi(cell: string): string[] {
  return cell === ''
    ? []
    : cell
        .split('|')
        .map((s) => s.trim())
        .filter((s) => s !== '');
}

function need(row: TsvRow, field: string, file: string, problems: ValidationProblem[]): string {
  const v = row.get(field);
  if (v === '') problems.push({ location: { file, line: row.line, field }, message: 'is empty' });
  return v;
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
  for (const row of readTsv(
    file,
    ['code', 'name', 'names', 'adjectives', 'capitals', 'fips', 'iso2', 'cow', 'source'],
    problems,
  )) {
    const at = (field: string) => ({ file, line: row.line, field });
    const code = need(row, 'code', file, problems);
    if (code && !COUNTRY_CODE.test(code))
      problems.push({ location: at('code'), message: `"${code}" is not a 3-letter country code` });
    const name = need(row, 'name', file, problems);
    const source = need(row, 'source', file, problems);
    const entry: CountryEntry = {
      code,
      name,
      names: multi(row.get('names')),
      adjectives: multi(row.get('adjectives')),
      capitals: multi(row.get('capitals')),
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
    out.push({ entry, file, line: row.line });
  }
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
  return out;
}

function checkOrgCode(code: string, file: string, line: number, field: string, problems: ValidationProblem[]): void {
  if (code && !isActorCode(code))
    problems.push({ location: { file, line, field }, message: `"${code}" is not a CAMEO actor code (3-letter parts)` });
}

function parseOrganisations(file: string, problems: ValidationProblem[]): Located<OrganisationEntry>[] {
  const out: Located<OrganisationEntry>[] = [];
  for (const row of readTsv(file, ['code', 'kind', 'name', 'names', 'source'], problems)) {
    const code = need(row, 'code', file, problems);
    checkOrgCode(code, file, row.line, 'code', problems);
    const kind = need(row, 'kind', file, problems);
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
      name: need(row, 'name', file, problems),
      names: multi(row.get('names')),
      source: need(row, 'source', file, problems),
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
  for (const part of multi(cell)) {
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
  for (const row of readTsv(file, ['code', 'kind', 'name', 'names', 'dated_codes', 'source'], problems)) {
    const code = need(row, 'code', file, problems);
    checkOrgCode(code, file, row.line, 'code', problems);
    const kind = need(row, 'kind', file, problems);
    if (kind && kind !== 'group' && kind !== 'institution')
      problems.push({
        location: { file, line: row.line, field: 'kind' },
        message: `"${kind}" is not group or institution`,
      });
    const name = need(row, 'name', file, problems);
    const source = need(row, 'source', file, problems);
    const entry: OrganisationEntry = {
      code,
      name,
      names: multi(row.get('names')),
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

function parseAgents(file: string, problems: ValidationProblem[]): Located<AgentEntry>[] {
  const out: Located<AgentEntry>[] = [];
  for (const row of readTsv(file, ['phrase', 'role', 'source'], problems)) {
    const phrase = need(row, 'phrase', file, problems);
    const role = need(row, 'role', file, problems);
    if (role && !/^(?:[A-Z]{3})+$/.test(role))
      problems.push({
        location: { file, line: row.line, field: 'role' },
        message: `"${role}" is not a chain of 3-letter role parts`,
      });
    out.push({
      entry: { phrase: phrase.toLowerCase(), role, source: need(row, 'source', file, problems) },
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

// ---------------------------------------------------------------------------------------------
// YAML

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function parsePeople(file: string, problems: ValidationProblem[]): Actor[] {
  const text = readRequired(file, problems);
  if (text === undefined) return [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (node: YamlNode | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  for (const e of doc.errors) {
    problems.push({
      location: { file, line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line },
      message: `YAML: ${e.message.split('\n')[0]}`,
    });
  }
  if (doc.errors.length > 0) return [];
  const root = doc.contents;
  const list = isMap(root) ? root.get('people', true) : undefined;
  if (!isSeq(list)) {
    problems.push({
      location: { file, line: lineOf(root as YamlNode | null) ?? 1, field: 'people' },
      message: 'expected a top-level "people:" list',
    });
    return [];
  }
  const people: Actor[] = [];
  const idLines = new Map<string, number>();
  // A name or alias shared by two people cannot be resolved from the text alone; refuse it here.
  const aliasOwners = new Map<string, string>();
  list.items.forEach((item, idx) => {
    const itemLine = lineOf(item as YamlNode) ?? 1;
    if (!isMap(item)) {
      problems.push({ location: { file, line: itemLine, field: `people[${idx}]` }, message: 'expected a mapping' });
      return;
    }
    const fieldLine = (key: string): number => lineOf(item.get(key, true) as YamlNode | undefined) ?? itemLine;
    const str = (key: string, required: boolean): string | undefined => {
      const v: unknown = item.get(key);
      if (v === undefined || v === null) {
        if (required) problems.push({ location: { file, line: itemLine, field: key }, message: 'is missing' });
        return undefined;
      }
      if (typeof v !== 'string' || v.trim() === '') {
        problems.push({ location: { file, line: fieldLine(key), field: key }, message: 'must be a non-empty string' });
        return undefined;
      }
      return v.trim();
    };
    const id = str('id', true) ?? `#${idx}`;
    if (!id.startsWith('#') && !SLUG.test(id))
      problems.push({
        location: { file, line: fieldLine('id'), field: 'id' },
        message: `"${id}" is not a lower-case slug`,
      });
    const prev = idLines.get(id);
    if (prev !== undefined)
      problems.push({
        location: { file, line: fieldLine('id'), field: 'id' },
        message: `id "${id}" already used at line ${prev}`,
      });
    else idLines.set(id, fieldLine('id'));
    const name = str('name', true) ?? id;
    const aliasesNode = item.get('aliases', true);
    const aliases: string[] = [];
    if (aliasesNode !== undefined) {
      if (!isSeq(aliasesNode))
        problems.push({ location: { file, line: fieldLine('aliases'), field: 'aliases' }, message: 'must be a list' });
      else {
        for (const a of aliasesNode.toJSON() as unknown[]) {
          if (typeof a === 'string' && a.trim() !== '') aliases.push(a.trim());
          else
            problems.push({
              location: { file, line: fieldLine('aliases'), field: 'aliases' },
              message: 'every alias must be a non-empty string',
            });
        }
      }
    }
    const notes: string[] = [];
    const personNote = str('note', false);
    if (personNote) notes.push(personNote);
    const personSource = str('source', false);
    const rolesNode = item.get('roles', true);
    const roles: ActorRole[] = [];
    if (!isSeq(rolesNode) || rolesNode.items.length === 0) {
      problems.push({
        location: { file, line: rolesNode ? fieldLine('roles') : itemLine, field: 'roles' },
        message: 'needs a non-empty list of roles',
      });
    } else {
      rolesNode.items.forEach((rn, ri) => {
        const rLine = lineOf(rn as YamlNode) ?? itemLine;
        const field = (k: string) => `roles[${ri}].${k}`;
        if (!isMap(rn)) {
          problems.push({ location: { file, line: rLine, field: `roles[${ri}]` }, message: 'expected a mapping' });
          return;
        }
        const rstr = (key: string, required: boolean): string | undefined => {
          const v: unknown = rn.get(key);
          const kLine = lineOf(rn.get(key, true) as YamlNode | undefined) ?? rLine;
          if (v === undefined || v === null) {
            if (required) problems.push({ location: { file, line: rLine, field: field(key) }, message: 'is missing' });
            return undefined;
          }
          // YAML 1.1 readers turn bare dates into timestamps; we keep YAML 1.2 and insist on strings.
          if (typeof v !== 'string' || v.trim() === '') {
            problems.push({
              location: { file, line: kLine, field: field(key) },
              message: 'must be a non-empty string',
            });
            return undefined;
          }
          return v.trim();
        };
        const code = rstr('code', true);
        if (code && !isActorCode(code))
          problems.push({
            location: { file, line: rLine, field: field('code') },
            message: `"${code}" is not a CAMEO actor code`,
          });
        const title = rstr('title', true);
        const from = rstr('from', false);
        const to = rstr('to', false);
        for (const [k, d] of [
          ['from', from],
          ['to', to],
        ] as const) {
          if (d !== undefined && !isIsoDate(d))
            problems.push({
              location: { file, line: rLine, field: field(k) },
              message: `"${d}" is not a date YYYY-MM-DD`,
            });
        }
        const source = rstr('source', false) ?? personSource;
        if (!source)
          problems.push({
            location: { file, line: rLine, field: field('source') },
            message: 'needs a source (on the role or the person)',
          });
        const note = rstr('note', false);
        if (note) notes.push(`${title ?? 'role'}${from ? ` from ${from}` : ''}: ${note}`);
        if (code && title) {
          const role: ActorRole = { code, title };
          if (from) role.from = from;
          if (to) role.to = to;
          if (source) role.source = source;
          roles.push(role);
        }
      });
    }
    for (const a of new Set([name, ...aliases].map((x) => x.toLowerCase()))) {
      const owner = aliasOwners.get(a);
      if (owner !== undefined && owner !== id)
        problems.push({
          location: { file, line: fieldLine('aliases'), field: 'aliases' },
          message: `"${a}" also names ${owner}`,
        });
      else aliasOwners.set(a, id);
    }
    const actor: Actor = { id, kind: 'person', name, aliases, roles };
    if (personSource) actor.source = personSource;
    if (notes.length > 0) actor.notes = notes.join('; ');
    for (const p of roleProblems(actor))
      problems.push({ location: { file, line: fieldLine('roles'), field: 'roles' }, message: `${id}: ${p}` });
    people.push(actor);
  });
  return people;
}
