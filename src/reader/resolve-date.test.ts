import { describe, expect, it } from 'vitest';
import { resolveDate } from './resolve-date.js';

// 2018-10-08 is a Monday.
const A = '2018-10-08';
const past = (s: string): string => resolveDate(s, A, 'past').date;
const future = (s: string): string => resolveDate(s, A, 'future').date;

describe('resolveDate', () => {
  it('weekdays: the last one for past events, the next one for future events', () => {
    expect(past('met on Sunday')).toBe('2018-10-07');
    expect(past('met on Tuesday night')).toBe('2018-10-02');
    expect(future('will meet on Sunday')).toBe('2018-10-14');
    expect(future('will meet next Tuesday')).toBe('2018-10-09');
    expect(past('met last Monday')).toBe('2018-10-01');
  });

  it('relative days, weeks, months, years', () => {
    expect(past('yesterday')).toBe('2018-10-07');
    expect(future('tomorrow')).toBe('2018-10-09');
    expect(past('earlier today')).toBe(A);
    expect(past('last week')).toBe('2018-10-01');
    expect(future('next week')).toBe('2018-10-15');
    expect(past('last month')).toBe('2018-09-01');
    expect(future('next month')).toBe('2018-11-01');
    expect(past('three days ago')).toBe('2018-10-05');
    expect(past('last year')).toBe('2017-01-01');
  });

  it('month and day, with and without a year', () => {
    expect(past('on May 9')).toBe('2018-05-09');
    expect(past('on 9 May')).toBe('2018-05-09');
    expect(past('on Oct. 7, 2018')).toBe('2018-10-07');
    expect(past('on December 24')).toBe('2017-12-24');
    expect(future('on January 5')).toBe('2019-01-05');
    expect(past('on 2018-06-12')).toBe('2018-06-12');
  });

  it('months alone', () => {
    expect(past('in March')).toBe('2018-03-01');
    expect(past('in November')).toBe('2017-11-01');
    expect(future('in March')).toBe('2019-03-01');
    expect(past('in June 2017')).toBe('2017-06-01');
  });

  it('falls back to the article date', () => {
    expect(resolveDate('no date here', A, 'past')).toEqual({ date: A, explicit: false });
    // "may" the modal is not the month
    expect(past('China may attack')).toBe(A);
  });
});
