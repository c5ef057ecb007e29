import type { CaseFrame } from '../store/case-repository.js';
import type { CaseSettings } from '../model/case.js';
import { UsageError, ValidationError } from '../model/errors.js';
import { type IsoDate, todayIso } from '../model/iso-date.js';
import type { KnownBy } from '../model/knowledge.js';

/**
 * How a brief or a check reads a case: on which date, and with what knowledge. By default a case
 * is read as known on the date asked about; `--hindsight` reads it with everything on record,
 * `--known-by D` with what was known by D.
 */
export interface Reading {
  asOf: IsoDate;
  /** Where the date came from: `--as-of`, the case's `defaultAsOf`, or today. */
  asOfChosenBy: 'option' | 'case' | 'today';
  /** The last day whose knowledge is used; null for everything on record. Never before `asOf`. */
  knownBy: KnownBy;
}

export interface ReadingOptions {
  asOf?: IsoDate;
  hindsight?: boolean;
  knownBy?: IsoDate;
  /** How the caller named these options, for its messages: command-line flags (default) or API query fields. */
  askedBy?: 'flags' | 'query';
}

/** The date and knowledge a brief or check uses; both commands call this, so their defaults agree. */
export function chooseReading(settings: Pick<CaseSettings, 'defaultAsOf'>, options: ReadingOptions): Reading {
  const [asOf, asOfChosenBy] =
    options.asOf !== undefined
      ? [options.asOf, 'option' as const]
      : settings.defaultAsOf !== undefined
        ? [settings.defaultAsOf, 'case' as const]
        : [todayIso(), 'today' as const];
  if (options.knownBy !== undefined && options.knownBy < asOf) knownByTooEarly(options.knownBy, asOf, options.askedBy);
  const knownBy = options.knownBy ?? (options.hindsight ? null : asOf);
  return { asOf, asOfChosenBy, knownBy };
}

/** Refuses a known-by date before the date asked about, in the words the caller used for the two options. */
function knownByTooEarly(knownBy: IsoDate, asOf: IsoDate, askedBy: ReadingOptions['askedBy']): never {
  if (askedBy === 'query')
    throw new ValidationError([
      {
        location: { file: 'query', field: 'knownBy' },
        message: `${knownBy} is before the date asked about (${asOf}); give a knownBy on or after ${asOf}, or an earlier asOf`,
      },
    ]);
  throw new UsageError(
    `--known-by ${knownBy} is before the date asked about (${asOf}); give a --known-by on or after ${asOf}, or an earlier --as-of`,
  );
}

const CHOSEN_BY: Record<Reading['asOfChosenBy'], string> = {
  option: '',
  case: " (the case's default date; give --as-of for another)",
  today: ' (today; give --as-of for another)',
};

/** `as of 2018-10-07, as known on 2018-10-07`, or the hindsight it uses. */
export function readingWords(r: Reading): string {
  const known =
    r.knownBy === r.asOf
      ? `as known on ${r.asOf}`
      : r.knownBy === null
        ? 'in hindsight, with everything on record'
        : `in hindsight, with what was known by ${r.knownBy}`;
  return `as of ${r.asOf}${CHOSEN_BY[r.asOfChosenBy]}, ${known}`;
}

/**
 * The last day the case's record covers: its period's end, else its latest dated fact. Null for
 * a case with nothing dated.
 */
export function recordEnd(
  frame: Pick<CaseFrame, 'info' | 'facilities' | 'agreements'>,
  lastEvent?: IsoDate,
): IsoDate | null {
  const end = frame.info.settings.period?.to;
  if (end) return end;
  let last: IsoDate | null = lastEvent ?? null;
  const seen = (d: IsoDate) => {
    if (last === null || d > last) last = d;
  };
  for (const f of frame.facilities) for (const x of [...f.statuses, ...f.observations]) seen(x.date);
  for (const a of frame.agreements) for (const p of a.provisions) for (const s of p.statuses) seen(s.date);
  return last;
}

/** What a brief or check says when the date asked about is after the record ends; null otherwise. */
export function recordEndsNote(asOf: IsoDate, end: IsoDate | null): string | null {
  if (end === null || asOf <= end) return null;
  return `The record of this case ends on ${end}: nothing after that date is in it, so this reads the case as it stood then.`;
}
