import { describe, expect, it } from 'vitest';
import {
  actorKey,
  counts,
  dyadHit,
  matchUnit,
  score,
  scoringParty,
  sectorOf,
  type EvalEvent,
  type EvalUnit,
} from './score.js';

const ev = (
  source: string,
  target: string | null,
  code: string,
  mode: EvalEvent['mode'] = 'asserted',
  date?: string,
): EvalEvent => (date === undefined ? { source, target, code, mode } : { source, target, code, mode, date });

describe('scoringParty', () => {
  it('keeps the country of a state code', () => {
    expect(scoringParty('USAGOV')).toBe('USA');
    expect(scoringParty('PRKGOVMIL')).toBe('PRK');
    expect(scoringParty(null)).toBeNull();
  });
  it('keeps an organisation whole, trailing roles aside', () => {
    expect(scoringParty('IGOUNOIAE')).toBe('IGOUNOIAE');
    expect(scoringParty('IGOUNOIAEGOV')).toBe('IGOUNOIAE');
    expect(scoringParty('NGOHLHIRC')).toBe('NGOHLHIRC');
    expect(scoringParty('NGOHRIAMN')).not.toBe(scoringParty('NGOHLHIRC'));
    expect(scoringParty('IGOUNO')).toBe('IGOUNO');
  });
});

describe('counts', () => {
  it('computes P, R, F1 by hand', () => {
    // 3 hits, 1 false, 2 missed: P = 3/4, R = 3/5, F1 = 2*0.75*0.6/1.35 = 0.6667
    const c = counts(3, 1, 2);
    expect(c.precision).toBeCloseTo(0.75);
    expect(c.recall).toBeCloseTo(0.6);
    expect(c.f1).toBeCloseTo(2 / 3);
  });
  it('is perfect on nothing to find and nothing found', () => {
    expect(counts(0, 0, 0)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });
});

describe('matchUnit', () => {
  it('matches on source country, target country and root, not role or full code', () => {
    const r = matchUnit({ id: 's', gold: [ev('USAGOV', 'PRKGOV', '042')], predicted: [ev('USA', 'PRKMIL', '043')] });
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]!.codeCorrect).toBe(false);
  });
  it('ignores events that are not asserted or reported, on both sides', () => {
    const r = matchUnit({
      id: 's',
      gold: [ev('USA', 'PRK', '042', 'intended'), ev('IRN', 'USA', '138', 'asserted')],
      predicted: [ev('USA', 'PRK', '042', 'intended'), ev('IRN', 'USA', '138', 'reported')],
    });
    expect(r.matches).toHaveLength(1);
    expect(r.misses).toHaveLength(0);
    expect(r.falseEvents).toHaveLength(0);
  });
  it('is one-to-one: two predictions for one gold event leave one false event', () => {
    const r = matchUnit({
      id: 's',
      gold: [ev('JPN', 'RUS', '020')],
      predicted: [ev('JPN', 'RUS', '020'), ev('JPN', 'RUS', '022')],
    });
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]!.predicted.code).toBe('020');
    expect(r.falseEvents).toHaveLength(1);
  });
  it('does not match a null target with a named one', () => {
    const r = matchUnit({ id: 's', gold: [ev('PRK', null, '190')], predicted: [ev('PRK', 'KOR', '190')] });
    expect(r.matches).toHaveLength(0);
    expect(r.misses).toHaveLength(1);
    expect(r.falseEvents).toHaveLength(1);
  });
  it('prefers the prediction in the same sentence of an article', () => {
    const g: EvalEvent = { ...ev('USA', 'PRK', '042'), sentence: 3 };
    const r = matchUnit({
      id: 'a',
      gold: [g],
      predicted: [
        { ...ev('USA', 'PRK', '042'), sentence: 1 },
        { ...ev('USA', 'PRK', '042'), sentence: 3 },
      ],
    });
    expect(r.matches[0]!.predicted.sentence).toBe(3);
  });
});

describe('score', () => {
  // Hand-computed set:
  //  s1: gold USA->PRK 042 (2018-10-07); predicted USAGOV->PRKGOV 042 same date  -> tp (code ok, date ok)
  //  s2: gold JPN->RUS 020 and JPN->UKR 020; predicted JPN->RUS 0256 wrong date  -> tp (code wrong, date wrong) + fn
  //  s3: gold empty (an opinion); predicted USA->IRN 085                          -> fp on an empty unit
  //  s4: gold only an intended visit; predicted nothing counted                   -> empty unit, no false event
  //  s5: gold IRN->USA 138; predicted IRN->USA 111                               -> fn (root 13) + fp (root 11)
  const units: EvalUnit[] = [
    {
      id: 's1',
      gold: [ev('USA', 'PRK', '042', 'asserted', '2018-10-07')],
      predicted: [ev('USAGOV', 'PRKGOV', '042', 'asserted', '2018-10-07')],
    },
    {
      id: 's2',
      gold: [ev('JPN', 'RUS', '020', 'asserted', '2022-03-01'), ev('JPN', 'UKR', '020', 'asserted', '2022-03-01')],
      predicted: [ev('JPN', 'RUS', '0256', 'asserted', '2022-03-02')],
    },
    { id: 's3', gold: [], predicted: [ev('USA', 'IRN', '085')] },
    { id: 's4', gold: [ev('KOR', 'CHN', '036', 'intended')], predicted: [ev('KOR', 'CHN', '042', 'intended')] },
    {
      id: 's5',
      gold: [ev('IRN', 'USA', '138', 'asserted', '2019-05-05')],
      predicted: [ev('IRN', 'USA', '111', 'asserted', '2019-05-05')],
    },
  ];
  const s = score(units);

  it('counts hits, misses and false events', () => {
    expect([s.tp, s.fp, s.fn]).toEqual([2, 2, 2]);
    expect(s.precision).toBeCloseTo(0.5);
    expect(s.recall).toBeCloseTo(0.5);
    expect(s.f1).toBeCloseTo(0.5);
  });
  it('measures code and date accuracy on matches only', () => {
    expect(s.codeAccuracy).toBeCloseTo(0.5);
    expect(s.dateAccuracy).toBeCloseTo(0.5);
  });
  it('counts false events on units that hold none', () => {
    expect(s.emptyUnits).toBe(2);
    expect(s.falseEventsOnEmpty).toBe(1);
    expect(s.emptyUnitsWithFalseEvents).toBe(1);
  });
  it('breaks down by root', () => {
    expect(s.perRoot['04']).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(s.perRoot['02']).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    expect(s.perRoot['08']).toMatchObject({ tp: 0, fp: 1, fn: 0 });
    expect(s.perRoot['13']).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(s.perRoot['11']).toMatchObject({ tp: 0, fp: 1, fn: 0 });
    expect(s.perRoot['03']).toBeUndefined();
  });
  it('lists misses and false events with their unit', () => {
    expect(s.misses.map((m) => m.unit)).toEqual(['s2', 's5']);
    expect(s.falseEvents.map((f) => f.unit)).toEqual(['s3', 's5']);
  });
});

describe('sectorOf and actorKey', () => {
  it('treats a bare country and its government as the state', () => {
    expect(sectorOf('ZWE')).toBe('');
    expect(sectorOf('ZWEGOV')).toBe('');
    expect(sectorOf('ZWEGOVMIL')).toBe('');
    expect(sectorOf(null)).toBeNull();
  });
  it('takes the first role part, past ethnic and religious parts', () => {
    expect(sectorOf('ZWEMIL')).toBe('MIL');
    expect(sectorOf('ZWEOPP')).toBe('OPP');
    expect(sectorOf('LKATAMREF')).toBe('REF');
    expect(sectorOf('TURREBKUR')).toBe('REB');
    expect(sectorOf('KURREB')).toBe('REB');
  });
  it('falls back to the group part, and reads INS and SEP as rebels', () => {
    expect(sectorOf('NGACHR')).toBe('CHR');
    expect(sectorOf('COLINS')).toBe('REB');
    expect(sectorOf('ESPSEP')).toBe('REB');
  });
  it('keeps organisations whole', () => {
    expect(sectorOf('IGOUNOREFHCR')).toBe('');
    expect(actorKey('IGOUNOIAEGOV', 'actor')).toBe('IGOUNOIAE/');
  });
  it('keys on the party alone at party level', () => {
    expect(actorKey('ZWEOPP', 'party')).toBe('ZWE');
    expect(actorKey('ZWEOPP', 'actor')).toBe('ZWE/OPP');
    expect(actorKey(null, 'actor')).toBeNull();
  });
});

describe('actor level and the dyad share', () => {
  // Hand-computed:
  //  d1: gold ZWEOPP->ZWEGOV 112, predicted the reverse      party: tp, dyad hit   actor: fn + fp, dyad miss
  //  d2: gold ZWECOP->ZWEOPP 173, predicted same dyad, 111   party and actor: fn + fp, dyad hit
  //  d3: gold empty, predicted ZWEMIL->ZWECVL 175            an empty unit with a false event; no dyad to find
  //  d4: gold KURREB->TURMIL 190 reported, nothing predicted fn, dyad miss
  //  d5: gold only a recommended event, nothing predicted    an empty unit; no dyad to find
  const units: EvalUnit[] = [
    { id: 'd1', gold: [ev('ZWEOPP', 'ZWEGOV', '112')], predicted: [ev('ZWEGOV', 'ZWEOPP', '112')] },
    { id: 'd2', gold: [ev('ZWECOP', 'ZWEOPP', '173')], predicted: [ev('ZWECOP', 'ZWEOPP', '111')] },
    { id: 'd3', gold: [], predicted: [ev('ZWEMIL', 'ZWECVL', '175')] },
    { id: 'd4', gold: [ev('KURREB', 'TURMIL', '190', 'reported')], predicted: [] },
    { id: 'd5', gold: [ev('USA', 'IRN', '085', 'recommended')], predicted: [] },
  ];

  it('folds the sides of a domestic event together at party level', () => {
    const s = score(units);
    expect(s.level).toBe('party');
    expect([s.tp, s.fp, s.fn]).toEqual([1, 2, 2]);
    expect([s.dyadUnits, s.dyadHits]).toEqual([3, 2]);
    expect(s.dyadShare).toBeCloseTo(2 / 3);
    expect([s.emptyUnits, s.emptyUnitsWithFalseEvents]).toEqual([2, 1]);
  });

  it('tells them apart at actor level', () => {
    const s = score(units, 'actor');
    expect([s.tp, s.fp, s.fn]).toEqual([0, 3, 3]);
    expect([s.dyadUnits, s.dyadHits]).toEqual([3, 1]);
    expect(s.dyadShare).toBeCloseTo(1 / 3);
  });

  it('finds a right dyad whatever the code, and none where the gold holds no counted event', () => {
    expect(dyadHit(units[1]!)).toBe(true);
    expect(dyadHit(units[0]!, 'actor')).toBe(false);
    expect(dyadHit(units[2]!)).toBeUndefined();
    expect(dyadHit(units[4]!)).toBeUndefined();
  });

  it('does not count an intended prediction as a right dyad', () => {
    const u: EvalUnit = { id: 'x', gold: [ev('KEN', 'HTI', '074')], predicted: [ev('KEN', 'HTI', '036', 'intended')] };
    expect(dyadHit(u)).toBe(false);
  });
});
