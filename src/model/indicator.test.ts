import { describe, expect, it } from 'vitest';
import { describeFigure, type Figure, figureMeets, indicatorsAsKnown, type Indicator } from './indicator.js';

describe('a figure against a test', () => {
  it.each([
    [{ is: 'value', value: 202.8 }, 'atMost', 202.8, true],
    [{ is: 'value', value: 205 }, 'atMost', 202.8, false],
    [{ is: 'atMost', bound: 202.8 }, 'atMost', 202.8, true],
    [{ is: 'atMost', bound: 300 }, 'atMost', 202.8, undefined],
    [{ is: 'below', bound: 130 }, 'atMost', 130, true],
    [{ is: 'above', bound: 202.8 }, 'atMost', 202.8, false],
    [{ is: 'above', bound: 100 }, 'atMost', 202.8, undefined],
    [{ is: 'atLeast', bound: 202.8 }, 'atMost', 202.8, undefined],
    [{ is: 'atLeast', bound: 203 }, 'atMost', 202.8, false],
    [{ is: 'range', low: 195, high: 202.8 }, 'atMost', 202.8, true],
    [{ is: 'range', low: 195, high: 210 }, 'atMost', 202.8, undefined],
    [{ is: 'range', low: 203, high: 210 }, 'atMost', 202.8, false],
    [{ is: 'value', value: 5 }, 'atLeast', 5, true],
    [{ is: 'below', bound: 5 }, 'atLeast', 5, false],
    [{ is: 'above', bound: 5 }, 'atLeast', 5, true],
    [{ is: 'value', value: 5060 }, 'equals', 5060, true],
    [{ is: 'range', low: 5000, high: 5100 }, 'equals', 5060, undefined],
    [{ is: 'above', bound: 5060 }, 'equals', 5060, false],
    [{ is: 'flag', value: false }, 'equals', false, true],
    [{ is: 'flag', value: true }, 'equals', false, false],
    [{ is: 'none' }, 'atMost', 1, undefined],
    [{ is: 'value', value: 1 }, 'equals', true, undefined],
  ] as [Figure, 'atMost' | 'atLeast' | 'equals', number | boolean, boolean | undefined][])(
    '%j %s %s is %s',
    (figure, test, value, expected) => {
      expect(figureMeets(figure, test, value)).toBe(expected);
    },
  );

  it('says a figure with its unit and no more digits than given', () => {
    expect(describeFigure({ is: 'value', value: 5060 }, 'machines')).toBe('5,060 machines');
    expect(describeFigure({ is: 'above', bound: 202.8 }, 'kg U')).toBe('above 202.8 kg U');
    expect(describeFigure({ is: 'range', low: 195, high: 202.8 }, 'kg U')).toBe('195–202.8 kg U');
    expect(describeFigure({ is: 'flag', value: true }, 'yes/no')).toBe('yes');
    expect(describeFigure({ is: 'none' }, 't')).toBe('figure not found');
  });
});

describe('indicators as known on a date', () => {
  const stock: Indicator = {
    id: 's',
    caseId: 'c',
    name: 'Stock',
    unit: 't',
    kind: 'quantity',
    measurements: [
      {
        date: '2016-02-17',
        known: '2016-02-26',
        figure: { is: 'value', value: 130.9 },
        verification: 'verified',
        by: 'x',
        sources: [],
      },
      {
        date: '2016-03-01',
        known: '2016-03-02',
        figure: { is: 'value', value: 120 },
        verification: 'verified',
        by: 'x',
        sources: [],
      },
    ],
  };
  it('keeps only what was reported by then, everything with hindsight', () => {
    expect(indicatorsAsKnown([stock], '2016-02-25')[0]!.measurements).toEqual([]);
    expect(indicatorsAsKnown([stock], '2016-02-26')[0]!.measurements.map((m) => m.date)).toEqual(['2016-02-17']);
    expect(indicatorsAsKnown([stock], null)[0]!.measurements).toHaveLength(2);
  });
});
