import type { z } from 'zod';
import { compareMeasurements, type Figure, type Indicator, type Measurement } from '../model/indicator.js';
import type { indicatorSchema, measurementSchema } from './case-schema.js';
import { stripUndefined } from './fact-fields.js';

/*
 * The convert step for indicators.yaml: checked entries to the model. The file names a figure by
 * its key (`value`, `range`, `above`, ...) and the dates `refersTo` and `reported`; the model
 * keeps the figure tagged and the reported date as the measurement's known date.
 */

type MeasurementInput = z.infer<typeof measurementSchema>;

export function toFigure(v: MeasurementInput): Figure {
  if (v.range) return { is: 'range', low: v.range[0], high: v.range[1] };
  for (const is of ['above', 'below', 'atMost', 'atLeast'] as const) {
    const bound = v[is];
    if (bound !== undefined) return { is, bound };
  }
  if (typeof v.value === 'boolean') return { is: 'flag', value: v.value };
  if (typeof v.value === 'number') return { is: 'value', value: v.value };
  return { is: 'none' };
}

export function toMeasurement(v: MeasurementInput): Measurement {
  return stripUndefined<Measurement>({
    date: v.refersTo,
    known: v.reported,
    figure: toFigure(v),
    verification: v.verification,
    by: v.by,
    report: v.report,
    paragraph: v.paragraph,
    reportSeen: v.reportSeen,
    sources: v.sources.map((s) =>
      stripUndefined({ publisher: s.publisher, date: s.date, link: s.link, quote: s.quote }),
    ),
    note: v.note,
  });
}

export function toIndicator(v: z.infer<typeof indicatorSchema>, caseId: string): Indicator {
  const limit = v.limit;
  let test: 'atMost' | 'atLeast' | 'equals' | undefined;
  if (limit) test = limit.atMost !== undefined ? 'atMost' : limit.atLeast !== undefined ? 'atLeast' : 'equals';
  return stripUndefined<Indicator>({
    id: v.id,
    caseId,
    name: v.name,
    unit: v.unit,
    kind: v.kind,
    facility: v.facility,
    limit:
      limit && test
        ? stripUndefined({ test, value: limit[test]!, provision: limit.provision, from: limit.from })
        : undefined,
    // Kept in time order whatever the file's order: the leaf reads the last one that counts.
    measurements: v.measurements.map(toMeasurement).sort(compareMeasurements),
    note: v.note,
  });
}

/** A figure as the files write it: its one key (`value`, `range`, `above`, ...). */
export function figureToFile(f: Figure): Record<string, unknown> {
  switch (f.is) {
    case 'value':
    case 'flag':
      return { value: f.value };
    case 'range':
      return { range: [f.low, f.high] };
    case 'none':
      return { value: null };
    default:
      return { [f.is]: f.bound };
  }
}

/** indicators.yaml's value for a case: the same vocabulary the loader reads. */
export function indicatorsToFile(indicators: readonly Indicator[]): Record<string, unknown>[] {
  return indicators.map((i) =>
    stripUndefined({
      id: i.id,
      name: i.name,
      unit: i.unit,
      kind: i.kind,
      facility: i.facility,
      limit: i.limit
        ? stripUndefined({ [i.limit.test]: i.limit.value, provision: i.limit.provision, from: i.limit.from })
        : undefined,
      measurements: i.measurements.map((m) =>
        stripUndefined({
          refersTo: m.date,
          reported: m.known,
          ...figureToFile(m.figure),
          verification: m.verification,
          by: m.by,
          report: m.report,
          paragraph: m.paragraph,
          reportSeen: m.reportSeen,
          sources: m.sources,
          note: m.note,
        }),
      ),
      note: i.note,
    }),
  );
}
