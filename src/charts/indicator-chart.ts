import * as Plot from '@observablehq/plot';
import { type ChartElement, type ChartOptions, DEFAULT_WIDTH, day, dayAfter, PALETTE } from './chart-kit.js';

/** How a figure was known, as `Measurement.verification` says. */
export type IndicatorVerification = 'verified' | 'estimated' | 'claimed';

/**
 * One indicator with its measurements: the subset of `IndicatorSummary` (brief `indicators`, GET
 * /api/cases/{id}/indicators) the chart reads. `plot` holds a figure as numbers: both ends for a
 * value or a range, one end for a bound (`above 202.8`: low 202.8), 1 or 0 for yes/no, neither
 * for a report whose figure was not found.
 */
export interface IndicatorChartInput {
  name: string;
  unit: string;
  kind: 'quantity' | 'boolean';
  limit?: { value: number | boolean; from?: string; words: string };
  measurements: {
    date: string;
    verification: IndicatorVerification;
    words: string;
    reportWords: string;
    withinLimit: boolean | null;
    plot: { low: number | null; high: number | null };
  }[];
}

export interface IndicatorChartOptions extends ChartOptions {
  /** The day the chart is read on: a dashed rule, and the right end of the time axis. */
  asOf: string;
  /** The left end of the time axis (so that several indicators' charts line up); default the first figure. */
  from?: string;
}

/** Shapes by how a figure was known: filled by the inspecting body's verification, hollow otherwise. */
export const MEASUREMENT_SYMBOLS: Record<IndicatorVerification, string> = {
  verified: 'circle',
  estimated: 'diamond',
  claimed: 'triangle',
};
const STANDING = ['within the limit', 'beyond the limit', 'no limit, or not decided'] as const;
type Standing = (typeof STANDING)[number];
const STANDING_COLOURS = [PALETTE.blue, PALETTE.vermillion, PALETTE.grey];

interface Point {
  x: Date;
  low: number | null;
  high: number | null;
  verification: IndicatorVerification;
  standing: Standing;
  title: string;
}

function standingOf(withinLimit: boolean | null): Standing {
  return withinLimit === true ? STANDING[0] : withinLimit === false ? STANDING[1] : STANDING[2];
}

function points(i: IndicatorChartInput): Point[] {
  return i.measurements.map((m) => ({
    x: day(m.date),
    low: m.plot.low,
    high: m.plot.high,
    verification: m.verification,
    standing: standingOf(m.withinLimit),
    title: `${m.date}: ${m.plot.low === null && m.plot.high === null ? 'figure not found' : m.words} (${m.verification}), ${m.reportWords}`,
  }));
}

function limitNumber(i: IndicatorChartInput): number | null {
  if (!i.limit) return null;
  return typeof i.limit.value === 'boolean' ? Number(i.limit.value) : i.limit.value;
}

/** The y range: from zero to a little above the largest figure or limit; 0 (no) to 1 (yes) for a yes/no. */
function yDomain(i: IndicatorChartInput, data: readonly Point[]): [number, number] {
  if (i.kind === 'boolean') return [0, 1];
  const top = Math.max(limitNumber(i) ?? 0, ...data.flatMap((p) => [p.low ?? 0, p.high ?? 0]));
  return [0, top > 0 ? top * 1.15 : 1];
}

/**
 * The marks of the figures: exact ones as dots joined by a thin line, ranges as bars between
 * their ends, one-sided bounds (`at most`, `above`) as a dot at the bound with an arrow toward the
 * side the quantity lies on; a report whose figure was not found as × on the axis.
 */
function figureMarks(data: readonly Point[], [yMin, yMax]: [number, number], yesNo: boolean): Plot.Markish[] {
  const exact = data.filter((p) => p.low !== null && p.low === p.high);
  const range = data.filter((p) => p.low !== null && p.high !== null && p.low !== p.high);
  const bound = data.filter((p) => (p.low === null) !== (p.high === null));
  const none = data.filter((p) => p.low === null && p.high === null);
  const at = (p: Point) => p.low ?? p.high;
  const reach = (yMax - yMin) / 6;
  const dotOptions = {
    x: 'x',
    symbol: 'verification',
    stroke: 'standing',
    strokeWidth: 1.5,
    r: 4,
    title: 'title',
  } as const;
  const middle = (p: Point) => (p.low !== null && p.high !== null ? (p.low + p.high) / 2 : (p.low ?? p.high));
  const dotted = [...exact, ...bound, ...range];
  return [
    Plot.line(
      exact.filter((p) => p.verification === 'verified'),
      // A yes/no holds until the next figure: a step, never a slope between the two.
      { x: 'x', y: 'low', stroke: PALETTE.grey, strokeWidth: 1, curve: yesNo ? 'step-after' : 'linear' },
    ),
    Plot.ruleX(range, { x: 'x', y1: 'low', y2: 'high', stroke: 'standing', strokeWidth: 4, strokeOpacity: 0.7 }),
    // A one-sided figure is an arrow from its bound toward the side the quantity lies on.
    Plot.arrow(bound, {
      x: 'x',
      y1: at,
      y2: (p: Point) => at(p)! + (p.low === null ? -reach : reach),
      stroke: 'standing',
      strokeWidth: 1.5,
      headLength: 6,
    }),
    // Verified figures are filled dots; estimated and claimed ones hollow, so the weaker are seen as such.
    Plot.dot(
      dotted.filter((p) => p.verification === 'verified'),
      { ...dotOptions, y: middle, fill: 'standing' },
    ),
    Plot.dot(
      dotted.filter((p) => p.verification !== 'verified'),
      { ...dotOptions, y: middle, fill: 'white' },
    ),
    Plot.dot(none, { x: 'x', y: yMin, symbol: 'times', stroke: PALETTE.grey, strokeWidth: 1.5, r: 4, title: 'title' }),
  ];
}

/** The limit as a dashed line from the day it applies, named at its left end. */
function limitMarks(i: IndicatorChartInput, from: string, asOf: string): Plot.Markish[] {
  const value = limitNumber(i);
  if (value === null || !i.limit || (i.limit.from && i.limit.from > asOf)) return [];
  const start = i.limit.from && i.limit.from > from ? i.limit.from : from;
  const line = [{ x1: day(start), x2: dayAfter(asOf), y: value, label: `limit: ${i.limit.words}` }];
  return [
    Plot.ruleY(line, { x1: 'x1', x2: 'x2', y: 'y', stroke: PALETTE.vermillion, strokeDasharray: '6 3' }),
    Plot.text(line, {
      x: 'x1',
      y: 'y',
      text: 'label',
      textAnchor: 'start',
      dx: 8,
      dy: -7,
      fill: PALETTE.vermillion,
    }),
  ];
}

/** The last figure's words beside it, so the latest value is read without hovering or colour. */
function latestLabel(i: IndicatorChartInput): Plot.Markish[] {
  // A yes/no figure is read off its axis; a label would only repeat it.
  if (i.kind === 'boolean') return [];
  const last = i.measurements.findLast((m) => m.plot.low !== null || m.plot.high !== null);
  if (!last) return [];
  const y = last.plot.low ?? last.plot.high;
  return [
    Plot.text([last], { x: () => day(last.date), y: () => y, text: () => last.words, textAnchor: 'end', dy: -10 }),
  ];
}

/**
 * One indicator over time: each figure reported, shaped by how it was known (● verified by the
 * inspecting body, ◆ estimated, ▲ claimed; hollow unless verified) and coloured by where it
 * stands against the limit in force on its date; the limit as a dashed line; the day the chart is
 * read on as a dashed rule. Nothing after `asOf` is drawn: the caller passes the figures known.
 */
export function indicatorChart(i: IndicatorChartInput, options: IndicatorChartOptions): ChartElement {
  const data = points(i);
  const from = options.from ?? i.measurements[0]?.date ?? options.asOf;
  const y = yDomain(i, data);
  const standings = STANDING.filter((s) => data.some((p) => p.standing === s));
  const verifications = (Object.keys(MEASUREMENT_SYMBOLS) as IndicatorVerification[]).filter((v) =>
    data.some((p) => p.verification === v),
  );
  const yesNo = i.kind === 'boolean';
  return Plot.plot({
    document: options.document,
    width: options.width ?? DEFAULT_WIDTH,
    height: yesNo ? 120 : 200,
    marginLeft: 60,
    marginRight: 20,
    marginTop: 24,
    x: { type: 'utc', domain: [day(from), dayAfter(options.asOf)], label: null },
    y: yesNo
      ? { domain: y, ticks: [0, 1], tickFormat: (v: number) => (v ? 'yes' : 'no'), label: null, inset: 10 }
      : { domain: y, grid: true, label: i.unit, labelAnchor: 'top' },
    color: { legend: true, domain: standings, range: standings.map((s) => STANDING_COLOURS[STANDING.indexOf(s)]!) },
    symbol: { legend: true, domain: verifications, range: verifications.map((v) => MEASUREMENT_SYMBOLS[v]) },
    marks: [
      ...limitMarks(i, from, options.asOf),
      ...figureMarks(data, y, yesNo),
      ...latestLabel(i),
      Plot.ruleX([day(options.asOf)], { stroke: 'black', strokeDasharray: '4 3' }),
      Plot.text([options.asOf], {
        x: (d: string) => day(d),
        text: (d: string) => `as of ${d}`,
        frameAnchor: 'top',
        textAnchor: 'end',
        dy: -14,
      }),
    ],
  });
}
