/**
 * Reader benchmark: sentences per second on one core and on all cores (worker_threads), peak
 * memory over the run, and peak memory reading one document of 1, 4 and 16 MB as a stream (each in
 * its own process, so that one size's memory does not colour the next's). Sentences come from a
 * synthetic generator of news-like text (templates filled with actors from the real dictionary),
 * so the run needs no corpus.
 *
 *   node --expose-gc --import tsx bench/reader.bench.ts [--sentences 100000] [--workers N] [--doc-sizes 1,4,16]
 *
 * Writes bench/out/reader.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadActorDictionary } from '../src/cameo/actor-dictionary.js';
import { readArticle, readArticleStream } from '../src/reader/read-article.js';
import { seededRandom } from '../src/util/seeded-random.js';

const SENTENCES_PER_ARTICLE = 20;

const TEMPLATES = [
  '{A} held talks with {B} in {C} on {D}, officials said.',
  '{A} imposed new sanctions on {B} over its missile programme.',
  'Sanctions were imposed on {B} by {A} last week.',
  '{A} urged {B} and {C} to return to negotiations.',
  '{P} will fly to {C} next week for talks with {B}.',
  '{A} should not ease sanctions until {B} lets inspectors in.',
  '{A} warned that it could leave the treaty if {B} did not act.',
  'The ministers failed to agree on a ceasefire in {C}.',
  '{P} met {Q} in {C} on {D} and praised the progress of the talks.',
  '{A} accused {B} of violating the agreement, according to state media.',
  'Troops from {A} attacked positions held by rebels near the border on {D}.',
  '{A} released two detained citizens of {B} on {D}.',
  'Protesters rallied outside the embassy of {B} in {C} on {D}.',
  '{A} criticised {B} for what it called reckless behaviour.',
  '{A} and {B} signed an agreement on trade and investment in {C}.',
  'Analysts say the economy of {A} is likely to slow down this year.',
  '{P} hopes {Q} will visit {C} soon.',
  '{A} refused to allow inspectors to visit the site.',
  '{A} launched two ballistic missiles into the sea on {D}.',
  'It is time for {A} to take a harder line on {B}.',
  'The talks, which lasted three hours, ended without a joint statement.',
  '{A} expelled four diplomats from {B} on {D}.',
  '{A} called off joint military exercises with {B}.',
  '{A} sent humanitarian aid to {B} after the floods.',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'May 9', 'March 3'];

export function generateArticles(count: number, seed: number): string[] {
  const dict = loadActorDictionary();
  const names = dict.countries.map((c) => c.name);
  const caps = dict.countries.flatMap((c) => c.capitals.filter((x) => !x.startsWith('the ')));
  const people = dict.people.map((p) => p.name);
  const r = seededRandom(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const articles: string[] = [];
  let made = 0;
  while (made < count) {
    const n = Math.min(SENTENCES_PER_ARTICLE, count - made);
    const sentences: string[] = [];
    for (let i = 0; i < n; i++) {
      sentences.push(
        pick(TEMPLATES)
          .replace('{A}', pick(names))
          .replace('{B}', pick(names))
          .replace('{C}', pick(caps.length ? caps : names))
          .replace('{D}', pick(DAYS))
          .replace('{P}', pick(people.length ? people : names))
          .replace('{Q}', pick(people.length ? people : names)),
      );
    }
    articles.push(sentences.join(i2p(r)));
    made += n;
  }
  return articles;
}

function i2p(r: () => number): string {
  return r() < 0.3 ? '\n\n' : ' ';
}

interface RunResult {
  sentences: number;
  events: number;
  /** Wall-clock time of the reading loop. */
  ms: number;
  /** CPU time of the process during the loop (in a worker: the whole process, so not used there). */
  cpuMs: number;
  /** Heap in use after each tenth of the articles. */
  heapMb: number[];
}

function run(articles: string[]): RunResult {
  const dictionary = loadActorDictionary();
  // Warm up: model, dictionary index and patterns load once, outside the timing.
  readArticle('Japan urged Russia to hold talks.', { date: '2018-10-08', dictionary });
  let events = 0;
  let sentences = 0;
  // Heap in use after each tenth of the run: flat when reading keeps nothing from article to article.
  const heapMb: number[] = [];
  const tenth = Math.max(1, Math.floor(articles.length / 10));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  articles.forEach((a, i) => {
    const r = readArticle(a, { date: '2018-10-08', dictionary });
    events += r.events.length;
    if ((i + 1) % tenth === 0) heapMb.push(+(process.memoryUsage().heapUsed / 1048576).toFixed(1));
  });
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000;
  for (const a of articles) sentences += a.split(/(?<=\.)\s+/).length;
  return { sentences, events, ms, cpuMs, heapMb };
}

// Node 20 workers do not inherit `--import tsx`; the worker registers tsx, then loads this file.
const WORKER_BOOT = `
  const { workerData } = require('node:worker_threads');
  import('tsx/esm/api').then((tsx) => { tsx.register(); return import(workerData.url); });
`;

/** One document of `mb` megabytes, read as a stream of 64 KB pieces; prints its figures as JSON. */
async function oneDocument(mb: number): Promise<void> {
  const unit = `${generateArticles(4000, 9).join('\n\n')}\n\n`;
  const times = Math.ceil((mb * 1e6) / unit.length);
  function* pieces(): Generator<string> {
    for (let i = 0; i < times; i++) for (let k = 0; k < unit.length; k += 65_536) yield unit.slice(k, k + 65_536);
  }
  readArticle('Japan urged Russia to hold talks.', { date: '2018-10-08' });
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  let events = 0;
  const t0 = performance.now();
  await readArticleStream(pieces(), { date: '2018-10-08' }, (ev) => {
    events += ev.length;
  });
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const mib = (x: number) => +(x / 1048576).toFixed(1);
  const out = { mb: +((unit.length * times) / 1e6).toFixed(1), events, ms: Math.round(ms), rss_before_mb: mib(before) };
  process.stdout.write(`${JSON.stringify({ ...out, peak_rss_mb: mib(peak), growth_mb: mib(peak - before) })}\n`);
}

interface DocumentFigures {
  mb: number;
  events: number;
  ms: number;
  rss_before_mb: number;
  peak_rss_mb: number;
  growth_mb: number;
}

function documentSizes(sizes: number[]): DocumentFigures[] {
  return sizes.map((mb) => {
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--one-document', String(mb)],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`reading a ${mb} MB document failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as DocumentFigures;
  });
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const total = arg('--sentences', 100_000);
  const cores = arg('--workers', availableParallelism());
  const rssStart = process.memoryUsage().rss;
  const articles = generateArticles(total, 42);
  const single = run(articles);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const single_sps = single.sentences / (single.ms / 1000);

  // All cores: each worker generates and reads its share of the same total.
  const per = Math.ceil(total / cores);
  const t0 = performance.now();
  const results = await Promise.all(
    Array.from(
      { length: cores },
      (_, w) =>
        new Promise<RunResult>((resolve, reject) => {
          const worker = new Worker(WORKER_BOOT, {
            eval: true,
            workerData: { count: per, seed: 100 + w, url: import.meta.url },
          });
          worker.once('message', (m: RunResult) => resolve(m));
          worker.once('error', reject);
        }),
    ),
  );
  const wall = performance.now() - t0;
  const parallelSentences = results.reduce((s, r) => s + r.sentences, 0);
  const parallel_sps = parallelSentences / (Math.max(...results.map((r) => r.ms)) / 1000);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const sizesArg = process.argv.indexOf('--doc-sizes');
  const sizes = (sizesArg >= 0 ? process.argv[sizesArg + 1]! : '1,4,16').split(',').map(Number);
  const documents = documentSizes(sizes);

  const out = {
    date: new Date().toISOString(),
    node: process.version,
    sentences: single.sentences,
    events: single.events,
    single_core: {
      ms: Math.round(single.ms),
      sentences_per_second: Math.round(single_sps),
      sentences_per_cpu_second: Math.round(single.sentences / (single.cpuMs / 1000)),
    },
    // The machine may be shared: the load average says how much the wall-clock figures suffered.
    load_average: loadavg().map((x) => +x.toFixed(2)),
    all_cores: {
      workers: cores,
      sentences: parallelSentences,
      wall_ms: Math.round(wall),
      sentences_per_second: Math.round(parallel_sps),
      per_core: Math.round(parallel_sps / cores),
    },
    memory: {
      rss_start_mb: +(rssStart / 1048576).toFixed(1),
      peak_rss_mb: +(peakRss / 1048576).toFixed(1),
      heap_mb_by_tenth: single.heapMb,
    },
    // One document read as a stream: peak memory should not grow with its size.
    one_document: documents,
    goal_per_core: 5000,
  };
  const rows: Array<[string, string]> = [
    ['sentences (single run)', String(out.sentences)],
    ['events proposed', String(out.events)],
    ['single core, sentences/s', String(out.single_core.sentences_per_second)],
    ['single core, sentences per CPU second', String(out.single_core.sentences_per_cpu_second)],
    [`all cores (${cores} workers), sentences/s`, String(out.all_cores.sentences_per_second)],
    ['per core in parallel, sentences/s', String(out.all_cores.per_core)],
    ['peak RSS, MB', String(out.memory.peak_rss_mb)],
    ['heap in use by tenth of the run, MB', single.heapMb.map((h) => Math.round(h)).join(' ')],
    ['load average (1 min) at the end', String(out.load_average[0])],
    ...documents.map((d): [string, string] => [
      `one ${d.mb} MB document: peak RSS, MB (growth)`,
      `${d.peak_rss_mb} (+${d.growth_mb})`,
    ]),
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write(`reader benchmark\n${rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v.padStart(10)}`).join('\n')}\n`);
  const dir = fileURLToPath(new URL('./out/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}reader.json`, `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(`wrote ${dir}reader.json\n`);
}

const isEntry =
  process.argv[1] !== undefined &&
  fileURLToPath(import.meta.url).endsWith(process.argv[1].replace(/^.*[\\/]bench[\\/]/, 'bench/'));
const oneDoc = process.argv.indexOf('--one-document');
if (isMainThread && isEntry && oneDoc >= 0) {
  oneDocument(Number(process.argv[oneDoc + 1])).catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
} else if (isMainThread && isEntry) {
  main().catch((err: unknown) => {
    process.stderr.write(`reader bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
} else if (!isMainThread) {
  const { count, seed } = workerData as { count: number; seed: number };
  parentPort!.postMessage(run(generateArticles(count, seed)));
}
