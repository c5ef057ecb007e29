import { UsageError } from '../model/errors.js';
import type { CaseSettings } from '../model/case.js';
import { daysInMonth, type IsoDate } from '../model/iso-date.js';
import type { ReciprocityWindow } from './brief.js';

/** The same day a year earlier; 29 February becomes the 28th. */
export function yearBefore(date: IsoDate): IsoDate {
  const y = Number(date.slice(0, 4)) - 1;
  const m = Number(date.slice(5, 7));
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${date.slice(5, 7)}-${String(d).padStart(2, '0')}`;
}

export const CHOSEN_BY_WORDS: Record<ReciprocityWindow['fromChosenBy'], string> = {
  option: 'given with --from',
  reciprocitySince: "the case's reciprocitySince",
  period: "the start of the case's period",
  yearBefore: 'a year before the window ends',
};

/**
 * Where the reciprocity window starts and ends. The window ends on `--to`, else the date asked
 * about; it starts on `--from`, else the case's `reciprocitySince`, else the case period's start,
 * else a year before its end. A default start after the end (a date asked about before the case
 * counts reciprocity) moves to the next rule that fits, and the note says so; an explicit
 * `--from` after the end is a usage error naming the options.
 */
export function chooseReciprocityWindow(
  settings: Pick<CaseSettings, 'reciprocitySince' | 'period'>,
  asOf: IsoDate,
  given: { from?: IsoDate; to?: IsoDate },
): Omit<ReciprocityWindow, 'counted'> {
  const to = given.to ?? asOf;
  const end = given.to ? `--to ${to}` : `the date asked about (${to})`;
  if (given.from !== undefined) {
    if (given.from > to)
      throw new UsageError(`--from ${given.from} is after ${end}; give a --from on or before ${to}, or a later --to`);
    return { from: given.from, to, fromChosenBy: 'option', note: null };
  }
  const since = settings.reciprocitySince;
  if (since !== undefined && since <= to) return { from: since, to, fromChosenBy: 'reciprocitySince', note: null };
  const start = settings.period?.from;
  const [from, fromChosenBy] =
    start !== undefined && start <= to ? [start, 'period' as const] : [yearBefore(to), 'yearBefore' as const];
  const notes: string[] = [];
  if (since !== undefined)
    notes.push(
      `${to} is before the case counts reciprocity (reciprocitySince ${since}), so this window starts on ${from}, ${CHOSEN_BY_WORDS[fromChosenBy]}; give --from to choose another start`,
    );
  if (start !== undefined && to < start)
    notes.push(`${to} is before the case's record begins (${start}): there are no moves of the case to count`);
  return { from, to, fromChosenBy, note: notes.length ? `${notes.join('. ')}.` : null };
}
