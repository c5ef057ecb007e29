import { describe, expect, it } from 'vitest';
import type { Actor } from '../model/actor.js';
import { ValidationError } from '../model/errors.js';
import { newEvent } from './new-event.js';

const actors: Actor[] = [
  { id: 'usa', kind: 'state', name: 'United States', aliases: [], code: 'USA', roles: [] },
  { id: 'prk', kind: 'state', name: 'North Korea', aliases: [], code: 'PRK', roles: [] },
];

function problems(date: string): string {
  try {
    newEvent(
      { caseId: 'c', date, source: 'usa', target: 'prk', code: '042', summary: 'x', sources: [{ publisher: 'p' }] },
      actors,
      new Set(),
      new Set(),
    );
  } catch (e) {
    if (e instanceof ValidationError) return e.describeAll();
    throw e;
  }
  return '';
}

describe('an event typed in', () => {
  it('refuses a year of 0000-0999 instead of storing it as 19xx', () => {
    expect(problems('0018-06-01')).toMatch(/event \(field date\): "0018-06-01": .*year must be from 1000 to 9999/);
    expect(problems('2018-10-32')).toMatch(/"2018-10-32": not a real date/);
    expect(problems('2018-06-01')).toBe('');
  });
});
