import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  commitmentsGridChart,
  cumulativeNetChart,
  facilitiesMapChart,
  type GridAgreement,
  type MapFacility,
  movesTimelineChart,
  type ReciprocityChartInput,
  type TimelineMove,
  type VerdictStripInput,
  verdictStripChart,
  weeklyReciprocityChart,
  type WorldTopology,
} from './index.js';
import { nodeChartDocument } from './node-document.js';

const document = nodeChartDocument();
const world = createRequire(import.meta.url)('world-atlas/countries-110m.json') as WorldTopology;

/** The texts of an element's `<title>` children (Plot's tooltips), one per drawn datum. */
function titles(html: string): string[] {
  return [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]!);
}
function texts(html: string): string[] {
  return [...html.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) => m[1]!.replace(/<title>.*?<\/title>/g, ''));
}

const strip: VerdictStripInput = {
  conditionId: 'inspections',
  title: 'Inspections at five key sites before a visit',
  from: '2018-01-01',
  to: '2018-12-31',
  intervals: [
    { from: '2018-01-01', to: '2018-09-18', verdict: 'unmet', missing: ['no commitment'], gatedMoves: [] },
    {
      from: '2018-09-19',
      to: '2018-09-28',
      verdict: 'met',
      gatedMoves: [],
    },
    {
      from: '2018-09-29',
      to: '2018-12-31',
      verdict: 'unknown',
      gatedMoves: [
        { id: 'e1', date: '2018-10-07', summary: 'Pompeo visits Pyongyang', code: '042' },
        { id: 'e2', date: '2018-11-01', summary: 'a second visit', code: '042' },
      ],
    },
  ],
};

describe('verdictStripChart', () => {
  it('names each span in words (or a sign where narrow), marks each gated move and the change dates', () => {
    const html = verdictStripChart([strip], { document, asOf: '2018-10-07' }).outerHTML;
    const t = texts(html);
    expect(t).toContain('unmet');
    expect(t).toContain('unknown');
    // Ten days is too narrow for "met" at 720 px over a year: the sign stands in for the word.
    expect(t).toContain('✓');
    expect(t).toContain('2018-09-19');
    expect(t).toContain('as of 2018-10-07');
    const tips = titles(html);
    expect(tips.filter((x) => x.includes('Pompeo visits Pyongyang'))).toHaveLength(1);
    expect(tips.filter((x) => /^\d{4}-\d{2}-\d{2} 042:/.test(x))).toHaveLength(2);
    expect(tips.some((x) => x.includes('unmet 2018-01-01 to 2018-09-18') && x.includes('missing: no commitment'))).toBe(
      true,
    );
    // The legend names the verdicts and the gated-move sign, so colour is not the only key.
    expect(html).toContain('gated move made while not met');
  });

  it('writes "met" in full when the span is wide enough', () => {
    const wide = { ...strip, intervals: [{ ...strip.intervals[1]!, from: '2018-01-01', to: '2018-12-31' }] };
    expect(texts(verdictStripChart([wide], { document }).outerHTML)).toContain('met');
  });
});

const move = (date: string, s: string, t: string, over: Partial<TimelineMove> = {}): TimelineMove => ({
  date,
  sourceCode: s,
  targetCode: t,
  code: '042',
  goldstein: 1.9,
  quadClass: 1,
  verification: 'observed',
  summary: `${s} to ${t} on ${date}`,
  ...over,
});

describe('movesTimelineChart', () => {
  const moves = [
    move('2018-06-12', 'USAGOV', 'PRKGOV'),
    move('2018-06-12', 'PRKGOV', 'USAGOV', { quadClass: 2, goldstein: 7, verification: 'verified' }),
    move('2018-07-01', 'PRKMIL', 'USA', { status: 'proposed' }),
    move('2018-07-02', 'PRK', 'USA', { status: 'rejected', summary: 'rejected one' }),
    move('2018-07-03', 'CHN', 'PRK'),
  ];

  it('draws one lane per direction, the dyad first, and leaves rejected moves out', () => {
    const html = movesTimelineChart(moves, { document, dyad: ['USA', 'PRK'] }).outerHTML;
    const t = texts(html);
    expect(t).toEqual(expect.arrayContaining(['USA → PRK', 'PRK → USA', 'CHN → PRK']));
    const tips = titles(html);
    expect(tips).toHaveLength(4);
    expect(tips.some((x) => x.includes('rejected one'))).toBe(false);
    expect(tips.some((x) => x.includes('(proposed, not yet reviewed)'))).toBe(true);
    // Legends name the quad classes and the verification levels the shapes stand for.
    for (const word of ['verbal cooperation', 'material cooperation', 'verified', 'observed', 'claimed'])
      expect(html).toContain(word);
  });

  it('labels the markers it is given', () => {
    const html = movesTimelineChart(moves, {
      document,
      markers: [{ date: '2018-06-12', label: 'Singapore statement' }],
    }).outerHTML;
    expect(texts(html)).toContain('Singapore statement');
  });

  it('marks engagement steps along the top, apart from agreements, and shades stalls', () => {
    const html = movesTimelineChart(moves, {
      document,
      markers: [
        { date: '2018-06-12', label: 'Singapore statement' },
        { date: '2018-07-01', label: '2 moves (042, 043)', kind: 'step' },
      ],
      spans: [{ from: '2018-07-02', to: '2018-07-03', label: 'stalled 2 days' }],
    }).outerHTML;
    const steps = titles(html).filter((t) => t.includes('engagement step'));
    expect(steps).toEqual(['2018-07-01 engagement step: 2 moves (042, 043)']);
    expect(texts(html).filter((t) => t === '▼')).toHaveLength(1);
    // The step is no agreement: it gets no dashed rule nor a label of its own.
    expect(texts(html)).not.toContain('2 moves (042, 043)');
    expect(texts(html)).toContain('stalled 2 days');
  });
});

const reciprocity: ReciprocityChartInput = {
  aToB: { from: 'USA', to: 'PRK' },
  bToA: { from: 'PRK', to: 'USA' },
  weekly: {
    weekStarts: ['2018-06-11', '2018-06-18', '2018-06-25'],
    aToB: { net: [5, -2, 0], cooperation: [6, 1, 0], conflict: [-1, -3, 0], count: [3, 2, 0] },
    bToA: { net: [4, 0, 3], cooperation: [4, 0, 3], conflict: [0, 0, 0], count: [1, 0, 1] },
  },
};

describe('reciprocity charts', () => {
  it('draws a bar for each week and kind with moves, in a panel per direction', () => {
    const html = weeklyReciprocityChart(reciprocity, { document }).outerHTML;
    const tips = titles(html);
    // USA→PRK: 2 weeks × cooperation and conflict; PRK→USA: 2 weeks of cooperation only.
    expect(tips).toHaveLength(6);
    expect(tips).toContain('USA → PRK, week of 2018-06-18: conflict -3.0 (2 moves that week)');
    expect(texts(html)).toEqual(expect.arrayContaining(['USA → PRK', 'PRK → USA']));
  });

  it('ends each cumulative line with its direction and total', () => {
    const t = texts(cumulativeNetChart(reciprocity, { document }).outerHTML);
    expect(t).toContain('USA → PRK +3.0');
    expect(t).toContain('PRK → USA +7.0');
  });
});

const agreement: GridAgreement = {
  id: 'singapore',
  name: 'Singapore statement',
  date: '2018-06-12',
  provisions: [
    {
      id: 'remains',
      text: 'Recover the remains of soldiers',
      owedBy: ['PRK'],
      statuses: [
        { date: '2018-07-27', level: 2 },
        { date: '2018-06-12', level: 0 },
        { date: '2019-01-01', level: 3 },
      ],
    },
    { id: 'denuclearize', text: 'Work toward denuclearization', owedBy: ['PRK'], statuses: [] },
  ],
};

describe('commitmentsGridChart', () => {
  it('draws each provision as spans of its levels up to the date, numbered, under its agreement', () => {
    const html = commitmentsGridChart([agreement], { document, to: '2018-10-07' }).outerHTML;
    const tips = titles(html);
    expect(tips.filter((x) => x.includes('Recover the remains'))).toEqual([
      expect.stringContaining('0 not started from 2018-06-12'),
      expect.stringContaining('2 intermediate from 2018-07-27'),
    ]);
    expect(tips.filter((x) => x.includes('denuclearization'))).toEqual([
      expect.stringContaining('no status yet from 2018-06-12'),
    ]);
    expect(texts(html)).toEqual(expect.arrayContaining(['Singapore statement (2018-06-12)', '0', '2']));
    expect(html).not.toContain('3 full');
  });

  it('draws a provision with no status yet dashed and says so in words, unlike any level', () => {
    const html = commitmentsGridChart([agreement], { document, to: '2018-10-07' }).outerHTML;
    expect(texts(html)).toContain('no status yet');
    expect(html.match(/stroke-dasharray="3 2"/g)).toHaveLength(1);
  });

  it('groups by party', () => {
    const html = commitmentsGridChart([agreement], { document, to: '2019-03-01', groupBy: 'party' }).outerHTML;
    expect(texts(html)).toContain('PRK');
    expect(html).toContain('3 full');
  });
});

describe('facilitiesMapChart', () => {
  const facilities: MapFacility[] = [
    {
      id: 'a',
      name: 'Yongbyon reactor',
      key: true,
      status: 'operational',
      verification: 'observed',
      coordinates: [125.75, 39.8],
    },
    {
      id: 'b',
      name: 'Yongbyon enrichment',
      key: true,
      status: 'operational',
      verification: null,
      coordinates: [125.75, 39.8],
    },
    {
      id: 'c',
      name: 'Sohae launch site',
      key: true,
      status: 'dismantled',
      verification: 'claimed',
      coordinates: [124.71, 39.66],
    },
    { id: 'd', name: 'Undisclosed sites', key: false, status: 'unknown', verification: null, coordinates: null },
  ];

  it('draws the world outline and one symbol per placed site, one label per place', () => {
    const html = facilitiesMapChart(facilities, { document, world }).outerHTML;
    expect(html).toMatch(/aria-label="geo"[^>]*><path d="M[^"]{200,}/);
    const tips = titles(html);
    expect(tips).toHaveLength(3);
    expect(tips).toContain('Yongbyon enrichment: operational; never observed');
    const t = texts(html);
    expect(t).toContain('Yongbyon (2 sites)');
    expect(t).toContain('Sohae launch site');
    expect(html).not.toContain('Undisclosed');
    for (const word of ['operational', 'dismantled', 'never observed', 'claimed']) expect(html).toContain(word);
  });
});
