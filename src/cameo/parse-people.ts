import { readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument, type YAMLMap, type Node as YamlNode } from 'yaml';
import { type Actor, type ActorRole, roleProblems } from '../model/actor.js';
import { isActorCode } from '../model/actor-code.js';
import type { ValidationProblem } from '../model/errors.js';
import { isIsoDate } from '../model/iso-date.js';

/**
 * `data/actors/people.yaml`: people and the roles they held, with dates. Every problem is reported
 * with its line and field. `family_name` names the word that stands for a person alone in news when
 * it is not the last word of the name ("Kim" of Kim Jong Un, "Xi" of Xi Jinping): a first word is
 * never taken for one otherwise, so that a first name never identifies a person.
 */
export interface People {
  people: Actor[];
  /** Person id to the family name declared for it. */
  familyNames: Map<string, string>;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reading one file: where its nodes are, and the problems found. */
interface Doc {
  file: string;
  problems: ValidationProblem[];
  lineOf(node: unknown): number | undefined;
}

export function parsePeople(file: string, problems: ValidationProblem[]): People {
  const out: People = { people: [], familyNames: new Map() };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    problems.push({ location: { file }, message: 'cannot read the file' });
    return out;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  for (const e of doc.errors) {
    problems.push({
      location: { file, line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line },
      message: `YAML: ${e.message.split('\n')[0]}`,
    });
  }
  if (doc.errors.length > 0) return out;
  const d: Doc = {
    file,
    problems,
    lineOf: (node) => {
      const range = (node as YamlNode | null | undefined)?.range;
      return range ? lineCounter.linePos(range[0]).line : undefined;
    },
  };
  const root = doc.contents;
  const list = isMap(root) ? root.get('people', true) : undefined;
  if (!isSeq(list)) {
    problems.push({
      location: { file, line: d.lineOf(root) ?? 1, field: 'people' },
      message: 'expected a top-level "people:" list',
    });
    return out;
  }
  const seen = { ids: new Map<string, number>(), aliases: new Map<string, string>() };
  list.items.forEach((item, idx) => {
    if (!isMap(item)) {
      problems.push({
        location: { file, line: d.lineOf(item) ?? 1, field: `people[${idx}]` },
        message: 'expected a mapping',
      });
      return;
    }
    const person = parsePerson(d, item, idx, seen);
    out.people.push(person.actor);
    if (person.familyName) out.familyNames.set(person.actor.id, person.familyName);
  });
  return out;
}

/** A string field of a mapping; a missing required one, or one that is no string, is a problem. */
function stringField(d: Doc, map: YAMLMap, key: string, required: boolean, line: number, field = key) {
  const v: unknown = map.get(key);
  if (v === undefined || v === null) {
    if (required) d.problems.push({ location: { file: d.file, line, field }, message: 'is missing' });
    return undefined;
  }
  // YAML 1.1 readers turn bare dates into timestamps; we keep YAML 1.2 and insist on strings.
  if (typeof v !== 'string' || v.trim() === '') {
    const at = d.lineOf(map.get(key, true)) ?? line;
    d.problems.push({ location: { file: d.file, line: at, field }, message: 'must be a non-empty string' });
    return undefined;
  }
  return v.trim();
}

function parsePerson(
  d: Doc,
  item: YAMLMap,
  idx: number,
  seen: { ids: Map<string, number>; aliases: Map<string, string> },
): { actor: Actor; familyName?: string } {
  const itemLine = d.lineOf(item) ?? 1;
  const fieldLine = (key: string): number => d.lineOf(item.get(key, true)) ?? itemLine;
  const str = (key: string, required: boolean) => stringField(d, item, key, required, itemLine);
  const id = str('id', true) ?? `#${idx}`;
  const at = (field: string) => ({ file: d.file, line: fieldLine(field), field });
  if (!id.startsWith('#') && !SLUG.test(id))
    d.problems.push({ location: at('id'), message: `"${id}" is not a lower-case slug` });
  const prev = seen.ids.get(id);
  if (prev !== undefined) d.problems.push({ location: at('id'), message: `id "${id}" already used at line ${prev}` });
  else seen.ids.set(id, fieldLine('id'));
  const name = str('name', true) ?? id;
  const aliases = parseAliases(d, item.get('aliases', true), at('aliases'));
  const notes: string[] = [];
  const personNote = str('note', false);
  if (personNote) notes.push(personNote);
  const personSource = str('source', false);
  const roles = parseRoles(d, item.get('roles', true), itemLine, fieldLine('roles'), personSource, notes);
  for (const a of new Set([name, ...aliases].map((x) => x.toLowerCase()))) {
    const owner = seen.aliases.get(a);
    if (owner !== undefined && owner !== id)
      d.problems.push({ location: at('aliases'), message: `"${a}" also names ${owner}` });
    else seen.aliases.set(a, id);
  }
  const actor: Actor = { id, kind: 'person', name, aliases, roles };
  if (personSource) actor.source = personSource;
  if (notes.length > 0) actor.notes = notes.join('; ');
  for (const p of roleProblems(actor)) d.problems.push({ location: at('roles'), message: `${id}: ${p}` });
  const familyName = str('family_name', false);
  if (familyName && !name.split(/\s+/).includes(familyName))
    d.problems.push({ location: at('family_name'), message: `"${familyName}" is no word of the name "${name}"` });
  return familyName ? { actor, familyName } : { actor };
}

function parseAliases(d: Doc, node: unknown, where: { file: string; line: number; field: string }): string[] {
  const aliases: string[] = [];
  if (node === undefined) return aliases;
  if (!isSeq(node)) {
    d.problems.push({ location: where, message: 'must be a list' });
    return aliases;
  }
  for (const a of node.toJSON() as unknown[]) {
    if (typeof a === 'string' && a.trim() !== '') aliases.push(a.trim());
    else d.problems.push({ location: where, message: 'every alias must be a non-empty string' });
  }
  return aliases;
}

function parseRoles(
  d: Doc,
  node: unknown,
  itemLine: number,
  rolesLine: number,
  personSource: string | undefined,
  notes: string[],
): ActorRole[] {
  if (!isSeq(node) || node.items.length === 0) {
    d.problems.push({
      location: { file: d.file, line: node ? rolesLine : itemLine, field: 'roles' },
      message: 'needs a non-empty list of roles',
    });
    return [];
  }
  const roles: ActorRole[] = [];
  node.items.forEach((rn, ri) => {
    const role = parseRole(d, rn, ri, d.lineOf(rn) ?? itemLine, personSource, notes);
    if (role) roles.push(role);
  });
  return roles;
}

function parseRole(
  d: Doc,
  rn: unknown,
  ri: number,
  rLine: number,
  personSource: string | undefined,
  notes: string[],
): ActorRole | undefined {
  const field = (k: string) => `roles[${ri}].${k}`;
  if (!isMap(rn)) {
    d.problems.push({ location: { file: d.file, line: rLine, field: `roles[${ri}]` }, message: 'expected a mapping' });
    return undefined;
  }
  const rstr = (key: string, required: boolean) => stringField(d, rn, key, required, rLine, field(key));
  const problem = (k: string, message: string) =>
    d.problems.push({ location: { file: d.file, line: rLine, field: field(k) }, message });
  const code = rstr('code', true);
  if (code && !isActorCode(code)) problem('code', `"${code}" is not a CAMEO actor code`);
  const title = rstr('title', true);
  const from = rstr('from', false);
  const to = rstr('to', false);
  if (from !== undefined && !isIsoDate(from)) problem('from', `"${from}" is not a date YYYY-MM-DD`);
  if (to !== undefined && !isIsoDate(to)) problem('to', `"${to}" is not a date YYYY-MM-DD`);
  const source = rstr('source', false) ?? personSource;
  if (!source) problem('source', 'needs a source (on the role or the person)');
  const note = rstr('note', false);
  if (note) notes.push(`${title ?? 'role'}${from ? ` from ${from}` : ''}: ${note}`);
  if (!code || !title) return undefined;
  const role: ActorRole = { code, title };
  if (from) role.from = from;
  if (to) role.to = to;
  if (source) role.source = source;
  return role;
}
