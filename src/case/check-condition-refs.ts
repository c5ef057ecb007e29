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
  report: Report,
  refs: ConditionRefs,
): void {
  const check = new RefChecker(refs, report);
  c.gates.forEach((g, i) => {
    check.codes(g.codes, ['gates', i, 'codes']);
    check.actor(g.source, ['gates', i, 'source']);
    check.actor(g.target, ['gates', i, 'target']);
  });
  check.requirement(c.requires, ['requires']);
}

type Report = (path: Path, message: string) => void;

/** The checks of one condition's references, one method per kind of reference. */
class RefChecker {
  constructor(
    private readonly refs: ConditionRefs,
    private readonly report: Report,
  ) {}

  codes(codes: string[] | undefined, path: Path): void {
    codes?.forEach((code, i) => {
      if (![...eventCodes().keys()].some((k) => k.startsWith(code))) {
        this.report([...path, i], `no CAMEO event code starts with "${code}"; nearest known: ${describeNearest(code)}`);
      }
    });
  }

  actor(f: { actor?: string } | undefined, path: Path): void {
    if (f?.actor && this.refs.actors.lacks(f.actor))
      this.report([...path, 'actor'], `unknown actor "${f.actor}"${this.refs.actors.nearest(f.actor)}`);
  }

  facilityFilter(f: { ids?: string[] } | undefined, path: Path): void {
    f?.ids?.forEach((id, i) => {
      if (this.refs.facilities.lacks(id))
        this.report([...path, 'ids', i], `unknown facility "${id}"${this.refs.facilities.nearest(id)}`);
    });
  }

  provision(r: { agreement: string; provision: string }, path: Path): void {
    const { refs } = this;
    const ag = refs.agreementById.get(r.agreement);
    if (!ag) {
      if (!refs.agreementsGap)
        this.report(
          [...path, 'agreement'],
          `unknown agreement "${r.agreement}"${nearestIds(r.agreement, refs.agreementById.keys())}`,
        );
    } else if (!ag.provisions.some((p) => p.id === r.provision)) {
      this.report(
        [...path, 'provision'],
        `agreement "${ag.id}" has no provision "${r.provision}"${nearestIds(
          r.provision,
          ag.provisions.map((p) => p.id),
        )}`,
      );
    }
  }

  events(f: EventFilter, path: Path): void {
    this.codes(f.codes, [...path, 'codes']);
    this.actor(f.source, [...path, 'source']);
    this.actor(f.target, [...path, 'target']);
    this.facilityFilter(f.facilities, [...path, 'facilities']);
  }

  requirement(r: Requirement, path: Path): void {
    visitRequirement(r, {
      all: (x) => {
        for (const [i, p] of x.all.entries()) this.requirement(p, [...path, 'all', i]);
      },
      any: (x) => {
        for (const [i, p] of x.any.entries()) this.requirement(p, [...path, 'any', i]);
      },
      not: (x) => this.requirement(x.not, [...path, 'not']),
      event: (x) => this.events(x.event, [...path, 'event']),
      noEvent: (x) => this.events(x.noEvent, [...path, 'noEvent']),
      facilities: (x) => {
        this.facilityFilter(x.facilities.where, [...path, 'facilities', 'where']);
        this.events(x.facilities.coveredBy, [...path, 'facilities', 'coveredBy']);
      },
      provision: (x) => this.provision(x.provision, [...path, 'provision']),
      observed: (x) => this.facilityFilter(x.observed.facilities, [...path, 'observed', 'facilities']),
      notObserved: (x) => this.facilityFilter(x.notObserved.facilities, [...path, 'notObserved', 'facilities']),
      indicator: (x) => checkIndicatorLeaf(x.indicator, [...path, 'indicator'], this.refs, this.report),
    });
  }
}

/** An indicator leaf names a defined indicator and tests it with a value of its kind. */
function checkIndicatorLeaf(x: IndicatorRequirement, path: Path, refs: ConditionRefs, report: Report): void {
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
