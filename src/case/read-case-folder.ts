import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { CaseData } from '../model/case.js';
import { describeProblem, ValidationError, type ValidationProblem } from '../model/errors.js';
import type { LedgerEvent } from '../model/event.js';
import { readCaseFiles } from './case-files.js';
import { CASE_FILES } from './case-schema.js';
import { checkShapes, type ShapedCase } from './check-shapes.js';
import { toActor, toAgreement, toCondition, toEvent, toFacility, toInfo } from './convert-case.js';
import { toIndicator } from './convert-indicator.js';
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

/** `7 indicators (98 measurements)`: the quantities a case follows and the figures it holds for them. */
function indicatorsWords(indicators: readonly { measurements: readonly unknown[] }[]): string {
  const n = indicators.length;
  const m = indicators.reduce((k, i) => k + i.measurements.length, 0);
  const words = `${n} ${n === 1 ? 'indicator' : 'indicators'}`;
  return n === 0 ? words : `${words} (${m} ${m === 1 ? 'measurement' : 'measurements'})`;
}

/** What a valid folder holds, in one line: `case mini in my-case: valid (3 actors, 8 events, ...)`. */
export function describeCaseFolder(folder: CaseFolder): string {
  const { data } = folder;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    count(data.actors.length, 'actor', 'actors'),
    count(data.events.length, 'event', 'events'),
    count(data.agreements.length, 'agreement', 'agreements'),
    count(data.facilities.length, 'facility', 'facilities'),
    count(data.conditions.length, 'condition', 'conditions'),
    indicatorsWords(data.indicators ?? []),
  ];
  return `case ${data.info.id} in ${folder.dir}: valid, would load (${parts.join(', ')})`;
}

const FILE_ORDER = Object.keys(CASE_FILES);

/** Where a problem's file comes in the folder's order; problems of no file first. */
function fileRank(p: ValidationProblem): number {
  return p.location ? FILE_ORDER.indexOf(basename(p.location.file)) + 1 : 0;
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
    ...(shaped.indicators.length ? { indicators: shaped.indicators.map((e) => toIndicator(e.value, caseId)) } : {}),
  };
}

/**
 * Each problem once, by file (in the folder's order) and line, as a person fixing the files reads
 * them; a flood is cut to the first ones and counted.
 */
function caseFolderError(problems: readonly ValidationProblem[]): ValidationError {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = describeProblem(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort((a, b) => fileRank(a) - fileRank(b) || (a.location?.line ?? 0) - (b.location?.line ?? 0));
  return new ValidationError(unique.slice(0, MAX_PROBLEMS), { omitted: Math.max(0, unique.length - MAX_PROBLEMS) });
}
