import { summarizeIndicators } from '../analysis/indicator-summary.js';
import { scorecard } from '../analysis/scorecard.js';
import { partyOf } from '../model/actor-code.js';
import { NotFoundError, UsageError } from '../model/errors.js';
import type { IsoDate } from '../model/iso-date.js';
import { frameAsKnown, type KnownBy } from '../model/knowledge.js';
import type { CaseFrame } from '../store/case-repository.js';
import { IMPORTS_CASE_ID } from '../store/import-tables.js';
import type { Store } from '../store/store.js';
import type { Brief, LedgerCounts } from './brief.js';
import { headline } from './brief-headline.js';
import { countedText, paceCountedText } from './counted-text.js';
import { evaluateConditions } from './evaluate-conditions.js';
import { importedReciprocity } from './imported-reciprocity.js';
import { countsAsKnown, hindsightOf, lateEventsOf } from './known-ledger.js';
import { CONCESSION_CODES, type DyadScope, isCountryLevel, readPace, readReciprocity } from './read-dyad.js';
import { chooseReciprocityWindow } from './reciprocity-window.js';
import { chooseReading, recordEnd, recordEndsNote } from './reading.js';
import { summariseFacilities } from './summarise-facilities.js';

export { gatedCountText } from './brief-headline.js';

export interface BriefOptions {
  caseId: string;
  /** Default: the case's `defaultAsOf`, else today. */
  asOf?: string;
  /** Reciprocity and pace between these two parties instead of the case's own (`USA`, `PRK`). */
  dyad?: [string, string];
  /** Reciprocity window start; default the case's `reciprocitySince`, else its period start, else a year before the window's end (see `chooseReciprocityWindow`). */
  from?: string;
  /** Reciprocity window end; default the date asked about. */
  to?: string;
  /** Days within which a concession counts as answered; default the case's `responseDays`, else 30. */
  answerWithinDays?: number;
  /** Read with everything on record, not only what was known on the date asked about. */
  hindsight?: boolean;
  /** Read with what was known by this date (on or after the date asked about). */
  knownBy?: string;
  /** How the caller named the options, for messages (see `ReadingOptions`). */
  askedBy?: 'flags' | 'query';
}

/** Builds the brief of a case on a date from the store, reading only what each part needs. */
export async function buildBrief(store: Store, options: BriefOptions): Promise<Brief> {
  const frame = await readFrame(store, options.caseId);
  const settings = frame.info.settings;
  const reading = chooseReading(settings, options);
  const { asOf, knownBy } = reading;
  // Everything below reads the case as known by `knownBy`: facts learned later are left out.
  const view = frameAsKnown(frame, knownBy);
  const conditions = await evaluateConditions(store, view, asOf, knownBy);
  const headlineResult = conditions.find((c) => c.id === settings.headlineCondition);
  const window = chooseReciprocityWindow(settings, asOf, options);
  const dyad = await dyadScope(store, frame, options, { asOf, knownBy, window });
  const { a, b, from, to, importCases } = dyad;
  const countryLevel = isCountryLevel(dyad);
  const answerWithinDays = options.answerWithinDays ?? settings.responseDays ?? 30;
  const reciprocity = await readReciprocity(dyad, answerWithinDays);
  const paced = await readPace(dyad, settings.period?.to);
  const paceCounted = paceCountedText(frame.info.id, a, b, paced.pace.readTo, paced.fromImports ? { from, to } : null);
  const ledger = await ledgerCounts(dyad);
  const importedSide = await importedReciprocity(store, {
    caseId: frame.info.id,
    importCases,
    a,
    b,
    from,
    to,
    answerWithinDays,
    concessionCodes: CONCESSION_CODES,
  });
  return {
    schema: 'parley.brief/1',
    case: {
      id: frame.info.id,
      title: frame.info.title,
      ...(frame.info.description ? { description: frame.info.description } : {}),
    },
    asOf,
    asOfChosenBy: reading.asOfChosenBy,
    asKnownOn: knownBy,
    hindsight: knownBy === asOf ? null : await hindsightOf(store, frame, asOf, knownBy),
    recordNote: recordEndsNote(asOf, recordEnd(frame)),
    headline: headlineResult ? headline(headlineResult, asOf) : null,
    conditions,
    reciprocity,
    reciprocityWindow: { ...window, counted: countedText(window, frame.info.id, a, b, countryLevel) },
    ...(importedSide ? { importedReciprocity: importedSide } : {}),
    scorecard: scorecard(view.agreements, asOf, settings.reciprocitySince ? { since: settings.reciprocitySince } : {}),
    facilities: summariseFacilities(view, asOf),
    // `view` holds only the measurements reported by `knownBy`.
    ...(view.indicators?.length ? { indicators: summarizeIndicators(view.indicators, asOf, knownBy) } : {}),
    pace: paced.pace,
    paceCounted,
    ledger,
  };
}

/** The case's events by review status as known on the date asked about, and the imported rows of its dyad. */
async function ledgerCounts({
  store,
  caseId,
  asOf,
  late,
  importCases,
  a,
  b,
  from,
  to,
}: DyadScope): Promise<LedgerCounts> {
  const byStatus = countsAsKnown(await store.aggregates.countByStatus(caseId, asOf), late, asOf);
  const imported = await store.aggregates.importedCount(importCases, partyOf(a), partyOf(b), from, to);
  return {
    events: byStatus.confirmed + byStatus.proposed + byStatus.rejected,
    confirmed: byStatus.confirmed,
    proposed: byStatus.proposed,
    rejected: byStatus.rejected,
    imported,
  };
}

/** The case's frame (settings, actors, conditions, facilities); a NotFoundError naming the cases there are. */
async function readFrame(store: Store, caseId: string): Promise<CaseFrame> {
  const frame = await store.cases.readFrame(caseId);
  if (frame) return frame;
  const known = (await store.cases.list()).map((c) => c.id);
  throw new NotFoundError(`no case "${caseId}" in the store${known.length ? `; cases: ${known.join(', ')}` : ''}`);
}

/** The dyad the brief's reciprocity and pace read: the one asked for, else the case's parties. */
async function dyadScope(
  store: Store,
  frame: CaseFrame,
  options: BriefOptions,
  on: { asOf: IsoDate; knownBy: KnownBy; window: { from: IsoDate; to: IsoDate } },
): Promise<DyadScope> {
  const caseId = frame.info.id;
  const late = on.knownBy === null ? [] : await lateEventsOf(store, caseId, options.to ?? on.asOf, on.knownBy);
  const [a, b] = options.dyad ?? frame.info.settings.parties;
  if (!a || !b) throw new UsageError(`case ${caseId} names no two parties; give them with --dyad, e.g. --dyad USA:PRK`);
  // Imported rows attached to the case always count; asking for a dyad also reads the rows
  // imported without a case, so an extract and a hand-kept case can be read together.
  const importCases = options.dyad && caseId !== IMPORTS_CASE_ID ? [caseId, IMPORTS_CASE_ID] : [caseId];
  return {
    store,
    caseId,
    a,
    b,
    asOf: on.asOf,
    knownBy: on.knownBy,
    late,
    from: on.window.from,
    to: on.window.to,
    importCases,
  };
}
