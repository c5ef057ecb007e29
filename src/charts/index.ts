/**
 * Charts of a case, drawn with Observable Plot by the same functions in the dashboard (with the
 * browser's document) and in the HTML, Word and PDF briefs (with `nodeChartDocument()`). Each
 * takes plain data, the shapes the HTTP API returns, and returns an SVG element or a figure.
 */
export type { ChartDocument, ChartElement, ChartOptions } from './chart-kit.js';
export { VERIFICATION_SYMBOLS } from './chart-kit.js';
export { type VerdictStripInput, type VerdictStripOptions, verdictStripChart } from './verdict-strip.js';
export {
  laneOf,
  type MovesTimelineOptions,
  movesTimelineChart,
  QUAD_NAMES,
  type TimelineMarker,
  type TimelineMove,
  type TimelineSpan,
} from './moves-timeline.js';
export { cumulativeNetChart, type ReciprocityChartInput, weeklyReciprocityChart } from './reciprocity-charts.js';
export {
  type CommitmentsGridOptions,
  commitmentsGridChart,
  type GridAgreement,
  LEVEL_WORDS,
} from './commitments-grid.js';
export {
  type FacilitiesMapOptions,
  facilitiesMapChart,
  type MapFacility,
  STATUS_COLOURS,
  type WorldTopology,
} from './facilities-map.js';
export {
  type IndicatorChartInput,
  type IndicatorChartOptions,
  type IndicatorVerification,
  indicatorChart,
  MEASUREMENT_SYMBOLS,
} from './indicator-chart.js';
