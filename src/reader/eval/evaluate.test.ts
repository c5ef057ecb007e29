import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { EVAL_DIR, type EvalSet } from './eval-set.js';
import { evaluate, type ReadFn } from './evaluate.js';
import { formatReport, formatSets, SETS, specForDir, summarise, summariseSets } from './run-eval.js';

const set: EvalSet = {
  sentences: [
    {
      id: 's1',
      date: '2018-10-08',
      text: 'Pompeo visited Pyongyang on Sunday.',
      region: 'east-asia',
      root: '04',
      traps: ['relative-date'],
      events: [{ source: 'USAGOV', target: 'PRK', code: '042', mode: 'asserted', date: '2018-10-07' }],
    },
    {
      id: 's2',
      date: '2019-07-10',
      text: 'Washington should not ease sanctions until Tehran lets inspectors in.',
      region: 'middle-east',
      root: '08',
      traps: ['opinion'],
      events: [],
    },
    {
      id: 's3',
      date: '2020-01-01',
      text: 'BOOM',
      region: 'global',
      root: '01',
      traps: [],
      events: [{ source: 'USA', target: null, code: '010', mode: 'asserted' }],
    },
  ],
  articles: [
    {
      id: 'a1',
      date: '2019-03-01',
      title: 'Hanoi',
      kind: 'news',
      text: 'Trump met Kim in Hanoi. They failed to agree.',
      sentences: ['Trump met Kim in Hanoi.', 'They failed to agree.'],
      events: [{ sentence: 0, source: 'USAGOV', target: 'PRKGOV', code: '044', mode: 'asserted', date: '2019-03-01' }],
    },
  ],
};

/** A trivial fake: a visit for "visited", an easing for "ease", a meeting for "met"; throws on BOOM. */
const fake: ReadFn = (text, opts) => {
  if (text.includes('BOOM')) throw new Error('exploded');
  const events = [];
  if (text.includes('visited'))
    events.push({
      sentence: 0,
      date: '2018-10-07',
      source: 'USAGOV',
      target: 'PRKGOV',
      code: '042',
      mode: 'asserted' as const,
    });
  if (text.includes('ease'))
    events.push({ sentence: 0, date: opts.date, source: 'USA', target: 'IRN', code: '085', mode: 'asserted' as const });
  if (text.includes('met'))
    events.push({ sentence: 0, date: opts.date, source: 'USA', target: 'PRK', code: '043', mode: 'asserted' as const });
  return { events, warnings: ['fake'] };
};

describe('evaluate with a fake reader', () => {
  const r = evaluate(fake, set);

  it('scores sentences and articles together and apart', () => {
    expect([r.overall.tp, r.overall.fp, r.overall.fn]).toEqual([2, 1, 1]);
    expect([r.sentences.tp, r.sentences.fp, r.sentences.fn]).toEqual([1, 1, 1]);
    expect([r.articles.tp, r.articles.fp, r.articles.fn]).toEqual([1, 0, 0]);
    expect(r.articles.codeAccuracy).toBe(0);
  });

  it('charges a crashing unit with no events and lists the error', () => {
    expect(r.errors).toEqual([{ unit: 's3', message: 'exploded' }]);
  });

  it('groups sentences by trap and region', () => {
    expect(r.perTrap.opinion).toMatchObject({ tp: 0, fp: 1, falseEventsOnEmpty: 1 });
    expect(r.perTrap['relative-date']).toMatchObject({ tp: 1, dateAccuracy: 1 });
    expect(Object.keys(r.perRegion).sort()).toEqual(['east-asia', 'global', 'middle-east']);
    expect(r.warnings).toBe(3);
  });

  it('prints a table and a JSON summary', () => {
    const text = formatReport(r, true, new Map([['s2', 'Washington should not ease sanctions']]));
    expect(text).toMatch(/overall/);
    expect(text).toMatch(/false events/);
    expect(text).toMatch(/s2: USA -> IRN 085/);
    const json = summarise(r) as { overall: { f1: number; misses: number } };
    expect(json.overall.misses).toBe(1);
    expect(json.overall.f1).toBeCloseTo(2 / 3);
  });
});

describe('reporting every set on its own', () => {
  const report = evaluate(fake, set);
  const results = [
    { spec: { name: 'open', dir: '/sets/open', sealed: false }, set, report },
    { spec: { name: 'closed', dir: '/sets/closed', sealed: true }, set, report },
  ];
  const text = formatSets(results, true);

  it('prints one summary row per set, with P >= R, the dyad share and false events on empty sentences', () => {
    // overall 2 tp, 1 fp, 1 fn: P = R = F1 = 2/3; sentences: s1 and s3 hold events, s1 got its dyad (1/2);
    // s2 holds none and got a false event (1/1).
    expect(text).toMatch(/^open\s+4\s+2\s+1\s+1\s+66\.7\s+66\.7\s+66\.7\s+yes\s+50\.0\s+1\/1\s+100\.0/m);
    expect(text).toMatch(/^closed \*\s+4\s+2\s+1\s+1/m);
  });

  it('shows the details, misses and texts of open sets only', () => {
    expect(text).toMatch(/== open/);
    expect(text).not.toMatch(/== closed/);
    expect(text.match(/s2: USA -> IRN 085/g)).toHaveLength(1);
    expect(text.match(/Washington should not ease/g)).toHaveLength(1);
  });

  it('writes aggregates only for a sealed set', () => {
    const json = summariseSets(results) as { sets: Record<string, Record<string, unknown>> };
    expect(json.sets.open!.misses).toBeDefined();
    expect(json.sets.closed!.misses).toBeUndefined();
    expect(JSON.stringify(json.sets.closed)).not.toMatch(/USA|IRN|PRK/);
    expect((json.sets.closed!.overall as { f1: number }).f1).toBeCloseTo(2 / 3);
  });

  it('scores four sets by default and keeps the held-out parts sealed, also when named with --set', () => {
    expect(SETS.map((x) => [x.name, x.sealed])).toEqual([
      ['diplomacy', false],
      ['diplomacy held-out', true],
      ['broad tuning', false],
      ['broad untouched', true],
    ]);
    expect(specForDir(join(EVAL_DIR, 'broad', 'untouched')).sealed).toBe(true);
    expect(specForDir(join(EVAL_DIR, 'holdout')).sealed).toBe(true);
    expect(specForDir(join(EVAL_DIR, 'broad', 'tuning')).sealed).toBe(false);
  });
});
