import type { IndicatorSummary, MeasurementView } from '../analysis/indicator-summary.js';
import { formatAmount } from '../model/indicator.js';
import type { BriefStyle } from './brief-style.js';

function limitCell(i: IndicatorSummary): string {
  if (!i.limit) return 'none';
  return i.limit.from ? `${i.limit.words} from ${i.limit.from}` : i.limit.words;
}

function latestCell(m: MeasurementView | null): string {
  if (!m) return 'no figure yet';
  const standing = m.withinLimit === true ? 'within' : m.withinLimit === false ? 'BEYOND the limit' : '';
  return `${m.words} on ${m.date}${m.verification === 'verified' ? '' : ` (${m.verification})`}${standing ? `, ${standing}` : ''}`;
}

function trendCell(i: IndicatorSummary): string {
  const t = i.trend;
  if (!t) return '–';
  const unit = i.unit === 'yes/no' ? '' : ` ${i.unit}`;
  if (t.direction === 'unchanged') return `unchanged since ${t.from.date}`;
  const change = formatAmount(Math.abs(Math.round((t.to.value - t.from.value) * 1000) / 1000));
  return `${t.direction === 'up' ? '+' : '−'}${change}${unit} since ${t.from.date} (${formatAmount(t.from.value)})`;
}

/**
 * The indicators section of a brief: one row per indicator with its latest figure as known on
 * the date, its limit and its trend, then the report each latest figure comes from. A case that
 * follows no indicator has no section.
 */
export function indicatorsBlock(indicators: readonly IndicatorSummary[] | undefined, s: BriefStyle): string[] {
  if (!indicators?.length) return [];
  const rows = indicators.map((i) => [i.name, latestCell(i.latest), limitCell(i), trendCell(i)]);
  const out = [s.heading('Indicators'), ...s.table(['Indicator', 'Latest figure', 'Limit', 'Trend'], rows), ''];
  for (const i of indicators)
    if (i.latest) out.push(s.item(s.dim(`${i.name}: ${i.latest.words}, ${i.latest.reportWords} (${i.latest.by})`)));
  return out;
}
