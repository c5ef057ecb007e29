import type { Direction, DyadGrid } from './dyad-grid.js';
import { quadTotals } from './dyad-grid.js';

/** Goldstein sums of a group of moves: net, and cooperation and conflict kept apart. */
export interface GoldsteinSplit {
  /** Σ g. */
  net: number;
  /** Σ g over moves with g > 0. */
  cooperation: number;
  /** Σ g over moves with g < 0 (zero or negative). */
  conflict: number;
  count: number;
}

/** One quad class's totals. */
export interface QuadSums extends GoldsteinSplit {
  quadClass: 1 | 2 | 3 | 4;
}

/** Everything one side sent the other over the window. */
export interface DirectionSums {
  /** All moves. */
  total: GoldsteinSplit;
  /** Quad classes 2 and 4 (deeds). */
  material: GoldsteinSplit;
  /** Quad classes 1 and 3 (words). */
  verbal: GoldsteinSplit;
  /** Quad classes 1, 2, 3, 4 in that order. */
  byQuad: QuadSums[];
}

function split(parts: readonly GoldsteinSplit[]): GoldsteinSplit {
  const out: GoldsteinSplit = { net: 0, cooperation: 0, conflict: 0, count: 0 };
  for (const p of parts) {
    out.net += p.net;
    out.cooperation += p.cooperation;
    out.conflict += p.conflict;
    out.count += p.count;
  }
  return out;
}

export function directionSums(grid: DyadGrid, direction: Direction): DirectionSums {
  const byQuad: QuadSums[] = quadTotals(grid, direction).map((t, i) => ({
    quadClass: (i + 1) as 1 | 2 | 3 | 4,
    net: t.goldsteinSum,
    cooperation: t.positiveSum,
    conflict: t.negativeSum,
    count: t.count,
  }));
  const [q1, q2, q3, q4] = byQuad as [QuadSums, QuadSums, QuadSums, QuadSums];
  return {
    total: split([q1, q2, q3, q4]),
    material: split([q2, q4]),
    verbal: split([q1, q3]),
    byQuad,
  };
}
