import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCaseFolder } from '../../case/read-case-folder.js';
import type { Condition, IndicatorRequirement, Requirement } from '../../model/condition.js';
import { evaluateCondition } from './evaluate-condition.js';
import { changeDates } from './verdict-timeline.js';

const mini = readCaseFolder(fileURLToPath(new URL('../../case/fixtures/mini/', import.meta.url))).data;

function leaf(indicator: IndicatorRequirement): Condition {
  const requires: Requirement = { kind: 'indicator', indicator };
  return { id: 't', caseId: 'mini', title: 't', version: 1, sources: [], gates: [], requires };
}
const at = (c: Condition, date: string) => evaluateCondition(c, date, mini);

describe('the indicator leaf on the mini case', () => {
  const verified = leaf({ id: 'fuel-rods', test: 'atMost', value: 8000, verification: 'verified' });

  it('is unknown before any measurement, never met', () => {
    const r = at(verified, '2018-02-28');
    expect(r.verdict).toBe('unknown');
    expect(r.missing).toEqual(['no verified measurement of Spent fuel rods stored at Site A yet']);
  });

  it('reads the latest measurement at the verification asked for, and names the report and the value', () => {
    const r = at(verified, '2018-06-30');
    expect(r.verdict).toBe('met');
    expect(r.result.evidence).toEqual([
      {
        kind: 'measurement',
        date: '2018-03-01',
        id: 'fuel-rods/0',
        summary:
          'Spent fuel rods stored at Site A: 7,500 rods on 2018-03-01 (R-1 para. 4, reported 2018-03-20), at or below the limit of 8,000 rods',
        verification: 'verified',
        sources: [{ publisher: 'Inspectors', date: '2018-03-20' }],
      },
    ]);
    // Any verification: the analyst's range across the limit decides nothing.
    const any = at(leaf({ id: 'fuel-rods', test: 'atMost', value: 8000 }), '2018-06-30');
    expect(any.verdict).toBe('unknown');
    expect(any.missing[0]).toMatch(
      /7,900–8,100 rods on 2018-06-01 .* not known to be at or below the limit of 8,000 rods$/,
    );
  });

  it('is unmet on a figure above the limit, and skips a report whose figure was not found', () => {
    const r = at(verified, '2018-12-31');
    expect(r.verdict).toBe('unmet');
    expect(r.missing).toEqual([
      'Spent fuel rods stored at Site A was above 8,000 rods on 2018-09-01 (R-2, reported 2018-09-30), above the limit of 8,000 rods',
    ]);
  });

  it('is unknown when the latest measurement is older than the window', () => {
    const recent = leaf({
      id: 'fuel-rods',
      test: 'atMost',
      value: 8000,
      verification: 'verified',
      window: { days: 90 },
    });
    expect(at(recent, '2018-05-29').verdict).toBe('met');
    const old = at(recent, '2018-05-30');
    expect(old.verdict).toBe('unknown');
    expect(old.missing[0]).toMatch(
      /^the latest verified measurement of .*, 7,500 rods on 2018-03-01 .*, is older than 90 days$/,
    );
    // The verdict timeline looks at the day a measurement leaves the window.
    expect(changeDates(recent, mini, '2018-01-01', '2018-06-30')).toEqual(
      expect.arrayContaining(['2018-03-01', '2018-05-30']),
    );
  });

  it('with ever, stays met once a measurement passed the test', () => {
    const once = leaf({ id: 'fuel-rods', test: 'atMost', value: 8000, verification: 'verified', ever: true });
    expect(at(once, '2018-02-28').verdict).toBe('unknown');
    expect(at(once, '2018-12-31').verdict).toBe('met');
    expect(at(once, '2018-12-31').result.evidence[0]?.id).toBe('fuel-rods/0');
    // Never passed: the latest figure says why.
    const never = at(
      leaf({ id: 'fuel-rods', test: 'atMost', value: 7000, verification: 'verified', ever: true }),
      '2018-12-31',
    );
    expect(never.verdict).toBe('unmet');
    expect(never.missing[0]).toMatch(/above 8,000 rods on 2018-09-01/);
  });

  it('tests a yes/no indicator with equals, and an unknown indicator is unknown', () => {
    const off = leaf({ id: 'reactor-running', test: 'equals', value: false });
    expect(at(off, '2018-07-01').verdict).toBe('unmet');
    expect(
      at(leaf({ id: 'reactor-running', test: 'equals', value: false, verification: 'verified' }), '2018-07-01').verdict,
    ).toBe('unknown');
    expect(at(leaf({ id: 'nothing', test: 'atMost', value: 1 }), '2018-07-01').missing).toEqual([
      'no indicator "nothing" in the case',
    ]);
  });
});
