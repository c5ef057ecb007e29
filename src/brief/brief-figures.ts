import {
  type ChartDocument,
  type ChartElement,
  commitmentsGridChart,
  cumulativeNetChart,
  facilitiesMapChart,
  type GridAgreement,
  indicatorChart,
  type MapFacility,
  movesTimelineChart,
  type TimelineMarker,
  type TimelineMove,
  type VerdictStripInput,
  verdictStripChart,
  weeklyReciprocityChart,
  type WorldTopology,
} from '../charts/index.js';
import type { Brief } from './brief.js';

/**
 * What the brief's charts draw beyond the brief itself: the series over time up to its date, read
 * with the same knowledge (as known on the date, or in hindsight) by `collectBriefFigureData`.
 */
export interface BriefFigureData {
  /** Each condition's verdict from the case's start to the brief's date. */
  timelines: VerdictStripInput[];
  /** The dyad's confirmed moves in the reciprocity window, as known. */
  moves: TimelineMove[];
  /** Agreements signed in the window, marked on the timeline. */
  markers: TimelineMarker[];
  /** Agreements signed by the date, with the statuses known. */
  agreements: GridAgreement[];
  /** Where each key site listed in the brief is; null for a place not made public. */
  coordinates: Record<string, [number, number] | null>;
}

/** The brief's section a figure belongs in, after that section's text. */
export type FigureSection = 'headline' | 'reciprocity' | 'commitments' | 'facilities' | 'indicators';

export interface BriefFigure {
  id: string;
  section: FigureSection;
  title: string;
  /** What the figure counts and leaves out, in words. */
  caption: string;
  /** The chart: an `<svg>`, or a `<figure>` with its legends, as markup. */
  html: string;
  /** Its drawn width in CSS pixels (images in Word are sized from it). */
  width: number;
}

export interface DrawOptions {
  document: ChartDocument;
  world: WorldTopology;
  width?: number;
}

function markup(el: ChartElement): string {
  return el.outerHTML as string;
}

function mapFacilities(brief: Brief, data: BriefFigureData): { placed: MapFacility[]; unplaced: string[] } {
  const placed: MapFacility[] = [];
  const unplaced: string[] = [];
  for (const f of brief.facilities.key) {
    const coordinates = data.coordinates[f.id] ?? null;
    if (!coordinates) unplaced.push(f.name);
    placed.push({
      id: f.id,
      name: f.name,
      key: f.key,
      status: f.status,
      verification: f.lastObservation?.verification ?? null,
      coordinates,
    });
  }
  return { placed, unplaced };
}

/** The headline condition's strip on top, where the brief's question is; the others in the case's order. */
function headlineFirst(brief: Brief, timelines: readonly VerdictStripInput[]): VerdictStripInput[] {
  const id = brief.headline?.conditionId;
  return [...timelines.filter((t) => t.conditionId === id), ...timelines.filter((t) => t.conditionId !== id)];
}

function conditionFigures(brief: Brief, data: BriefFigureData, o: DrawOptions & { width: number }): BriefFigure[] {
  if (!data.timelines.length) return [];
  const span = `${data.timelines[0]!.from} to ${brief.asOf}`;
  const gated = data.timelines.reduce((n, t) => n + t.intervals.reduce((k, i) => k + i.gatedMoves.length, 0), 0);
  return [
    {
      id: 'conditions',
      section: 'headline',
      title: `Conditions over time, ${span}`,
      caption: `Each condition's verdict day by day, each day read as known on that day${brief.asKnownOn === brief.asOf ? '' : ' (here with the later knowledge the brief uses)'}; the dates under a strip are the days it changed (some are left out where they would overlap). ✕: the ${gated} gated ${gated === 1 ? 'move' : 'moves'} made while a condition was stated and not met.`,
      html: markup(
        verdictStripChart(headlineFirst(brief, data.timelines), {
          document: o.document,
          width: o.width,
          asOf: brief.asOf,
        }),
      ),
      width: o.width,
    },
  ];
}

function reciprocityFigures(brief: Brief, data: BriefFigureData, o: DrawOptions & { width: number }): BriefFigure[] {
  const r = brief.reciprocity;
  const w = brief.reciprocityWindow;
  const dyad: [string, string] = [r.dyad.a.join('+'), r.dyad.b.join('+')];
  return [
    {
      id: 'moves',
      section: 'reciprocity',
      title: `Moves between ${dyad[0]} and ${dyad[1]}, ${w.from} to ${w.to}`,
      caption: `The ${data.moves.length} confirmed moves of the case's own ledger between the two sides in the window (imported rows are not drawn). Colour: quad class; size: the Goldstein weight's magnitude; shape: verification. Dashed lines: agreements signed.`,
      html: markup(
        movesTimelineChart(data.moves, {
          document: o.document,
          width: o.width,
          dyad,
          from: w.from,
          to: w.to,
          markers: data.markers,
        }),
      ),
      width: o.width,
    },
    {
      id: 'weekly',
      section: 'reciprocity',
      title: 'Weekly cooperation and conflict, each direction',
      caption: `Σ positive Goldstein weights (above zero) and Σ negative weights (below zero) of each ISO week, the same moves and rows as the table above (${w.counted.replace(/\.$/, '')}).`,
      html: markup(weeklyReciprocityChart(r, { document: o.document, width: o.width })),
      width: o.width,
    },
    {
      id: 'cumulative',
      section: 'reciprocity',
      title: 'Cumulative net Goldstein, each direction',
      caption: 'The running sum of each direction’s weekly net Goldstein since the window opened.',
      html: markup(cumulativeNetChart(r, { document: o.document, width: o.width })),
      width: o.width,
    },
  ];
}

/** The knowledge a brief's figures were read with, in words for a caption. */
function knowledgeWords(brief: Brief): string {
  if (brief.asKnownOn === null) return 'every figure on record that refers to the date or before (hindsight)';
  if (brief.asKnownOn === brief.asOf) return `the figures reported by ${brief.asOf}`;
  return `the figures that refer to ${brief.asOf} or before and were reported by ${brief.asKnownOn}`;
}

/**
 * One chart per indicator, on one time axis for all (from the earliest figure or limit to the
 * brief's date) so that they line up on the page; the figures are those the brief's table reads.
 */
function indicatorFigures(brief: Brief, o: DrawOptions & { width: number }): BriefFigure[] {
  const indicators = brief.indicators ?? [];
  const dates = indicators.flatMap((i) => [
    ...i.measurements.map((m) => m.date),
    ...(i.limit?.from ? [i.limit.from] : []),
  ]);
  const from = [...dates, brief.asOf].sort()[0]!;
  return indicators.map((i) => {
    const n = i.measurements.length;
    const limit = i.limit
      ? ` Dashed red line: the limit, ${i.limit.words}${i.limit.from ? ` from ${i.limit.from}` : ''}.`
      : ' No limit applies.';
    return {
      id: `indicator-${i.id}`,
      section: 'indicators' as const,
      title: `${i.name}${i.unit === 'yes/no' ? '' : ` (${i.unit})`}, to ${brief.asOf}`,
      caption: `${n === 0 ? 'No figure' : `${n} ${n === 1 ? 'figure' : 'figures'}`}: ${knowledgeWords(brief)}. Shape: how each was known (filled when verified by the inspecting body); colour: within or beyond the limit in force on its date; bars are ranges; an arrow from a dot is a one-sided figure ("at most", "above"); × a report whose figure was not found.${limit}`,
      html: markup(indicatorChart(i, { document: o.document, width: o.width, asOf: brief.asOf, from })),
      width: o.width,
    };
  });
}

/**
 * The brief's charts, drawn by the same functions as the dashboard's, each with the section it
 * belongs in and a caption saying what it counts.
 */
export function drawBriefFigures(brief: Brief, data: BriefFigureData, options: DrawOptions): BriefFigure[] {
  const o = { ...options, width: options.width ?? 720 };
  const out = [...conditionFigures(brief, data, o), ...reciprocityFigures(brief, data, o)];
  if (data.agreements.length) {
    out.push({
      id: 'commitments',
      section: 'commitments',
      title: `Commitments over time (Peace Accords Matrix level), to ${brief.asOf}`,
      caption:
        'Each provision of the agreements signed by the date, from its signing: the level recorded on each day (0 not started to 3 full), as known on the brief’s knowledge date; “–” where no status was yet recorded.',
      html: markup(commitmentsGridChart(data.agreements, { document: o.document, width: o.width, to: brief.asOf })),
      width: o.width,
    });
  }
  out.push(...indicatorFigures(brief, o));
  const { placed, unplaced } = mapFacilities(brief, data);
  if (placed.length - unplaced.length > 0) {
    const left = unplaced.length ? ` Not on the map, their place not being public: ${unplaced.join('; ')}.` : '';
    out.push({
      id: 'facilities',
      section: 'facilities',
      title: `Key sites on ${brief.asOf}`,
      caption: `The ${placed.length - unplaced.length} key sites listed above with a known place; sites at one place are drawn around it. Colour: status on the date; shape: how the last observation was verified.${left}`,
      html: markup(facilitiesMapChart(placed, { document: o.document, width: o.width, world: o.world })),
      width: o.width,
    });
  }
  return out;
}
