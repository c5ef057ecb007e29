/**
 * A seeded, stratified split of an evaluation set into a part for tuning the reader's rules and a
 * part kept untouched (see `broad/untouched/README.md`).
 *
 * Within each stratum the items are sorted by id, shuffled with a generator seeded from the seed
 * and the stratum's name, and the first ceil(n × share) go to the untouched part. Every stratum so
 * gives at least its share, the untouched part holds at least `share` of the whole, and adding an
 * item to one stratum does not reshuffle the others.
 *
 * `node --import tsx src/reader/eval/split-set.ts --from DIR --tuning DIR --untouched DIR [--seed N]`
 * reads an unsplit set laid out like this folder (sentences.jsonl with a `kind` on every line,
 * articles/) and writes the two parts, copying lines and files unchanged.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../util/seeded-random.js';
import { loadEvalSet } from './eval-set.js';

/** The seed the broader set was split with; changing it would move sentences between the parts. */
export const BROAD_SPLIT_SEED = 142_026;

/** The share of each stratum that goes to the untouched part. */
export const UNTOUCHED_SHARE = 1 / 3;

/** FNV-1a, so that each stratum gets its own stream from one seed. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Fisher–Yates with a seeded generator: the same items and seed always give the same order. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const next = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface SplitOptions<T> {
  id: (item: T) => string;
  stratum: (item: T) => string;
  seed: number;
  /** Share of each stratum for the untouched part, rounded up. */
  share: number;
}

export interface Split<T> {
  tuning: T[];
  untouched: T[];
}

/** Splits `items` stratum by stratum; both parts come back sorted by id. */
export function splitStratified<T>(items: readonly T[], opts: SplitOptions<T>): Split<T> {
  const strata = new Map<string, T[]>();
  for (const item of items) {
    const key = opts.stratum(item);
    const list = strata.get(key) ?? [];
    list.push(item);
    strata.set(key, list);
  }
  const byId = (a: T, b: T) => opts.id(a).localeCompare(opts.id(b));
  const untouched = new Set<T>();
  for (const [key, list] of strata) {
    const shuffled = seededShuffle([...list].sort(byId), (opts.seed ^ hashString(key)) >>> 0);
    for (const item of shuffled.slice(0, Math.ceil(list.length * opts.share))) untouched.add(item);
  }
  return {
    tuning: items.filter((i) => !untouched.has(i)).sort(byId),
    untouched: [...untouched].sort(byId),
  };
}

interface RawLine {
  id: string;
  kind: string;
  line: string;
}

function readSentenceLines(dir: string): RawLine[] {
  return readFileSync(join(dir, 'sentences.jsonl'), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const { id, kind } = JSON.parse(line) as { id: string; kind?: string };
      if (kind === undefined) throw new Error(`${dir}/sentences.jsonl: sentence ${id} has no kind to split by`);
      return { id, kind, line };
    });
}

interface ArticleFile {
  id: string;
  kind: string;
  file: string;
}

function readArticleFiles(dir: string): ArticleFile[] {
  const aDir = join(dir, 'articles');
  return readdirSync(aDir)
    .filter((n) => n.endsWith('.json'))
    .map((file) => {
      const { id, kind } = JSON.parse(readFileSync(join(aDir, file), 'utf8')) as { id: string; kind: string };
      return { id, kind, file };
    });
}

/** Writes the two parts of the set in `from`; returns how many sentences and articles each got. */
export function writeSplit(from: string, tuningDir: string, untouchedDir: string, seed: number): string {
  loadEvalSet(from); // refuse to split a set with errors
  const opts = {
    id: (x: { id: string }) => x.id,
    stratum: (x: { kind: string }) => x.kind,
    seed,
    share: UNTOUCHED_SHARE,
  };
  const sentences = splitStratified(readSentenceLines(from), opts);
  const articles = splitStratified(readArticleFiles(from), opts);
  const report: string[] = [];
  const write = (dir: string, lines: RawLine[], files: ArticleFile[]) => {
    mkdirSync(join(dir, 'articles'), { recursive: true });
    writeFileSync(join(dir, 'sentences.jsonl'), `${lines.map((x) => x.line).join('\n')}\n`);
    for (const x of files) copyFileSync(join(from, 'articles', x.file), join(dir, 'articles', x.file));
    report.push(`${dir}: ${lines.length} sentences, ${files.length} articles`);
  };
  write(tuningDir, sentences.tuning, articles.tuning);
  write(untouchedDir, sentences.untouched, articles.untouched);
  return report.join('\n');
}

function parseArgs(argv: readonly string[]): { from: string; tuning: string; untouched: string; seed: number } {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const from = get('--from');
  const tuning = get('--tuning');
  const untouched = get('--untouched');
  if (!from || !tuning || !untouched)
    throw new Error('usage: split-set.ts --from DIR --tuning DIR --untouched DIR [--seed N]');
  const seed = Number(get('--seed') ?? BROAD_SPLIT_SEED);
  return { from: resolve(from), tuning: resolve(tuning), untouched: resolve(untouched), seed };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const a = parseArgs(process.argv.slice(2));
    process.stdout.write(`${writeSplit(a.from, a.tuning, a.untouched, a.seed)}\n`);
  } catch (e) {
    process.stderr.write(`split-set: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
