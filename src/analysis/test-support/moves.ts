import type { QuadClass, Verification } from '../../model/event.js';
import type { Move } from '../move.js';

/** Shorthand for tests: `mv('2018-06-04', 'USAGOV', 'PRK', '036', 4, 1, 'verified', 'a1')`. */
export function mv(
  date: string,
  sourceCode: string,
  targetCode: string,
  code: string,
  goldstein: number,
  quadClass: QuadClass,
  verification: Verification = 'verified',
  id?: string,
): Move {
  const m: Move = { date, sourceCode, targetCode, code, goldstein, quadClass, verification };
  if (id !== undefined) {
    m.id = id;
    m.summary = `move ${id}`;
  }
  return m;
}
