import type { QuadClass } from '../model/event.js';
import { toDayNumber, type IsoDate } from '../model/iso-date.js';
import type { DyadMatcher } from './dyad.js';
import type { DyadDay, Move } from './move.js';

export type Direction = 'aToB' | 'bToA';

/** Fields kept per (day, quad class) cell, in this order. */
const COUNT = 0;
const SUM = 1;
const POS = 2;
const NEG = 3;
const FIELDS = 4;
const QUADS = 4;

/**
 * The one place where moves and daily aggregates meet: both are poured into per-day, per-quad
 * cells of [count, Σg, Σg⁺, Σg⁻], and every sum and series is read from the cells in the same
 * order. That is what makes the move path and the aggregate path agree exactly, and it keeps
 * memory proportional to the window length rather than to the number of moves.
 */
export interface DyadGrid {
  from: IsoDate;
  to: IsoDate;
  fromDay: number;
  /** Days in the window, both ends included. */
  days: number;
  aToB: Float64Array;
  bToA: Float64Array;
  /**
   * Rows of the dyad and window left out because their quad class is not 1–4 or a number is not
   * finite: one such row would otherwise turn every sum into NaN (or land in another day's cell).
   */
  invalid: number;
}

function createDyadGrid(from: IsoDate, to: IsoDate): DyadGrid {
  const fromDay = toDayNumber(from);
  const days = toDayNumber(to) - fromDay + 1;
  if (days < 1) throw new RangeError(`window ends (${to}) before it starts (${from})`);
  const size = days * QUADS * FIELDS;
  return { from, to, fromDay, days, aToB: new Float64Array(size), bToA: new Float64Array(size), invalid: 0 };
}

/**
 * Adds one cell's worth; days outside the window are ignored, invalid rows counted in
 * `grid.invalid`. Returns whether it was kept.
 */
function addToGrid(
  grid: DyadGrid,
  direction: Direction,
  dayNumber: number,
  quad: QuadClass,
  count: number,
  goldsteinSum: number,
  positiveSum: number,
  negativeSum: number,
): boolean {
  const d = dayNumber - grid.fromDay;
  if (d < 0 || d >= grid.days) return false;
  if (
    !(quad === 1 || quad === 2 || quad === 3 || quad === 4) ||
    !Number.isFinite(count) ||
    !Number.isFinite(goldsteinSum) ||
    !Number.isFinite(positiveSum) ||
    !Number.isFinite(negativeSum)
  ) {
    grid.invalid++;
    return false;
  }
  const cells = grid[direction];
  const i = (d * QUADS + (quad - 1)) * FIELDS;
  cells[i + COUNT]! += count;
  cells[i + SUM]! += goldsteinSum;
  cells[i + POS]! += positiveSum;
  cells[i + NEG]! += negativeSum;
  return true;
}

/**
 * Day numbers repeat heavily in real data; parsing each date string once per distinct day keeps
 * the move path linear and cheap.
 */
export function dayNumberCache(): (date: IsoDate) => number {
  const cache = new Map<string, number>();
  return (date) => {
    let n = cache.get(date);
    if (n === undefined) {
      n = toDayNumber(date);
      cache.set(date, n);
    }
    return n;
  };
}

/** `onKept` sees each move that falls in the window and the dyad, so callers need only one pass. */
export function gridFromMoves(
  moves: Iterable<Move>,
  matcher: DyadMatcher,
  from: IsoDate,
  to: IsoDate,
  onKept?: (move: Move, direction: Direction) => void,
): DyadGrid {
  const grid = createDyadGrid(from, to);
  const dayOf = dayNumberCache();
  for (const m of moves) {
    if (m.date < from || m.date > to) continue;
    const dir = matcher.directionOf(m.sourceCode, m.targetCode);
    if (dir === null) continue;
    const g = m.goldstein;
    if (addToGrid(grid, dir, dayOf(m.date), m.quadClass, 1, g, Math.max(g, 0), Math.min(g, 0))) onKept?.(m, dir);
  }
  return grid;
}

export function gridFromDays(rows: Iterable<DyadDay>, matcher: DyadMatcher, from: IsoDate, to: IsoDate): DyadGrid {
  const grid = createDyadGrid(from, to);
  const dayOf = dayNumberCache();
  for (const r of rows) {
    if (r.day < from || r.day > to) continue;
    const dir = matcher.directionOf(r.source, r.target);
    if (dir === null) continue;
    addToGrid(grid, dir, dayOf(r.day), r.quadClass, r.count, r.goldsteinSum, r.positiveSum, r.negativeSum);
  }
  return grid;
}

/** Sums of one quad class (or any group of moves) in one direction. */
export interface CellTotals {
  count: number;
  goldsteinSum: number;
  positiveSum: number;
  negativeSum: number;
}

/** Totals per quad class over the window, read day by day in a fixed order. */
export function quadTotals(grid: DyadGrid, direction: Direction): [CellTotals, CellTotals, CellTotals, CellTotals] {
  const t = [0, 1, 2, 3].map(() => ({ count: 0, goldsteinSum: 0, positiveSum: 0, negativeSum: 0 })) as [
    CellTotals,
    CellTotals,
    CellTotals,
    CellTotals,
  ];
  const cells = grid[direction];
  for (let d = 0; d < grid.days; d++) {
    for (let q = 0; q < QUADS; q++) {
      const i = (d * QUADS + q) * FIELDS;
      const tq = t[q]!;
      tq.count += cells[i + COUNT]!;
      tq.goldsteinSum += cells[i + SUM]!;
      tq.positiveSum += cells[i + POS]!;
      tq.negativeSum += cells[i + NEG]!;
    }
  }
  return t;
}

/** One value per day for one direction: counts of a quad class (for "answered within k days"). */
export function dailyQuadCounts(grid: DyadGrid, direction: Direction, quad: QuadClass): Float64Array {
  const out = new Float64Array(grid.days);
  const cells = grid[direction];
  for (let d = 0; d < grid.days; d++) out[d] = cells[(d * QUADS + (quad - 1)) * FIELDS + COUNT]!;
  return out;
}

/**
 * Σ g⁺ of one quad class, one value per day on which the direction made any move of it (days in
 * order), and the number of those moves: what a bootstrap over days resamples.
 */
export function dailyQuadCooperation(
  grid: DyadGrid,
  direction: Direction,
  quad: QuadClass,
): { sums: Float64Array; moves: number } {
  const cells = grid[direction];
  const kept: number[] = [];
  let moves = 0;
  for (let d = 0; d < grid.days; d++) {
    const i = (d * QUADS + (quad - 1)) * FIELDS;
    if (cells[i + COUNT]! === 0) continue;
    moves += cells[i + COUNT]!;
    kept.push(cells[i + POS]!);
  }
  return { sums: Float64Array.from(kept), moves };
}

/** Per-day totals over all quad classes, in quad order, for the weekly series. */
export function dailyTotals(grid: DyadGrid, direction: Direction, day: number): CellTotals {
  const cells = grid[direction];
  const out: CellTotals = { count: 0, goldsteinSum: 0, positiveSum: 0, negativeSum: 0 };
  for (let q = 0; q < QUADS; q++) {
    const i = (day * QUADS + q) * FIELDS;
    out.count += cells[i + COUNT]!;
    out.goldsteinSum += cells[i + SUM]!;
    out.positiveSum += cells[i + POS]!;
    out.negativeSum += cells[i + NEG]!;
  }
  return out;
}

/**
 * The daily aggregate rows the store would keep for these moves (one row per day, source,
 * target and quad class, sums in input order). Hand-kept events can go through this to reach
 * the aggregate path, and tests use it to show both paths agree.
 */
export function toDyadDays(moves: Iterable<Move>): DyadDay[] {
  const rows = new Map<string, DyadDay>();
  for (const m of moves) {
    const key = `${m.date}|${m.sourceCode}|${m.targetCode}|${m.quadClass}`;
    let r = rows.get(key);
    if (!r) {
      r = {
        day: m.date,
        source: m.sourceCode,
        target: m.targetCode,
        quadClass: m.quadClass,
        count: 0,
        goldsteinSum: 0,
        positiveSum: 0,
        negativeSum: 0,
      };
      rows.set(key, r);
    }
    const g = m.goldstein;
    r.count += 1;
    r.goldsteinSum += g;
    r.positiveSum += Math.max(g, 0);
    r.negativeSum += Math.min(g, 0);
  }
  return [...rows.values()];
}
