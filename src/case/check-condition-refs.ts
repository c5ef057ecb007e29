import type { Agreement } from '../model/agreement.js';
import type { Condition, Requirement } from '../model/condition.js';
import { describeNearest, eventCodes } from '../cameo/event-codes.js';
import { nearestIds, type KnownIds } from './known-ids.js';

export interface ConditionRefs {
  actors: KnownIds;
  facilities: KnownIds;
  agreementById: ReadonlyMap<string, Agreement>;
  /** The agreements file could not be read: references to agreements are not checked. */
  agreementsGap: boolean;
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
  const walk = (r: Requirement, path: Path): void => {
    if ('all' in r) for (const [i, x] of r.all.entries()) walk(x, [...path, 'all', i]);
    else if ('any' in r) for (const [i, x] of r.any.entries()) walk(x, [...path, 'any', i]);
    else if ('not' in r) walk(r.not, [...path, 'not']);
    else if ('event' in r || 'noEvent' in r) {
      const key = 'event' in r ? 'event' : 'noEvent';
      const f = 'event' in r ? r.event : r.noEvent;
      checkCodes(f.codes, [...path, key, 'codes']);
      checkActor(f.source, [...path, key, 'source']);
      checkActor(f.target, [...path, key, 'target']);
      checkFacilityFilter(f.facilities, [...path, key, 'facilities']);
    } else if ('facilities' in r) {
      checkFacilityFilter(r.facilities.where, [...path, 'facilities', 'where']);
      checkCodes(r.facilities.coveredBy.codes, [...path, 'facilities', 'coveredBy', 'codes']);
      checkActor(r.facilities.coveredBy.source, [...path, 'facilities', 'coveredBy', 'source']);
      checkActor(r.facilities.coveredBy.target, [...path, 'facilities', 'coveredBy', 'target']);
    } else if ('provision' in r) checkProvision(r.provision, [...path, 'provision']);
    else if ('observed' in r) checkFacilityFilter(r.observed.facilities, [...path, 'observed', 'facilities']);
    else if ('notObserved' in r) checkFacilityFilter(r.notObserved.facilities, [...path, 'notObserved', 'facilities']);
  };
  walk(c.requires, ['requires']);
}
