import { statSync } from 'node:fs';
import type { CaseData } from '../model/case.js';
import { describeProblem, ValidationError, type ValidationProblem } from '../model/errors.js';
import type { LedgerEvent } from '../model/event.js';
import { readCaseFiles } from './case-files.js';
import { checkShapes, type ShapedCase } from './check-shapes.js';
import { toActor, toAgreement, toCondition, toEvent, toFacility, toInfo } from './convert-case.js';
import { crossReference } from './cross-reference.js';
import { checkKnownDates, settleKnownDates } from './known-dates.js';

export interface CaseFolder {
  data: CaseData;
  /** Hash of every file's bytes; equal hashes mean nothing changed. */
  hash: string;
  dir: string;
}

/** Problems listed in full; past this many the rest are counted, not listed. */
const MAX_PROBLEMS = 100;

/**
 * Reads and validates a case folder in three steps: every file's shape, then conversion to the
 * model, then every cross-reference (actors, facilities, events, agreements, CAMEO codes, roles
 * held on the dates used). Every problem in every file is found in this one pass and reported
 * once, with file, line and field, in one ValidationError; nothing partial is returned.
 */
export function readCaseFolder(dir: string): CaseFolder {
  assertFolder(dir);
  const read = readCaseFiles(dir);
  const problems = [...read.problems];
  const shaped = checkShapes(read, problems);
  const entries = convertEntries(shaped);
  crossReference(
    shaped,
    {
      actors: new Map(entries.actors.map((a) => [a.id, a])),
      agreements: new Map(entries.agreements.map((a) => [a.id, a])),
    },
    problems,
  );
  checkKnownDates(shaped, problems);
  if (problems.length > 0 || !shaped.caseFile) throw caseFolderError(problems);
  const data = { info: toInfo(shaped.caseFile.value), ...entries };
  settleKnownDates(data);
  return { data, hash: read.hash, dir };
}

function assertFolder(dir: string): void {
  let isFolder = false;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) throw new ValidationError([{ message: `case folder ${dir} does not exist or is not a folder` }]);
}

/** The convert step over every list; events whose code or actors do not resolve are left out. */
function convertEntries(shaped: ShapedCase): Omit<CaseData, 'info'> {
  const caseId = shaped.caseFile?.value.id ?? '';
  const actors = shaped.actors.map((e) => toActor(e.value));
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const events: LedgerEvent[] = [];
  for (const e of shaped.events) {
    const event = toEvent(e.value, caseId, actorById);
    if (event) events.push(event);
  }
  return {
    actors,
    events,
    agreements: shaped.agreements.map((e) => toAgreement(e.value, caseId)),
    facilities: shaped.facilities.map((e) => toFacility(e.value, caseId)),
    conditions: shaped.conditions.map((e) => toCondition(e.value, caseId)),
  };
}

/** Each problem once, in the order found; a flood is cut to the first ones and counted. */
function caseFolderError(problems: readonly ValidationProblem[]): ValidationError {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = describeProblem(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return new ValidationError(unique.slice(0, MAX_PROBLEMS), { omitted: Math.max(0, unique.length - MAX_PROBLEMS) });
}
