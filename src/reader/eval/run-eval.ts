/**
 * `npm run eval:reader [-- --verbose] [-- --reader path/to/module.ts] [-- --set DIR] [-- --out file.json]`
 *
 * Scores `readArticle` from `src/reader/read-article.ts` (or the module given with --reader, which
 * must export a function of the same shape) on every evaluation set (`SETS`), or on the one folder
 * given with --set, prints a summary row per set and the details of the open sets, and writes
 * `bench/out/reader-eval.json`. Sealed sets (held out from the people tuning the rules) show their
 * summary row only: no misses, false events or texts, even with --verbose.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EVAL_DIR, loadEvalSet, type EvalSet } from './eval-set.js';
import { evaluate, type EvalReport, type ReadFn } from './evaluate.js';
import type { Counts, EvalEvent, Score } from './score.js';

export interface SetSpec {
  name: string;
  dir: string;
  /** Kept from the people tuning the rules: only its summary is printed or written. */
  sealed: boolean;
}

/** The sets `npm run eval:reader` scores, each reported on its own. */
export const SETS: readonly SetSpec[] = [
  { name: 'diplomacy', dir: EVAL_DIR, sealed: false },
  { name: 'diplomacy held-out', dir: join(EVAL_DIR, 'holdout'), sealed: true },
  { name: 'broad tuning', dir: join(EVAL_DIR, 'broad', 'tuning'), sealed: false },
  { name: 'broad untouched', dir: join(EVAL_DIR, 'broad', 'untouched'), sealed: true },
];

/** The spec of a folder given with --set: a known set keeps its name and seal. */
export function specForDir(dir: string): SetSpec {
  const abs = resolve(dir);
  return (
    SETS.find((s) => resolve(s.dir) === abs) ?? { name: relative(process.cwd(), abs) || abs, dir: abs, sealed: false }
  );
}

const DEFAULT_READER = fileURLToPath(new URL('../read-article.js', import.meta.url));
const DEFAULT_OUT = fileURLToPath(new URL('../../../bench/out/reader-eval.json', import.meta.url));

interface Options {
  verbose: boolean;
  reader: string;
  out: string;
  /** One folder laid out like this one (sentences.jsonl, articles/) instead of all of `SETS`. */
  set?: string;
}

export function parseArgs(argv: readonly string[]): Options {
  const o: Options = { verbose: false, reader: DEFAULT_READER, out: DEFAULT_OUT };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--verbose' || a === '-v') o.verbose = true;
    else if (a === '--reader') o.reader = resolve(argv[++i] ?? '');
    else if (a === '--out') o.out = resolve(argv[++i] ?? '');
    else if (a === '--set') o.set = resolve(argv[++i] ?? '');
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: run-eval.ts [--verbose] [--reader MODULE] [--set DIR] [--out FILE.json]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

/** Loads `readArticle` by path so that this file type-checks before the reader exists. */
export async function loadReader(path: string): Promise<ReadFn> {
  let mod: unknown;
  try {
    // tsx maps the .js specifier to the .ts source; after tsc the .js file is there.
    mod = await import(pathToFileURL(path).href);
  } catch (e) {
    const alt = path.endsWith('.js') ? `${path.slice(0, -3)}.ts` : undefined;
    if (alt) {
      try {
        mod = await import(pathToFileURL(alt).href);
      } catch {
        /* report the first error below */
      }
    }
    if (mod === undefined) throw new Error(`cannot load the reader from ${path}: ${(e as Error).message}`);
  }
  const fn = (mod as { readArticle?: unknown }).readArticle;
  if (typeof fn !== 'function') throw new Error(`${path} does not export a function readArticle`);
  return fn as ReadFn;
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(6);

function row(
  label: string,
  c: Counts & Partial<Pick<Score, 'codeAccuracy' | 'dateAccuracy' | 'falseEventsOnEmpty' | 'emptyUnits' | 'units'>>,
): string {
  const extra =
    c.codeAccuracy === undefined
      ? ''
      : ` ${pct(c.codeAccuracy)} ${pct(c.dateAccuracy ?? 0)} ${String(c.falseEventsOnEmpty ?? '').padStart(5)}/${String(c.emptyUnits ?? '').padEnd(4)}`;
  const units = c.units === undefined ? '     ' : String(c.units).padStart(5);
  return `${label.padEnd(22)}${units} ${String(c.tp).padStart(5)} ${String(c.fp).padStart(5)} ${String(c.fn).padStart(5)} ${pct(c.precision)} ${pct(c.recall)} ${pct(c.f1)}${extra}`;
}

const HEADER = `${''.padEnd(22)}units    tp    fp    fn      P      R     F1   code   date  false/empty`;

function fmtEvent(e: EvalEvent): string {
  return `${e.source} -> ${e.target ?? '-'} ${e.code} ${e.mode}${e.date ? ` ${e.date}` : ''}${e.sentence !== undefined ? ` [s${e.sentence}]` : ''}`;
}

export function formatReport(r: EvalReport, verbose: boolean, texts: Map<string, string>): string {
  const out: string[] = [];
  out.push(HEADER);
  out.push(
    row('overall', r.overall),
    row('sentences', r.sentences),
    row('articles', r.articles),
    row('  opinion/analysis', r.opinionArticles),
  );
  out.push('', 'per root (gold root for tp/fn, predicted root for fp)');
  // Object key order puts integer-like keys ("10") before "01"; sort as strings.
  for (const [root, c] of Object.entries(r.overall.perRoot).sort(([a], [b]) => a.localeCompare(b)))
    out.push(row(`  ${root}`, c));
  out.push('', 'per trap (sentences)', HEADER);
  for (const [trap, s] of Object.entries(r.perTrap)) out.push(row(`  ${trap}`, s));
  out.push('', 'per region (sentences)', HEADER);
  for (const [region, s] of Object.entries(r.perRegion)) out.push(row(`  ${region}`, s));
  out.push('', `reader errors: ${r.errors.length}; warnings: ${r.warnings}; time: ${r.elapsedMs.toFixed(0)} ms`);
  for (const e of r.errors) out.push(`  ERROR ${e.unit}: ${e.message}`);
  if (verbose) {
    out.push('', 'misses (gold events not found):');
    for (const m of r.overall.misses)
      out.push(`  ${m.unit}: ${fmtEvent(m.gold)}\n      ${texts.get(m.unit)?.slice(0, 200) ?? ''}`);
    out.push('', 'false events (predicted, not in gold):');
    for (const f of r.overall.falseEvents)
      out.push(`  ${f.unit}: ${fmtEvent(f.predicted)}\n      ${texts.get(f.unit)?.slice(0, 200) ?? ''}`);
    out.push('', 'matches with a wrong code or date:');
    for (const m of r.overall.matches.filter((x) => !x.codeCorrect || x.dateCorrect === false))
      out.push(`  ${m.unit}: gold ${fmtEvent(m.gold)} | got ${fmtEvent(m.predicted)}`);
  }
  return `${out.join('\n')}\n`;
}

/** The JSON written to disk: the scores without the long match lists, which --verbose prints. */
export function summarise(r: EvalReport): unknown {
  const slim = (s: Score) => ({ ...s, matches: undefined, misses: s.misses.length, falseEvents: s.falseEvents.length });
  const slimAll = (m: Record<string, Score>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, slim(v)]));
  return {
    generatedAt: new Date().toISOString(),
    overall: slim(r.overall),
    sentences: slim(r.sentences),
    articles: slim(r.articles),
    opinionArticles: slim(r.opinionArticles),
    perTrap: slimAll(r.perTrap),
    perRegion: slimAll(r.perRegion),
    perIntendedRoot: slimAll(r.perIntendedRoot),
    misses: r.overall.misses,
    falseEvents: r.overall.falseEvents,
    errors: r.errors,
    warnings: r.warnings,
    elapsedMs: r.elapsedMs,
  };
}

export interface SetResult {
  spec: SetSpec;
  set: EvalSet;
  report: EvalReport;
}

const share = (num: number, den: number) => (den === 0 ? 0 : num / den);

const SUMMARY_HEADER = `${'set'.padEnd(20)} units    tp    fp    fn      P      R     F1  P>=R   dyad  false/empty     F1 actor  dyad actor`;

/**
 * One row per set: P, R, F1 over sentences and articles; the dyad share and the false events on
 * sentences holding none, over sentences; the same F1 and dyad share at actor level.
 */
export function summaryRow(name: string, r: EvalReport): string {
  const o = r.overall;
  const s = r.sentences;
  const counts = [o.tp, o.fp, o.fn].map((n) => String(n).padStart(5)).join(' ');
  const empty = `${s.emptyUnitsWithFalseEvents}/${s.emptyUnits}`.padStart(7);
  return (
    `${name.padEnd(20)}${String(o.units).padStart(6)} ${counts} ${pct(o.precision)} ${pct(o.recall)} ${pct(o.f1)}` +
    `  ${(o.precision >= o.recall ? 'yes' : 'NO').padStart(4)} ${pct(s.dyadShare)} ${empty}${pct(share(s.emptyUnitsWithFalseEvents, s.emptyUnits))}` +
    `   ${pct(r.overallByActor.f1)}      ${pct(r.sentencesByActor.dyadShare)}`
  );
}

/** The summary of every set, then the details of the open ones; sealed sets show their row only. */
export function formatSets(results: readonly SetResult[], verbose: boolean): string {
  const out: string[] = [
    'Reader evaluation, every set on its own (asserted + reported events; P, R, F1 match on source country,',
    'target country and CAMEO root over sentences and articles; dyad = sentences holding an event that got',
    'one with the right source and target, any code; false/empty = sentences holding no event that got one;',
    'actor = the same matched on party and sector, e.g. ZWE/OPP; sealed sets show this row only)',
    '',
    SUMMARY_HEADER,
    ...results.map((r) => summaryRow(`${r.spec.name}${r.spec.sealed ? ' *' : ''}`, r.report)),
    '* sealed: kept from the people tuning the rules (see its README)',
  ];
  for (const r of results.filter((x) => !x.spec.sealed)) {
    const texts = new Map<string, string>([
      ...r.set.sentences.map((s) => [s.id, s.text] as const),
      ...r.set.articles.map((a) => [a.id, a.title] as const),
    ]);
    out.push('', `== ${r.spec.name} (${relative(process.cwd(), r.spec.dir) || '.'})`, '');
    out.push(formatReport(r.report, verbose, texts).trimEnd());
  }
  return `${out.join('\n')}\n`;
}

/** The figures of a sealed set that may be shown: aggregates only. */
function sealedSummary(r: EvalReport): unknown {
  const pick = (s: Score) => ({
    units: s.units,
    tp: s.tp,
    fp: s.fp,
    fn: s.fn,
    precision: s.precision,
    recall: s.recall,
    f1: s.f1,
    emptyUnits: s.emptyUnits,
    emptyUnitsWithFalseEvents: s.emptyUnitsWithFalseEvents,
    falseEventsOnEmpty: s.falseEventsOnEmpty,
    dyadUnits: s.dyadUnits,
    dyadHits: s.dyadHits,
    dyadShare: s.dyadShare,
  });
  return {
    overall: pick(r.overall),
    sentences: pick(r.sentences),
    overallByActor: pick(r.overallByActor),
    sentencesByActor: pick(r.sentencesByActor),
  };
}

export function summariseSets(results: readonly SetResult[]): unknown {
  return {
    generatedAt: new Date().toISOString(),
    sets: Object.fromEntries(
      results.map((r) => [
        r.spec.name,
        {
          dir: relative(process.cwd(), r.spec.dir) || '.',
          sealed: r.spec.sealed,
          ...(r.spec.sealed ? (sealedSummary(r.report) as object) : (summarise(r.report) as object)),
        },
      ]),
    ),
  };
}

export async function main(argv: readonly string[]): Promise<number> {
  const opts = parseArgs(argv);
  const specs = opts.set ? [specForDir(opts.set)] : SETS;
  const read = await loadReader(opts.reader);
  const results = specs.map((spec) => {
    const set = loadEvalSet(spec.dir);
    return { spec, set, report: evaluate(read, set) };
  });
  process.stdout.write(formatSets(results, opts.verbose));
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(summariseSets(results), null, 2)}\n`);
  process.stdout.write(`\nwrote ${opts.out}\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(
        `eval:reader: ${e instanceof Error && 'describeAll' in e && typeof e.describeAll === 'function' ? String(e.describeAll()) : e instanceof Error ? e.message : String(e)}\n`,
      );
      process.exit(1);
    },
  );
}
