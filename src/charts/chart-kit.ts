import type * as Plot from '@observablehq/plot';

/**
 * The DOM document Plot draws into: the browser's `document`, or one made in Node by
 * `nodeChartDocument()` (src/charts/node-document.ts). The project compiles without the DOM
 * library, so the type is Plot's own and stays loose here; in the browser it is `Document`.
 */
export type ChartDocument = NonNullable<Plot.PlotOptions['document']>;

/** What a chart function returns: Plot's `<svg>`, or a `<figure>` holding the SVG and its legends. */
export type ChartElement = ReturnType<typeof Plot.plot>;

/** Options every chart takes. */
export interface ChartOptions {
  document: ChartDocument;
  /** Width in CSS pixels; default 720 (fits an A4 page at print margins). */
  width?: number;
}

export const DEFAULT_WIDTH = 720;

/** An ISO day (`2018-10-07`) as the UTC midnight Plot's time scales expect. */
export function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** The UTC midnight after an ISO day: the right edge of a span whose last day is `iso`. */
export function dayAfter(iso: string): Date {
  return new Date(day(iso).getTime() + 86_400_000);
}

/** Plot's default font is 10px system-ui; about 6px a character is enough to decide whether a label fits. */
export function labelFits(text: string, pixels: number): boolean {
  return text.length * 6 + 6 <= pixels;
}

/** Days between two ISO days. */
export function daysBetween(from: string, to: string): number {
  return Math.round((day(to).getTime() - day(from).getTime()) / 86_400_000);
}

/**
 * Okabe–Ito colours, readable by people with the common colour-vision deficiencies. Colour never
 * carries meaning alone in these charts: every colour has a word, a symbol or a position beside it.
 */
export const PALETTE = {
  sky: '#56B4E9',
  blue: '#0072B2',
  orange: '#E69F00',
  vermillion: '#D55E00',
  green: '#009E73',
  yellow: '#F0E442',
  purple: '#CC79A7',
  grey: '#999999',
  lightGrey: '#DDDDDD',
} as const;

/** Symbols for how a fact was verified, shared by the timeline of moves and the facilities map. */
export const VERIFICATION_SYMBOLS = {
  verified: 'circle',
  observed: 'square',
  claimed: 'triangle',
} as const;

/** Cut a label to `max` characters with an ellipsis. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** The earliest and latest of some ISO days (compared as strings, which orders ISO days); undefined when empty. */
export function dateRange(dates: Iterable<string>): [string, string] | undefined {
  const sorted = [...dates].sort();
  return sorted.length ? [sorted[0]!, sorted.at(-1)!] : undefined;
}
