import type { IndicatorRequirement, Verdict } from '../../model/condition.js';
import {
  describeFigure,
  describeReport,
  describeTest,
  figureMeets,
  type Indicator,
  type LimitTest,
  type Measurement,
  measurementRank,
} from '../../model/indicator.js';
import { addDays } from '../../model/iso-date.js';
import type { Evidence, PartResult } from './condition-result.js';

/** A measurement with its place in its indicator's list, for evidence ids. */
export interface IndexedMeasurement {
  measurement: Measurement;
  index: number;
}

/**
 * The measurement an indicator leaf reads on a date: the latest one referring to that date or
 * before, at the verification asked for or stronger, that gives a figure. Measurements are kept
 * oldest first, so the scan runs from the end and stops at the first that counts.
 */
export function latestMeasurement(
  indicator: Indicator,
  asOf: string,
  verification: IndicatorRequirement['verification'],
): IndexedMeasurement | undefined {
  const minRank = verification ? measurementRank(verification) : 0;
  const list = indicator.measurements;
  for (let index = list.length - 1; index >= 0; index--) {
    const m = list[index]!;
    if (m.date > asOf || m.figure.is === 'none' || measurementRank(m.verification) < minRank) continue;
    return { measurement: m, index };
  }
  return undefined;
}

/** For `ever`: the first measurement up to the date, at the verification asked for, that passed the test. */
function firstPassing(indicator: Indicator, asOf: string, req: IndicatorRequirement): IndexedMeasurement | undefined {
  const minRank = req.verification ? measurementRank(req.verification) : 0;
  const index = indicator.measurements.findIndex(
    (m) =>
      m.date <= asOf &&
      measurementRank(m.verification) >= minRank &&
      figureMeets(m.figure, req.test, req.value) === true,
  );
  return index < 0 ? undefined : { measurement: indicator.measurements[index]!, index };
}

/** How a figure stands against the value tested, in words: `above the limit of 202.8 kg U`. */
function relationWords(test: LimitTest, meets: boolean | undefined, value: string): string {
  if (test === 'atMost')
    return meets === true
      ? `at or below the limit of ${value}`
      : meets === false
        ? `above the limit of ${value}`
        : `not known to be at or below the limit of ${value}`;
  if (test === 'atLeast')
    return meets === true
      ? `at or above the floor of ${value}`
      : meets === false
        ? `below the floor of ${value}`
        : `not known to be at or above the floor of ${value}`;
  return meets === true
    ? `${value} as required`
    : meets === false
      ? `not ${value} as required`
      : `not known to be ${value}`;
}

function requirementWords(req: IndicatorRequirement, name: string, unit: string): string {
  const bits = [`${name} ${describeTest(req.test, req.value, unit)}`];
  if (req.verification && req.verification !== 'claimed') bits.push(`(${req.verification} or better)`);
  if (req.window) bits.push(`measured in the last ${req.window.days} days`);
  if (req.ever) bits.push('at some point');
  return bits.join(' ');
}

function valueWords(value: number | boolean, unit: string): string {
  return describeTest('equals', value, unit).replace(/^equal to /, '');
}

/**
 * The indicator leaf as of a date. No measurement that counts (none yet, or the latest older than
 * the window) is `unknown`: absence of a report is no proof of compliance. A figure that does not
 * decide the test (a range across the limit) is `unknown` too.
 */
export function evaluateIndicator(
  req: IndicatorRequirement,
  label: string | undefined,
  asOf: string,
  indicators: ReadonlyMap<string, Indicator>,
): PartResult {
  const indicator = indicators.get(req.id);
  const name = indicator?.name ?? req.id;
  const unit = indicator?.unit ?? '';
  const part: PartResult = {
    kind: 'indicator',
    label: label ?? requirementWords(req, name, unit),
    verdict: 'unknown',
    evidence: [],
  };
  if (!indicator) return { ...part, missing: `no indicator "${req.id}" in the case` };
  const found = req.ever
    ? (firstPassing(indicator, asOf, req) ?? latestMeasurement(indicator, asOf, req.verification))
    : latestMeasurement(indicator, asOf, req.verification);
  const level = req.verification && req.verification !== 'claimed' ? `${req.verification} ` : '';
  if (!found) return { ...part, missing: `no ${level}measurement of ${name} yet` };
  const m = found.measurement;
  const figure = describeFigure(m.figure, unit);
  const at = `${figure} on ${m.date} (${describeReport(m)})`;
  if (req.window && !req.ever && m.date < addDays(asOf, -(req.window.days - 1)))
    return {
      ...part,
      missing: `the latest ${level}measurement of ${name}, ${at}, is older than ${req.window.days} days`,
    };
  const meets = figureMeets(m.figure, req.test, req.value);
  const verdict: Verdict = meets === true ? 'met' : meets === false ? 'unmet' : 'unknown';
  const relation = relationWords(req.test, meets, valueWords(req.value, unit));
  const evidence: Evidence = {
    kind: 'measurement',
    date: m.date,
    id: `${indicator.id}/${found.index}`,
    summary: `${name}: ${at}, ${relation}`,
    verification: m.verification,
    sources: m.sources,
  };
  const out: PartResult = { ...part, verdict, evidence: [evidence] };
  if (verdict !== 'met') out.missing = `${name} was ${at}, ${relation}`;
  return out;
}
