import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reciprocity } from '../analysis/reciprocity.js';
import { twoSignificant } from '../analysis/stats.js';
import { mv } from '../analysis/test-support/moves.js';
import { DEFAULT_CASE, ensureBuiltinCase } from '../case/builtin-cases.js';
import { UsageError } from '../model/errors.js';
import { openStore, type Store } from '../store/store.js';
import type { Brief } from './brief.js';
import { markdownStyle, textStyle } from './brief-style.js';
import { buildBrief } from './build-brief.js';
import { renderBrief } from './render-brief.js';
import { chooseReciprocityWindow, yearBefore } from './reciprocity-window.js';

let store: Store;
const briefs = new Map<string, Brief>();

async function briefOn(asOf: string): Promise<Brief> {
  let b = briefs.get(asOf);
  if (!b) {
    b = await buildBrief(store, { caseId: DEFAULT_CASE, asOf });
    briefs.set(asOf, b);
  }
  return b;
}
const text = (b: Brief): string => renderBrief(b, textStyle(false));
const md = (b: Brief): string => renderBrief(b, markdownStyle);
/** The lines of one section of the text brief, from its heading to the next blank line. */
function section(out: string, heading: RegExp): string {
  const lines = out.split('\n');
  const i = lines.findIndex((l) => heading.test(l));
  expect(i).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', i);
  return lines.slice(i, end === -1 ? undefined : end).join('\n');
}

beforeAll(async () => {
  store = await openStore(':memory:');
  await ensureBuiltinCase(store, DEFAULT_CASE);
});
afterAll(() => store.close());

describe('brief: statistics say only what the data support', () => {
  it('says "no clear pattern" with β, t and n for a weak fit, never a direction and its retraction', async () => {
    const b = await briefOn('2019-03-01');
    const fit = b.reciprocity.responses.ofB.regression.fit!;
    expect(Math.abs(fit.betaT!)).toBeLessThan(2);
    expect(fit.response).toBe('no clear pattern');
    const out = section(text(b), /^Reciprocity/);
    expect(out).toContain(
      `No clear pattern in how PRK answers USA (β = ${twoSignificant(fit.beta)}, t = ${fit.betaT!.toFixed(1)}, n = ${fit.n} weeks; a pattern needs |t| ≥ ${fit.tThreshold.toFixed(2)}).`,
    );
    expect(out).not.toMatch(/answers USA in kind|answers USA inversely|weak:/);
  });

  it('says a functional ratio over 1 and 2 material moves rests on too few, with the counts, and prints no ratio', async () => {
    const b = await briefOn('2019-03-01');
    expect(b.reciprocity.ratios.a.functional).toMatchObject({
      givenMoves: 1,
      receivedMoves: 2,
      enoughMoves: false,
      interval: null,
    });
    const out = section(text(b), /^Reciprocity/);
    expect(out).toContain(
      'USA: too few moves for a ratio (got +16.0 over 2 moves from PRK for +9.0 over 1 given; a ratio needs 5 on each side)',
    );
    expect(out).not.toMatch(/1\.78|0\.56/);
    // counts beside every sum in the table
    expect(out).toMatch(/cooperation, material \(quad 2\) +\+9\.0 \(1\) +\+16\.0 \(2\)/);
  });

  it('gives the functional ratio a seeded bootstrap interval, with its method and resamples, in JSON and Markdown', async () => {
    // The built-in case has too few material moves for one; these 6 and 7 on separate days have enough.
    const day = (i: number): string => `2018-0${7 + Math.floor(i / 20)}-${String(1 + (i % 20)).padStart(2, '0')}`;
    const moves = [
      ...[7, 9, 7, 5, 7, 9].map((g, i) => mv(day(3 * i), 'USA', 'PRK', '0841', g, 2)),
      ...[9, 7, 7, 8, 3, 7, 9].map((g, i) => mv(day(3 * i + 1), 'PRK', 'USA', '0841', g, 2)),
    ];
    const base = await briefOn('2019-03-01');
    const r = reciprocity(moves, { a: 'USA', b: 'PRK' }, { from: '2018-07-01', to: '2018-08-31' });
    const b: Brief = { ...base, reciprocity: r };
    const fr = JSON.parse(JSON.stringify(b)).reciprocity.ratios.a.functional;
    expect(fr).toMatchObject({ value: 50 / 44, givenMoves: 6, receivedMoves: 7, enoughMoves: true });
    expect(fr.interval).toMatchObject({ level: 0.95, resamples: 1000, seed: 20180612 });
    expect(fr.interval.low).toBeLessThan(fr.value);
    expect(fr.interval.high).toBeGreaterThan(fr.value);
    const out = md(b);
    const d =
      /USA: (\d\.\d+) \(95% interval (\d\.\d+)–(\d\.\d+)\); got \+50\.0 over 7 moves from PRK for \+44\.0 over 6 given/.exec(
        out,
      );
    expect(d).not.toBeNull();
    expect(Number(d![2])).toBeCloseTo(fr.interval.low, 1);
    expect(out).toMatch(/intervals: percentile bootstrap over days.*; 1,000 resamples, seed 20180612/);
  });
});

describe('brief: pace', () => {
  it('reports the 103-day stall of late 2018 as of 2019-03-01, with its dates', async () => {
    const b = await briefOn('2019-03-01');
    expect(b.pace.stalls).toContainEqual({ from: '2018-10-07', to: '2019-01-18', days: 103, open: false });
    const out = section(text(b), /^Pace/);
    expect(out).toMatch(/stalled for 103 days, 2018-10-07 to 2019-01-18/);
    expect(out).toMatch(/^ {4}103 days, 2018-10-07 to 2019-01-18$/m);
  });

  it('reads an as-of date after the record to the record’s end, and says so', async () => {
    const b = await briefOn('2019-12-31');
    expect(b.pace.readTo).toBe('2019-03-31');
    const out = section(text(b), /^Pace/);
    expect(out).toMatch(/stalled for 32 days, 2019-02-27 to 2019-03-31 with no step/);
    expect(out).toMatch(/the record ends on 2019-03-31, so the days after it \(to 2019-12-31\) are not counted/);
  });
});

/**
 * Every list header that gives a count, "(N):", is followed by N items, or by fewer and a last
 * line "… and M more" that makes up the difference.
 */
function checkLists(out: string): number {
  const lines = out.split('\n');
  const indent = (l: string): number => /^ */.exec(l)![0].length;
  let checked = 0;
  for (const [i, line] of lines.entries()) {
    const m = /\((\d+)\):$/.exec(line);
    if (!m) continue;
    const children: string[] = [];
    for (let j = i + 1; j < lines.length && lines[j] !== '' && indent(lines[j]!) > indent(line); j++) {
      if (indent(lines[j]!) === indent(lines[i + 1]!)) children.push(lines[j]!);
    }
    const more = /… and (\d+) (more|earlier)$/.exec(children.at(-1) ?? '');
    const shown = more ? children.length - 1 + Number(more[1]) : children.length;
    expect(shown, `list "${line.trim()}"`).toBe(Number(m[1]));
    checked++;
  }
  return checked;
}

describe('brief: lists say what they leave out', () => {
  it.each(['2018-10-07', '2019-03-01'])(
    'every counted list in the text and Markdown as of %s adds up',
    async (asOf) => {
      const b = await briefOn(asOf);
      expect(checkLists(text(b))).toBeGreaterThanOrEqual(3);
      expect(checkLists(md(b))).toBeGreaterThanOrEqual(3);
    },
  );

  it('says how many facilities are listed and how many are left out, in every format', async () => {
    const b = await briefOn('2019-03-01');
    expect(b.facilities).toMatchObject({ total: 16, omitted: 6 });
    expect(b.facilities.key).toHaveLength(10);
    const out = text(b);
    expect(out).toMatch(/^Facilities on 2019-03-01: 16 \(.*\); the 10 key ones shown$/m);
    expect(out).toMatch(/6 more facilities not marked key, not listed/);
    expect(md(b)).toMatch(/^## Facilities on 2019-03-01: 16 \(.*\); the 10 key ones shown$/m);
    // an italic run in Markdown opens on a word, not on a space: "_(changes since …)_"
    expect(md(b)).toMatch(/ _\(changes since 2018-06-12: /);
    expect(md(b)).not.toMatch(/\S_ \(/);
  });

  it('shows the latest gaps as "latest 5 of N"', async () => {
    const b = await briefOn('2019-03-01');
    expect(b.pace.gaps.length).toBeGreaterThan(5);
    expect(section(text(b), /^Pace/)).toContain(`latest 5 of ${b.pace.gaps.length} gaps, by the step that ended each:`);
  });
});

describe('brief: counts say what they count', () => {
  it('names the case, the dates and the statuses of every count', async () => {
    const out = text(await briefOn('2018-10-07'));
    expect(out).toMatch(
      /Ledger of case us-dprk-2018: \d+ events dated up to 2018-10-07, all actors \(\d+ confirmed, 0 proposed, 0 rejected; only confirmed events count above\)\./,
    );
    expect(out).toMatch(
      /Counted: confirmed events of case us-dprk-2018 between USA and PRK \(any role, both directions\), dated 2018-06-12 \(the case's reciprocitySince\) to 2018-10-07\./,
    );
    expect(out).toMatch(/Counted: days with confirmed events of case us-dprk-2018 between USA and PRK/);
    expect(out).toMatch(/: \d+% \(\d+ of \d+ points\) over \d+ provisions/);
  });
});

describe('brief: the reciprocity window and dates outside it', () => {
  it('moves the window when the date asked about is before reciprocitySince, and says so', async () => {
    const b = await briefOn('2018-03-01');
    expect(b.reciprocityWindow).toMatchObject({ from: '2018-01-01', to: '2018-03-01', fromChosenBy: 'period' });
    expect(b.reciprocity.window).toMatchObject({ from: '2018-01-01', to: '2018-03-01' });
    expect(text(b)).toContain(
      "2018-03-01 is before the case counts reciprocity (reciprocitySince 2018-06-12), so this window starts on 2018-01-01, the start of the case's period; give --from to choose another start.",
    );
  });

  it('handles a date before the case period, on the window start, and after the period', async () => {
    const before = await briefOn('2017-06-01');
    expect(before.reciprocityWindow).toMatchObject({
      from: '2016-06-01',
      to: '2017-06-01',
      fromChosenBy: 'yearBefore',
    });
    expect(before.reciprocityWindow.note).toMatch(/before the case's record begins \(2018-01-01\)/);
    expect(before.reciprocity.aToB.sums.total.count).toBe(0);
    const onStart = await briefOn('2018-06-12');
    expect(onStart.reciprocityWindow).toMatchObject({ from: '2018-06-12', to: '2018-06-12', note: null });
    const after = await briefOn('2019-12-31');
    expect(after.reciprocityWindow).toMatchObject({ from: '2018-06-12', to: '2019-12-31', note: null });
  });

  it('names the options when --from is after the end', () => {
    const settings = { reciprocitySince: '2018-06-12', period: { from: '2018-01-01', to: '2019-03-31' } };
    expect(() => chooseReciprocityWindow(settings, '2018-03-01', { from: '2018-06-12' })).toThrow(UsageError);
    expect(() => chooseReciprocityWindow(settings, '2018-03-01', { from: '2018-06-12' })).toThrow(
      '--from 2018-06-12 is after the date asked about (2018-03-01); give a --from on or before 2018-03-01, or a later --to',
    );
    expect(chooseReciprocityWindow(settings, '2019-03-01', { to: '2018-05-01' })).toMatchObject({
      from: '2018-01-01',
      to: '2018-05-01',
    });
    expect(chooseReciprocityWindow({}, '2020-02-29', {})).toMatchObject({
      from: '2019-02-28',
      fromChosenBy: 'yearBefore',
    });
    expect(yearBefore('2019-06-30')).toBe('2018-06-30');
  });

  it('prints the brief as of 2018-03-01 from the command line, exit 0', () => {
    const home = mkdtempSync(join(tmpdir(), 'parley-brief-'));
    try {
      const entry = fileURLToPath(new URL('../cli/parley.ts', import.meta.url));
      const r = spawnSync(process.execPath, ['--import', 'tsx', entry, 'brief', '--as-of', '2018-03-01'], {
        env: { ...process.env, PARLEY_DB: join(home, 'p.db'), NO_COLOR: '1' },
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Reciprocity USA ↔ PRK, 2018-01-01 to 2018-03-01/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
