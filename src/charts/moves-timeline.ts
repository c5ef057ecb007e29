import * as Plot from '@observablehq/plot';
import { partyOf } from '../model/actor-code.js';
import {
  type ChartElement,
  type ChartOptions,
  DEFAULT_WIDTH,
  day,
  dayAfter,
  daysBetween,
  PALETTE,
  shorten,
  VERIFICATION_SYMBOLS,
} from './chart-kit.js';

/**
 * One move on the timeline: the fields of a ledger event (GET /api/cases/{id}/events) that the
 * chart reads. `status` defaults to confirmed; rejected moves are left out.
 */
export interface TimelineMove {
  id?: string;
  date: string;
  sourceCode: string;
  targetCode?: string | null;
  code: string;
  goldstein: number;
  quadClass: 1 | 2 | 3 | 4;
  verification: 'verified' | 'observed' | 'claimed';
  summary: string;
  status?: 'proposed' | 'confirmed' | 'rejected';
}

/**
 * A labelled date: an agreement signed (a dashed rule across every lane, labelled) or an
 * engagement step, a day the pace analysis counts (a ▼ along the top edge).
 */
export interface TimelineMarker {
  date: string;
  label: string;
  /** Default `agreement`. */
  kind?: 'agreement' | 'step';
}

/** A span across every lane, such as a stall in the pace of engagement. */
export interface TimelineSpan {
  from: string;
  to: string;
  label: string;
}

export interface MovesTimelineOptions extends ChartOptions {
  /** The dyad's two sides (CAMEO codes): lanes `A → B` then `B → A`. Without it, one lane per direction seen. */
  dyad?: [string, string];
  /** Time axis bounds; default the moves' first and last dates. */
  from?: string;
  to?: string;
  markers?: TimelineMarker[];
  /** Shaded across every lane, labelled in the first: the stalls of the pace analysis. */
  spans?: TimelineSpan[];
  asOf?: string;
}

export const QUAD_NAMES = {
  1: 'verbal cooperation',
  2: 'material cooperation',
  3: 'verbal conflict',
  4: 'material conflict',
} as const;
const QUAD_COLOURS = [PALETTE.sky, PALETTE.blue, PALETTE.orange, PALETTE.vermillion];
const LANE_HEIGHT = 80;

/** The lane of a move: its direction, named by the dyad's codes when it is one of the dyad's two. */
export function laneOf(m: Pick<TimelineMove, 'sourceCode' | 'targetCode'>, dyad?: [string, string]): string {
  const target = m.targetCode ?? '';
  if (dyad) {
    const [a, b] = dyad;
    if (m.sourceCode.startsWith(a) && target.startsWith(b)) return `${a} → ${b}`;
    if (m.sourceCode.startsWith(b) && target.startsWith(a)) return `${b} → ${a}`;
  }
  return `${partyOf(m.sourceCode)} → ${target ? partyOf(target) : '—'}`;
}

function laneOrder(moves: readonly TimelineMove[], dyad?: [string, string]): string[] {
  const counts = new Map<string, number>();
  for (const m of moves) counts.set(laneOf(m, dyad), (counts.get(laneOf(m, dyad)) ?? 0) + 1);
  const first = dyad ? [`${dyad[0]} → ${dyad[1]}`, `${dyad[1]} → ${dyad[0]}`] : [];
  const rest = [...counts.entries()]
    .filter(([lane]) => !first.includes(lane))
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .map(([lane]) => lane);
  return [...first, ...rest];
}

function moveTitle(m: TimelineMove): string {
  const status = m.status === 'proposed' ? ' (proposed, not yet reviewed)' : '';
  return `${m.date} ${m.sourceCode} ${m.code} ${m.targetCode ?? '-'}${status}\n${m.summary}\nGoldstein ${m.goldstein}, ${QUAD_NAMES[m.quadClass]}, ${m.verification}`;
}

/** Engagement steps as ▼ along the first lane's top edge, each titled with its date and moves. */
function stepMarks(steps: readonly TimelineMarker[], firstLane: string | undefined): Plot.Markish[] {
  return [
    Plot.text(steps, {
      x: (d: TimelineMarker) => day(d.date),
      fy: () => firstLane,
      text: () => '▼',
      frameAnchor: 'top',
      dy: -7,
      fontSize: 9,
      fill: PALETTE.purple,
      title: (d: TimelineMarker) => `${d.date} engagement step: ${d.label}`,
    }),
  ];
}

/** Stalls shaded across every lane, each labelled in the first lane's bottom edge. */
function spanMarks(spans: readonly TimelineSpan[], firstLane: string | undefined): Plot.Markish[] {
  const x1 = (d: TimelineSpan) => day(d.from);
  const x2 = (d: TimelineSpan) => dayAfter(d.to);
  return [
    Plot.rectX(spans, { x1, x2, fill: PALETTE.lightGrey, fillOpacity: 0.45 }),
    Plot.text(spans, {
      x: x1,
      fy: () => firstLane,
      text: 'label',
      frameAnchor: 'bottom',
      textAnchor: 'start',
      dx: 3,
      dy: -3,
      fontSize: 9,
      title: (d: TimelineSpan) => `${d.label}, ${d.from} to ${d.to}`,
    }),
  ];
}

/** Rules for every agreement across all lanes; labels in the first lane only, skipping those that would overlap. */
function markerMarks(
  markers: readonly TimelineMarker[],
  firstLane: string | undefined,
  pxPerDay: number,
): Plot.Markish[] {
  const sorted = markers.filter((m) => m.kind !== 'step').sort((x, y) => x.date.localeCompare(y.date));
  const labelled: TimelineMarker[] = [];
  for (const m of sorted) {
    const last = labelled.at(-1);
    if (!last || daysBetween(last.date, m.date) * pxPerDay >= 150) labelled.push(m);
  }
  return [
    Plot.ruleX(sorted, { x: (d: TimelineMarker) => day(d.date), stroke: PALETTE.grey, strokeDasharray: '2 3' }),
    Plot.text(labelled, {
      x: (d: TimelineMarker) => day(d.date),
      fy: () => firstLane,
      text: (d: TimelineMarker) => shorten(d.label, 26),
      frameAnchor: 'top',
      textAnchor: 'start',
      dx: 3,
      dy: 3,
      fontSize: 9,
      title: (d: TimelineMarker) => `${d.date} ${d.label}`,
    }),
  ];
}

/**
 * Each side's moves on a shared time axis, one lane per direction: colour by quad class (named in
 * the legend), size by the Goldstein weight's magnitude, shape by verification (● verified,
 * ■ observed, ▲ claimed); proposed moves are drawn hollow. Moves of a day spread out rather than
 * hide one another.
 */
export function movesTimelineChart(moves: readonly TimelineMove[], options: MovesTimelineOptions): ChartElement {
  const shown = moves.filter((m) => m.status !== 'rejected');
  const lanes = laneOrder(shown, options.dyad);
  const dates = shown.map((m) => m.date).sort();
  const from = options.from ?? dates[0] ?? options.asOf ?? '2000-01-01';
  const to = options.to ?? dates.at(-1) ?? from;
  const rows = shown.map((m) => ({
    ...m,
    lane: laneOf(m, options.dyad),
    quad: QUAD_NAMES[m.quadClass],
    weight: Math.abs(m.goldstein),
  }));
  const dots = (status: 'confirmed' | 'proposed') =>
    Plot.dot(
      rows.filter((r) => (r.status ?? 'confirmed') === status),
      Plot.dodgeY('middle', {
        x: (d: (typeof rows)[number]) => day(d.date),
        fy: 'lane',
        r: 'weight',
        symbol: 'verification',
        ...(status === 'confirmed' ? { fill: 'quad', stroke: 'white' } : { stroke: 'quad', fill: 'white' }),
        strokeWidth: status === 'confirmed' ? 0.7 : 1.5,
        title: moveTitle,
        padding: 1,
      }),
    );
  const asOf = options.asOf ? [options.asOf] : [];
  const width = options.width ?? DEFAULT_WIDTH;
  return Plot.plot({
    document: options.document,
    width,
    height: 50 + LANE_HEIGHT * Math.max(1, lanes.length),
    marginLeft: 20,
    marginRight: 80,
    marginTop: 30,
    x: { type: 'utc', domain: [day(from), dayAfter(to)], label: null },
    fy: { domain: lanes, label: null, axis: 'right' },
    r: { domain: [0, 10], range: [2, 8] },
    color: { legend: true, domain: Object.values(QUAD_NAMES), range: QUAD_COLOURS },
    symbol: { legend: true, domain: Object.keys(VERIFICATION_SYMBOLS), range: Object.values(VERIFICATION_SYMBOLS) },
    marks: [
      ...spanMarks(options.spans ?? [], lanes[0]),
      Plot.frame({ stroke: PALETTE.lightGrey }),
      ...markerMarks(options.markers ?? [], lanes[0], (width - 100) / Math.max(1, daysBetween(from, to) + 1)),
      ...stepMarks(
        (options.markers ?? []).filter((m) => m.kind === 'step'),
        lanes[0],
      ),
      dots('confirmed'),
      dots('proposed'),
      Plot.ruleX(asOf, { x: (d: string) => day(d), stroke: 'black', strokeDasharray: '4 3' }),
    ],
  });
}
