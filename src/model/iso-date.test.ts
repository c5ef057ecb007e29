import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromDayNumber, isIsoDate, isoDateProblem, toDayNumber } from './iso-date.js';

describe('calendar dates', () => {
  it('says why a date is not one', () => {
    expect(isoDateProblem('2018-10-32')).toBe('not a real date');
    expect(isoDateProblem('2019-02-29')).toBe('not a real date');
    expect(isoDateProblem('2018-6-1')).toBe('expected a date in the form YYYY-MM-DD');
    expect(isoDateProblem('0018-06-01')).toMatch(/year must be from 1000 to 9999/);
    expect(isoDateProblem('2000-02-29')).toBeUndefined();
    expect(isIsoDate('1900-02-29')).toBe(false);
  });

  it('counts days without reading the years 0-99 as 1900-1999', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('0018-06-01'))).toBe('0018-06-01');
    expect(daysBetween('0018-06-01', '1918-06-01')).toBe(1900 * 365 + 460);
    expect(toDayNumber('2018-06-12')).toBe(Date.UTC(2018, 5, 12) / 86_400_000);
    expect(addDays('1000-01-01', -1)).toBe('0999-12-31');
  });

  it('agrees with the calendar on every day of two centuries', () => {
    let day = toDayNumber('1900-01-01');
    for (let y = 1900; y < 2100; y++)
      for (let m = 1; m <= 12; m++)
        for (let d = 1; d <= new Date(Date.UTC(y, m, 0)).getUTCDate(); d++) {
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(toDayNumber(iso)).toBe(day);
          expect(fromDayNumber(day)).toBe(iso);
          day++;
        }
  });
});
