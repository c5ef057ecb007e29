import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isEventCode } from '../../cameo/event-codes.js';
import { isActorCode } from '../../model/actor-code.js';
import { ValidationError, type ValidationProblem } from '../../model/errors.js';
import { isIsoDate } from '../../model/iso-date.js';
import { MODES, type EvalEvent, type Mode } from './score.js';

/**
 * The reader's evaluation set: `sentences.jsonl` (one annotated sentence a line) and
 * `articles/*.json` (whole articles). Both are written for Parley; none is copied from the press.
 *
 * Article sentence split convention: an article gives either `sentences` (one sentence per array
 * item; `text` is then the items joined with one space) or `text` alone (split on `. `, `? `,
 * `! ` followed by a capital or a quote). Gold `sentence` is the 0-based index in that split.
 * Scoring of articles matches over the whole article and uses the index only to prefer
 * same-sentence matches, so a reader that splits differently is not punished twice.
 */

export const EVAL_DIR = fileURLToPath(new URL('./', import.meta.url));

export const REGIONS = [
  'north-america',
  'latin-america',
  'europe',
  'russia-eurasia',
  'middle-east',
  'north-africa',
  'sub-saharan-africa',
  'south-asia',
  'central-asia',
  'east-asia',
  'southeast-asia',
  'oceania',
  'global',
] as const;
export type Region = (typeof REGIONS)[number];

/** Traps a sentence is built around; the runner reports scores per trap. */
export const TRAPS = [
  'opinion',
  'recommendation',
  'future',
  'intent',
  'conditional',
  'negation',
  'attribution',
  'passive',
  'coordination',
  'apposition',
  'relative-date',
  'intent-as-news',
  'threat',
  'generalisation',
  'question',
  'pronoun',
  'nominalisation',
  'quote',
  'hedge',
  'historical',
  'multiple-events',
  'title-only',
  'metonym',
  'organisation',
  'dated-role',
  'hypothetical',
  'first-name',
  'mutual',
  'unknown-person',
  'ethnic-group',
] as const;
export type Trap = (typeof TRAPS)[number];

/**
 * The kind of news a sentence of the broader set is about (`broad/`); the split into a tuning and an
 * untouched part is stratified by it. `none` marks sentences written to hold no event.
 */
export const SENTENCE_KINDS = [
  'domestic',
  'protest',
  'conflict',
  'aid',
  'courts',
  'elections',
  'refugees',
  'identity',
  'titled',
  'mutual',
  'none',
] as const;
export type SentenceKind = (typeof SENTENCE_KINDS)[number];

export interface GoldSentence {
  id: string;
  date: string;
  text: string;
  region: Region;
  /** The CAMEO root the sentence was written to exercise (`00` when it holds no event by design). */
  root: string;
  traps: Trap[];
  events: EvalEvent[];
  note?: string;
  /** Only in the broader set. */
  kind?: SentenceKind;
}

export interface GoldArticle {
  id: string;
  date: string;
  title: string;
  kind: 'news' | 'opinion' | 'analysis';
  text: string;
  sentences: string[];
  events: EvalEvent[];
}

export interface EvalSet {
  sentences: GoldSentence[];
  articles: GoldArticle[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Splits plain article text the way the `sentence` indices in `text`-only articles count. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?[A-Z0-9])/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function checkEvent(
  raw: unknown,
  at: (field: string) => { file: string; line: number; field: string },
  problems: ValidationProblem[],
  withSentence: number | undefined,
): EvalEvent | undefined {
  if (!isRecord(raw)) {
    problems.push({ location: at('events'), message: 'an event must be an object' });
    return undefined;
  }
  const { source, target, code, mode, date, sentence } = raw;
  let ok = true;
  const bad = (field: string, message: string) => {
    problems.push({ location: at(field), message });
    ok = false;
  };
  if (typeof source !== 'string' || !isActorCode(source))
    bad('source', `"${String(source)}" is not a CAMEO actor code`);
  if (target !== null && (typeof target !== 'string' || !isActorCode(target)))
    bad('target', `"${String(target)}" is not a CAMEO actor code or null`);
  if (typeof code !== 'string' || !isEventCode(code))
    bad('code', `"${String(code)}" is not a CAMEO event code in data/cameo/event-codes.tsv`);
  if (typeof mode !== 'string' || !(MODES as readonly string[]).includes(mode))
    bad('mode', `"${String(mode)}" is not one of ${MODES.join(', ')}`);
  if (date !== undefined && (typeof date !== 'string' || !isIsoDate(date)))
    bad('date', `"${String(date)}" is not a date YYYY-MM-DD`);
  if (withSentence !== undefined) {
    if (typeof sentence !== 'number' || !Number.isInteger(sentence) || sentence < 0 || sentence >= withSentence) {
      bad('sentence', `"${String(sentence)}" is not a sentence index below ${withSentence}`);
    }
  }
  if (!ok) return undefined;
  const e: EvalEvent = {
    source: source as string,
    target: target as string | null,
    code: code as string,
    mode: mode as Mode,
  };
  if (typeof date === 'string') e.date = date;
  if (typeof sentence === 'number') e.sentence = sentence;
  return e;
}

function parseTraps(
  traps: unknown,
  at: (field: string) => { file: string; line: number; field: string },
  problems: ValidationProblem[],
): Trap[] {
  const out: Trap[] = [];
  if (!Array.isArray(traps)) problems.push({ location: at('traps'), message: 'must be a list' });
  else {
    for (const t of traps) {
      if (typeof t === 'string' && (TRAPS as readonly string[]).includes(t)) out.push(t as Trap);
      else problems.push({ location: at('traps'), message: `"${String(t)}" is not one of ${TRAPS.join(', ')}` });
    }
  }
  return out;
}

export function parseSentences(file: string, text: string, problems: ValidationProblem[]): GoldSentence[] {
  const out: GoldSentence[] = [];
  const ids = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, i) => {
    const lineNo = i + 1;
    if (line.trim() === '') return;
    const at = (field: string) => ({ file, line: lineNo, field });
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      problems.push({ location: { file, line: lineNo }, message: `not JSON: ${(e as Error).message}` });
      return;
    }
    if (!isRecord(raw)) {
      problems.push({ location: { file, line: lineNo }, message: 'expected a JSON object' });
      return;
    }
    const before = problems.length;
    const { id, date, text: sText, region, root, traps, events, note, kind } = raw;
    if (typeof id !== 'string' || id === '') problems.push({ location: at('id'), message: 'missing' });
    else if (ids.has(id)) problems.push({ location: at('id'), message: `"${id}" already used on line ${ids.get(id)}` });
    else ids.set(id, lineNo);
    if (typeof date !== 'string' || !isIsoDate(date))
      problems.push({ location: at('date'), message: `"${String(date)}" is not a date YYYY-MM-DD` });
    if (typeof sText !== 'string' || sText.trim() === '') problems.push({ location: at('text'), message: 'missing' });
    if (typeof region !== 'string' || !(REGIONS as readonly string[]).includes(region))
      problems.push({ location: at('region'), message: `"${String(region)}" is not one of ${REGIONS.join(', ')}` });
    if (typeof root !== 'string' || !/^(?:0[0-9]|1[0-9]|20)$/.test(root))
      problems.push({ location: at('root'), message: `"${String(root)}" is not a CAMEO root 01..20 (or 00)` });
    if (kind !== undefined && !(SENTENCE_KINDS as readonly unknown[]).includes(kind))
      problems.push({ location: at('kind'), message: `"${String(kind)}" is not one of ${SENTENCE_KINDS.join(', ')}` });
    const trapList = parseTraps(traps, at, problems);
    const evs: EvalEvent[] = [];
    if (!Array.isArray(events)) problems.push({ location: at('events'), message: 'must be a list' });
    else {
      for (const e of events) {
        const ev = checkEvent(e, at, problems, undefined);
        if (ev) evs.push(ev);
      }
    }
    if (problems.length > before) return;
    const s: GoldSentence = {
      id: id as string,
      date: date as string,
      text: sText as string,
      region: region as Region,
      root: root as string,
      traps: trapList,
      events: evs,
    };
    if (typeof note === 'string') s.note = note;
    if (kind !== undefined) s.kind = kind as SentenceKind;
    out.push(s);
  });
  return out;
}

export function parseArticle(file: string, text: string, problems: ValidationProblem[]): GoldArticle | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    problems.push({ location: { file }, message: `not JSON: ${(e as Error).message}` });
    return undefined;
  }
  if (!isRecord(raw)) {
    problems.push({ location: { file }, message: 'expected a JSON object' });
    return undefined;
  }
  // Lines are found by searching the source, which is enough to point a person at the right event.
  const lineOfOffset = (offset: number) => text.slice(0, Math.max(0, offset)).split('\n').length;
  const at = (field: string, offset = 0) => ({ file, line: lineOfOffset(offset), field });
  const before = problems.length;
  const { id, date, title, kind, sentences, events } = raw;
  let body = raw.text;
  if (typeof id !== 'string' || id === '') problems.push({ location: at('id'), message: 'missing' });
  if (typeof date !== 'string' || !isIsoDate(date))
    problems.push({ location: at('date'), message: `"${String(date)}" is not a date YYYY-MM-DD` });
  if (typeof title !== 'string') problems.push({ location: at('title'), message: 'missing' });
  if (kind !== 'news' && kind !== 'opinion' && kind !== 'analysis')
    problems.push({ location: at('kind'), message: 'must be news, opinion or analysis' });
  let split: string[] = [];
  if (Array.isArray(sentences)) {
    if (!sentences.every((s): s is string => typeof s === 'string' && s.trim() !== ''))
      problems.push({ location: at('sentences'), message: 'every sentence must be a non-empty string' });
    else {
      split = sentences;
      body = sentences.join(' ');
    }
  } else if (typeof body === 'string') split = splitSentences(body);
  else problems.push({ location: at('text'), message: 'needs "sentences" or "text"' });
  const evs: EvalEvent[] = [];
  if (!Array.isArray(events)) problems.push({ location: at('events'), message: 'must be a list' });
  else {
    let searchFrom = text.indexOf('"events"');
    for (const e of events) {
      const offset = text.indexOf('{', searchFrom + 1);
      searchFrom = offset;
      const ev = checkEvent(e, (f) => at(f, offset), problems, split.length);
      if (ev) evs.push(ev);
    }
  }
  if (problems.length > before) return undefined;
  return {
    id: id as string,
    date: date as string,
    title: title as string,
    kind: kind as GoldArticle['kind'],
    text: body as string,
    sentences: split,
    events: evs,
  };
}

export function loadEvalSet(dir: string = EVAL_DIR): EvalSet {
  const problems: ValidationProblem[] = [];
  const sFile = join(dir, 'sentences.jsonl');
  const sentences = parseSentences(sFile, readFileSync(sFile, 'utf8'), problems);
  const aDir = join(dir, 'articles');
  const articles: GoldArticle[] = [];
  const ids = new Set<string>();
  for (const f of readdirSync(aDir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const file = join(aDir, f);
    const a = parseArticle(file, readFileSync(file, 'utf8'), problems);
    if (!a) continue;
    if (ids.has(a.id)) problems.push({ location: { file, field: 'id' }, message: `article id "${a.id}" already used` });
    ids.add(a.id);
    articles.push(a);
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return { sentences, articles };
}
