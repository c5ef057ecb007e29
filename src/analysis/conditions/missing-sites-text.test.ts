import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCaseFolder } from '../../case/read-case-folder.js';
import type { Facility } from '../../model/facility.js';
import { listSome, NAMES_IN_A_SENTENCE } from './describe-filter.js';
import { evaluateCondition } from './evaluate-condition.js';

const usDprk = readCaseFolder(fileURLToPath(new URL('../../../cases/us-dprk-2018/', import.meta.url))).data;
const visit = usDprk.conditions.find((c) => c.id === 'pompeo-visit-precondition')!;

/** A key operational site no move covers. */
function keySite(i: number): Facility {
  return {
    id: `extra-${i}`,
    caseId: usDprk.info.id,
    name: `Extra site ${i}`,
    type: 'enrichment',
    tags: ['nuclear'],
    location: 'somewhere',
    country: 'PRK',
    key: true,
    statuses: [{ date: '2000-01-01', status: 'operational', sources: [] }],
    observations: [],
  };
}

describe('what is missing, on a case with many sites', () => {
  it('lists every item up to the limit, then names the first ones and counts the rest', () => {
    expect(listSome(['a', 'b', 'c'])).toBe('a, b and c');
    const many = Array.from({ length: NAMES_IN_A_SENTENCE + 5 }, (_, i) => `s${i}`);
    expect(listSome(many)).toBe(`${many.slice(0, NAMES_IN_A_SENTENCE).join(', ')} and 5 more`);
    expect(listSome(many.slice(0, NAMES_IN_A_SENTENCE))).toMatch(/ and s11$/);
  });

  it('names every uncovered site of the built-in case, and only the first ones of a thousand', () => {
    const few = evaluateCondition(visit, '2018-10-07', usDprk);
    expect(few.missing.join(' ')).not.toMatch(/ more\b/);
    const sites = Array.from({ length: 1000 }, (_, i) => keySite(i));
    const many = evaluateCondition(visit, '2018-10-07', { ...usDprk, facilities: [...usDprk.facilities, ...sites] });
    const text = many.missing.join(' ');
    expect(many.verdict).toBe(few.verdict);
    expect(text).toMatch(/\(10\d\d such sites on record\)/);
    expect(text).toMatch(/not covered [^;]* and 99\d more/);
    expect(text).not.toMatch(/Extra site 999\b/);
    expect(text.length).toBeLessThan(2000);
  });
});
