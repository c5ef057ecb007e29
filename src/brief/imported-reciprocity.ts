import { reciprocity as reciprocityOfMoves, reciprocityFromAggregates } from '../analysis/reciprocity.js';
import type { Move } from '../analysis/move.js';
import { partyOf } from '../model/actor-code.js';
import { IMPORT_ORIGIN } from '../store/import-tables.js';
import { ImportRepository } from '../store/import-repository.js';
import { ImportedRowRepository } from '../store/imported-row-repository.js';
import type { Store } from '../store/store.js';
import type { ImportedReciprocity } from './brief.js';

export interface ImportedSideQuery {
  /** The case of the brief; its own confirmed events are counted apart. */
  caseId: string;
  /** The cases whose imported rows are read: the case's own, and with --dyad those imported without a case. */
  importCases: readonly string[];
  a: string;
  b: string;
  from: string;
  to: string;
  answerWithinDays: number;
  /** CAMEO codes whose moves reciprocity reads one by one (concessions). */
  concessionCodes: readonly string[];
}

/**
 * Reciprocity over imported dataset rows alone, for the brief to show apart from the case's own
 * moves: a move both kept by hand and found in a dataset would otherwise count twice. The rows that
 * look like a move of the case (`countAlsoInCase`) are counted, to say how far the two overlap.
 * Null when the dyad has no imported row in the window.
 */
export async function importedReciprocity(store: Store, q: ImportedSideQuery): Promise<ImportedReciprocity | null> {
  const a = partyOf(q.a);
  const b = partyOf(q.b);
  const rows = await store.aggregates.importedCount(q.importCases, a, b, q.from, q.to);
  if (rows === 0) return null;
  const imports = new ImportRepository(store.db, store.opened);
  const movesOf = async (codes: readonly string[]): Promise<Move[]> => {
    const out: Move[] = [];
    for (const caseId of q.importCases)
      for (const m of await imports.findImportedMoves({ caseId, a, b, from: q.from, to: q.to, codes }))
        out.push({ ...m, verification: 'claimed' });
    return out;
  };
  const options = { from: q.from, to: q.to, answerWithinDays: q.answerWithinDays };
  const countryLevel = a === q.a && b === q.b;
  const result = countryLevel
    ? reciprocityFromAggregates(
        await store.aggregates.dyadDays(q.importCases, a, b, q.from, q.to, IMPORT_ORIGIN),
        { a, b },
        { ...options, concessionMoves: await movesOf(q.concessionCodes) },
      )
    : reciprocityOfMoves(await movesOf([]), { a: q.a, b: q.b, level: 'role' }, options);
  const rowsRepo = new ImportedRowRepository(store.db);
  const alsoInCase = await rowsRepo.countAlsoInCase({
    importCases: q.importCases,
    caseId: q.caseId,
    a,
    b,
    from: q.from,
    to: q.to,
  });
  const datasets = await rowsRepo.datasetsOf(q.importCases);
  return {
    rows,
    datasets,
    alsoInCase,
    counted:
      `Counted: imported rows (${datasets.join(', ')}) between ${a} and ${b} (both directions), dated ${q.from} to ${q.to}, ` +
      `apart from the case's own events: ${alsoInCase} of the ${rows} look like a move the case already holds ` +
      '(same direction and CAMEO root, within a day), so the two are not added together.',
    reciprocity: result,
  };
}
