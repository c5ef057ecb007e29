import * as Plot from '@observablehq/plot';

/** Moves of one day or month, direction and quad class, counted on the server. */
export interface MoveBin {
  start: string;
  /** `SOURCE>TARGET`, or `other` for the directions with fewer moves. */
  lane: string;
  quadClass: number;
  count: number;
  goldstein: number;
}

const QUAD_WORDS = ['', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
/** Okabe–Ito, as the shared charts use: blues for cooperation, orange and vermillion for conflict. */
const QUAD_COLOURS = ['#56B4E9', '#0072B2', '#E69F00', '#D55E00'];

const laneName = (lane: string) => (lane === 'other' ? 'other directions' : lane.replace('>', ' → ') || '—');

/**
 * Many moves as counts per period: one row per direction, stacked bars by quad class (named in
 * the legend and the tooltips). What the timeline draws when there are too many moves to draw each.
 */
export function binsChart(
  bins: readonly MoveBin[],
  period: 'day' | 'month',
  opts: { document: Document; width: number },
) {
  const data = bins.map((b) => ({
    ...b,
    lane: laneName(b.lane),
    quad: QUAD_WORDS[b.quadClass] ?? '',
    date: new Date(`${b.start}T00:00:00Z`),
  }));
  const lanes = [...new Set(data.map((d) => d.lane))].sort(
    (a, b) => Number(a === 'other directions') - Number(b === 'other directions'),
  );
  return Plot.plot({
    document: opts.document,
    width: opts.width,
    height: 90 + 80 * lanes.length,
    marginRight: 130,
    fy: { domain: lanes, label: null, axis: 'right' },
    y: { label: `moves per ${period}`, grid: true },
    color: { domain: QUAD_WORDS.slice(1), range: QUAD_COLOURS, legend: true },
    marks: [
      Plot.rectY(data, {
        x: 'date',
        interval: period === 'month' ? 'month' : 'day',
        y: 'count',
        fy: 'lane',
        fill: 'quad',
        title: (d: { start: string; lane: string; quad: string; count: number }) =>
          `${d.start} ${d.lane}: ${d.count} ${d.quad}`,
      }),
      Plot.ruleY([0]),
    ],
  }) as unknown as Element;
}
