import type { IsoDate } from '../model/iso-date.js';
import type { ReciprocityWindow } from './brief.js';
import { CHOSEN_BY_WORDS } from './reciprocity-window.js';

/** Every count in a brief says what it counts: these sentences say it for reciprocity and pace. */

/** What the reciprocity window's counts are over, in words. */
export function countedText(
  w: Omit<ReciprocityWindow, 'counted'>,
  caseId: string,
  a: string,
  b: string,
  countryLevel: boolean,
): string {
  const who = countryLevel
    ? `${a} and ${b} (any role, both directions)`
    : `${a} and ${b} (these roles, both directions)`;
  // Imported rows are never in these counts: they are counted apart (importedReciprocity).
  return `Counted: confirmed events of case ${caseId} between ${who}, dated ${w.from} (${CHOSEN_BY_WORDS[w.fromChosenBy]}) to ${w.to}. Sums of Goldstein weights, with the number of moves in brackets.`;
}

/** What the pace section's steps are, in words; `imports` is the window read when the case had fewer than 2 steps. */
export function paceCountedText(
  caseId: string,
  a: string,
  b: string,
  readTo: IsoDate,
  imports: { from: IsoDate; to: IsoDate } | null,
): string {
  const what = 'coded 04 (consult, meet, visit, negotiate) or 057 (sign an agreement)';
  const rows = imports
    ? `confirmed events of case ${caseId} and imported rows dated ${imports.from} to ${imports.to}`
    : `confirmed events of case ${caseId}`;
  return `Counted: days with ${rows} between ${a} and ${b} (either direction) ${what}, up to ${readTo}; several moves on one day are one step.`;
}
