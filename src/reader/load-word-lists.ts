import type { ValidationProblem } from '../model/errors.js';
import { type DataRow, listCell, readDataTable, requiredCell, rowProblem } from '../model/read-data-table.js';

/** The lists the reader's rules read, by the names `data/reader/words.tsv` gives them. */
export const WORD_LIST_NAMES = [
  'sentence-boundaries',
  'mode-stops',
  'mode-boundaries',
  'clause-starts',
  'relative-pronouns',
  'coordinators',
  'coordination-fillers',
  'determiners',
  'prepositions',
  'skip-before-mention',
  'clause-prepositions',
  'object-prepositions',
  'noun-phrase-prepositions',
  'addressee-prepositions',
  'time-conjunctions',
  'gerund-markers',
  'tight-particles',
  'clause-verbs',
  'framing-verbs',
  'aspect-verbs',
  'agent-modifiers',
  'collective-agents',
  'quantity-words',
  'quantity-phrases',
  'body-modifiers',
  'people-after-body',
  'invariant-plurals',
  'person-nouns',
  'acting-plurals',
  'force-act-nouns',
  'broker-participles',
  'ownership-participles',
  'supranational-modifiers',
  'private-media',
  'locative-prepositions',
  'person-pronouns',
  'pair-anaphors',
  'personal-pairs',
  'warring-nouns',
  'body-anaphors',
  'first-person-pronouns',
  'quote-speech-verbs',
  'crowd-nouns',
  'state-roles',
  'background-words',
  'say-verbs',
  'announcer-verbs',
  'intent-adjectives',
  'trailing-speech-verbs',
  'report-nouns',
  'revenge-words',
  'intent-frames',
  'force-nouns',
  'force-roots',
  'place-prepositions',
  'place-nouns',
  'negation',
  'future-auxiliaries',
  'possible-auxiliaries',
  'advice-auxiliaries',
  'condition-words',
  'hearsay-adverbs',
  'hearsay-passives',
  'hearsay-nouns',
  'speech-verbs',
  'deny-verbs',
  'opinion-verbs',
  'decision-verbs',
  'reporting-verbs',
  'hope-frames',
  'advice-frames',
  'appeal-frames',
  'english-function-words',
  'foreign-function-words',
  'governor-intent',
  'governor-plan',
  'governor-prediction',
  'governor-refuse',
  'governor-fail',
  'governor-appeal',
  'governor-threat',
  'governor-realise',
  'contrast-conjunctions',
  'clause-joiners',
  'looking-ahead-conjunctions',
  'inverted-conditions',
  'advice-nouns',
  'obligation-verbs',
  'prediction-frames',
  'plan-frames',
  'binding-conditions',
  'articles',
  'people-plural-endings',
  'aimed-prepositions',
  'clause-breaks',
  'speaker-verbs',
  'after-speaker-words',
  'counterpart-nouns',
  'country-nouns',
  'generic-determiners',
  'title-determiners',
  'employer-prepositions',
  'pair-words',
  'country-pair-nouns',
  'modal-auxiliaries',
  'relative-openers',
  'conditional-conjunctions',
  'passive-auxiliaries',
  'act-noun-endings',
  'blame-words',
  'cause-words',
  'civilian-target-codes',
  'announcing-auxiliaries',
  'agreement-verbs',
  'reciprocal-phrases',
  'definite-determiners',
  'honorifics',
  'own-instrument-roots',
  'state-force-roles',
  'civilian-roles',
  'not-person-heads',
  'member-nouns',
  'governing-words',
  'protester-nouns',
  'both-ways-codes',
  'own-protest-codes',
  'armed-group-roles',
] as const;

export type WordListName = (typeof WORD_LIST_NAMES)[number];

/** Lists of codes rather than words: kept as written (upper case, digits). */
export const CODE_LISTS: ReadonlySet<WordListName> = new Set<WordListName>([
  'state-roles',
  'force-roots',
  'civilian-target-codes',
  'own-instrument-roots',
  'state-force-roles',
  'civilian-roles',
  'both-ways-codes',
  'own-protest-codes',
  'armed-group-roles',
]);

type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;

/** Each list under its name in camel case (`clause-verbs` → `clauseVerbs`). */
export type WordLists = { readonly [K in WordListName as Camel<K>]: ReadonlySet<string> };

/** `clause-verbs` → `clauseVerbs`. */
export function camelName(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * `data/reader/words.tsv`: `list`, `words` (`a|b|c`, `@other` includes another list), `note`.
 * Checks that every list the code reads is there and no other, that words are lower case (codes
 * for the code lists), and that no word sits in two governor lists.
 */
const KNOWN = new Set<string>(WORD_LIST_NAMES);
const WORD = /^[^\s|@A-Z]+(?: [^\s|@A-Z]+)*$/;
const CODE = /^[A-Z0-9]+$/;

interface Entry {
  word: string;
  row: DataRow;
}

export function loadWordLists(file: string, problems: ValidationProblem[]): WordLists {
  const raw = new Map<string, Entry[]>();
  for (const row of readDataTable(file, { columns: ['list', 'words', 'note'] }, problems)) {
    const list = requiredCell(row, 'list', problems);
    if (list && !KNOWN.has(list)) {
      problems.push(rowProblem(row, 'list', `"${list}" is no list the reader reads`));
      continue;
    }
    const entries = raw.get(list) ?? [];
    for (const word of listCell(requiredCell(row, 'words', problems))) entries.push({ word, row });
    raw.set(list, entries);
  }
  const out: Record<string, ReadonlySet<string>> = {};
  for (const name of WORD_LIST_NAMES) {
    if (!raw.has(name)) problems.push({ location: { file, field: 'list' }, message: `the list "${name}" is missing` });
    out[camelName(name)] = resolveList(name, raw, problems, []);
  }
  checkGovernors(raw, problems);
  return out as unknown as WordLists;
}

function resolveList(
  name: string,
  raw: Map<string, Entry[]>,
  problems: ValidationProblem[],
  path: string[],
): Set<string> {
  const words = new Set<string>();
  for (const { word, row } of raw.get(name) ?? []) {
    if (word.startsWith('@')) {
      const other = word.slice(1);
      if (!raw.has(other)) problems.push(rowProblem(row, 'words', `"${word}" names no list of this file`));
      else if (path.includes(other) || other === name)
        problems.push(rowProblem(row, 'words', `"${word}" includes a list that includes "${name}"`));
      else for (const w of resolveList(other, raw, problems, [...path, name])) words.add(w);
      continue;
    }
    const ok = CODE_LISTS.has(name as WordListName) ? CODE.test(word) : WORD.test(word);
    if (!ok)
      problems.push(
        rowProblem(
          row,
          'words',
          `"${word}" is not ${CODE_LISTS.has(name as WordListName) ? 'a code' : 'a lower-case word or phrase'}`,
        ),
      );
    else if (words.has(word) && path.length === 0) problems.push(rowProblem(row, 'words', `"${word}" is listed twice`));
    words.add(word);
  }
  return words;
}

function checkGovernors(raw: Map<string, Entry[]>, problems: ValidationProblem[]): void {
  const owner = new Map<string, string>();
  for (const [name, entries] of raw) {
    if (!name.startsWith('governor-')) continue;
    for (const { word, row } of entries) {
      const first = owner.get(word);
      if (first !== undefined && first !== name)
        problems.push(rowProblem(row, 'words', `"${word}" is already in ${first}: a verb governs in one way only`));
      owner.set(word, name);
    }
  }
}
