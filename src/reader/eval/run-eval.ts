/**
 * `npm run eval:reader [-- --verbose] [-- --reader path/to/module.ts] [-- --set DIR] [-- --out file.json]`
 *
 * Scores `readArticle` from `src/reader/read-article.ts` (or the module given with --reader, which
 * must export a function of the same shape) on the evaluation set, prints a table and writes
 * `bench/out/reader-eval.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadEvalSet } from './eval-set.js';
import { evaluate, type EvalReport, type ReadFn } from './evaluate.js';
import type { Counts, EvalEvent, Score } from './score.js';

const DEFAULT_READER = fileURLToPath(new URL('../read-article.js', import.meta.url));
const DEFAULT_OUT = fileURLToPath(new URL('../../../bench/out/reader-eval.json', import.meta.url));

interface Options {
  verbose: boolean;
  reader: string;
  out: string;
  /** A folder laid out like this one (sentences.jsonl, articles/), e.g. a held-out set. */
  set?: string;
}

function readOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      verbose: { type: 'boolean', short: 'v', default: false },
      reader: { type: 'string' },
      out: { type: 'string' },
      set: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('usage: run-eval.ts [--verbose] [--reader MODULE] [--set DIR] [--out FILE.json]\n');
    process.exit(0);
  }
  return {
    verbose: values.verbose,
    reader: values.reader ? resolve(values.reader) : DEFAULT_READER,
    out: values.out ? resolve(values.out) : DEFAULT_OUT,
    ...(values.set ? { set: resolve(values.set) } : {}),
  };
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
  out.push('Reader evaluation (asserted + reported events; match on source country, target country, CAMEO root)', '');
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

export async function main(argv: readonly string[]): Promise<number> {
  const opts = readOptions(argv);
  const set = opts.set ? loadEvalSet(opts.set) : loadEvalSet();
  const read = await loadReader(opts.reader);
  const report = evaluate(read, set);
  const texts = new Map<string, string>([
    ...set.sentences.map((s) => [s.id, s.text] as const),
    ...set.articles.map((a) => [a.id, a.title] as const),
  ]);
  process.stdout.write(formatReport(report, opts.verbose, texts));
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(summarise(report), null, 2)}\n`);
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
