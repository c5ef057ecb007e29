import { isAlias, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { FileLocation, ValidationProblem } from '../model/errors.js';

export type YamlPath = readonly (string | number)[];

/** A parsed YAML file that can say which line any path in it sits on. */
export interface YamlFile {
  file: string;
  data: unknown;
  locate(path: YamlPath): FileLocation;
}

/** Nesting deeper than this is no case file: refused before any schema walks it. */
export const MAX_NESTING = 64;
/** How many nodes aliases may expand to, so that an alias bomb is refused instead of filling memory. */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses YAML text. Syntax errors come back as problems in plain words with their line and
 * column, one per line; so do alias bombs, aliases that contain themselves and nesting too deep
 * to be a case file. Nothing here throws on bad input.
 */
export function parseYamlFile(text: string, file: string): { yaml?: YamlFile; problems: ValidationProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): FileLocation => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  if (doc.errors.length > 0) return { problems: syntaxProblems(doc.errors, text, at) };
  const cycle = selfContainingAlias(doc);
  if (cycle !== undefined)
    return { problems: [{ location: at(cycle), message: 'an alias (*name) sits inside the entry it names: a cycle' }] };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    return { problems: [{ location: { file }, message: aliasMessage(e) }] };
  }
  if (depthOver(data, MAX_NESTING))
    return { problems: [{ location: { file }, message: `entries are nested more than ${MAX_NESTING} levels deep` }] };
  return { yaml: { file, data, locate: (path) => locateIn(doc, lineCounter, file, path) }, problems: [] };
}

function syntaxProblems(
  errors: readonly YAMLError[],
  text: string,
  at: (offset: number) => FileLocation,
): ValidationProblem[] {
  const seenLines = new Set<number | undefined>();
  const out: ValidationProblem[] = [];
  for (const e of errors) {
    const location = at(e.pos[0]);
    // One mistake often makes the parser stumble several times on the same line: say it once.
    if (seenLines.has(location.line)) continue;
    seenLines.add(location.line);
    out.push({ location, message: plainYamlMessage(e, text) });
  }
  return out;
}

/** The YAML library's message for a syntax error, said in words a person editing the file can act on. */
export function plainYamlMessage(e: YAMLError, text: string): string {
  const raw = e.message.split('\n')[0]!.trim();
  switch (e.code) {
    case 'BAD_INDENT':
      return raw.startsWith('Flow')
        ? 'a list in [ ] or a map in { } is not closed, or its next line is not indented enough'
        : 'the indentation does not line up: entries of one list or map start in the same column';
    case 'TAB_AS_INDENT':
      return 'a tab is used to indent; YAML needs spaces';
    case 'MISSING_CHAR':
      if (raw.includes('quote')) return 'a quoted text is not closed: its closing quote is missing';
      return 'a list in [ ] or a map in { } is not closed: a bracket, brace or comma is missing';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'this line reads as a field inside a value: put a value holding ": " in quotes, or fix the indentation';
    case 'UNEXPECTED_TOKEN':
      return 'this line cannot be read here: check its indentation and that each field is written "name: value"';
    case 'DUPLICATE_KEY':
      return `a field is given twice in one entry${duplicateKeyName(text, e.pos[0])}`;
    case 'BAD_SCALAR_START':
      return `a value cannot start with ${JSON.stringify(raw.slice(-1))} unless it is in quotes`;
    case 'BAD_DQ_ESCAPE':
      return 'a backslash in double quotes starts an unknown escape: write \\\\ for a backslash, or use single quotes';
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (a line "---" in the middle); a case file holds one';
    case 'KEY_OVER_1024_CHARS':
      return 'a field name is longer than 1024 characters';
    case 'BLOCK_IN_FLOW':
      return 'a "- " list or "name:" lines inside [ ] or { }: write that part in one style';
    case 'RESOURCE_EXHAUSTION':
      return 'entries are nested too deeply to read';
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return 'an alias (*name) is written wrongly: it takes no tag or anchor of its own';
    case 'NON_STRING_KEY':
      return 'a field name is not plain text';
    default:
      return `this is not YAML a case file can hold (${raw})`;
  }
}

function duplicateKeyName(text: string, offset: number): string {
  const m = /^\s*"?([\w-]+)"?\s*:/.exec(text.slice(offset, offset + 200));
  return m ? ` ("${m[1]}")` : '';
}

function aliasMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/excessive alias count/i.test(message))
    return 'aliases (*name) expand to too many entries to read (an alias bomb?); write the entries out';
  if (/unresolved alias/i.test(message)) return `an alias (*name) names no anchor (&name) set before it: ${message}`;
  return `cannot be read as YAML: ${message}`;
}

/** The offset of the first alias that refers to a node enclosing it, if any. */
function selfContainingAlias(doc: Document): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Alias(_key, node, path) {
      const target = node.resolve(doc);
      if (target && path.some((p) => p === target)) {
        found = node.range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Whether a plain value nests deeper than `max`, walked without recursion (the value may be hostile). */
export function depthOver(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(v))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

function locateIn(doc: Document, lc: LineCounter, file: string, path: YamlPath): FileLocation {
  // A missing key has no node of its own: fall back to the nearest ancestor that exists.
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const range = isAlias(node) ? node.range : (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) {
      const pos = lc.linePos(range[0]);
      const field = formatPath(path);
      return field ? { file, line: pos.line, field } : { file, line: pos.line };
    }
  }
  return { file, field: formatPath(path) };
}

/** `[3, 'sources', 0, 'publisher']` → `[3].sources[0].publisher` */
function formatPath(path: YamlPath): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}
