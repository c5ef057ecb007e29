import type { ConditionResult } from '../analysis/conditions/condition-result.js';
import { NotFoundError } from '../model/errors.js';
import { frameAsKnown } from '../model/knowledge.js';
import type { Store } from '../store/store.js';
import { evaluateConditions } from './evaluate-conditions.js';
import { chooseReading, type Reading, type ReadingOptions, recordEnd, recordEndsNote } from './reading.js';

export interface CheckResult {
  caseId: string;
  reading: Reading;
  /** Set when the date asked about is after the case's record ends. */
  recordNote: string | null;
  conditions: ConditionResult[];
}

/**
 * `parley check`: a case's conditions (all, or those named) on a date, read as `parley brief`
 * reads them: the same default date, as known on that date unless hindsight is asked for.
 */
export async function checkConditions(
  store: Store,
  caseId: string,
  options: ReadingOptions & { only?: readonly string[] },
): Promise<CheckResult> {
  const frame = await store.cases.readFrame(caseId);
  if (!frame) throw new NotFoundError(`no case "${caseId}" in the store; load one with \`parley case load DIR\``);
  for (const id of options.only ?? []) {
    if (!frame.conditions.some((c) => c.id === id)) {
      throw new NotFoundError(
        `case ${caseId} has no condition "${id}"; it has ${frame.conditions.map((c) => c.id).join(', ')}`,
      );
    }
  }
  const reading = chooseReading(frame.info.settings, options);
  const view = frameAsKnown(frame, reading.knownBy);
  const only = options.only;
  const conditions = only ? view.conditions.filter((c) => only.includes(c.id)) : view.conditions;
  const out = await evaluateConditions(store, { ...view, conditions }, reading.asOf, reading.knownBy);
  return { caseId, reading, recordNote: recordEndsNote(reading.asOf, recordEnd(frame)), conditions: out };
}

/** The JSON of `parley check --format json` and of the API's check. */
export function checkJson(checked: CheckResult) {
  return {
    asOf: checked.reading.asOf,
    asKnownOn: checked.reading.knownBy,
    recordNote: checked.recordNote,
    case: checked.caseId,
    conditions: checked.conditions,
  };
}
