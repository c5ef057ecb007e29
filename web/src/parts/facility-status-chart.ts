import * as Plot from '@observablehq/plot';
import { STATUS_COLOURS } from '../../../src/charts/index.js';

export interface FacilityHistory {
  id: string;
  name: string;
  statuses: { date: string; status: string }[];
  observations: { date: string; by: string; finding: string; verification: string }[];
}

/** The map's colours, so a status looks the same in both charts. */
const STATUS_FILL = STATUS_COLOURS;
const SYMBOL: Record<string, string> = { verified: 'circle', observed: 'square', claimed: 'triangle' };
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Each facility's status over time (bands labelled with the status) and its observations and
 * inspections (symbols by how they were verified), one row per facility, up to the as-of date.
 */
export function facilityStatusChart(
  facilities: readonly FacilityHistory[],
  opts: { document: Document; width: number; from: string; to: string },
): Element {
  const bands = facilities.flatMap((f) =>
    f.statuses
      .filter((s) => s.date <= opts.to)
      .map((s, i, all) => ({
        name: f.name,
        status: s.status,
        // ISO dates compare as strings: the later of the status's date and the chart's start.
        x1: day([s.date, opts.from].sort()[1]!),
        x2: day(all[i + 1]?.date ?? opts.to),
      })),
  );
  const seen = facilities.flatMap((f) =>
    f.observations
      .filter((o) => o.date <= opts.to && o.date >= opts.from)
      .map((o) => ({ ...o, name: f.name, x: day(o.date) })),
  );
  return Plot.plot({
    document: opts.document,
    width: opts.width,
    height: 50 + 28 * facilities.length,
    marginLeft: Math.min(260, opts.width / 3),
    x: { type: 'utc', domain: [day(opts.from), day(opts.to)], label: null },
    y: {
      domain: facilities.map((f) => f.name),
      label: null,
      tickFormat: (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s),
    },
    color: { domain: Object.keys(STATUS_FILL), range: Object.values(STATUS_FILL), legend: true },
    symbol: { domain: Object.keys(SYMBOL), range: Object.values(SYMBOL), legend: true },
    marks: [
      Plot.barX(bands, {
        x1: 'x1',
        x2: 'x2',
        y: 'name',
        fill: 'status',
        title: (d: { status: string }) => d.status,
        inset: 2,
      }),
      Plot.text(bands, { x: 'x1', y: 'name', text: 'status', textAnchor: 'start', dx: 4, fill: 'black', fontSize: 9 }),
      Plot.dot(seen, {
        x: 'x',
        y: 'name',
        symbol: 'verification',
        stroke: 'black',
        fill: 'white',
        r: 4,
        title: (d: { date: string; by: string; finding: string; verification: string }) =>
          `${d.date} ${d.by}: ${d.finding} (${d.verification})`,
      }),
    ],
  }) as unknown as Element;
}
