import * as Plot from '@observablehq/plot';

export interface MoveBin {
  start: string;
  source: string;
  target: string;
  quadClass: number;
  count: number;
  goldstein: number;
}

const QUAD_WORDS = ['', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
/** Okabe–Ito, as the shared charts use: blue and green for cooperation, orange and vermillion for conflict. */
const QUAD_COLOURS = ['#56B4E9', '#009E73', '#E69F00', '#D55E00'];

/**
 * Many moves as counts per bin: one row per direction, stacked bars by quad class (named in the
 * legend and the tooltips). What the timeline draws when there are too many moves to draw each.
 */
export function binsChart(bins: readonly MoveBin[], binDays: number, opts: { document: Document; width: number }) {
  const lanes = new Map<string, number>();
  for (const b of bins)
    lanes.set(`${b.source} → ${b.target || '—'}`, (lanes.get(`${b.source} → ${b.target || '—'}`) ?? 0) + b.count);
  const top = [...lanes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([k]) => k);
  const data = bins
    .map((b) => ({
      ...b,
      lane: `${b.source} → ${b.target || '—'}`,
      quad: QUAD_WORDS[b.quadClass] ?? '',
      date: new Date(`${b.start}T00:00:00Z`),
    }))
    .map((b) => ({ ...b, lane: top.includes(b.lane) ? b.lane : 'other directions' }));
  return Plot.plot({
    document: opts.document,
    width: opts.width,
    height: 90 + 70 * Math.min(7, new Set(data.map((d) => d.lane)).size),
    marginLeft: 10,
    fy: { label: null },
    y: { label: `moves per ${binDays === 1 ? 'day' : binDays === 7 ? 'week' : `${binDays} days`}`, grid: true },
    color: { domain: QUAD_WORDS.slice(1), range: QUAD_COLOURS, legend: true },
    marks: [
      Plot.rectY(data, {
        x: 'date',
        interval: binDays === 30 ? 'month' : binDays === 7 ? 'week' : 'day',
        y: 'count',
        fy: 'lane',
        fill: 'quad',
        title: (d: { start: string; lane: string; quad: string; count: number }) =>
          `${d.start} ${d.lane}: ${d.count} ${d.quad}`,
      }),
      Plot.text(data.length ? [...new Set(data.map((d) => d.lane))] : [], {
        fy: (d: string) => d,
        text: (d: string) => d,
        frameAnchor: 'top-left',
        dy: 4,
        dx: 4,
      }),
      Plot.ruleY([0]),
    ],
  }) as unknown as Element;
}
