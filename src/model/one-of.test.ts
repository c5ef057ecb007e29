import { describe, expect, it } from 'vitest';
import { VERIFICATIONS } from './event.js';
import { isOneOf, notOneOf, oneOf } from './one-of.js';

describe('one-of', () => {
  it('accepts the values of a list and nothing else', () => {
    expect(isOneOf(VERIFICATIONS, 'observed')).toBe(true);
    expect(isOneOf(VERIFICATIONS, 'Observed')).toBe(false);
    expect(isOneOf(VERIFICATIONS, undefined)).toBe(false);
    expect(['claimed', 'rumoured', 'verified'].filter(oneOf(VERIFICATIONS))).toEqual(['claimed', 'verified']);
  });

  it('names the value and the list when it is not one of them', () => {
    expect(notOneOf(VERIFICATIONS, 'rumoured')).toBe('"rumoured" is not one of verified, observed, claimed');
  });
});
