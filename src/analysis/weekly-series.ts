import { fromDayNumber, toDayNumber, type IsoDate } from '../model/iso-date.js';
import { dailyTotals, type Direction, type DyadGrid } from './dyad-grid.js';

/** Day number of the Monday that starts the ISO week of `dayNumber` (1970-01-01 was a Thursday). */
function isoWeekStartDay(dayNumber: number): number {
  return dayNumber - ((((dayNumber + 3) % 7) + 7) % 7);
}

/** The Monday that starts the ISO week holding `date`. */
export function isoWeekStart(date: IsoDate): IsoDate {
  return fromDayNumber(isoWeekStartDay(toDayNumber(date)));
}

/** One direction's weekly values, aligned with `WeeklySeries.weekStarts`. */
export interface DirectionSeries {
  /** S(t) = Σ g over the week's moves. */
  net: number[];
  /** C⁺(t) = Σ max(g, 0). */
  cooperation: number[];
  /** C⁻(t) = Σ min(g, 0). */
  conflict: number[];
  count: number[];
}

/**
 * Weekly bins over the window. Arrays rather than an array of objects: they chart directly and
 * stay compact in JSON for multi-year windows. Empty weeks are zeros, not gaps.
 */
export interface WeeklySeries {
  /** Bin length in days, always 7 here; recorded because results depend on it. */
  binDays: number;
  /** ISO weeks (Monday start). The first and last may be only partly inside the window. */
  weekStarts: IsoDate[];
  /** Days of each week that lie inside the window (7 except perhaps at the ends). */
  daysInWindow: number[];
  aToB: DirectionSeries;
  bToA: DirectionSeries;
}

function directionSeries(grid: DyadGrid, direction: Direction, firstMonday: number, weeks: number): DirectionSeries {
  const s: DirectionSeries = {
    net: new Array<number>(weeks).fill(0),
    cooperation: new Array<number>(weeks).fill(0),
    conflict: new Array<number>(weeks).fill(0),
    count: new Array<number>(weeks).fill(0),
  };
  for (let d = 0; d < grid.days; d++) {
    const w = Math.floor((grid.fromDay + d - firstMonday) / 7);
    const t = dailyTotals(grid, direction, d);
    if (t.count === 0) continue;
    s.net[w]! += t.goldsteinSum;
    s.cooperation[w]! += t.positiveSum;
    s.conflict[w]! += t.negativeSum;
    s.count[w]! += t.count;
  }
  return s;
}

export function weeklySeries(grid: DyadGrid): WeeklySeries {
  const firstMonday = isoWeekStartDay(grid.fromDay);
  const lastDay = grid.fromDay + grid.days - 1;
  const weeks = Math.floor((lastDay - firstMonday) / 7) + 1;
  const weekStarts: IsoDate[] = [];
  const daysInWindow: number[] = [];
  for (let w = 0; w < weeks; w++) {
    const start = firstMonday + 7 * w;
    weekStarts.push(fromDayNumber(start));
    daysInWindow.push(Math.min(start + 6, lastDay) - Math.max(start, grid.fromDay) + 1);
  }
  return {
    binDays: 7,
    weekStarts,
    daysInWindow,
    aToB: directionSeries(grid, 'aToB', firstMonday, weeks),
    bToA: directionSeries(grid, 'bToA', firstMonday, weeks),
  };
}
