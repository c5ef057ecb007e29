import { describe, expect, it } from 'vitest';
import { type IndicatorChartInput, indicatorChart } from './index.js';
import { nodeChartDocument } from './node-document.js';

const document = nodeChartDocument();

/** Plot's tooltips, one per drawn datum. */
function titles(html: string): string[] {
  return [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]!);
}
/** The y pixels of each arrow's two ends, read from its path's first `M x,y L x,y`. */
function arrows(html: string): { y1: number; y2: number }[] {
  return [...html.matchAll(/aria-label="arrow"[\s\S]*?<\/g>/g)].flatMap((g) =>
    [...g[0].matchAll(/<path[^>]* d="M([\d.]+),([\d.]+)L([\d.]+),([\d.]+)/g)].map((m) => ({
      y1: Number(m[2]),
      y2: Number(m[4]),
    })),
  );
}

const measurement = (
  date: string,
  words: string,
  plot: { low: number | null; high: number | null },
  over: Partial<IndicatorChartInput['measurements'][number]> = {},
): IndicatorChartInput['measurements'][number] => ({
  date,
  verification: 'verified',
  words,
  reportWords: `report of ${date}`,
  withinLimit: plot.high !== null && plot.high <= 202.8 ? true : plot.low !== null && plot.low > 202.8 ? false : null,
  plot,
  ...over,
});

const stockpile: IndicatorChartInput = {
  name: 'Stockpile',
  unit: 'kg U',
  kind: 'quantity',
  limit: { value: 202.8, from: '2016-01-16', words: 'at most 202.8 kg U' },
  measurements: [
    measurement('2016-01-16', 'at most 202.8 kg U', { low: null, high: 202.8 }),
    measurement('2016-02-26', 'kg U', { low: null, high: null }),
    measurement('2017-02-18', '101.7 kg U', { low: 101.7, high: 101.7 }),
    measurement('2019-06-26', '195–202.8 kg U', { low: 195, high: 202.8 }, { verification: 'estimated' }),
    measurement('2019-07-01', 'above 202.8 kg U', { low: 202.8, high: null }, { withinLimit: false }),
  ],
};

describe('indicatorChart', () => {
  it('draws every figure with its report, the limit, the as-of rule and the latest figure in words', () => {
    const html = indicatorChart(stockpile, { document, asOf: '2019-07-10' }).outerHTML;
    const tips = titles(html);
    expect(tips).toHaveLength(5);
    expect(tips).toContain('2017-02-18: 101.7 kg U (verified), report of 2017-02-18');
    expect(tips).toContain('2016-02-26: figure not found (verified), report of 2016-02-26');
    expect(tips).toContain('2019-06-26: 195–202.8 kg U (estimated), report of 2019-06-26');
    expect(html).toContain('limit: at most 202.8 kg U');
    expect(html).toContain('as of 2019-07-10');
    expect(html).toContain('>above 202.8 kg U<');
    // The legends name where figures stand and how they were known.
    for (const word of ['within the limit', 'beyond the limit', 'verified', 'estimated']) expect(html).toContain(word);
    expect(html).not.toContain('claimed');
  });

  it('points an "at most" figure down from its bound and an "above" figure up (SVG y grows downward)', () => {
    const html = indicatorChart(stockpile, { document, asOf: '2019-07-10' }).outerHTML;
    const [atMost, above] = arrows(html);
    expect(atMost!.y2).toBeGreaterThan(atMost!.y1);
    expect(above!.y2).toBeLessThan(above!.y1);
  });

  it('draws a yes/no indicator on a no/yes axis and no limit before the day it applies', () => {
    const fordow: IndicatorChartInput = {
      name: 'Enrichment at the site',
      unit: 'yes/no',
      kind: 'boolean',
      limit: { value: false, from: '2016-01-16', words: 'equal to no' },
      measurements: [
        measurement('2015-06-01', 'yes', { low: 1, high: 1 }, { withinLimit: null, verification: 'claimed' }),
      ],
    };
    const before = indicatorChart(fordow, { document, asOf: '2015-12-31' }).outerHTML;
    expect(before).not.toContain('limit: equal to no');
    expect(before).toMatch(/>no</);
    expect(before).toMatch(/>yes</);
    expect(titles(before)).toEqual(['2015-06-01: yes (claimed), report of 2015-06-01']);
    expect(indicatorChart(fordow, { document, asOf: '2016-02-01' }).outerHTML).toContain('limit: equal to no');
  });
});
