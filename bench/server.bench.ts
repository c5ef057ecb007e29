/**
 * The team server under load, on loopback only, every run bounded in time: `parley serve` in a
 * process of its own (from dist/, as installed), driven by autocannon.
 *
 * 1. The built-in case: the cached brief, an events page and the verdict timelines at 50
 *    connections for 10 s each (p99, requests/s, errors).
 * 2. 500 clients on the live stream: how long until every one hears of a review made by another
 *    client; then a 250,000-row GDELT 2.0 export uploaded through the API and imported, with an
 *    events page asked for meanwhile.
 * 3. A 1,000,000-event synthetic case (bench/core.bench.ts --load, or PARLEY_BENCH_DB): the first
 *    brief, the cached brief (at 50 and at 10 connections, and its size), an events page, the
 *    outline, the conditions on a date (first, on another date, cached) and a year of verdict
 *    timelines. Loads ask for gzip, as browsers do. Beside the cached brief, the same bytes from a
 *    bare node:http server: what autocannon itself can take in on this machine (see `bareServer`).
 * Server memory is its peak RSS (VmHWM) through all of it.
 * Usage: node --import tsx bench/server.bench.ts [events for the large case, default 1000000]
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync } from 'node:zlib';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { writeSyntheticEvents } from '../src/importers/synthetic-events.js';
import { printTable } from './measure.js';

const LARGE = Number(process.argv[2] ?? 1_000_000);
const CASE = 'us-dprk-2018';
const DURATION_S = 10;
const CONNECTIONS = 50;
const STREAM_CLIENTS = 500;
const IMPORT_ROWS = 250_000;
const root = join(tmpdir(), `parley-server-bench-${process.pid}`);
mkdirSync(root, { recursive: true });

function cli(db: string, args: string[]): string {
  const r = spawnSync(process.execPath, ['dist/cli/parley.js', '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PARLEY_HOME: root },
  });
  if (r.status !== 0) throw new Error(`parley ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

interface Server {
  url: string;
  child: ChildProcess;
  token: string;
  peakRssMiB(): number;
}

async function startServer(db: string): Promise<Server> {
  const token = cli(db, ['token', 'create', '--role', 'analyst', '--name', 'bench']).split('\n').at(-1)!;
  const child = spawn(process.execPath, ['dist/cli/parley.js', '--db', db, 'serve', '--port', '0', '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PARLEY_HOME: root },
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^Parley serves (\S+)/.exec(line);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`parley serve exited with ${code}`)));
  });
  return {
    url,
    child,
    token,
    peakRssMiB: () => {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : Number.NaN;
    },
  };
}

async function timed(s: Server, path: string): Promise<number> {
  const start = performance.now();
  const r = await fetch(`${s.url}${path}`, { headers: { authorization: `Bearer ${s.token}` } });
  await r.arrayBuffer();
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return performance.now() - start;
}

/** As a browser asks: the cache keeps a gzipped copy of each answer beside the plain one. */
const GZIP = { 'accept-encoding': 'gzip, deflate, br' };

async function load(s: Server, path: string, connections = CONNECTIONS): Promise<string> {
  await timed(s, path);
  return cannon(`${s.url}${path}`, { authorization: `Bearer ${s.token}`, ...GZIP }, connections);
}

async function cannon(
  url: string,
  headers: Record<string, string>,
  connections: number,
  duration = DURATION_S,
): Promise<string> {
  const r = await autocannon({ url, connections, duration, headers });
  const errors = r.errors + r.timeouts + r.non2xx;
  return `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${Math.round(r.requests.average)} req/s, ${errors} errors (${connections} connections, ${duration} s)`;
}

/**
 * The load generator's own share: autocannon decodes each body it receives as text, which costs
 * it about 2 ms for 100 kB of gzipped bytes on this machine. The same bytes served by a bare
 * node:http server, with nothing of Parley's in the way, show the most that client can measure.
 */
async function bareServer(body: Uint8Array, connections: number): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'content-length': body.length,
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await cannon(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, GZIP, connections);
  } finally {
    server.close();
  }
}

/** The answer as sent to a client that takes gzip, and its size unpacked. */
async function gzipped(s: Server, path: string): Promise<{ body: Uint8Array; plainBytes: number }> {
  const r = await new Promise<Buffer>((resolve, reject) => {
    const req = request(`${s.url}${path}`, { headers: { authorization: `Bearer ${s.token}`, ...GZIP } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    });
    req.on('error', reject);
    req.end();
  });
  return { body: r, plainBytes: gunzipSync(r).length };
}

/** Opens one stream client; resolves once it is connected, and calls `onChange` for each change message. */
function streamClient(s: Server, onData: (text: string) => void): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${s.url}/api/cases/${CASE}/stream`,
      { headers: { authorization: `Bearer ${s.token}` } },
      (res) => {
        res.setEncoding('utf8');
        let first = true;
        res.on('data', (text: string) => {
          if (first) {
            first = false;
            resolve(() => req.destroy());
          }
          onData(text);
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function streamFanOut(s: Server): Promise<string> {
  const created = await fetch(`${s.url}/api/cases/${CASE}/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      date: '2018-11-20',
      source: 'mike-pompeo',
      code: '040',
      target: 'prk',
      summary: 'bench: a call to review',
      sources: [{ publisher: 'bench' }],
      status: 'proposed',
    }),
  });
  const { id } = (await created.json()) as { id: string };
  const heard: number[] = [];
  const closers: (() => void)[] = [];
  for (let i = 0; i < STREAM_CLIENTS; i++)
    closers.push(
      await streamClient(s, (text) => {
        if (text.includes(id) && text.includes('confirm')) heard.push(performance.now());
      }),
    );
  const start = performance.now();
  const review = await fetch(`${s.url}/api/cases/${CASE}/events/${id}/review`, {
    method: 'POST',
    headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'confirm' }),
  });
  if (!review.ok) throw new Error(`review: ${review.status}`);
  const deadline = start + 5000;
  while (heard.length < STREAM_CLIENTS && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  for (const close of closers) close();
  const delays = heard.map((t) => t - start).sort((a, b) => a - b);
  return `${heard.length} of ${STREAM_CLIENTS} clients heard the review; the last after ${(delays.at(-1) ?? Number.NaN).toFixed(0)} ms (median ${(delays[Math.floor(delays.length / 2)] ?? Number.NaN).toFixed(0)} ms)`;
}

/**
 * An upload through the API, as a team imports: a gzipped GDELT 2.0 export of `rows` synthetic
 * rows sent as the body, spooled to disk and imported by the server. Its time and rows a second,
 * and an events page asked for by 10 connections meanwhile: the server keeps answering.
 */
async function importUpload(s: Server, rows: number, page: string): Promise<[string, string]> {
  const plain = join(root, `synthetic-${rows}.export.CSV`);
  writeSyntheticEvents(plain, 'gdelt2', rows);
  const packed = `${plain}.gz`;
  await pipeline(createReadStream(plain), createGzip(), createWriteStream(packed));
  const start = performance.now();
  const upload = fetch(`${s.url}/api/imports?name=${basename(packed)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/gzip' },
    body: readFileSync(packed),
  }).then((r) => ({ r, seconds: (performance.now() - start) / 1000 }));
  const meanwhile = await cannon(`${s.url}${page}`, { authorization: `Bearer ${s.token}`, ...GZIP }, 10, 3);
  const { r, seconds } = await upload;
  if (!r.ok) throw new Error(`import: ${r.status} ${await r.text()}`);
  const mib = statSync(packed).size / 1048576;
  return [
    `${rows.toLocaleString('en')} rows (${mib.toFixed(0)} MiB gzipped) in ${seconds.toFixed(1)} s, ${Math.round(rows / seconds).toLocaleString('en')} rows/s`,
    meanwhile,
  ];
}

async function stop(s: Server): Promise<void> {
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}

/** The large case: PARLEY_BENCH_DB when given (npm run bench writes it once for every bench), else written here. */
function largeCase(): string {
  const given = process.env.PARLEY_BENCH_DB;
  if (given && existsSync(given)) return given;
  const big = join(root, 'large.db');
  const gen = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'bench/core.bench.ts', '--load', big, String(LARGE)],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (gen.status !== 0) throw new Error(`generating the large case failed: ${gen.stderr}`);
  return big;
}

async function main(): Promise<void> {
  const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  const rows: [string, string][] = [];
  const small = join(root, 'builtin.db');
  cli(small, ['case', 'list']);
  const s = await startServer(small);
  try {
    rows.push(['built-in: first brief', `${(await timed(s, `/api/cases/${CASE}/brief`)).toFixed(0)} ms`]);
    rows.push(['built-in: cached brief', await load(s, `/api/cases/${CASE}/brief`)]);
    const page = `/api/cases/${CASE}/events?pageSize=100&status=confirmed`;
    rows.push(['built-in: events page (100)', await load(s, page)]);
    rows.push(['built-in: verdict timelines', await load(s, `/api/cases/${CASE}/conditions/timeline`)]);
    rows.push(['live stream', await streamFanOut(s)]);
    const [imported, meanwhile] = await importUpload(s, IMPORT_ROWS, page);
    rows.push(['built-in: import upload (GDELT 2.0)', imported]);
    rows.push(['built-in: events page during the upload', meanwhile]);
    rows.push(['built-in: server peak RSS', `${s.peakRssMiB().toFixed(0)} MiB`]);
  } finally {
    await stop(s);
  }

  const l = await startServer(largeCase());
  const n = `${LARGE.toLocaleString('en')} events`;
  try {
    const brief = '/api/cases/bench/brief?asOf=2019-03-01';
    rows.push([`${n}: first brief`, `${(await timed(l, brief)).toFixed(0)} ms`]);
    rows.push([`${n}: cached brief`, await load(l, brief)]);
    rows.push([`${n}: cached brief, 10 connections`, await load(l, brief, 10)]);
    const sent = await gzipped(l, brief);
    rows.push([
      `${n}: brief size`,
      `${(sent.plainBytes / 1024).toFixed(0)} kB of JSON, ${(sent.body.length / 1024).toFixed(0)} kB gzipped`,
    ]);
    rows.push([`${n}: the same bytes from a bare node:http server`, await bareServer(sent.body, CONNECTIONS)]);
    rows.push([
      `${n}: events page (100)`,
      await load(l, '/api/cases/bench/events?pageSize=100&actor=PRK&code=04&from=2018-01-01'),
    ]);
    // What the dashboard's question view asks first, each once and timed: the outline, then the verdicts on a date.
    rows.push([`${n}: outline`, `${(await timed(l, '/api/cases/bench/outline')).toFixed(0)} ms`]);
    rows.push([
      `${n}: conditions on a date, first`,
      `${(await timed(l, '/api/cases/bench/conditions?asOf=2019-03-01')).toFixed(0)} ms`,
    ]);
    rows.push([
      `${n}: conditions on another date`,
      `${(await timed(l, '/api/cases/bench/conditions?asOf=2019-01-15')).toFixed(0)} ms`,
    ]);
    rows.push([`${n}: conditions, cached`, await load(l, '/api/cases/bench/conditions?asOf=2019-03-01')]);
    rows.push([
      `${n}: verdict timelines, a year`,
      `${(await timed(l, '/api/cases/bench/conditions/timeline?from=2018-03-01&to=2019-03-01')).toFixed(0)} ms`,
    ]);
    rows.push([`${n}: server peak RSS`, `${l.peakRssMiB().toFixed(0)} MiB`]);
  } finally {
    await stop(l);
  }
  printTable('Team server (loopback, autocannon)', rows);
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/server.json', `${JSON.stringify(Object.fromEntries(rows), null, 2)}\n`);
  rmSync(root, { recursive: true, force: true });
}

await main();
