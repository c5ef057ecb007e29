import {
  describeFigure,
  describeReport,
  describeTest,
  type Figure,
  figureMeets,
  type Indicator,
  type IndicatorLimit,
  type Measurement,
} from '../model/indicator.js';
import type { IsoDate } from '../model/iso-date.js';

/** A measurement as briefs and the API show it: the record, its words, and where it stands against the limit. */
export interface MeasurementView extends Measurement {
  /** The figure in words with its unit (`241.6 kg U`, `above 202.8 kg U`). */
  words: string;
  /** Where it was reported (`GOV/2019/21 para. 14, reported 2019-05-31`). */
  reportWords: string;
  /** The figure against the limit in force on its date: true within, false beyond, null undecided or no limit. */
  withinLimit: boolean | null;
  /**
   * The figure as numbers a chart can draw: both ends for a value or a range, one end for a
   * bound (`above 202.8`: low 202.8), 1 or 0 for yes/no, nothing for a figure not found.
   */
  plot: { low: number | null; high: number | null };
}

export interface IndicatorTrend {
  from: { date: IsoDate; value: number };
  to: { date: IsoDate; value: number };
  direction: 'up' | 'down' | 'unchanged';
}

export interface IndicatorSummary {
  id: string;
  name: string;
  unit: string;
  kind: Indicator['kind'];
  facility?: string;
  limit?: IndicatorLimit & { words: string };
  /** The latest measurement with a figure, at any verification; null when there is none yet. */
  latest: MeasurementView | null;
  /** The last two exact figures, compared: the direction the quantity moved. */
  trend: IndicatorTrend | null;
  /** Every measurement referring to the date asked about or before, oldest first. */
  measurements: MeasurementView[];
  note?: string;
}

function plotOf(f: Figure): MeasurementView['plot'] {
  switch (f.is) {
    case 'value':
      return { low: f.value, high: f.value };
    case 'flag':
      return { low: f.value ? 1 : 0, high: f.value ? 1 : 0 };
    case 'range':
      return { low: f.low, high: f.high };
    case 'above':
    case 'atLeast':
      return { low: f.bound, high: null };
    case 'below':
    case 'atMost':
      return { low: null, high: f.bound };
    case 'none':
      return { low: null, high: null };
  }
}

function view(i: Indicator, m: Measurement): MeasurementView {
  const limit = i.limit && (i.limit.from === undefined || m.date >= i.limit.from) ? i.limit : undefined;
  return {
    ...m,
    words: describeFigure(m.figure, i.unit),
    reportWords: describeReport(m),
    withinLimit: limit ? (figureMeets(m.figure, limit.test, limit.value) ?? null) : null,
    plot: plotOf(m.figure),
  };
}

function trendOf(measurements: readonly Measurement[]): IndicatorTrend | null {
  const exact = measurements.filter(
    (m): m is Measurement & { figure: { is: 'value'; value: number } } => m.figure.is === 'value',
  );
  const [a, b] = exact.slice(-2);
  if (!a || !b) return null;
  const direction = b.figure.value > a.figure.value ? 'up' : b.figure.value < a.figure.value ? 'down' : 'unchanged';
  return { from: { date: a.date, value: a.figure.value }, to: { date: b.date, value: b.figure.value }, direction };
}

/**
 * The indicators of a case on a date: each with its limit, the measurements that refer to that
 * date or before and were reported by `knownBy` (null: everything on record), the latest figure
 * and the trend of its exact figures.
 */
export function summarizeIndicators(
  indicators: readonly Indicator[],
  asOf: IsoDate,
  knownBy: IsoDate | null,
): IndicatorSummary[] {
  return indicators.map((i) => {
    const seen = i.measurements.filter((m) => m.date <= asOf && (knownBy === null || m.known <= knownBy));
    const latest = seen.findLast((m) => m.figure.is !== 'none');
    const out: IndicatorSummary = {
      id: i.id,
      name: i.name,
      unit: i.unit,
      kind: i.kind,
      latest: latest ? view(i, latest) : null,
      trend: trendOf(seen),
      measurements: seen.map((m) => view(i, m)),
    };
    if (i.facility) out.facility = i.facility;
    if (i.limit) out.limit = { ...i.limit, words: describeTest(i.limit.test, i.limit.value, i.unit) };
    if (i.note) out.note = i.note;
    return out;
  });
}
