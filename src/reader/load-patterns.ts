import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isEventCode } from '../cameo/event-codes.js';
import { ValidationError, type ValidationProblem } from '../model/errors.js';
import { type DataRow, parseDataTable, rowProblem } from '../model/read-data-table.js';
import type { DyadKind } from './expand-dyads.js';

/**
 * Action patterns are data (`data/reader/patterns.tsv`, format in its header). They are compiled
 * once into a map keyed by the head word's lemma, so the hot path does one look-up per token and
 * never builds a regex.
 */
export interface Pattern {
  id: string;
  code: string;
  /** Each item lists alternative lemmas; item 0 is the head. */
  items: string[][];
  /** Where the target is: '' (direct object) or prepositions, in order of preference. */
  targets: string[];
  /** Head must be a verb ('V'), a noun ('N') or either ('*'). */
  headPos: 'V' | 'N' | '*';
  /** Code refinements by words after the trigger ("release" turns 100 into 1053). */
  refine: Array<{ lemmas: Set<string>; code: string }>;
  /** How one act becomes events: both ways (sym), meeting by place (meet), visit + hosting (visit, host). */
  dyad: DyadKind;
  /** No event without a named target ("met its targets" is not a meeting). */
  needsTarget: boolean;
  /** Tried only after every other pattern of the same head ("released two sailors" before "released prisoners"). */
  fallback: boolean;
  /** Agreeing to the act is the act itself, with this code ("agreed to halt its offensive": 0871). */
  agreedCode?: string;
  /** The event gives way to a refusal or an intent of the same source in the sentence. */
  yieldsTo?: 'refuse' | 'intent';
  line: number;
}

function dyadOf(flags: string): DyadKind {
  for (const f of flags.split(',')) {
    const k = f.trim();
    if (k === 'sym' || k === 'meet' || k === 'visit' || k === 'host') return k;
  }
  return 'plain';
}

export interface PatternIndex {
  byHead: Map<string, Pattern[]>;
  byId: Map<string, Pattern>;
  all: Pattern[];
}

const DEFAULT_PATTERNS = fileURLToPath(new URL('../../data/reader/patterns.tsv', import.meta.url));

const cache = new Map<string, PatternIndex>();

export function loadPatterns(path: string = DEFAULT_PATTERNS): PatternIndex {
  const hit = cache.get(path);
  if (hit) return hit;
  const index = compilePatterns(readFileSync(path, 'utf8'), path);
  cache.set(path, index);
  return index;
}

const COLUMNS = ['id', 'code', 'trigger', 'target', 'pos', 'refine', 'flags', 'note'] as const;

export function compilePatterns(source: string, file = 'patterns.tsv'): PatternIndex {
  const problems: ValidationProblem[] = [];
  const all: Pattern[] = [];
  const ids = new Set<string>();
  for (const row of parseDataTable(source, file, { columns: COLUMNS, header: 'positional' }, problems)) {
    const p = compilePattern(row, ids, problems);
    if (p) all.push(p);
  }
  if (problems.length > 0) throw new ValidationError(problems);
  const byHead = new Map<string, Pattern[]>();
  for (const p of all) {
    for (const head of p.items[0]!) {
      const list = byHead.get(head);
      if (list) list.push(p);
      else byHead.set(head, [p]);
    }
  }
  // Most specific first: more items, then file order.
  // At equal length, a pattern that needs a target goes first: it is the more specific reading
  // ("fired missiles at Kyiv" is a strike; without a target, a launch).
  for (const list of byHead.values())
    list.sort(
      (a, b) =>
        Number(a.fallback) - Number(b.fallback) ||
        b.items.length - a.items.length ||
        Number(b.needsTarget) - Number(a.needsTarget) ||
        a.line - b.line,
    );
  return { byHead, byId: new Map(all.map((p) => [p.id, p])), all };
}

function compilePattern(row: DataRow, ids: Set<string>, problems: ValidationProblem[]): Pattern | undefined {
  const [id, code, trigger, target, pos, flags] = ['id', 'code', 'trigger', 'target', 'pos', 'flags'].map(row.get);
  if (!id || !code || !trigger) {
    problems.push({ location: { file: row.file, line: row.line }, message: 'needs at least id, code and trigger' });
    return undefined;
  }
  if (ids.has(id)) problems.push(rowProblem(row, 'id', `duplicate pattern id "${id}"`));
  ids.add(id);
  if (!isEventCode(code)) problems.push(rowProblem(row, 'code', `"${code}" is not a CAMEO event code`));
  const headPos = pos === 'N' || pos === '*' ? pos : 'V';
  const targets =
    target === '-' || target === 'none'
      ? ['-']
      : (target ?? '')
          .split(',')
          .map((t) => (t.trim() === 'obj' ? '' : t.trim()))
          .filter((t, k, a) => a.indexOf(t) === k);
  const agreed = /(?:^|,)\s*agreed=(\d+)/.exec(flags ?? '')?.[1];
  if (agreed !== undefined && !isEventCode(agreed))
    problems.push(rowProblem(row, 'flags', `"agreed=${agreed}": ${agreed} is not a CAMEO event code`));
  const pattern: Pattern = {
    id,
    code,
    items: trigger.split(/\s+/).map((item) => item.split('|')),
    targets,
    headPos,
    refine: refinements(row, problems),
    dyad: dyadOf(flags ?? ''),
    needsTarget: (flags ?? '').includes('need'),
    fallback: (flags ?? '').split(',').some((f) => f.trim() === 'last'),
    line: row.line,
  };
  if (agreed !== undefined) pattern.agreedCode = agreed;
  const yields = /(?:^|,)\s*yields=([a-z]+)/.exec(flags ?? '')?.[1];
  if (yields === 'refuse' || yields === 'intent') pattern.yieldsTo = yields;
  else if (yields !== undefined)
    problems.push(rowProblem(row, 'flags', `"yields=${yields}" is not yields=refuse or yields=intent`));
  return pattern;
}

/** `word|word=CODE;...`: a more specific code when those lemmas follow the trigger. */
function refinements(row: DataRow, problems: ValidationProblem[]): Pattern['refine'] {
  const rules: Pattern['refine'] = [];
  for (const part of row
    .get('refine')
    .split(';')
    .filter((p) => p.trim() !== '' && p.trim() !== '-')) {
    const [words, to] = part.split('=');
    if (!words || !to || !isEventCode(to.trim())) {
      problems.push(rowProblem(row, 'refine', `bad refinement "${part}" (want word|word=CODE)`));
      continue;
    }
    rules.push({ lemmas: new Set(words.split('|').map((w) => w.trim())), code: to.trim() });
  }
  return rules;
}
