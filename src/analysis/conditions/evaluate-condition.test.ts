import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCaseFolder } from '../../case/read-case-folder.js';
import type { Condition, Requirement } from '../../model/condition.js';
import type { LedgerEvent } from '../../model/event.js';
import type { Facility } from '../../model/facility.js';
import { evaluateCondition, type ConditionLedger } from './evaluate-condition.js';

const mini = readCaseFolder(fileURLToPath(new URL('../../case/fixtures/mini/', import.meta.url))).data;
const ledger: ConditionLedger = mini;
const cond = (id: string) => mini.conditions.find((c) => c.id === id)!;

function withRequirement(requires: Requirement, over: Partial<Condition> = {}): Condition {
  return { id: 't', caseId: 'mini', title: 't', version: 1, sources: [], gates: [], requires, ...over };
}

function ev(id: string, date: string, over: Partial<LedgerEvent> = {}): LedgerEvent {
  return {
    id,
    caseId: 'x',
    date,
    sourceActor: 'prk',
    targetActor: 'usa',
    sourceCode: 'PRKGOV',
    targetCode: 'USAGOV',
    code: '0355',
    goldstein: 5,
    quadClass: 1,
    summary: id,
    facilities: [],
    sources: [],
    provenance: 'typed',
    status: 'confirmed',
    verification: 'claimed',
    confidence: 1,
    ...over,
  };
}

function site(
  id: string,
  statuses: [string, Facility['statuses'][number]['status']][],
  over: Partial<Facility> = {},
): Facility {
  return {
    id,
    caseId: 'x',
    name: `Site ${id}`,
    type: 't',
    tags: [],
    location: 'l',
    country: 'PRK',
    key: true,
    statuses: statuses.map(([date, status]) => ({ date, status, sources: [] })),
    observations: [],
    ...over,
  };
}

describe('the facilities operator on the mini case', () => {
  it('does not count offers that cover dismantled sites, and says so', () => {
    const r = evaluateCondition(cond('envoy-visit'), '2018-12-31', ledger);
    expect(r.verdict).toBe('unmet');
    expect(r.result.count).toEqual({ have: 0, need: 2 });
    expect(r.missing).toEqual([
      '2 of the 2 key operational sites still missing: covered none; not covered Site A reactor and Site C missile factory; covered but not counted: Site B test site (dismantled)',
    ]);
    expect(r.result.evidence.map((e) => e.id)).toEqual(['2018-10-07-offer']);
  });

  it('lists gated moves made while stated and unmet, by the office held on the day, and earlier ones apart', () => {
    const r = evaluateCondition(cond('envoy-visit'), '2018-12-31', ledger);
    // The March visit was made as intelligence director, not Secretary of State: not gated.
    expect(r.gatedMoves.map((m) => [m.id, m.verdict, m.beforeStated])).toEqual([
      ['2018-10-07-envoy-visit', 'unmet', false],
    ]);
    // The May visit came before the condition was stated (2018-09-20): counted apart, not gated.
    expect(r.movesBeforeStated.map((m) => [m.id, m.verdict])).toEqual([['2018-05-09-envoy-visit', 'not-stated']]);
    expect(r.gatedNoun).toBe('visit');
    const may = evaluateCondition(cond('envoy-visit'), '2018-05-09', ledger);
    expect(may.gatedMoves).toEqual([]);
  });

  it('is "not yet stated" before the condition was stated, not unmet', () => {
    const r = evaluateCondition(cond('envoy-visit'), '2018-09-19', ledger);
    expect(r.verdict).toBe('not-stated');
    expect(r.stated).toBe('2018-09-20');
    expect(r.missing).toEqual([]);
    // Read as if it applied, the requirement itself is unmet.
    expect(r.result.verdict).toBe('unmet');
    expect(evaluateCondition(cond('envoy-visit'), '2018-09-20', ledger).verdict).toBe('unmet');
  });

  it('is met when enough sites that are operational on the date are covered, unknown when a status is unknown', () => {
    const facilities = [
      site('a', [['2000-01-01', 'operational']]),
      site('b', [['2000-01-01', 'operational']]),
      site('c', [['2000-01-01', 'unknown']]),
    ];
    const req: Requirement = {
      kind: 'facilities',
      facilities: {
        where: { key: true, status: ['operational'] },
        coveredBy: { source: { code: 'PRK' }, codes: ['0355'] },
        atLeast: 2,
      },
    };
    const one: ConditionLedger = {
      facilities,
      agreements: [],
      events: [ev('o1', '2018-10-01', { facilities: ['a', 'c'] })],
    };
    expect(evaluateCondition(withRequirement(req), '2018-10-02', one).verdict).toBe('unknown');
    const two: ConditionLedger = { ...one, events: [...one.events, ev('o2', '2018-10-05', { facilities: ['b'] })] };
    expect(evaluateCondition(withRequirement(req), '2018-10-04', two).verdict).toBe('unknown');
    const met = evaluateCondition(withRequirement(req), '2018-10-05', two);
    expect(met.verdict).toBe('met');
    expect(met.missing).toEqual([]);
    // A site dismantled later stops counting from that day on.
    facilities[1]!.statuses.push({ date: '2018-11-01', status: 'dismantled', sources: [] });
    expect(evaluateCondition(withRequirement(req), '2018-11-01', two).verdict).toBe('unknown');
    // Proposed moves do not count unless the filter asks for them.
    const proposed: ConditionLedger = {
      ...one,
      events: [ev('p', '2018-10-01', { facilities: ['a', 'b'], status: 'proposed' })],
    };
    expect(evaluateCondition(withRequirement(req), '2018-10-02', proposed).verdict).toBe('unmet');
  });
});

describe('what counts as coverage: who would verify, and where a commitment stands on the date', () => {
  const facilities = [
    site('a', [['2000-01-01', 'operational']]),
    site('b', [['2000-01-01', 'operational']]),
    site('s', [
      ['2000-01-01', 'operational'],
      ['2018-07-20', 'partly-dismantled'],
      ['2019-03-02', 'rebuilding'],
    ]),
  ];
  const req: Requirement = {
    kind: 'facilities',
    facilities: {
      where: { key: true, status: ['operational'] },
      coveredBy: {
        source: { code: 'PRK' },
        codes: ['0355'],
        verifiers: ['inspecting-body'],
        commitments: ['offered', 'accepted'],
      },
      atLeast: 2,
    },
  };
  const iaea = ev('iaea', '2018-10-01', {
    facilities: ['a', 'b'],
    commitment: {
      verifier: 'inspecting-body',
      by: 'IAEA',
      status: 'offered',
      changes: [{ date: '2018-12-01', status: 'withdrawn', sources: [] }],
    },
  });
  const experts = ev('experts', '2018-09-19', {
    facilities: ['a', 's'],
    commitment: { verifier: 'named-experts', by: 'US experts', status: 'conditional' },
  });
  const ledgerOf = (events: LedgerEvent[]): ConditionLedger => ({ facilities, agreements: [], events });

  it('counts only commitments to the verifier asked for, in a status asked for on the date', () => {
    expect(evaluateCondition(withRequirement(req), '2018-10-01', ledgerOf([iaea])).verdict).toBe('met');
    // Withdrawn on 2018-12-01: from then on it no longer counts.
    const after = evaluateCondition(withRequirement(req), '2018-12-01', ledgerOf([iaea]));
    expect(after.verdict).toBe('unmet');
    expect(after.missing[0]).toMatch(/not counted: the 2018-10-01 offer for Site a and Site b \(withdrawn\)/);
  });

  it('says which offers do not count and why, and names the sites nothing covers', () => {
    const r = evaluateCondition(withRequirement(req), '2018-10-01', ledgerOf([experts]));
    expect(r.verdict).toBe('unmet');
    expect(r.missing).toEqual([
      '2 of the 2 key operational sites still missing: covered none; not covered Site a and Site b; not counted: the 2018-09-19 offer for Site a (US experts, not an inspecting body; conditional)',
    ]);
    expect(r.result.evidence.map((e) => e.id)).toEqual(['experts']);
  });

  it('does not count a site partly dismantled or being rebuilt as operational', () => {
    const loose: Requirement = {
      kind: 'facilities',
      facilities: { where: { key: true, status: ['operational'] }, coveredBy: { codes: ['0355'] }, atLeast: 1 },
    };
    const only = ev('s-offer', '2018-09-19', { facilities: ['s'] });
    const partly = evaluateCondition(withRequirement(loose), '2018-10-01', ledgerOf([only]));
    expect(partly.missing[0]).toMatch(/covered but not counted: Site s \(partly-dismantled\)/);
    const rebuilding = evaluateCondition(withRequirement(loose), '2019-03-05', ledgerOf([only]));
    expect(rebuilding.missing[0]).toMatch(/covered but not counted: Site s \(rebuilding\)/);
    expect(evaluateCondition(withRequirement(loose), '2018-07-19', ledgerOf([only])).verdict).toBe('unmet');
  });
});

describe('event, noEvent, observation and provision operators', () => {
  it('event: exists in the window, with the verification asked for', () => {
    const req: Requirement = {
      kind: 'event',
      event: { source: { code: 'PRK' }, codes: ['087'], verification: 'verified' },
    };
    expect(evaluateCondition(withRequirement(req), '2018-12-31', ledger).verdict).toBe('unmet');
    const observed: Requirement = {
      kind: 'event',
      event: { source: { code: 'PRK' }, codes: ['087'], verification: 'observed' },
    };
    const r = evaluateCondition(withRequirement(observed), '2018-12-31', ledger);
    expect(r.verdict).toBe('met');
    expect(r.result.evidence.map((e) => e.id)).toEqual(['2018-05-24-demolition']);
    expect(evaluateCondition(withRequirement(observed), '2018-05-23', ledger).verdict).toBe('unmet');
  });

  it('noEvent: a window relative to the date asked about', () => {
    const req: Requirement = {
      kind: 'noEvent',
      noEvent: { source: { code: 'USA' }, codes: ['08'], window: { days: 30 } },
    };
    // The exercise halt of 2018-06-18 lies in the 30 days up to 2018-07-17, not up to 2018-07-18.
    expect(evaluateCondition(withRequirement(req), '2018-07-17', ledger).verdict).toBe('unmet');
    expect(evaluateCondition(withRequirement(req), '2018-07-18', ledger).verdict).toBe('met');
    expect(evaluateCondition(withRequirement(req), '2018-07-17', ledger).missing[0]).toMatch(
      /^1 move of the kind ruled out .*latest on 2018-06-18: Exercise suspended\.$/,
    );
  });

  it('notObserved: activity at production sites in the trailing 90 days', () => {
    const c = cond('no-production');
    expect(evaluateCondition(c, '2018-07-29', ledger).verdict).toBe('met');
    const r = evaluateCondition(c, '2018-10-27', ledger);
    expect(r.verdict).toBe('unmet');
    expect(r.missing[0]).toMatch(/latest on 2018-07-30: Site C missile factory: activity seen by imagery/);
    expect(evaluateCondition(c, '2018-10-28', ledger).verdict).toBe('met');
    // The June summit came before the activity was seen: it is not a gated move made while unmet.
    expect(r.gatedMoves).toEqual([]);
  });

  it('observed: only verified dismantlement counts when asked for', () => {
    const req: Requirement = {
      kind: 'observed',
      observed: { facilities: { key: true }, findings: ['dismantling'], verification: 'verified' },
    };
    expect(evaluateCondition(withRequirement(req), '2018-12-31', ledger).verdict).toBe('unmet');
    const loose: Requirement = { kind: 'observed', observed: { facilities: { key: true }, findings: ['dismantling'] } };
    expect(evaluateCondition(withRequirement(loose), '2018-12-31', ledger).verdict).toBe('met');
  });

  it('provision: the status in force on the date against a level; unknown before any status', () => {
    const req: Requirement = {
      kind: 'provision',
      provision: { agreement: 'joint-statement', provision: 'remains', atLeast: 2 },
    };
    expect(evaluateCondition(withRequirement(req), '2018-06-01', ledger).verdict).toBe('unknown');
    const before = evaluateCondition(withRequirement(req), '2018-07-26', ledger);
    expect(before.verdict).toBe('unmet');
    expect(before.missing[0]).toBe('"Return remains." (Joint statement) is not started (0); needs intermediate (2)');
    expect(evaluateCondition(withRequirement(req), '2018-07-27', ledger).verdict).toBe('met');
  });
});

describe('all, any and not use three-valued logic', () => {
  const met: Requirement = { kind: 'event', event: { codes: ['057'] } };
  const unmet: Requirement = { kind: 'event', event: { codes: ['19'] } };
  const unknown: Requirement = {
    kind: 'provision',
    provision: { agreement: 'joint-statement', provision: 'remains', atLeast: 1 },
  };
  const at = (r: Requirement) =>
    evaluateCondition(withRequirement(r), '2018-06-30', { ...ledger, agreements: [] }).verdict;
  it.each([
    [{ kind: 'all', all: [met, met] }, 'met'],
    [{ kind: 'all', all: [met, unmet] }, 'unmet'],
    [{ kind: 'all', all: [met, unknown] }, 'unknown'],
    [{ kind: 'all', all: [unknown, unmet] }, 'unmet'],
    [{ kind: 'any', any: [unmet, met] }, 'met'],
    [{ kind: 'any', any: [unmet, unknown] }, 'unknown'],
    [{ kind: 'any', any: [unmet, unmet] }, 'unmet'],
    [{ kind: 'not', not: met }, 'unmet'],
    [{ kind: 'not', not: unmet }, 'met'],
    [{ kind: 'not', not: unknown }, 'unknown'],
  ] as [Requirement, string][])('%j is %s', (r, verdict) => {
    expect(at(r)).toBe(verdict);
  });

  it('collects what is missing from every unmet part of an all', () => {
    const r = evaluateCondition(
      withRequirement({ kind: 'all', all: [unmet, { kind: 'event', event: { codes: ['18'] }, label: 'an assault' }] }),
      '2018-06-30',
      ledger,
    );
    expect(r.missing).toHaveLength(2);
  });
});
