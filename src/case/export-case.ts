import { readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseData } from '../model/case.js';
import { NotFoundError, ParleyError, ValidationError } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { hashCaseFolder } from './case-files.js';
import { CASE_FILES, type CaseFileName } from './case-schema.js';
import { canonical } from './edit-yaml.js';
import { readCaseFolder } from './read-case-folder.js';
import { renderCaseFolder } from './write-case-folder.js';
import { kindOf, WriteRefusedError, writeFilesSafely } from './write-files-safely.js';

export interface ExportReport {
  written: string[];
  /** The folder whose comments, order and style were kept, if any. */
  template?: string;
  /** Files of the template written afresh: an edit in place would not have read back as the case. */
  fresh: CaseFileName[];
}

/** The folder written would not load back as the case the store holds: nothing was written. */
export class ExportCheckError extends ParleyError {}

/**
 * Writes a case from the store to a folder. A folder that is not empty is written to only when
 * nothing in it would be lost: its case files are the ones last loaded or last exported there
 * (so no one edited them since), or they already hold this case as the store has it; otherwise
 * only with `force`. Files other than the six case files are
 * never touched. Comments, order and style are kept from the folder's own files, or else from the
 * folder the case was loaded from, so an unchanged case is written byte for byte as it was read.
 */
export async function exportCase(
  store: Store,
  caseId: string,
  dir: string,
  options: { force?: boolean } = {},
): Promise<ExportReport> {
  const info = await store.cases.info(caseId);
  const frame = await store.cases.readFrame(caseId);
  if (!info || !frame)
    throw new NotFoundError(`no case "${caseId}" in the store; \`parley case list\` shows the cases`);
  const data: CaseData = { ...frame, events: await store.events.find({ caseId }) };
  const exportedHash = kindOf(dir) === 'folder' ? await store.exports.lastHash(caseId, realpathSync(dir)) : undefined;
  if (!options.force) refuseToLoseWork(dir, data, [info.filesHash, exportedHash]);
  const template = holdsCaseFiles(dir)
    ? dir
    : info.sourceDir && holdsCaseFiles(info.sourceDir)
      ? info.sourceDir
      : undefined;
  const rendered = renderCaseFolder(data, template);
  const written = writeFilesSafely(dir, rendered.texts, { verify: (tmp) => checkReadsBack(tmp, data, dir) });
  await store.exports.record(caseId, realpathSync(dir), hashCaseFolder(dir), new Date().toISOString());
  return template ? { written, template, fresh: rendered.fresh } : { written, fresh: rendered.fresh };
}

/**
 * The files written, read as a case folder, must give the case as the store holds it, checked
 * before they take the place of anything: an export that would not load back, or would load as
 * something else, writes nothing.
 */
function checkReadsBack(written: string, data: CaseData, dir: string): void {
  let back: CaseData;
  try {
    back = readCaseFolder(written).data;
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const problems = e.describeAll().replaceAll(written, dir);
    throw new ExportCheckError(
      `case ${data.info.id} as the store holds it would not load back from ${dir}, so nothing was written:\n${problems}`,
      { cause: e },
    );
  }
  if (sortedCanonical(back) !== sortedCanonical(data))
    throw new ExportCheckError(
      `the files written for case ${data.info.id} would load back as a different case (${firstDifference(back, data)}); nothing was written to ${dir}`,
    );
}

/** Where two cases first differ, for an error message: the kind of entry and its id. */
function firstDifference(a: CaseData, b: CaseData): string {
  if (canonical(a.info) !== canonical(b.info)) return 'the settings in case.yaml differ';
  for (const kind of ['actors', 'events', 'agreements', 'facilities', 'conditions'] as const) {
    const theirs = new Map(b[kind].map((x) => [x.id, canonical(x)]));
    const differs = a[kind].find((x) => theirs.get(x.id) !== canonical(x));
    if (differs) return `${kind}: ${differs.id}`;
    if (a[kind].length !== b[kind].length) return `${kind}: ${a[kind].length} instead of ${b[kind].length}`;
  }
  return 'an entry repeated under one id';
}

/**
 * Refuses a folder that is not empty unless its case files are ones Parley knows: as last loaded
 * or last exported there (`knownHashes`), or holding the case as the store has it.
 */
function refuseToLoseWork(dir: string, data: CaseData, knownHashes: readonly (string | null | undefined)[]): void {
  const kind = kindOf(dir);
  if (kind === 'missing') return;
  if (kind !== 'folder') throw new WriteRefusedError(`${dir} exists and is not a folder; nothing was written`);
  const entries = readdirSync(dir);
  if (entries.length === 0) return;
  if (!holdsCaseFiles(dir)) {
    throw new WriteRefusedError(
      `${dir} is not empty (${listNames(entries)}); give --force to write the case files beside what is there (nothing else is touched), or choose a new folder`,
    );
  }
  if (knownHashes.includes(hashCaseFolder(dir))) return;
  if (holdsSameCase(dir, data)) return;
  throw new WriteRefusedError(
    `${dir} holds case files that differ from case ${data.info.id} as the store has it (edited and not loaded?): load them with \`parley case load ${dir}\`, or give --force to overwrite them`,
  );
}

function holdsCaseFiles(dir: string): boolean {
  return kindOf(dir) === 'folder' && Object.keys(CASE_FILES).some((name) => kindOf(join(dir, name)) !== 'missing');
}

/** Whether the folder, read as a case, is the store's case: writing it again would change no value. */
function holdsSameCase(dir: string, data: CaseData): boolean {
  try {
    return sortedCanonical(readCaseFolder(dir).data) === sortedCanonical(data);
  } catch (e) {
    if (e instanceof ValidationError) return false;
    throw e;
  }
}

function sortedCanonical(data: CaseData): string {
  const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
  return canonical({
    info: data.info,
    actors: byId(data.actors),
    events: byId(data.events),
    agreements: byId(data.agreements),
    facilities: byId(data.facilities),
    conditions: byId(data.conditions),
  });
}

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} … and ${names.length - 5} more` : shown;
}

export function describeExport(r: ExportReport, dir: string): string {
  const line = `wrote ${r.written.length} files to ${dir}`;
  if (!r.template) return line;
  const kept = ` (comments and layout kept from ${r.template})`;
  if (r.fresh.length === 0) return line + kept;
  return `${line}${kept}\n${r.fresh.join(', ')} written afresh (the old text could not be edited to hold the case), so ${r.fresh.length > 1 ? 'their' : 'its'} comments and layout are not kept`;
}
