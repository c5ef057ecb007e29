import { partyOf } from '../model/actor-code.js';
import { NotFoundError, UsageError } from '../model/errors.js';
import type { LedgerEvent } from '../model/event.js';
import { IMPORTS_CASE_ID } from '../store/import-tables.js';
import { type ImportedRow, type ImportedRowQuery, ImportedRowRepository } from '../store/imported-row-repository.js';
import type { Store } from '../store/store.js';
import { type MoveFilters, resolveSide } from './list-events.js';

/** Which imported rows of a case's dyad to count or list; actor filters as `listEvents` takes them. */
export interface ImportedRowsInput extends MoveFilters {
  offset?: number;
}

/** How many imported rows of a case's dyad match, and from which datasets. */
export interface ImportedRowsCount {
  /** The case's two parties as country codes; rows between them count, either direction. */
  dyad: [string, string];
  datasets: string[];
  total: number;
}

export interface ImportedRowsPage extends ImportedRowsCount {
  rows: ImportedRow[];
}

/**
 * Imported dataset rows are kept apart from a case's own moves: the case's ledger is checked and
 * sourced by hand, a dataset's rows are machine-coded reports, and one move is often in both. So
 * `parley events` and `parley review` never list them among the case's events; they say how many
 * there are and list them on request. The rows read are those of the case's two parties, both
 * directions, imported with the case or without one (`parley import` without `--case`), as
 * `brief --dyad` reads them.
 */
export async function countImportedRows(store: Store, input: ImportedRowsInput): Promise<ImportedRowsCount | null> {
  // A person filter matches no imported row: the case's events may still be listed by it, with no count beside.
  const q = await rowQuery(store, input, 'none');
  return q ? countOf(store, q) : null;
}

/** The imported rows of a case's dyad, in date order, at most `limit` of them, with how many match in all. */
export async function listImportedRows(store: Store, input: ImportedRowsInput): Promise<ImportedRowsPage | null> {
  const q = await rowQuery(store, input, 'refuse');
  if (!q) return null;
  const count = await countOf(store, q);
  const rows = await new ImportedRowRepository(store.db).find({
    ...q,
    ...(input.limit !== undefined ? { limit: input.limit } : {}),
    ...(input.offset !== undefined ? { offset: input.offset } : {}),
  });
  return { ...count, rows };
}

async function countOf(store: Store, q: ImportedRowQuery): Promise<ImportedRowsCount> {
  const repo = new ImportedRowRepository(store.db);
  const [a, b] = q.dyad!;
  return { dyad: [a, b], datasets: await repo.datasetsOf(q.caseIds), total: await repo.count(q) };
}

/**
 * For each proposed move, how many imported rows look like it (same direction, same CAMEO root,
 * within a day): a reviewer sees that a dataset reported it too, or that none did.
 */
export async function importedLike(store: Store, events: readonly LedgerEvent[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const repo = new ImportedRowRepository(store.db);
  for (const e of events) {
    if (!e.targetCode) continue;
    const caseIds = importCasesOf(e.caseId);
    const n = await repo.countLike(caseIds, {
      date: e.date,
      sourceParty: partyOf(e.sourceCode),
      targetParty: partyOf(e.targetCode),
      root: e.code.slice(0, 2),
    });
    if (n > 0) out.set(e.id, n);
  }
  return out;
}

function importCasesOf(caseId: string): string[] {
  return caseId === IMPORTS_CASE_ID ? [caseId] : [caseId, IMPORTS_CASE_ID];
}

/**
 * The repository query for these filters, or null when the case names no two parties (there is
 * then no dyad to read). Imported rows carry codes, not the case's people: a person's id is
 * refused, or (`people: 'none'`) makes the answer null.
 */
async function rowQuery(
  store: Store,
  input: ImportedRowsInput,
  people: 'refuse' | 'none',
): Promise<ImportedRowQuery | null> {
  const info = await store.cases.info(input.caseId);
  if (!info) throw new NotFoundError(`no case "${input.caseId}" in the store; \`parley case list\` shows the cases`);
  const [a, b] = info.settings.parties;
  if (!a || !b) return null;
  const actors = await store.cases.actors(input.caseId);
  let person = false;
  const codes = (names: readonly string[] | undefined, what: string): string[] | undefined => {
    if (!names?.length) return undefined;
    const side = resolveSide(names, actors, input.caseId, what);
    const named = side.actors ?? [];
    if (named.length && people === 'none') person = true;
    else if (named.length)
      throw new UsageError(
        `--${what} ${named.join(', ')}: imported rows name no people, only actor codes; ` +
          'give a code instead (USAGOV, PRKGOV)',
      );
    return [...(side.codes ?? [])];
  };
  const q: ImportedRowQuery = { caseIds: importCasesOf(input.caseId), dyad: [partyOf(a), partyOf(b)] };
  if (input.from) q.from = input.from;
  if (input.to) q.to = input.to;
  const either = codes(input.actors, 'actor');
  const sources = codes(input.sources, 'source');
  const targets = codes(input.targets, 'target');
  if (either) q.eitherCodes = either;
  if (sources) q.sourceCodes = sources;
  if (targets) q.targetCodes = targets;
  if (input.codes?.length) q.codes = [...input.codes];
  return person ? null : q;
}
