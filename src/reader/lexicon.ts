import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ValidationError, type ValidationProblem } from '../model/errors.js';
import { type CodeShifts, loadCodeShifts } from './load-code-shifts.js';
import { type ContextName, loadContextNames } from './load-context-names.js';
import { loadWordLists, type WordLists } from './load-word-lists.js';
import { loadWordMaps, type WordMaps } from './load-word-maps.js';

/**
 * Everything the reader's rules look for that is language, not logic: word lists, word maps, the
 * CAMEO code shifts of intent, refusal, threat and accusation, and names that hold only in a
 * region's news. All of it is read from `data/reader/` (formats in each file's header), once per
 * folder, so that adding a verb, a language variant or a country's institutions is a data change.
 */
/** What governs an action: a verb it depends on ("hopes", "refused to", "urged X to"). */
export type GovernorKind =
  | 'intent'
  | 'plan'
  | 'prediction'
  | 'refuse'
  | 'fail'
  | 'appeal'
  | 'threat'
  | 'speech'
  | 'deny'
  | 'realise'
  | 'purpose';

export interface Lexicon extends WordLists, WordMaps {
  /** `governor-*` lists as one map from lemma to kind. */
  governors: ReadonlyMap<string, GovernorKind>;
  codeShifts: CodeShifts;
  contextNames: readonly ContextName[];
}

export const LEXICON_FILES = {
  words: 'words.tsv',
  maps: 'word-maps.tsv',
  codeShifts: 'code-shifts.tsv',
  contextNames: 'context-names.tsv',
} as const;

const DEFAULT_DIR = fileURLToPath(new URL('../../data/reader/', import.meta.url));
const cache = new Map<string, Lexicon>();

/** Reads and checks the reader's data files in `dir`; every problem is reported with file and line. */
export function loadLexicon(dir: string = DEFAULT_DIR): Lexicon {
  const key = resolve(dir);
  const hit = cache.get(key);
  if (hit) return hit;
  const problems: ValidationProblem[] = [];
  const lists = loadWordLists(join(key, LEXICON_FILES.words), problems);
  const maps = loadWordMaps(join(key, LEXICON_FILES.maps), problems);
  const codeShifts = loadCodeShifts(join(key, LEXICON_FILES.codeShifts), problems);
  const contextNames = loadContextNames(join(key, LEXICON_FILES.contextNames), problems);
  if (problems.length > 0) throw new ValidationError(problems);
  const lexicon: Lexicon = { ...lists, ...maps, governors: governorsOf(lists), codeShifts, contextNames };
  cache.set(key, lexicon);
  return lexicon;
}

function governorsOf(lists: WordLists): Map<string, GovernorKind> {
  const kinds: Array<[ReadonlySet<string>, GovernorKind]> = [
    [lists.governorIntent, 'intent'],
    [lists.governorPlan, 'plan'],
    [lists.governorPrediction, 'prediction'],
    [lists.governorRefuse, 'refuse'],
    [lists.governorFail, 'fail'],
    [lists.governorAppeal, 'appeal'],
    [lists.governorThreat, 'threat'],
    [lists.governorRealise, 'realise'],
  ];
  const out = new Map<string, GovernorKind>();
  for (const [words, kind] of kinds) for (const w of words) out.set(w, kind);
  return out;
}
