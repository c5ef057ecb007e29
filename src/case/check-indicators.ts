import type { z } from 'zod';
import type { Agreement } from '../model/agreement.js';
import type { indicatorSchema } from './case-schema.js';
import type { Entry } from './check-shapes.js';
import { type KnownIds, nearestIds } from './known-ids.js';

type Path = (string | number)[];
type IndicatorInput = z.infer<typeof indicatorSchema>;

export interface IndicatorRefs {
  facilities: KnownIds;
  agreementById: ReadonlyMap<string, Agreement>;
  agreementsGap: boolean;
}

/** The kind of value a test or figure must have for an indicator of this kind. */
function wrongKind(kind: IndicatorInput['kind'], value: unknown): string | undefined {
  if (kind === 'boolean' && typeof value !== 'boolean') return 'expected true or false: this indicator is yes/no';
  if (kind === 'quantity' && typeof value !== 'number') return 'expected a number: this indicator is a quantity';
  return undefined;
}

/**
 * What the shape check cannot see in indicators.yaml: the facility and provision named exist,
 * figures and limits fit the indicator's kind (a number for a quantity, true or false for a
 * yes/no), a range runs low to high, a figure is not reported before the date it describes, and
 * every figure rests on at least one source.
 */
export function checkIndicator(
  e: Entry<IndicatorInput>,
  refs: IndicatorRefs,
  report: (path: Path, message: string) => void,
): void {
  const v = e.value;
  if (v.facility && refs.facilities.lacks(v.facility))
    report(['facility'], `unknown facility "${v.facility}"${refs.facilities.nearest(v.facility)}`);
  if (v.limit) {
    const test = v.limit.atMost !== undefined ? 'atMost' : v.limit.atLeast !== undefined ? 'atLeast' : 'equals';
    const wrong = wrongKind(v.kind, v.limit[test]);
    if (wrong) report(['limit', test], wrong);
    else if (v.kind === 'boolean' && test !== 'equals') report(['limit', test], 'a yes/no indicator takes equals');
    if (v.limit.provision) checkProvisionRef(v.limit.provision, refs, (m) => report(['limit', 'provision'], m));
  }
  v.measurements.forEach((m, i) => {
    const at = (field: string | number, ...more: Path): Path => ['measurements', i, field, ...more];
    if (m.reported < m.refersTo)
      report(at('reported'), `reported ${m.reported} is before the date it refers to (${m.refersTo})`);
    if (m.range && m.range[0] > m.range[1]) report(at('range'), `range runs from ${m.range[0]} down to ${m.range[1]}`);
    if (m.value !== undefined && m.value !== null) {
      const wrong = wrongKind(v.kind, m.value);
      if (wrong) report(at('value'), wrong);
    } else if (v.kind === 'boolean' && m.value === undefined) {
      report(['measurements', i], 'a yes/no indicator takes value: true or false (or null when not found)');
    }
    if (m.value !== null && m.sources.length === 0)
      report(
        at('sources'),
        'every figure needs at least one source (value: null for a report whose figure was not found)',
      );
  });
}

function checkProvisionRef(ref: string, refs: IndicatorRefs, report: (message: string) => void): void {
  const [agreementId, provisionId] = ref.split('/') as [string, string];
  const ag = refs.agreementById.get(agreementId);
  if (!ag) {
    if (!refs.agreementsGap)
      report(`unknown agreement "${agreementId}"${nearestIds(agreementId, refs.agreementById.keys())}`);
  } else if (!ag.provisions.some((p) => p.id === provisionId)) {
    report(
      `agreement "${ag.id}" has no provision "${provisionId}"${nearestIds(
        provisionId,
        ag.provisions.map((p) => p.id),
      )}`,
    );
  }
}
