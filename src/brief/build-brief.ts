import { evaluateCondition } from '../analysis/conditions/evaluate-condition.js';
import type { ConditionResult } from '../analysis/conditions/condition-result.js';
import { DEFAULT_STEP_PREFIXES, pace } from '../analysis/pace.js';
import {
  type ReciprocityResult,
  reciprocity as reciprocityOfMoves,
  reciprocityFromAggregates,
} from '../analysis/reciprocity.js';
import { partyOf } from '../model/actor-code.js';
import { scorecard } from '../analysis/scorecard.js';
import { moveFromEvent, type Move } from '../analysis/move.js';
import { NotFoundError, UsageError } from '../model/errors.js';
import type { LedgerEvent, Verification } from '../model/event.js';
import { verificationRank } from '../model/event.js';
import { facilityStatusOn, type Facility, type FacilityStatus } from '../model/facility.js';
import { eventAsKnown, frameAsKnown, type KnownBy } from '../model/knowledge.js';
import type { CaseFrame } from '../store/case-repository.js';
import type { Store } from '../store/store.js';
import { ImportRepository } from '../store/import-repository.js';
import { IMPORTS_CASE_ID } from '../store/import-tables.js';
import { CASE_ORIGIN } from '../store/aggregate-repository.js';
import { summarizeIndicators } from '../analysis/indicator-summary.js';
import type { Brief, FacilitiesSummary, FacilityLine, Headline } from './brief.js';
import { attachEvidenceSources, collectConditionLedger } from './collect-condition-ledger.js';
import { countedText, paceCountedText } from './counted-text.js';
import { importedReciprocity } from './imported-reciprocity.js';
import { chooseReciprocityWindow } from './reciprocity-window.js';
import { countsAsKnown, hindsightOf, lateEventsOf, withoutLateEvents } from './known-ledger.js';
import { chooseReading, recordEnd, recordEndsNote } from './reading.js';

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

/** Codes whose moves reciprocity needs one by one (concessions); everything else comes from the daily aggregates. */
const CONCESSION_CODES = ['08', '035'];

/** Moves for the analyses, their summaries as known by then; an event with no target falls outside every dyad. */
function movesOf(events: readonly LedgerEvent[], knownBy: KnownBy): Move[] {
  return events.flatMap((e) => {
    const known = eventAsKnown(e, knownBy);
    return known ? [moveFromEvent(known)] : [];
  });
}

/** Builds the brief of a case on a date from the store, reading only what each part needs. */
export async function buildBrief(store: Store, options: BriefOptions): Promise<Brief> {
  const frame = await store.cases.readFrame(options.caseId);
  if (!frame) {
    const known = (await store.cases.list()).map((c) => c.id);
    throw new NotFoundError(
      `no case "${options.caseId}" in the store${known.length ? `; cases: ${known.join(', ')}` : ''}`,
    );
  }
  const settings = frame.info.settings;
  const reading = chooseReading(settings, options);
  const { asOf, knownBy } = reading;
  // Everything below reads the case as known by `knownBy`: facts learned later are left out.
  const view = frameAsKnown(frame, knownBy);
  const conditions: ConditionResult[] = [];
  for (const c of view.conditions)
    conditions.push(evaluateCondition(c, asOf, await collectConditionLedger(store, view, c, asOf, knownBy)));
  await attachEvidenceSources(store, frame.info.id, conditions, knownBy);
  const headlineResult = conditions.find((c) => c.id === settings.headlineCondition);
  const known = knownBy === null ? {} : { knownBy };
  const late = knownBy === null ? [] : await lateEventsOf(store, frame.info.id, options.to ?? asOf, knownBy);

  const [a, b] = options.dyad ?? settings.parties;
  if (!a || !b)
    throw new UsageError(`case ${frame.info.id} names no two parties; give them with --dyad, e.g. --dyad USA:PRK`);
  const window = chooseReciprocityWindow(settings, asOf, options);
  const { from, to } = window;
  // Imported rows attached to the case always count; asking for a dyad also reads the rows
  // imported without a case, so an extract and a hand-kept case can be read together.
  const importCases =
    options.dyad && frame.info.id !== IMPORTS_CASE_ID ? [frame.info.id, IMPORTS_CASE_ID] : [frame.info.id];
  const imports = new ImportRepository(store.db, store.opened);
  const importedMoves = async (codes: readonly string[]): Promise<Move[]> => {
    const out: Move[] = [];
    for (const caseId of importCases) {
      for (const m of await imports.findImportedMoves({ caseId, a: partyOf(a), b: partyOf(b), from, to, codes })) {
        out.push({ ...m, verification: 'claimed' });
      }
    }
    return out;
  };
  const reciprocityOptions = { from, to, answerWithinDays: options.answerWithinDays ?? settings.responseDays ?? 30 };
  const countryLevel = partyOf(a) === a && partyOf(b) === b;
  let reciprocity: ReciprocityResult;
  if (countryLevel) {
    // Country level: sums and series from the daily aggregates of the case's own events,
    // concessions from their own events. Imported rows are read apart (importedReciprocity).
    const days = await store.aggregates.dyadDays(frame.info.id, a, b, from, to, CASE_ORIGIN);
    const concessionEvents = await store.events.find({
      caseId: frame.info.id,
      codes: CONCESSION_CODES,
      sourceCodes: [a, b],
      targetCodes: [a, b],
      from,
      to,
      statuses: ['confirmed'],
      bare: true,
      ...known,
    });
    reciprocity = reciprocityFromAggregates(
      withoutLateEvents(days, late),
      { a, b },
      {
        ...reciprocityOptions,
        concessionMoves: movesOf(concessionEvents, knownBy),
      },
    );
  } else {
    // Role level (USAGOV ↔ PRKMIL): the aggregates are kept by country, so read the dyad's moves.
    const events = await store.events.find({
      caseId: frame.info.id,
      sourceCodes: [a, b],
      targetCodes: [a, b],
      from,
      to,
      statuses: ['confirmed'],
      bare: true,
      ...known,
    });
    reciprocity = reciprocityOfMoves(movesOf(events, knownBy), { a, b, level: 'role' }, reciprocityOptions);
  }

  const dyad = { a, b, level: countryLevel ? ('country' as const) : ('role' as const) };
  const steps = movesOf(
    await store.events.find({
      caseId: frame.info.id,
      codes: [...DEFAULT_STEP_PREFIXES],
      sourceCodes: [a, b],
      targetCodes: [a, b],
      to: asOf,
      statuses: ['confirmed'],
      bare: true,
      ...known,
    }),
    knownBy,
  );
  // A case with its own record of the talks is paced by it; a dyad read from imports alone by those.
  const fromImports = steps.length < 2;
  if (fromImports) steps.push(...(await importedMoves(DEFAULT_STEP_PREFIXES)).filter((m) => m.date <= asOf));
  const recordEnds = settings.period?.to;
  const paceResult = pace(steps, { asOf, dyad, ...(recordEnds ? { recordEnds } : {}) });
  const paceCounted = paceCountedText(frame.info.id, a, b, paceResult.readTo, fromImports ? { from, to } : null);

  const byStatus = countsAsKnown(await store.aggregates.countByStatus(frame.info.id, asOf), late, asOf);
  const imported = await store.aggregates.importedCount(importCases, partyOf(a), partyOf(b), from, to);
  const importedSide = await importedReciprocity(store, {
    caseId: frame.info.id,
    importCases,
    a,
    b,
    from,
    to,
    answerWithinDays: reciprocityOptions.answerWithinDays,
    concessionCodes: CONCESSION_CODES,
  });
  const brief: Brief = {
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
    pace: paceResult,
    paceCounted,
    ledger: {
      events: byStatus.confirmed + byStatus.proposed + byStatus.rejected,
      confirmed: byStatus.confirmed,
      proposed: byStatus.proposed,
      rejected: byStatus.rejected,
      imported,
    },
  };
  return brief;
}

const VERDICT_WORDS: Record<ConditionResult['verdict'], string> = {
  met: 'Yes',
  unmet: 'No',
  unknown: 'Not known',
  'not-stated': 'Not yet stated',
};

/**
 * "1 gated visit since the condition was stated on 2018-09-20; 2 earlier visits of the same kind";
 * before it was stated, "2 visits of the kind it gates so far; it was stated on 2018-09-20".
 */
export function gatedCountText(r: ConditionResult): string {
  const n = r.gatedMoves.length;
  const noun = (k: number) => `${r.gatedNoun}${k === 1 ? '' : 's'}`;
  const m = r.movesBeforeStated.length;
  // Before the condition was stated nothing is gated yet: only moves of its kind so far.
  if (r.verdict === 'not-stated') return `${m} ${noun(m)} of the kind it gates so far; it was stated on ${r.stated}`;
  const since = r.stated ? `since the condition was stated on ${r.stated}` : 'while it was not met';
  const gated = n ? `${n} gated ${noun(n)} ${since}` : `no gated ${noun(2)} ${since}`;
  return m ? `${gated}; ${m} earlier ${noun(m)} of the same kind` : gated;
}

function headline(r: ConditionResult, asOf: string): Headline {
  let answer = `${VERDICT_WORDS[r.verdict]}: ${r.verdict === 'not-stated' ? 'not yet stated' : r.verdict} on ${asOf}.`;
  if (r.verdict === 'not-stated')
    answer += ` The condition was stated on ${r.stated}; read as if it already applied, it would be ${r.result.verdict}.`;
  if (r.missing.length) answer += ` Missing: ${r.missing.join('; ')}.`;
  if (r.verdict !== 'not-stated') answer += ` ${capitalise(gatedCountText(r))}.`;
  else if (r.movesBeforeStated.length)
    answer += ` ${r.movesBeforeStated.length} ${r.gatedNoun}${r.movesBeforeStated.length === 1 ? '' : 's'} of the kind it gates so far.`;
  return {
    conditionId: r.id,
    question: r.question ?? `Is this condition met: ${r.title}?`,
    verdict: r.verdict,
    stated: r.stated,
    sources: r.sources,
    answer,
    evidence: r.result.evidence,
    missing: r.missing,
    gatedMoves: r.gatedMoves,
    movesBeforeStated: r.movesBeforeStated,
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function summariseFacilities(frame: CaseFrame, asOf: string): FacilitiesSummary {
  const byStatus: Partial<Record<FacilityStatus, number>> = {};
  for (const f of frame.facilities) {
    const s = facilityStatusOn(f, asOf)?.status ?? 'unknown';
    byStatus[s] = (byStatus[s] ?? 0) + 1;
  }
  const key = frame.facilities.filter((f) => f.key).map((f) => facilityLine(f, asOf));
  return { total: frame.facilities.length, byStatus, key, omitted: frame.facilities.length - key.length };
}

function facilityLine(f: Facility, asOf: string): FacilityLine {
  const status = facilityStatusOn(f, asOf);
  const seen = f.observations.filter((o) => o.date <= asOf);
  const last = seen.reduce<(typeof seen)[number] | undefined>(
    (acc, o) => (!acc || o.date >= acc.date ? o : acc),
    undefined,
  );
  let best: Verification | null = null;
  for (const o of seen) if (!best || verificationRank(o.verification) > verificationRank(best)) best = o.verification;
  return {
    id: f.id,
    name: f.name,
    type: f.type,
    key: f.key,
    declared: f.declared ?? null,
    status: status?.status ?? 'unknown',
    statusSince: status?.date ?? null,
    statusNote: status?.note ?? null,
    lastObservation: last
      ? { date: last.date, by: last.by, finding: last.finding, verification: last.verification }
      : null,
    bestVerification: best,
  };
}
