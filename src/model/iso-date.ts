import { ParleyError } from './errors.js';

/** A calendar day, `YYYY-MM-DD`. Kept as a string everywhere; compared as a string. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Years Parley accepts in a date: four digits, and none of 0000–0999 (a two-digit year typed as 0018). */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;

/** Why a string is not a date Parley accepts, in words; undefined when it is one. */
export function isoDateProblem(value: string): string | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) return 'expected a date in the form YYYY-MM-DD';
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < MIN_YEAR || y > MAX_YEAR) return `not a date Parley takes: the year must be from ${MIN_YEAR} to ${MAX_YEAR}`;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return 'not a real date';
  return undefined;
}

export function isIsoDate(value: string): boolean {
  return isoDateProblem(value) === undefined;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export class InvalidDateError extends ParleyError {}

export function assertIsoDate(value: string, what = 'date'): IsoDate {
  const problem = isoDateProblem(value);
  if (problem) throw new InvalidDateError(`${what} "${value}" is ${problem.replace(/^expected /, 'not ')}`);
  return value;
}

/**
 * Days since 1970-01-01 (UTC); the integer form the store and the series use. Computed from the
 * calendar, not through `Date.UTC`, which reads the years 0–99 as 1900–1999.
 */
export function toDayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new InvalidDateError(`"${date}" is not a date in the form YYYY-MM-DD`);
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function fromDayNumber(day: number): IsoDate {
  const { y, m, d } = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// Days from and to a proleptic Gregorian date, in whole eras of 400 years (H. Hinnant's algorithms).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): { y: number; m: number; d: number } {
  const z = Math.floor(days) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function todayIso(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}
