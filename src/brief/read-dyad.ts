import { DEFAULT_STEP_PREFIXES, pace, type PaceResult } from '../analysis/pace.js';
import {
  type ReciprocityResult,
  reciprocity as reciprocityOfMoves,
  reciprocityFromAggregates,
} from '../analysis/reciprocity.js';
import { moveFromEvent, type Move } from '../analysis/move.js';
import { partyOf } from '../model/actor-code.js';
import type { LedgerEvent } from '../model/event.js';
import type { IsoDate } from '../model/iso-date.js';
import { eventAsKnown, type KnownBy } from '../model/knowledge.js';
import { CASE_ORIGIN } from '../store/aggregate-repository.js';
import { ImportRepository } from '../store/import-repository.js';
import type { Store } from '../store/store.js';
import { withoutLateEvents } from './known-ledger.js';

/** What the brief's reciprocity and pace read: one dyad of one case, on a date, as known by a date. */
export interface DyadScope {
  store: Store;
  caseId: string;
  a: string;
  b: string;
  asOf: IsoDate;
  knownBy: KnownBy;
  /** Events dated up to the window's end that became known after `knownBy` (none with hindsight). */
  late: readonly LedgerEvent[];
  /** The reciprocity window. */
  from: IsoDate;
  to: IsoDate;
  /** The cases whose imported rows count: the case's own, and with a dyad asked for, the rows imported without a case. */
  importCases: string[];
}

/** Codes whose moves reciprocity needs one by one (concessions); everything else comes from the daily aggregates. */
export const CONCESSION_CODES = ['08', '035'];

/** Moves for the analyses, their summaries as known by then; an event with no target falls outside every dyad. */
function movesOf(events: readonly LedgerEvent[], knownBy: KnownBy): Move[] {
  return events.flatMap((e) => {
    const known = eventAsKnown(e, knownBy);
    return known ? [moveFromEvent(known)] : [];
  });
}

/** Whether both sides are whole countries (`USA`, `PRK`) rather than roles (`USAGOV`). */
export function isCountryLevel(s: Pick<DyadScope, 'a' | 'b'>): boolean {
  return partyOf(s.a) === s.a && partyOf(s.b) === s.b;
}

/** The case's confirmed moves between the two sides, as known by then. */
async function dyadMoves(s: DyadScope, range: { codes?: string[]; from?: IsoDate; to: IsoDate }): Promise<Move[]> {
  const events = await s.store.events.find({
    caseId: s.caseId,
    ...(range.codes ? { codes: range.codes } : {}),
    sourceCodes: [s.a, s.b],
    targetCodes: [s.a, s.b],
    ...(range.from ? { from: range.from } : {}),
    to: range.to,
    statuses: ['confirmed'],
    bare: true,
    ...(s.knownBy === null ? {} : { knownBy: s.knownBy }),
  });
  return movesOf(events, s.knownBy);
}

/** Imported rows between the two parties in the window, of the codes given (all with none), counted as claimed. */
async function importedMoves(s: DyadScope, codes: readonly string[]): Promise<Move[]> {
  const imports = new ImportRepository(s.store.db, s.store.opened);
  const out: Move[] = [];
  for (const caseId of s.importCases) {
    const found = await imports.findImportedMoves({
      caseId,
      a: partyOf(s.a),
      b: partyOf(s.b),
      from: s.from,
      to: s.to,
      codes,
    });
    for (const m of found) out.push({ ...m, verification: 'claimed' });
  }
  return out;
}

/**
 * Reciprocity over the window between the case's own moves; imported rows are read apart
 * (importedReciprocity). Between countries, sums and series come from the daily aggregates of
 * the case's events and concessions from their own events; between roles (USAGOV ↔ PRKMIL) the
 * aggregates, kept by country, do not serve, so the dyad's moves are read.
 */
export async function readReciprocity(s: DyadScope, answerWithinDays: number): Promise<ReciprocityResult> {
  const options = { from: s.from, to: s.to, answerWithinDays };
  if (!isCountryLevel(s)) {
    const moves = await dyadMoves(s, { from: s.from, to: s.to });
    return reciprocityOfMoves(moves, { a: s.a, b: s.b, level: 'role' }, options);
  }
  const days = await s.store.aggregates.dyadDays(s.caseId, s.a, s.b, s.from, s.to, CASE_ORIGIN);
  const concessions = await dyadMoves(s, { codes: CONCESSION_CODES, from: s.from, to: s.to });
  return reciprocityFromAggregates(
    withoutLateEvents(days, s.late),
    { a: s.a, b: s.b },
    { ...options, concessionMoves: concessions },
  );
}

/**
 * The pace of the talks up to the date. A case with its own record of the talks is paced by it; a
 * dyad read from imports alone by those (`fromImports`).
 */
export async function readPace(
  s: DyadScope,
  recordEnds: IsoDate | undefined,
): Promise<{ pace: PaceResult; fromImports: boolean }> {
  const steps = await dyadMoves(s, { codes: [...DEFAULT_STEP_PREFIXES], to: s.asOf });
  const fromImports = steps.length < 2;
  if (fromImports) steps.push(...(await importedMoves(s, DEFAULT_STEP_PREFIXES)).filter((m) => m.date <= s.asOf));
  const dyad = { a: s.a, b: s.b, level: isCountryLevel(s) ? ('country' as const) : ('role' as const) };
  return { pace: pace(steps, { asOf: s.asOf, dyad, ...(recordEnds ? { recordEnds } : {}) }), fromImports };
}
