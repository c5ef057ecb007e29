import * as Plot from '@observablehq/plot';
import { type ChartElement, type ChartOptions, DEFAULT_WIDTH, day, dayAfter, PALETTE } from './chart-kit.js';

/**
 * One indicator as GET /api/cases/{id}/indicators gives it (`IndicatorSummary` in src/analysis):
 * each measurement's numbers to draw (`plot`), and where it stands against the limit.
 */
export interface IndicatorChartInput {
  name: string;
  unit: string;
  kind: 'quantity' | 'boolean';
  limit?: { test: string; value: number | boolean; from?: string; words: string };
  measurements: {
    date: string;
    words: string;
    reportWords: string;
    verification: 'verified' | 'estimated' | 'claimed';
    withinLimit: boolean | null;
    plot: { low: number | null; high: number | null };
  }[];
}

export interface IndicatorChartOptions extends ChartOptions {
  /** Time axis bounds; default the measurements' first and last dates. */
  from?: string;
  to?: string;
  asOf?: string;
}

/** Shapes by how a figure is known, as the moves' chart shapes verification. */
export const MEASUREMENT_SYMBOLS = { verified: 'circle', estimated: 'square', claimed: 'triangle' } as const;
const STANDING = { within: 'within the limit', beyond: 'beyond the limit', none: 'no limit or undecided' } as const;
const STANDING_COLOURS = [PALETTE.blue, PALETTE.vermillion, PALETTE.grey];

type Row = IndicatorChartInput['measurements'][number] & { standing: string; y: number };

function standingOf(within: boolean | null): string {
  return within === true ? STANDING.within : within === false ? STANDING.beyond : STANDING.none;
}

/** The limit as a dashed line from the day it applies, labelled with its words. */
function limitMarks(limit: IndicatorChartInput['limit'], from: string, to: string): Plot.Markish[] {
  if (!limit || typeof limit.value !== 'number') return [];
  const start = limit.from && limit.from > from ? limit.from : from;
  const line = [{ x1: day(start), x2: dayAfter(to), y: limit.value }];
  return [
    Plot.ruleY(line, { x1: 'x1', x2: 'x2', y: 'y', stroke: PALETTE.vermillion, strokeDasharray: '6 3' }),
    Plot.text(line, { x: 'x1', y: 'y', text: () => limit.words, textAnchor: 'start', dx: 3, dy: -7, fontSize: 10 }),
  ];
}

/**
 * An indicator over time: each figure at its date, shaped by how it is known (● verified,
 * ■ estimated, ▲ claimed) and coloured by where it stands against the limit; a range as a
 * vertical bar, a bound ("above 300") as an arrow from it; the limit as a dashed line from the
 * day it applies; the as-of date as a dashed black line.
 */
export function indicatorChart(indicator: IndicatorChartInput, options: IndicatorChartOptions): ChartElement {
  const ms = indicator.measurements;
  const dates = ms.map((m) => m.date).sort();
  const from = options.from ?? dates[0] ?? options.asOf ?? '2000-01-01';
  const to = options.to ?? dates.at(-1) ?? from;
  const rows: Row[] = ms.flatMap((m) => {
    const y = m.plot.low ?? m.plot.high;
    return y === null ? [] : [{ ...m, standing: standingOf(m.withinLimit), y }];
  });
  const ranges = rows.filter((r) => r.plot.low !== null && r.plot.high !== null && r.plot.low !== r.plot.high);
  // A lower bound ("above 300") points up from it; an upper bound ("below 5,060") points down.
  const arrows = (up: boolean) =>
    Plot.text(
      rows.filter((r) => (up ? r.plot.high === null : r.plot.low === null)),
      {
        x: (r: Row) => day(r.date),
        y: 'y',
        text: () => (up ? '↑' : '↓'),
        dy: up ? -9 : 9,
        fontSize: 13,
        fill: 'standing',
      },
    );
  const x = (r: Row) => day(r.date);
  const flag = indicator.kind === 'boolean';
  return Plot.plot({
    document: options.document,
    width: options.width ?? DEFAULT_WIDTH,
    height: flag ? 120 : 200,
    marginLeft: 56,
    marginRight: 20,
    x: { type: 'utc', domain: [day(from), dayAfter(to)], label: null },
    y: flag
      ? { domain: [0, 1], ticks: [0, 1], tickFormat: (v: number) => (v ? 'yes' : 'no'), label: null }
      : { label: indicator.unit, grid: true, zero: true, nice: true },
    color: { legend: true, domain: Object.values(STANDING), range: STANDING_COLOURS },
    symbol: {
      legend: true,
      domain: Object.keys(MEASUREMENT_SYMBOLS),
      range: Object.values(MEASUREMENT_SYMBOLS),
    },
    marks: [
      Plot.frame({ stroke: PALETTE.lightGrey }),
      ...limitMarks(indicator.limit, from, to),
      Plot.ruleX(ranges, {
        x,
        y1: (r: Row) => r.plot.low,
        y2: (r: Row) => r.plot.high,
        stroke: 'standing',
        strokeWidth: 3,
      }),
      arrows(true),
      arrows(false),
      Plot.dot(rows, {
        x,
        y: 'y',
        symbol: 'verification',
        fill: 'standing',
        stroke: 'white',
        r: 4.5,
        title: (r: Row) => `${r.date}: ${r.words} (${r.verification}; ${r.standing})\n${r.reportWords}`,
      }),
      Plot.ruleX(options.asOf ? [options.asOf] : [], {
        x: (d: string) => day(d),
        stroke: 'black',
        strokeDasharray: '4 3',
      }),
    ],
  });
}
