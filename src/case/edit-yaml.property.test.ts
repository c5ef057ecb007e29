import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseData } from '../model/case.js';
import { canonical } from './edit-yaml.js';
import { readCaseFolder } from './read-case-folder.js';
import { copyMini } from './test-support/case-folders.js';
import { writeCaseFolder } from './write-case-folder.js';

/*
 * The in-place editor must never change a value it was not asked to change, nor write one that
 * reads back otherwise: whatever edits are made to a case, the files it writes over the old ones
 * read back as exactly the edited case.
 */

let base: CaseData;
let template: string;
beforeAll(() => {
  template = copyMini();
  base = readCaseFolder(template).data;
});
afterAll(() => rmSync(template, { recursive: true, force: true }));

const TEXT_CHARS = [...'abc XYZ-:#,[]{}&*!|>\'"%@`?\n\t\\0123456789é“”'];
const text = fc
  .array(fc.constantFrom(...TEXT_CHARS), { minLength: 1, maxLength: 60 })
  .map((cs) => cs.join(''))
  .filter((s) => s.trim().length > 0);

type Change = (d: CaseData) => void;

const changes: fc.Arbitrary<Change>[] = [
  fc.tuple(fc.nat(), text).map(([i, s]) => (d: CaseData) => {
    const e = d.events[i % d.events.length];
    if (e) e.summary = s;
  }),
  fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })).map(([i, c]) => (d: CaseData) => {
    const e = d.events[i % d.events.length];
    if (e) e.confidence = c;
  }),
  fc.tuple(fc.nat(), fc.option(text, { nil: undefined })).map(([i, s]) => (d: CaseData) => {
    const e = d.events[i % d.events.length];
    if (e && s === undefined) delete e.notes;
    else if (e && s !== undefined) e.notes = s;
  }),
  fc.tuple(fc.nat(), text).map(([i, s]) => (d: CaseData) => {
    const e = d.events[i % d.events.length];
    if (e) e.sources = [...e.sources, { publisher: s.trim() || 'x', date: '2018-07-01' }];
  }),
  fc.nat().map((i) => (d: CaseData) => {
    // Only an event nothing refers to, so that the case stays valid.
    const cited = new Set(
      d.agreements.flatMap((a) => a.provisions.flatMap((p) => p.statuses.flatMap((st) => st.events))),
    );
    for (const f of d.facilities) for (const o of f.observations) if (o.event) cited.add(o.event);
    const free = d.events.filter((e) => !cited.has(e.id));
    const gone = free[i % Math.max(1, free.length)];
    if (gone && d.events.length > 1) d.events = d.events.filter((e) => e !== gone);
  }),
  fc.tuple(fc.nat(), fc.nat({ max: 999 })).map(([i, n]) => (d: CaseData) => {
    const e = d.events[i % d.events.length];
    if (e && !d.events.some((x) => x.id === `new-${n}`)) d.events.push({ ...e, id: `new-${n}`, status: 'proposed' });
  }),
  fc
    .tuple(fc.nat(), fc.constantFrom('operational', 'dormant', 'dismantled', 'unknown' as const))
    .map(([i, status]) => (d: CaseData) => {
      const f = d.facilities[i % d.facilities.length];
      if (f) f.statuses = [...f.statuses, { date: '2019-01-01', status, sources: [] }];
    }),
  fc.tuple(fc.nat(), text).map(([i, s]) => (d: CaseData) => {
    const a = d.actors[i % d.actors.length];
    if (a) a.aliases = [...a.aliases, s.replace(/\n/g, ' ')];
  }),
  fc.integer({ min: 1, max: 365 }).map((n) => (d: CaseData) => {
    d.info.settings.responseDays = n;
  }),
];

function sorted(d: CaseData): string {
  const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
  return canonical({ ...d, events: byId(d.events), actors: byId(d.actors), facilities: byId(d.facilities) });
}

describe('editing case files in place', () => {
  it('writes files that read back as exactly the edited case', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(...changes), { minLength: 1, maxLength: 6 }), (edits) => {
        const data: CaseData = structuredClone(base);
        for (const change of edits) change(data);
        const out = copyMini();
        try {
          writeCaseFolder(data, out, { template: out });
          expect(sorted(readCaseFolder(out).data)).toBe(sorted(data));
        } finally {
          rmSync(out, { recursive: true, force: true });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('leaves the files of an unchanged case as they were', () => {
    const out = copyMini();
    writeCaseFolder(structuredClone(base), out, { template: out });
    for (const name of ['case.yaml', 'actors.yaml', 'events.yaml', 'agreements.yaml', 'facilities.yaml'])
      expect(readFileSync(join(out, name), 'utf8')).toBe(readFileSync(join(template, name), 'utf8'));
    rmSync(out, { recursive: true, force: true });
  });
});
