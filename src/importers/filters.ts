import { UsageError } from '../model/errors.js';
import { isIsoDate, toDayNumber } from '../model/iso-date.js';
import type { ParsedRow } from './format-parser.js';

/**
 * Filters applied while reading, so that one dyad out of millions of rows costs no storage. An
 * actor matches a row's party (`USA`) or a prefix of its full code (`USAGOV`, `IGOUNOIAE`).
 */
export interface ImportFilters {
  /** Either side is one of these. */
  actors?: readonly string[];
  /** Both sides, in either direction. */
  dyad?: readonly [string, string];
  /** CAMEO code prefixes (`04` covers `040`–`046`). */
  codes?: readonly string[];
  fromDay?: number;
  toDay?: number;
}

export interface FilterOptions {
  actors?: string | undefined;
  dyad?: string | undefined;
  codes?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const ACTOR = /^[A-Z0-9]{3,}$/;

function actorList(text: string, option: string): string[] {
  const list = text
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter((s) => s !== '');
  for (const a of list)
    if (!ACTOR.test(a)) throw new UsageError(`${option}: "${a}" is not a CAMEO actor code such as USA or IGOUNOIAE`);
  if (list.length === 0) throw new UsageError(`${option} needs at least one actor code, e.g. ${option} USA,PRK`);
  return list;
}

export function parseFilters(o: FilterOptions): ImportFilters {
  const f: ImportFilters = {};
  if (o.actors !== undefined) f.actors = actorList(o.actors, '--actors');
  if (o.dyad !== undefined) {
    const parts = o.dyad.split(':');
    if (parts.length !== 2)
      throw new UsageError(`--dyad takes two actor codes joined by a colon, e.g. --dyad USA:PRK (got "${o.dyad}")`);
    const [a] = actorList(parts[0]!, '--dyad');
    const [b] = actorList(parts[1]!, '--dyad');
    f.dyad = [a!, b!];
  }
  if (o.codes !== undefined) {
    const codes = o.codes
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    for (const c of codes)
      if (!/^\d{2,4}$/.test(c))
        throw new UsageError(`--codes: "${c}" is not a CAMEO event code or prefix such as 04 or 163`);
    if (codes.length === 0) throw new UsageError('--codes needs at least one CAMEO code, e.g. --codes 04,05,08');
    f.codes = codes;
  }
  for (const [name, value] of [
    ['--from', o.from],
    ['--to', o.to],
  ] as const) {
    if (value !== undefined && !isIsoDate(value))
      throw new UsageError(`${name} "${value}" is not a date in the form YYYY-MM-DD`);
  }
  if (o.from !== undefined) f.fromDay = toDayNumber(o.from);
  if (o.to !== undefined) f.toDay = toDayNumber(o.to);
  if (f.fromDay !== undefined && f.toDay !== undefined && f.fromDay > f.toDay)
    throw new UsageError(`--from ${o.from} is after --to ${o.to}`);
  return f;
}

function isActor(actor: string, party: string | null, code: string | null): boolean {
  return party === actor || code?.startsWith(actor) === true;
}

export function passes(f: ImportFilters, row: ParsedRow): boolean {
  if (f.fromDay !== undefined && row.day < f.fromDay) return false;
  if (f.toDay !== undefined && row.day > f.toDay) return false;
  if (f.codes !== undefined) {
    let ok = false;
    for (const c of f.codes) if (row.code.startsWith(c)) ok = true;
    if (!ok) return false;
  }
  if (f.actors !== undefined) {
    let ok = false;
    for (const a of f.actors)
      if (isActor(a, row.sourceParty, row.sourceCode) || isActor(a, row.targetParty, row.targetCode)) ok = true;
    if (!ok) return false;
  }
  if (f.dyad !== undefined) {
    const [a, b] = f.dyad;
    const ab = isActor(a, row.sourceParty, row.sourceCode) && isActor(b, row.targetParty, row.targetCode);
    const ba = isActor(b, row.sourceParty, row.sourceCode) && isActor(a, row.targetParty, row.targetCode);
    if (!ab && !ba) return false;
  }
  return true;
}
