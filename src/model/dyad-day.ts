import type { QuadClass } from './event.js';
import type { IsoDate } from './iso-date.js';

/**
 * One pre-aggregated row: every move from `source` to `target` of one quad class on one day. The
 * store keeps these for millions of imported rows, so that reciprocity never has to load the rows.
 * All numeric fields must be JS numbers: PostgreSQL returns COUNT and SUM as strings through `pg`,
 * and a row whose fields are not finite numbers is left out and counted in `window.invalidRows`.
 */
export interface DyadDay {
  day: IsoDate;
  /** CAMEO actor code of the source (as fine as the store keeps it). */
  source: string;
  target: string;
  quadClass: QuadClass;
  /** Number of moves. */
  count: number;
  /** Σ Goldstein. */
  goldsteinSum: number;
  /** Σ max(g, 0). */
  positiveSum: number;
  /** Σ min(g, 0), so zero or negative. */
  negativeSum: number;
}
