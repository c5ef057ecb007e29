import * as Plot from '@observablehq/plot';
import { type ChartElement, type ChartOptions, DEFAULT_WIDTH, day, PALETTE } from './chart-kit.js';

/** One direction's weekly sums, aligned with `weekStarts`: `WeeklySeries.aToB` / `bToA`. */
export interface WeeklyDirection {
  net: number[];
  cooperation: number[];
  conflict: number[];
  count: number[];
}

/**
 * What the reciprocity charts read: the subset of `ReciprocityResult` (brief `reciprocity`, GET
 * /api/cases/{id}/reciprocity) naming the two directions and holding the weekly series.
 */
export interface ReciprocityChartInput {
  aToB: { from: string; to: string };
  bToA: { from: string; to: string };
  weekly: { weekStarts: string[]; aToB: WeeklyDirection; bToA: WeeklyDirection };
}

interface WeekBar {
  direction: string;
  week: Date;
  kind: 'cooperation' | 'conflict';
  value: number;
  moves: number;
}

function directionName(d: { from: string; to: string }): string {
  return `${d.from} → ${d.to}`;
}

function weekBars(r: ReciprocityChartInput): WeekBar[] {
  const out: WeekBar[] = [];
  const sides = [
    [directionName(r.aToB), r.weekly.aToB],
    [directionName(r.bToA), r.weekly.bToA],
  ] as const;
  for (const [direction, s] of sides) {
    r.weekly.weekStarts.forEach((w, i) => {
      const moves = s.count[i] ?? 0;
      if (!moves) return;
      const week = day(w);
      if (s.cooperation[i]) out.push({ direction, week, kind: 'cooperation', value: s.cooperation[i]!, moves });
      if (s.conflict[i]) out.push({ direction, week, kind: 'conflict', value: s.conflict[i]!, moves });
    });
  }
  return out;
}

/**
 * Each direction's weekly cooperation (Σ positive Goldstein weights, drawn above zero) and
 * conflict (Σ negative weights, below zero), one panel per direction. Above or below the zero
 * line says which is which; colour only repeats it.
 */
export function weeklyReciprocityChart(r: ReciprocityChartInput, options: ChartOptions): ChartElement {
  const directions = [directionName(r.aToB), directionName(r.bToA)];
  const weeks = r.weekly.weekStarts;
  const first = weeks[0] ?? '2000-01-03';
  const end = new Date(day(weeks.at(-1) ?? first).getTime() + 7 * 86_400_000);
  return Plot.plot({
    document: options.document,
    width: options.width ?? DEFAULT_WIDTH,
    height: 320,
    marginLeft: 50,
    marginRight: 80,
    x: { type: 'utc', domain: [day(first), end], label: null },
    y: { label: 'Goldstein sum per week (↑ cooperation, ↓ conflict)', grid: true, labelAnchor: 'top' },
    fy: { domain: directions, label: null, axis: 'right' },
    color: { legend: true, domain: ['cooperation', 'conflict'], range: [PALETTE.blue, PALETTE.vermillion] },
    marks: [
      Plot.rectY(weekBars(r), {
        x1: 'week',
        x2: (d: WeekBar) => new Date(d.week.getTime() + 7 * 86_400_000),
        y: 'value',
        fy: 'direction',
        fill: 'kind',
        inset: 0.5,
        title: (d: WeekBar) =>
          `${d.direction}, week of ${d.week.toISOString().slice(0, 10)}: ${d.kind} ${d.value.toFixed(1)} (${d.moves} moves that week)`,
      }),
      Plot.ruleY([0]),
    ],
  });
}

interface NetPoint {
  direction: string;
  week: Date;
  net: number;
}

function cumulative(r: ReciprocityChartInput): NetPoint[] {
  const out: NetPoint[] = [];
  const sides = [
    [directionName(r.aToB), r.weekly.aToB],
    [directionName(r.bToA), r.weekly.bToA],
  ] as const;
  for (const [direction, s] of sides) {
    let total = 0;
    r.weekly.weekStarts.forEach((w, i) => {
      total += s.net[i] ?? 0;
      out.push({ direction, week: day(w), net: total });
    });
  }
  return out;
}

/**
 * The cumulative net Goldstein each side has sent the other since the window opened: one line per
 * direction, told apart by dash and by the label at its end as well as by colour.
 */
export function cumulativeNetChart(r: ReciprocityChartInput, options: ChartOptions): ChartElement {
  const directions = [directionName(r.aToB), directionName(r.bToA)];
  const points = cumulative(r);
  return Plot.plot({
    document: options.document,
    width: options.width ?? DEFAULT_WIDTH,
    height: 220,
    marginLeft: 50,
    marginRight: 130,
    x: { type: 'utc', label: null },
    y: { label: 'cumulative net Goldstein', grid: true, labelAnchor: 'top' },
    color: { domain: directions, range: [PALETTE.blue, PALETTE.orange] },
    marks: [
      Plot.ruleY([0]),
      ...directions.map((direction, i) =>
        Plot.line(
          points.filter((p) => p.direction === direction),
          {
            x: 'week',
            y: 'net',
            stroke: 'direction',
            strokeWidth: 2,
            strokeDasharray: i === 0 ? undefined : '6 3',
            curve: 'step-after',
          },
        ),
      ),
      Plot.text(
        points,
        Plot.selectLast({
          x: 'week',
          y: 'net',
          z: 'direction',
          text: (d: NetPoint) => `${d.direction} ${d.net >= 0 ? '+' : ''}${d.net.toFixed(1)}`,
          fill: 'direction',
          textAnchor: 'start',
          dx: 4,
        }),
      ),
    ],
  });
}
