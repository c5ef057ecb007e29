/**
 * The core benchmark: a synthetic ledger of 1,000,000 events, 200 actors and 10,000 facilities in
 * SQLite; load time, then the time and peak memory of `brief`, of each condition, and of
 * reciprocity, as of a date. Usage: node --expose-gc --import tsx bench/core.bench.ts [events]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateCondition } from '../src/analysis/conditions/evaluate-condition.js';
import { reciprocityFromAggregates } from '../src/analysis/reciprocity.js';
import { buildBrief } from '../src/brief/build-brief.js';
import { moveFromEvent } from '../src/analysis/move.js';
import { collectConditionLedger } from '../src/brief/collect-condition-ledger.js';
import { eventCodes } from '../src/cameo/event-codes.js';
import type { Actor } from '../src/model/actor.js';
import type { CaseData } from '../src/model/case.js';
import type { Condition } from '../src/model/condition.js';
import type { LedgerEvent, Verification } from '../src/model/event.js';
import type { Facility, FacilityStatus } from '../src/model/facility.js';
import type { Indicator } from '../src/model/indicator.js';
import { fromDayNumber, toDayNumber } from '../src/model/iso-date.js';
import { openStore } from '../src/store/store.js';
import { FILE_ORIGIN } from '../src/store/case-repository.js';
import { measure, printTable } from './measure.js';
import { parseArgs } from 'node:util';
import { seededRandom } from '../src/util/seeded-random.js';

/** `core.bench.ts [events]`; `--load PATH [events]` only writes the ledger (the server bench serves it); `--read DB` runs the read phase in a fresh process. */
const ARGS = parseArgs({ allowPositionals: true, options: { read: { type: 'string' }, load: { type: 'string' } } });
const EVENTS = Number(ARGS.positionals[0] ?? 1_000_000);
const ACTORS = 200;
const FACILITIES = 10_000;
const CASE = 'bench';
const AS_OF = '2019-03-01';

function buildCase(): CaseData {
  const rand = seededRandom(42);
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const codes = new Set(['USA', 'PRK', 'KOR', 'CHN', 'JPN', 'RUS']);
  while (codes.size < ACTORS) codes.add([0, 1, 2].map(() => letters[Math.floor(rand() * 26)]).join(''));
  const actors: Actor[] = [...codes].map((code) => ({
    id: code.toLowerCase(),
    kind: 'state',
    name: code,
    aliases: [],
    code,
    roles: [],
  }));
  actors.push({
    id: 'envoy',
    kind: 'person',
    name: 'Envoy',
    aliases: [],
    roles: [{ code: 'USAGOV', title: 'Secretary of State', from: '1990-01-01' }],
  });
  const statuses: FacilityStatus[] = ['operational', 'dormant', 'dismantled', 'under-construction'];
  const facilities: Facility[] = Array.from({ length: FACILITIES }, (_, i) => ({
    id: `site-${i}`,
    caseId: CASE,
    name: `Site ${i}`,
    type: 'site',
    tags: i % 4 === 0 ? ['nuclear', 'production'] : ['missile'],
    location: 'somewhere',
    country: i % 2 === 0 ? 'PRK' : actors[Math.floor(rand() * ACTORS)]!.code!,
    key: i % 10 === 0,
    statuses: [
      { date: '2000-01-01', status: 'operational', sources: [] },
      {
        date: fromDayNumber(toDayNumber('2005-01-01') + Math.floor(rand() * 5000)),
        status: statuses[Math.floor(rand() * 4)]!,
        sources: [],
      },
    ],
    observations:
      i % 20 === 0
        ? [
            {
              date: fromDayNumber(toDayNumber('2017-01-01') + Math.floor(rand() * 800)),
              by: 'imagery',
              verification: 'observed',
              finding: 'activity',
              sources: [],
            },
          ]
        : [],
  }));
  const table = [...eventCodes().values()];
  const verifications: Verification[] = ['claimed', 'claimed', 'observed', 'verified'];
  const start = toDayNumber('2000-01-01');
  const span = toDayNumber('2019-12-31') - start;
  const events: LedgerEvent[] = [];
  for (let i = 0; i < EVENTS; i++) {
    // One event in twenty is between the case's own parties, as in a dyad-focused extract.
    const focal = rand() < 0.05;
    const a = focal ? (rand() < 0.5 ? 'USA' : 'PRK') : actors[Math.floor(rand() * ACTORS)]!.code!;
    const b = focal ? (a === 'USA' ? 'PRK' : 'USA') : actors[Math.floor(rand() * ACTORS)]!.code!;
    const info = table[Math.floor(rand() * table.length)]!;
    const date = fromDayNumber(start + Math.floor(rand() * span));
    events.push({
      id: `e${i}`,
      caseId: CASE,
      date,
      sourceActor: a.toLowerCase(),
      targetActor: b.toLowerCase(),
      sourceCode: `${a}GOV`,
      targetCode: `${b}GOV`,
      code: info.code,
      goldstein: info.goldstein,
      quadClass: info.quadClass,
      summary: `synthetic move ${i}`,
      facilities: rand() < 0.01 ? [`site-${Math.floor(rand() * FACILITIES)}`] : [],
      sources: [{ publisher: 'Synthetic Wire', date }],
      provenance: 'imported',
      status: rand() < 0.9 ? 'confirmed' : 'proposed',
      verification: verifications[Math.floor(rand() * 4)]!,
      confidence: 0.7,
    });
  }
  const conditions: Condition[] = [
    {
      id: 'visit-precondition',
      caseId: CASE,
      title: 'No visit until inspections at five key operational sites',
      version: 1,
      sources: [],
      gates: [{ source: { code: 'USA' }, target: { code: 'PRK' }, codes: ['042'] }],
      requires: {
        kind: 'facilities',
        facilities: {
          where: { key: true, status: ['operational'] },
          coveredBy: { source: { code: 'PRK' }, codes: ['0355', '086'] },
          atLeast: 5,
        },
      },
    },
    {
      id: 'no-summit-while-production',
      caseId: CASE,
      title: 'No summit while production continues',
      version: 1,
      sources: [],
      gates: [{ source: { code: 'USA' }, target: { code: 'PRK' }, codes: ['057'], from: '2018-06-13' }],
      requires: {
        kind: 'notObserved',
        notObserved: { facilities: { tags: ['production'] }, findings: ['activity'], window: { days: 90 } },
      },
    },
    {
      // Indicator leaves: the latest verified figure of each quantity within 120 days, against its limit.
      id: 'relief-within-limits',
      caseId: CASE,
      title: 'Relief only while five quantities are verified within their limits',
      version: 1,
      sources: [],
      gates: [{ source: { code: 'USA' }, target: { code: 'PRK' }, codes: ['085'], from: '2018-01-01' }],
      requires: {
        kind: 'all',
        all: Array.from({ length: 5 }, (_, i) => ({
          kind: 'indicator' as const,
          indicator: {
            id: `quantity-${i}`,
            test: 'atMost' as const,
            value: 100,
            verification: 'verified' as const,
            window: { days: 120 },
          },
        })),
      },
    },
    {
      id: 'verified-dismantlement',
      caseId: CASE,
      title: 'Concessions only after verified dismantlement',
      version: 1,
      sources: [],
      gates: [{ source: { code: 'USA' }, target: { code: 'PRK' }, codes: ['08'], from: '2018-01-01' }],
      requires: {
        kind: 'all',
        all: [
          { kind: 'event', event: { source: { code: 'PRK' }, codes: ['087'], verification: 'verified' } },
          { kind: 'notObserved', notObserved: { findings: ['activity'], window: { days: 30 } } },
        ],
      },
    },
  ];
  return {
    info: {
      id: CASE,
      title: 'Synthetic benchmark case',
      settings: {
        parties: ['USA', 'PRK'],
        reciprocitySince: '2018-06-12',
        headlineCondition: 'visit-precondition',
        defaultAsOf: AS_OF,
        responseDays: 30,
      },
    },
    actors,
    events,
    agreements: [
      {
        id: 'deal',
        caseId: CASE,
        name: 'Deal',
        date: '2018-06-12',
        parties: ['usa', 'prk'],
        sources: [],
        provisions: [
          {
            id: 'p1',
            text: 'Denuclearize',
            theme: 'denuclearization',
            owedBy: ['prk'],
            statuses: [{ date: '2018-06-12', level: 0, events: [], sources: [] }],
          },
          {
            id: 'p2',
            text: 'Return remains',
            theme: 'humanitarian',
            owedBy: ['prk'],
            statuses: [{ date: '2018-07-27', level: 2, events: [], sources: [] }],
          },
        ],
      },
    ],
    facilities,
    conditions,
    indicators: syntheticIndicators(rand),
  };
}

/**
 * 20 quantities at sites, each measured about monthly from 2015 on: verified most of the time,
 * sometimes estimated or claimed, reported one to three weeks after the date they refer to.
 */
function syntheticIndicators(rand: () => number): Indicator[] {
  const verifications = ['verified', 'verified', 'verified', 'estimated', 'claimed'] as const;
  return Array.from({ length: 20 }, (_, i) => {
    const measurements: Indicator['measurements'] = [];
    for (let day = toDayNumber('2015-01-01'); day <= toDayNumber(AS_OF); day += 20 + Math.floor(rand() * 20)) {
      const date = fromDayNumber(day);
      measurements.push({
        date,
        known: fromDayNumber(day + 7 + Math.floor(rand() * 14)),
        figure: { is: 'value', value: Math.round(rand() * 1100) / 10 },
        verification: verifications[Math.floor(rand() * verifications.length)]!,
        by: 'inspectors',
        report: `R-${i}-${date}`,
        sources: [{ publisher: 'Synthetic Inspectorate', date }],
      });
    }
    return {
      id: `quantity-${i}`,
      caseId: CASE,
      name: `Quantity ${i}`,
      unit: 't',
      kind: 'quantity',
      facility: `site-${i}`,
      limit: { test: 'atMost', value: 100 },
      measurements,
    };
  });
}

async function load(path: string): Promise<Record<string, unknown>> {
  const gen = await measure(() => buildCase());
  const data = gen.result;
  const store = await openStore(path);
  const loaded = await measure(() =>
    store
      .transaction(async (tx) => {
        await tx.cases.writeFrame(data, { filesHash: null, sourceDir: null }, new Date().toISOString());
        await tx.events.insert(data.events, FILE_ORIGIN);
        await tx.aggregates.rebuildCase(CASE);
      })
      .then(() => store.analyze()),
  );
  await store.close();
  return { generateMs: gen.ms, loadMs: loaded.ms, loadPeakRssMiB: loaded.peakRssMiB };
}

/** The reads, in a process of their own so their memory is theirs alone, not the generator's. */
async function read(path: string): Promise<Record<string, unknown>> {
  const reader = await openStore(path);
  const figures: Record<string, unknown> = { startRssMiB: process.memoryUsage().rss / 1024 / 1024 };
  // The first brief warms the page cache and the code paths; the second is the one reported.
  await buildBrief(reader, { caseId: CASE, asOf: AS_OF });
  const brief = await measure(() => buildBrief(reader, { caseId: CASE, asOf: AS_OF }));
  figures.brief = { ms: brief.ms, peakRssMiB: brief.peakRssMiB, heapGrowthMiB: brief.heapGrowthMiB };
  const frame = (await reader.cases.readFrame(CASE))!;
  const conditions: Record<string, unknown> = {};
  for (const c of frame.conditions) {
    const m = await measure(async () =>
      evaluateCondition(c, AS_OF, await collectConditionLedger(reader, frame, c, AS_OF, null)),
    );
    conditions[c.id] = {
      ms: m.ms,
      peakRssMiB: m.peakRssMiB,
      verdict: m.result.verdict,
      gatedMoves: m.result.gatedMoves.length,
    };
  }
  figures.conditions = conditions;
  const rec = await measure(async () => {
    const days = await reader.aggregates.dyadDays(CASE, 'USA', 'PRK', '2018-06-12', AS_OF);
    const concessions = await reader.events.find({
      caseId: CASE,
      codes: ['08', '035'],
      sourceCodes: ['USA', 'PRK'],
      targetCodes: ['USA', 'PRK'],
      from: '2018-06-12',
      to: AS_OF,
      statuses: ['confirmed'],
      bare: true,
    });
    return reciprocityFromAggregates(
      days,
      { a: 'USA', b: 'PRK' },
      { from: '2018-06-12', to: AS_OF, concessionMoves: concessions.map(moveFromEvent) },
    );
  });
  figures.reciprocity = {
    ms: rec.ms,
    peakRssMiB: rec.peakRssMiB,
    moves: rec.result.aToB.sums.total.count + rec.result.bToA.sums.total.count,
  };
  const recAll = await measure(async () => {
    const days = await reader.aggregates.dyadDays(CASE, 'USA', 'PRK', '2000-01-01', '2019-12-31');
    return reciprocityFromAggregates(days, { a: 'USA', b: 'PRK' }, { from: '2000-01-01', to: '2019-12-31' });
  });
  figures.reciprocity20y = {
    ms: recAll.ms,
    peakRssMiB: recAll.peakRssMiB,
    moves: recAll.result.aToB.sums.total.count + recAll.result.bToA.sums.total.count,
  };
  // Last, as they write: reviewing one event (what `parley review` does) against a full rebuild.
  const picked = await reader.db
    .selectFrom('events')
    .select('id')
    .where('case_id', '=', CASE)
    .where('date', '=', AS_OF)
    .limit(1)
    .executeTakeFirstOrThrow();
  const review = await measure(() =>
    reader.transaction(async (tx) => {
      await tx.events.setStatus(CASE, [picked.id], 'rejected');
      await tx.aggregates.refreshDays(CASE, await tx.events.datesOf(CASE, [picked.id]));
    }),
  );
  figures.reviewOne = { ms: review.ms, peakRssMiB: review.peakRssMiB };
  const rebuild = await measure(() => reader.transaction((tx) => tx.aggregates.rebuildCase(CASE)));
  figures.rebuildAll = { ms: rebuild.ms, peakRssMiB: rebuild.peakRssMiB };
  await reader.close();
  return figures;
}

type Timed = { ms: number; peakRssMiB: number };

async function main(): Promise<void> {
  if (ARGS.values.load !== undefined) {
    process.stdout.write(JSON.stringify(await load(ARGS.values.load)));
    return;
  }
  if (ARGS.values.read !== undefined) {
    process.stdout.write(JSON.stringify(await read(ARGS.values.read)));
    return;
  }
  const dir = join(tmpdir(), `parley-bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'bench.db');
  const loaded = await load(path);
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--read', path],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (child.status !== 0) throw new Error(`the read phase failed: ${child.stderr}`);
  const reads = JSON.parse(child.stdout) as {
    startRssMiB: number;
    brief: Timed & { heapGrowthMiB: number };
    conditions: Record<string, Timed & { verdict: string; gatedMoves: number }>;
    reciprocity: Timed & { moves: number };
    reciprocity20y: Timed & { moves: number };
    reviewOne: Timed;
    rebuildAll: Timed;
  };
  const rows: [string, string][] = [
    [
      'ledger',
      `${EVENTS.toLocaleString('en')} events, ${ACTORS} actors, ${FACILITIES.toLocaleString('en')} facilities (SQLite)`,
    ],
    ['generate', `${(loaded.generateMs as number).toFixed(0)} ms`],
    [
      'load (insert + aggregates + ANALYZE)',
      `${((loaded.loadMs as number) / 1000).toFixed(1)} s, ${(EVENTS / ((loaded.loadMs as number) / 1000)).toFixed(0)} events/s, peak RSS ${(loaded.loadPeakRssMiB as number).toFixed(0)} MiB`,
    ],
    ['reader process at start', `RSS ${reads.startRssMiB.toFixed(0)} MiB`],
    [
      `brief as of ${AS_OF}`,
      `${reads.brief.ms.toFixed(0)} ms, peak RSS ${reads.brief.peakRssMiB.toFixed(0)} MiB, heap +${reads.brief.heapGrowthMiB.toFixed(1)} MiB`,
    ],
    ...Object.entries(reads.conditions).map(([id, c]): [string, string] => [
      `condition ${id}`,
      `${c.ms.toFixed(0)} ms (${c.verdict}, ${c.gatedMoves} gated moves), peak RSS ${c.peakRssMiB.toFixed(0)} MiB`,
    ]),
    [
      'reciprocity USA-PRK since 2018-06-12',
      `${reads.reciprocity.ms.toFixed(0)} ms (${reads.reciprocity.moves} moves), peak RSS ${reads.reciprocity.peakRssMiB.toFixed(0)} MiB`,
    ],
    [
      'reciprocity USA-PRK over 20 years',
      `${reads.reciprocity20y.ms.toFixed(0)} ms (${reads.reciprocity20y.moves} moves), peak RSS ${reads.reciprocity20y.peakRssMiB.toFixed(0)} MiB`,
    ],
    ["review one event (status + its day's aggregates)", `${reads.reviewOne.ms.toFixed(0)} ms`],
    ['rebuild all aggregates (as a case load does)', `${(reads.rebuildAll.ms / 1000).toFixed(1)} s`],
  ];
  printTable('Core: ledger, brief, conditions, reciprocity', rows);
  mkdirSync('bench/out', { recursive: true });
  writeFileSync(
    'bench/out/core.json',
    JSON.stringify({ events: EVENTS, actors: ACTORS, facilities: FACILITIES, ...loaded, ...reads }, null, 2),
  );
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
}

await main();
