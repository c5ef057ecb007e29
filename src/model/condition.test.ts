import { describe, expect, it } from 'vitest';
import {
  type Requirement,
  type RequirementVisitor,
  requirementFromFile,
  requirementToFile,
  visitRequirement,
} from './condition.js';

const asWritten = {
  all: [
    { facilities: { where: { key: true }, coveredBy: { codes: ['0355'] }, atLeast: 2 }, label: 'two sites' },
    { not: { any: [{ event: { codes: ['042'] } }, { notObserved: { findings: ['activity'] } }] } },
    { indicator: { id: 'stockpile', atMost: 202.8, verification: 'verified', window: { days: 120 } } },
  ],
};

describe('requirements carry their kind', () => {
  it('sets the kind of every part from the key the case file uses, and drops it again for the file', () => {
    const r = requirementFromFile(asWritten);
    expect(r.kind).toBe('all');
    const kinds: string[] = [];
    const walk = (x: Requirement): void =>
      visitRequirement(x, {
        all: (y) => {
          kinds.push(y.kind);
          y.all.forEach(walk);
        },
        any: (y) => {
          kinds.push(y.kind);
          y.any.forEach(walk);
        },
        not: (y) => {
          kinds.push(y.kind);
          walk(y.not);
        },
        event: (y) => void kinds.push(y.kind),
        noEvent: (y) => void kinds.push(y.kind),
        facilities: (y) => void kinds.push(`${y.kind}:${y.label}`),
        provision: (y) => void kinds.push(y.kind),
        observed: (y) => void kinds.push(y.kind),
        notObserved: (y) => void kinds.push(y.kind),
        indicator: (y) => void kinds.push(`${y.kind}:${y.indicator.test} ${y.indicator.value}`),
      });
    walk(r);
    expect(kinds).toEqual([
      'all',
      'facilities:two sites',
      'not',
      'any',
      'event',
      'notObserved',
      'indicator:atMost 202.8',
    ]);
    expect(requirementToFile(r)).toEqual(asWritten);
    // A requirement that already has its kinds comes back the same.
    expect(requirementFromFile(r)).toEqual(r);
  });

  it('refuses at compile time a visitor that misses a kind', () => {
    // @ts-expect-error: no handler for notObserved or indicator
    const partial: RequirementVisitor<number> = {
      all: () => 1,
      any: () => 1,
      not: () => 1,
      event: () => 1,
      noEvent: () => 1,
      facilities: () => 1,
      provision: () => 1,
      observed: () => 1,
    };
    expect(() => visitRequirement(requirementFromFile({ notObserved: {} }), partial)).toThrow();
  });
});
