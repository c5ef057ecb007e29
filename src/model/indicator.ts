import type { Source } from './event.js';
import type { IsoDate } from './iso-date.js';

/*
 * Indicators: measured quantities a case follows (a stockpile in kg, an enrichment level in %, a
 * count of machines at a site, whether some activity takes place), each with dated measurements
 * from dated reports. A measurement refers to one date and became known on another (the day its
 * report was issued): a brief as known on a day uses only what was reported by then.
 */

/** A quantity with a unit, or a yes/no fact (`whether enrichment takes place at a site`). */
export const INDICATOR_KINDS = ['quantity', 'boolean'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/**
 * How a figure is known: verified by the inspecting body, estimated by a named analyst (or worked
 * out from others' figures), or claimed by a party. Ordered from strongest to weakest.
 */
export const MEASUREMENT_VERIFICATIONS = ['verified', 'estimated', 'claimed'] as const;
export type MeasurementVerification = (typeof MEASUREMENT_VERIFICATIONS)[number];

export function measurementRank(v: MeasurementVerification): number {
  return v === 'verified' ? 3 : v === 'estimated' ? 2 : 1;
}

/** The tests a limit or a condition applies to a figure. */
export const LIMIT_TESTS = ['atMost', 'atLeast', 'equals'] as const;
export type LimitTest = (typeof LIMIT_TESTS)[number];

/**
 * What a measurement says of the quantity: an exact value (a number, or yes/no), a range known to
 * hold it, a one-sided bound (strictly above or below a number, or at most / at least one), or
 * nothing (a report known to exist whose figure was not found; shown, never used by a condition).
 */
export type Figure =
  | { is: 'value'; value: number }
  | { is: 'flag'; value: boolean }
  | { is: 'range'; low: number; high: number }
  | { is: 'above' | 'below' | 'atMost' | 'atLeast'; bound: number }
  | { is: 'none' };

export interface Measurement {
  /** The date the figure describes (the report's "as of" date, or the day it was verified). */
  date: IsoDate;
  /** The date the figure was made known (the report's issue date): its known date. */
  known: IsoDate;
  figure: Figure;
  verification: MeasurementVerification;
  /** Who measured or stated it (`the inspecting body`, a named analyst, a party). */
  by: string;
  /** The report's number or symbol, when it has one. */
  report?: string;
  /** The paragraph (or footnote) of the report that gives the figure. */
  paragraph?: string;
  /** True when a copy of the report was read; false when the figure comes from a source quoting it. */
  reportSeen?: boolean;
  sources: Source[];
  note?: string;
}

/** The limit an agreement sets on an indicator, drawn as a line in briefs and charts. */
export interface IndicatorLimit {
  test: LimitTest;
  value: number | boolean;
  /** The provision that sets it, as `agreement/provision`. */
  provision?: string;
  /** The day the limit starts to apply. */
  from?: IsoDate;
}

export interface Indicator {
  id: string;
  caseId: string;
  name: string;
  /** `kg U`, `%`, `machines`, `t`, `yes/no`. */
  unit: string;
  kind: IndicatorKind;
  /** The facility the quantity belongs to, when it belongs to one. */
  facility?: string;
  limit?: IndicatorLimit;
  /** Oldest first (by the date each refers to, then by the date it was reported). */
  measurements: Measurement[];
  note?: string;
}

/** Oldest first by the date referred to, then by the date reported: the order `latest` relies on. */
export function compareMeasurements(a: Measurement, b: Measurement): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.known < b.known ? -1 : a.known > b.known ? 1 : 0;
}

/** Whether a figure meets a test against a value: true, false, or undefined when the figure does not decide. */
export function figureMeets(figure: Figure, test: LimitTest, value: number | boolean): boolean | undefined {
  if (figure.is === 'none') return undefined;
  if (typeof value === 'boolean' || figure.is === 'flag') {
    if (figure.is !== 'flag' || typeof value !== 'boolean' || test !== 'equals') return undefined;
    return figure.value === value;
  }
  const { low, high, lowOpen, highOpen } = interval(figure);
  // Every number the figure allows is at most `value` when its upper end is; an open end only helps.
  if (test === 'atMost') return high <= value ? true : low > value || (low === value && lowOpen) ? false : undefined;
  if (test === 'atLeast') return low >= value ? true : high < value || (high === value && highOpen) ? false : undefined;
  if (value < low || (value === low && lowOpen) || value > high || (value === high && highOpen)) return false;
  return low === high ? true : undefined;
}

/** The numbers a numeric figure allows, as an interval whose ends may be open. */
function interval(f: Exclude<Figure, { is: 'none' } | { is: 'flag' }>): {
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
} {
  switch (f.is) {
    case 'value':
      return { low: f.value, high: f.value, lowOpen: false, highOpen: false };
    case 'range':
      return { low: f.low, high: f.high, lowOpen: false, highOpen: false };
    case 'above':
      return { low: f.bound, high: Number.POSITIVE_INFINITY, lowOpen: true, highOpen: true };
    case 'atLeast':
      return { low: f.bound, high: Number.POSITIVE_INFINITY, lowOpen: false, highOpen: true };
    case 'below':
      return { low: Number.NEGATIVE_INFINITY, high: f.bound, lowOpen: true, highOpen: true };
    case 'atMost':
      return { low: Number.NEGATIVE_INFINITY, high: f.bound, lowOpen: true, highOpen: false };
  }
}

/** A number as written in a case: no more digits than given (202.8, 5,060). */
export function formatAmount(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** A figure in words with its unit: `241.6 kg U`, `above 202.8 kg U`, `195–202.8 kg U`, `yes`. */
export function describeFigure(f: Figure, unit: string): string {
  const u = unit && unit !== 'yes/no' ? ` ${unit}` : '';
  switch (f.is) {
    case 'value':
      return `${formatAmount(f.value)}${u}`;
    case 'flag':
      return f.value ? 'yes' : 'no';
    case 'range':
      return `${formatAmount(f.low)}–${formatAmount(f.high)}${u}`;
    case 'above':
      return `above ${formatAmount(f.bound)}${u}`;
    case 'below':
      return `below ${formatAmount(f.bound)}${u}`;
    case 'atMost':
      return `at most ${formatAmount(f.bound)}${u}`;
    case 'atLeast':
      return `at least ${formatAmount(f.bound)}${u}`;
    case 'none':
      return 'figure not found';
  }
}

/** A test against a value in words: `at most 202.8 kg U`, `equal to no`. */
export function describeTest(test: LimitTest, value: number | boolean, unit: string): string {
  const v = typeof value === 'boolean' ? (value ? 'yes' : 'no') : `${formatAmount(value)}${unit ? ` ${unit}` : ''}`;
  return test === 'atMost' ? `at most ${v}` : test === 'atLeast' ? `at least ${v}` : `equal to ${v}`;
}

/** Where a measurement was reported: `GOV/2019/21 para. 14, reported 2019-05-31`. */
export function describeReport(m: Measurement): string {
  const bits: string[] = [];
  // A bare number is a paragraph; anything else (`footnote 27`) says what it is.
  const where = m.paragraph === undefined ? '' : /^\d/.test(m.paragraph) ? ` para. ${m.paragraph}` : ` ${m.paragraph}`;
  if (m.report) bits.push(`${m.report}${where}`);
  else bits.push(m.sources[0]?.publisher ?? m.by);
  bits.push(`reported ${m.known}`);
  return bits.join(', ');
}

/**
 * Indicators as known on a date: only the measurements reported by then (null: every one on
 * record, for hindsight). An indicator whose figures all came later stays, with none.
 */
export function indicatorsAsKnown(indicators: readonly Indicator[], knownBy: IsoDate | null): Indicator[] {
  if (knownBy === null) return [...indicators];
  return indicators.map((i) => ({ ...i, measurements: i.measurements.filter((m) => m.known <= knownBy) }));
}
