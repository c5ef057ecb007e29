import * as Plot from '@observablehq/plot';
import {
  type ChartElement,
  type ChartOptions,
  DEFAULT_WIDTH,
  day,
  dateRange,
  dayAfter,
  daysBetween,
  labelFits,
  PALETTE,
  shorten,
} from './chart-kit.js';

/** A verdict as the strip draws it; `not-stated` is a span before the condition was stated. */
export type StripVerdict = 'met' | 'unmet' | 'unknown' | 'not-stated';

/**
 * One condition's verdict over time: the shape of `VerdictTimeline` (GET
 * /api/cases/{id}/conditions/timeline, `conditionTimelines()` in src/app). Intervals are in date
 * order, `to` inclusive; each carries the gated moves made in it while the condition was not met.
 */
export interface VerdictStripInput {
  conditionId: string;
  title: string;
  from: string;
  to: string;
  intervals: {
    from: string;
    to: string;
    verdict: StripVerdict;
    missing?: string[];
    gatedMoves: { id: string; date: string; summary: string; code: string }[];
  }[];
}

export interface VerdictStripOptions extends ChartOptions {
  /** Draws a dashed rule at the date the brief or dashboard reads the case on. */
  asOf?: string;
}

const VERDICT_WORD: Record<StripVerdict, string> = {
  met: 'met',
  unmet: 'unmet',
  unknown: 'unknown',
  'not-stated': 'not yet stated',
};
/** One character per verdict, for spans too narrow for the word. */
const VERDICT_MARK: Record<StripVerdict, string> = { met: '✓', unmet: '✗', unknown: '?', 'not-stated': '–' };
const VERDICT_FILL: Record<StripVerdict, string> = {
  met: PALETTE.green,
  unmet: PALETTE.vermillion,
  unknown: PALETTE.lightGrey,
  'not-stated': '#f3f3f3',
};
const VERDICT_INK: Record<StripVerdict, string> = {
  met: 'white',
  unmet: 'white',
  unknown: 'black',
  'not-stated': '#555',
};
const GATED = 'gated move made while not met';
const ROW = 54;
const MARGIN_LEFT = 200;
const MARGIN_RIGHT = 20;

interface Span {
  row: string;
  verdict: StripVerdict;
  from: string;
  to: string;
  label: string;
  title: string;
}

function rowLabel(t: VerdictStripInput): string {
  return shorten(t.title, 30);
}

function spans(timelines: readonly VerdictStripInput[], pxPerDay: number): Span[] {
  return timelines.flatMap((t) =>
    t.intervals.map((i) => {
      const px = (daysBetween(i.from, i.to) + 1) * pxPerDay;
      const word = VERDICT_WORD[i.verdict];
      const label = labelFits(word, px) ? word : px >= 10 ? VERDICT_MARK[i.verdict] : '';
      const missing = i.missing?.length ? `\nmissing: ${i.missing.join('; ')}` : '';
      return {
        row: rowLabel(t),
        verdict: i.verdict,
        from: i.from,
        to: i.to,
        label,
        title: `${t.title}\n${word} ${i.from} to ${i.to}${missing}`,
      };
    }),
  );
}

/** The dates each verdict changed, dropping those too close to the previous label to be read. */
function changeLabels(timelines: readonly VerdictStripInput[], pxPerDay: number): { row: string; date: string }[] {
  const out: { row: string; date: string }[] = [];
  for (const t of timelines) {
    let lastPx = Number.NEGATIVE_INFINITY;
    for (const i of t.intervals.slice(1)) {
      const px = daysBetween(t.from, i.from) * pxPerDay;
      if (px - lastPx < 66) continue;
      out.push({ row: rowLabel(t), date: i.from });
      lastPx = px;
    }
  }
  return out;
}

/**
 * Each condition's verdict over time, one strip per condition: met, unmet and unknown spans named
 * in words (or ✓ ✗ ? where narrow), the dates the verdict changed under the strip, and a ✕ for
 * each gated move made while the condition was not met.
 */
export function verdictStripChart(timelines: readonly VerdictStripInput[], options: VerdictStripOptions): ChartElement {
  const width = options.width ?? DEFAULT_WIDTH;
  const [from, to] = dateRange(timelines.flatMap((t) => [t.from, t.to])) ?? ['2000-01-01', '2000-01-02'];
  const pxPerDay = (width - MARGIN_LEFT - MARGIN_RIGHT) / Math.max(1, daysBetween(from, to) + 1);
  const data = spans(timelines, pxPerDay);
  const moves = timelines.flatMap((t) =>
    t.intervals.flatMap((i) => i.gatedMoves.map((m) => ({ ...m, row: rowLabel(t), kind: GATED }))),
  );
  const verdicts = [...new Set(data.map((d) => d.verdict))];
  const asOf = options.asOf && options.asOf >= from && options.asOf <= to ? [options.asOf] : [];
  return Plot.plot({
    document: options.document,
    width,
    height: 40 + ROW * timelines.length,
    marginLeft: MARGIN_LEFT,
    marginRight: MARGIN_RIGHT,
    marginTop: 30,
    x: { type: 'utc', domain: [day(from), dayAfter(to)], label: null },
    y: { domain: timelines.map(rowLabel), label: null, paddingInner: 0.45, paddingOuter: 0.1 },
    color: {
      legend: true,
      domain: verdicts.map((v) => VERDICT_WORD[v]),
      range: verdicts.map((v) => VERDICT_FILL[v]),
    },
    symbol: moves.length ? { legend: true, domain: [GATED], range: ['times'] } : undefined,
    marks: [
      ...spanMarks(data),
      ...changeMarks(changeLabels(timelines, pxPerDay)),
      gatedMoveMark(moves),
      ...asOfMarks(asOf),
    ],
  });
}

/** The verdict spans: a bar each, filled by verdict, with its word (or sign) on it. */
function spanMarks(data: Span[]) {
  return [
    Plot.barX(data, {
      x1: (d: Span) => day(d.from),
      x2: (d: Span) => dayAfter(d.to),
      y: 'row',
      fill: (d: Span) => VERDICT_WORD[d.verdict],
      stroke: PALETTE.grey,
      strokeWidth: 0.5,
      title: 'title',
    }),
    Plot.text(data, {
      x: (d: Span) => new Date((day(d.from).getTime() + dayAfter(d.to).getTime()) / 2),
      y: 'row',
      text: 'label',
      fill: (d: Span) => VERDICT_INK[d.verdict],
      dy: -3,
    }),
  ];
}

/** A tick where a verdict changed, and its date under the strip. */
function changeMarks(labels: { row: string; date: string }[]) {
  return [
    Plot.tickX(labels, { x: (d) => day(d.date), y: 'row', stroke: 'black' }),
    Plot.text(labels, {
      x: (d) => day(d.date),
      y: 'row',
      text: 'date',
      dy: 21,
      fontSize: 9,
      textAnchor: 'start',
    }),
  ];
}

type GatedMove = VerdictStripInput['intervals'][number]['gatedMoves'][number];

/** A ✕ for each gated move made while its condition was not met. */
function gatedMoveMark(moves: (GatedMove & { row: string; kind: string })[]) {
  return Plot.dot(moves, {
    x: (d) => day(d.date),
    y: 'row',
    symbol: 'kind',
    stroke: 'black',
    strokeWidth: 2,
    r: 4,
    dy: 7,
    title: (d) => `${d.date} ${d.code}: ${d.summary}`,
  });
}

/** The date the chart is read on, as a dashed rule with its label. */
function asOfMarks(asOf: string[]) {
  return [
    Plot.ruleX(asOf, { x: (d: string) => day(d), stroke: 'black', strokeDasharray: '4 3' }),
    Plot.text(asOf, {
      x: (d: string) => day(d),
      text: (d: string) => `as of ${d}`,
      frameAnchor: 'top',
      textAnchor: 'end',
      dy: -18,
    }),
  ];
}
