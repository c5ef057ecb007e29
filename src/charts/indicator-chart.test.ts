import { describe, expect, it } from 'vitest';
import { type IndicatorChartInput, indicatorChart } from './index.js';
import { nodeChartDocument } from './node-document.js';

const document = nodeChartDocument();
const m = (date: string, plot: { low: number | null; high: number | null }, withinLimit: boolean | null) => ({
  date,
  words: `${plot.low ?? plot.high} kg U`,
  reportWords: `reported ${date}`,
  verification: 'verified' as const,
  withinLimit,
  plot,
});
const stockpile: IndicatorChartInput = {
  name: 'Stockpile',
  unit: 'kg U',
  kind: 'quantity',
  limit: { test: 'atMost', value: 202.8, from: '2016-01-16', words: 'at most 202.8 kg U' },
  measurements: [
    m('2016-01-16', { low: null, high: 202.8 }, true),
    m('2018-08-01', { low: 149.4, high: 149.4 }, true),
    m('2019-06-26', { low: 195, high: 205 }, null),
    m('2019-07-01', { low: 300, high: null }, false),
    m('2019-11-03', { low: 372.3, high: 372.3 }, false),
    m('2019-12-01', { low: null, high: null }, null),
  ],
};

describe('indicatorChart', () => {
  const html = (indicatorChart(stockpile, { document, asOf: '2019-12-31' }) as unknown as { outerHTML: string })
    .outerHTML;

  it('draws one point per figure with a number, each titled with its words and where it stands', () => {
    const titles = [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((x) => x[1]!);
    expect(titles.filter((t) => /^\d{4}-\d{2}-\d{2}: /.test(t))).toHaveLength(5);
    expect(titles).toContain('2019-11-03: 372.3 kg U (verified; beyond the limit)\nreported 2019-11-03');
    expect(titles.some((t) => t.startsWith('2019-12-01'))).toBe(false);
  });

  it('draws the limit as a labelled dashed line, a range as a bar and each bound as an arrow', () => {
    expect(html).toContain('stroke-dasharray="6 3"');
    expect(html).toContain('at most 202.8 kg U');
    expect(html.match(/>↑</g)).toHaveLength(1);
    expect(html.match(/>↓</g)).toHaveLength(1);
    expect(html).toMatch(/stroke-width="3"/);
  });
});
