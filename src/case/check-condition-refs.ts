import type { Agreement } from '../model/agreement.js';
import {
  type Condition,
  type EventFilter,
  type IndicatorRequirement,
  type Requirement,
  visitRequirement,
} from '../model/condition.js';
import { describeNearest, eventCodes } from '../cameo/event-codes.js';
import { nearestIds, type KnownIds } from './known-ids.js';
import type { IndicatorKind } from '../model/indicator.js';

export interface ConditionRefs {
  actors: KnownIds;
  facilities: KnownIds;
  agreementById: ReadonlyMap<string, Agreement>;
  /** The agreements file could not be read: references to agreements are not checked. */
  agreementsGap: boolean;
  /** Indicator ids, and the kind of each one defined, for the indicator leaves. */
  indicators?: KnownIds;
  indicatorKinds?: ReadonlyMap<string, IndicatorKind>;
}

type Path = (string | number)[];

/** Checks every id and code a condition names, reporting the path inside the condition. */
export function checkConditionRefs(
  c: Pick<Condition, 'gates' | 'requires'>,
  report: (path: Path, message: string) => void,
  refs: ConditionRefs,
): void {
  const checkCodes = (codes: string[] | undefined, path: Path) =>
    codes?.forEach((code, i) => {
      if (![...eventCodes().keys()].some((k) => k.startsWith(code))) {
        report([...path, i], `no CAMEO event code starts with "${code}"; nearest known: ${describeNearest(code)}`);
      }
    });
  const checkActor = (f: { actor?: string } | undefined, path: Path) => {
    if (f?.actor && refs.actors.lacks(f.actor))
      report([...path, 'actor'], `unknown actor "${f.actor}"${refs.actors.nearest(f.actor)}`);
  };
  const checkFacilityFilter = (f: { ids?: string[] } | undefined, path: Path) =>
    f?.ids?.forEach((id, i) => {
      if (refs.facilities.lacks(id))
        report([...path, 'ids', i], `unknown facility "${id}"${refs.facilities.nearest(id)}`);
    });
  const checkProvision = (r: { agreement: string; provision: string }, path: Path) => {
    const ag = refs.agreementById.get(r.agreement);
    if (!ag) {
      if (!refs.agreementsGap)
        report(
          [...path, 'agreement'],
          `unknown agreement "${r.agreement}"${nearestIds(r.agreement, refs.agreementById.keys())}`,
        );
    } else if (!ag.provisions.some((p) => p.id === r.provision)) {
      report(
        [...path, 'provision'],
        `agreement "${ag.id}" has no provision "${r.provision}"${nearestIds(
          r.provision,
          ag.provisions.map((p) => p.id),
        )}`,
      );
    }
  };
  c.gates.forEach((g, i) => {
    checkCodes(g.codes, ['gates', i, 'codes']);
    checkActor(g.source, ['gates', i, 'source']);
    checkActor(g.target, ['gates', i, 'target']);
  });
  const checkEvents = (f: EventFilter, path: Path) => {
    checkCodes(f.codes, [...path, 'codes']);
    checkActor(f.source, [...path, 'source']);
    checkActor(f.target, [...path, 'target']);
    checkFacilityFilter(f.facilities, [...path, 'facilities']);
  };
  const walk = (r: Requirement, path: Path): void =>
    visitRequirement(r, {
      all: (x) => {
        for (const [i, p] of x.all.entries()) walk(p, [...path, 'all', i]);
      },
      any: (x) => {
        for (const [i, p] of x.any.entries()) walk(p, [...path, 'any', i]);
      },
      not: (x) => walk(x.not, [...path, 'not']),
      event: (x) => checkEvents(x.event, [...path, 'event']),
      noEvent: (x) => checkEvents(x.noEvent, [...path, 'noEvent']),
      facilities: (x) => {
        checkFacilityFilter(x.facilities.where, [...path, 'facilities', 'where']);
        checkEvents(x.facilities.coveredBy, [...path, 'facilities', 'coveredBy']);
      },
      provision: (x) => checkProvision(x.provision, [...path, 'provision']),
      observed: (x) => checkFacilityFilter(x.observed.facilities, [...path, 'observed', 'facilities']),
      notObserved: (x) => checkFacilityFilter(x.notObserved.facilities, [...path, 'notObserved', 'facilities']),
      indicator: (x) => checkIndicatorLeaf(x.indicator, [...path, 'indicator'], refs, report),
    });
  walk(c.requires, ['requires']);
}

/** An indicator leaf names a defined indicator and tests it with a value of its kind. */
function checkIndicatorLeaf(
  x: IndicatorRequirement,
  path: Path,
  refs: ConditionRefs,
  report: (path: Path, message: string) => void,
): void {
  if (refs.indicators?.lacks(x.id)) {
    report(
      [...path, 'id'],
      `unknown indicator "${x.id}"; indicators are defined in indicators.yaml${refs.indicators.nearest(x.id)}`,
    );
    return;
  }
  const kind = refs.indicatorKinds?.get(x.id);
  if (kind === 'boolean' && (typeof x.value !== 'boolean' || x.test !== 'equals'))
    report([...path, x.test], `indicator "${x.id}" is yes/no: test it with equals: true or equals: false`);
  if (kind === 'quantity' && typeof x.value !== 'number')
    report([...path, x.test], `indicator "${x.id}" is a quantity: test it against a number`);
}
