/**
 * Scoring of the reader against the hand-annotated evaluation set. Pure: no files, no reader.
 *
 * An event counts only when its mode is `asserted` or `reported` (on both sides): the other modes
 * are not moves in the ledger, so a reader that drops them loses nothing, and one that turns them
 * into moves is wrong. Within each unit (a sentence, or a whole article) predicted events are
 * matched one-to-one to gold events that have the same source party, the same target party and the
 * same CAMEO root. The full code and the date are then checked on the matches only.
 *
 * The same matching can run at actor level (`Level`): the party plus the sector the text gives
 * (opposition, military, police, rebels, ...), which tells apart the sides of a domestic event
 * that country level folds into one (`ZWEOPP -> ZWEGOV` and `ZWEGOV -> ZWEOPP` are both ZWE -> ZWE).
 */

import { isOrganisationCode, partyOf, ROLE_PARTS } from '../../model/actor-code.js';
import { MOVE_MODES, READ_MODES, type ReadMode } from '../../model/event.js';

export type Mode = ReadMode;

export const MODES: readonly Mode[] = READ_MODES;

/** Modes that make an event a move in the ledger. */
export const COUNTED_MODES: ReadonlySet<Mode> = new Set(MOVE_MODES);

export interface EvalEvent {
  source: string;
  target: string | null;
  code: string;
  mode: Mode;
  date?: string;
  /** Sentence index inside an article; used only to prefer same-sentence matches. */
  sentence?: number;
}

export interface EvalUnit {
  /** `s001`, or `a03` for a whole article. */
  id: string;
  gold: EvalEvent[];
  predicted: EvalEvent[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Match {
  unit: string;
  gold: EvalEvent;
  predicted: EvalEvent;
  codeCorrect: boolean;
  /** Undefined when the gold event has no date to compare with. */
  dateCorrect: boolean | undefined;
}

export interface Score extends Counts {
  level: Level;
  units: number;
  /** Matches whose full code equals the gold code, over all matches. */
  codeAccuracy: number;
  /** Matches whose date equals the gold date, over matches with a gold date. */
  dateAccuracy: number;
  /** Units whose gold holds no counted event. */
  emptyUnits: number;
  /** Counted events predicted on those units. */
  falseEventsOnEmpty: number;
  /** How many of those units got at least one counted event. */
  emptyUnitsWithFalseEvents: number;
  /** Units whose gold holds a counted event. */
  dyadUnits: number;
  /** Of those, units where some counted prediction has the source and target of some counted gold event, any code. */
  dyadHits: number;
  /** dyadHits / dyadUnits. */
  dyadShare: number;
  /** Per CAMEO root (`01`..`20`): gold root for hits and misses, predicted root for false events. */
  perRoot: Record<string, Counts>;
  matches: Match[];
  misses: { unit: string; gold: EvalEvent }[];
  falseEvents: { unit: string; predicted: EvalEvent }[];
}

/** How finely actors are compared: the party alone, or the party and its sector. */
export type Level = 'party' | 'actor';

/**
 * Role parts that name a sector of a country: every role part but the religious ones, which name a
 * group (`NGACHR`). GOV is the state itself, so a bare country and its government are one sector.
 */
const RELIGION_PARTS = new Set(['MUS', 'CHR', 'CTH', 'JEW', 'HIN', 'BUD']);
const isSector = (part: string) => ROLE_PARTS.has(part) && !RELIGION_PARTS.has(part);
/** CAMEO's later split of rebels; compared as REB. */
const SECTOR_ALIASES: Readonly<Record<string, string>> = { INS: 'REB', SEP: 'REB' };

/**
 * The sector of an actor code: its first role part (`ZWEOPP` → OPP, `LKATAMREF` → REF,
 * `KURREB` → REB), else its first group part (`NGACHR` → CHR), else '' for the party as a whole.
 * GOV counts as '' (`ZWE`, `ZWEGOV` and `ZWEGOVMIL` are all the state); organisations are ''.
 */
export function sectorOf(code: string | null): string | null {
  if (code === null || code === '') return null;
  const c = code.toUpperCase();
  if (isOrganisationCode(c)) return '';
  const parts = c.slice(3).match(/.{3}/g) ?? [];
  const role = parts.find(isSector);
  const sector = role === undefined ? (parts[0] ?? '') : (SECTOR_ALIASES[role] ?? role);
  return sector === 'GOV' ? '' : sector;
}

/** The key an actor is compared on: its party, or at actor level `party/sector` (`ZWE/OPP`). */
export function actorKey(code: string | null, level: Level): string | null {
  const party = scoringParty(code);
  return party === null || level === 'party' ? party : `${party}/${sectorOf(code)}`;
}

/**
 * The party an actor code is scored at: the country, or the organisation without trailing roles,
 * as the ledger reads it (`partyOf`), whatever the case the text gave the code in.
 */
export function scoringParty(code: string | null): string | null {
  if (code === null || code === '') return null;
  return partyOf(code.toUpperCase());
}

export function rootOfCode(code: string): string {
  return code.slice(0, 2);
}

export function isCounted(e: EvalEvent): boolean {
  return COUNTED_MODES.has(e.mode);
}

function ratio(num: number, den: number): number {
  return den === 0 ? 0 : num / den;
}

export function counts(tp: number, fp: number, fn: number): Counts {
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

function sameDyad(g: EvalEvent, p: EvalEvent, level: Level): boolean {
  return (
    actorKey(g.source, level) === actorKey(p.source, level) && actorKey(g.target, level) === actorKey(p.target, level)
  );
}

function sameKey(g: EvalEvent, p: EvalEvent, level: Level): boolean {
  return sameDyad(g, p, level) && rootOfCode(g.code) === rootOfCode(p.code);
}

/**
 * Whether the unit's prediction has a right dyad: some counted predicted event with the source and
 * target of some counted gold event, whatever its code. Undefined when the gold holds no counted event.
 */
export function dyadHit(unit: EvalUnit, level: Level = 'party'): boolean | undefined {
  const gold = unit.gold.filter(isCounted);
  if (gold.length === 0) return undefined;
  return unit.predicted.filter(isCounted).some((p) => gold.some((g) => sameDyad(g, p, level)));
}

/** Among candidates with the same key, prefer the same sentence, then the same code, then date. */
function preference(g: EvalEvent, p: EvalEvent): number {
  let s = 0;
  if (g.sentence !== undefined && p.sentence !== undefined && g.sentence === p.sentence) s += 4;
  if (g.code === p.code) s += 2;
  if (g.date !== undefined && g.date === p.date) s += 1;
  return s;
}

/** One-to-one greedy matching inside one unit, gold events in their listed order. */
export function matchUnit(
  unit: EvalUnit,
  level: Level = 'party',
): { matches: Match[]; misses: EvalEvent[]; falseEvents: EvalEvent[] } {
  const gold = unit.gold.filter(isCounted);
  const pred = unit.predicted.filter(isCounted);
  const used = new Array<boolean>(pred.length).fill(false);
  const matches: Match[] = [];
  const misses: EvalEvent[] = [];
  for (const g of gold) {
    let best = -1;
    let bestPref = -1;
    pred.forEach((p, i) => {
      if (used[i] || !sameKey(g, p, level)) return;
      const pref = preference(g, p);
      if (pref > bestPref) {
        best = i;
        bestPref = pref;
      }
    });
    if (best < 0) {
      misses.push(g);
      continue;
    }
    used[best] = true;
    const p = pred[best]!;
    matches.push({
      unit: unit.id,
      gold: g,
      predicted: p,
      codeCorrect: g.code === p.code,
      dateCorrect: g.date === undefined ? undefined : g.date === p.date,
    });
  }
  const falseEvents = pred.filter((_, i) => !used[i]);
  return { matches, misses, falseEvents };
}

/** How many units hold a counted gold event, and in how many of those the reader found a right dyad. */
export function dyadFigures(
  units: readonly EvalUnit[],
  level: Level = 'party',
): Pick<Score, 'dyadUnits' | 'dyadHits' | 'dyadShare'> {
  const hits = units.map((u) => dyadHit(u, level)).filter((h) => h !== undefined);
  const dyadHits = hits.filter((h) => h).length;
  return { dyadUnits: hits.length, dyadHits, dyadShare: ratio(dyadHits, hits.length) };
}

export function score(units: readonly EvalUnit[], level: Level = 'party'): Score {
  const matches: Match[] = [];
  const misses: { unit: string; gold: EvalEvent }[] = [];
  const falseEvents: { unit: string; predicted: EvalEvent }[] = [];
  const rootTallies = new Map<string, { tp: number; fp: number; fn: number }>();
  const tally = (root: string) => {
    let t = rootTallies.get(root);
    if (!t) rootTallies.set(root, (t = { tp: 0, fp: 0, fn: 0 }));
    return t;
  };
  let emptyUnits = 0;
  let falseEventsOnEmpty = 0;
  let emptyUnitsWithFalseEvents = 0;
  for (const unit of units) {
    const r = matchUnit(unit, level);
    for (const m of r.matches) {
      matches.push(m);
      tally(rootOfCode(m.gold.code)).tp++;
    }
    for (const g of r.misses) {
      misses.push({ unit: unit.id, gold: g });
      tally(rootOfCode(g.code)).fn++;
    }
    for (const p of r.falseEvents) {
      falseEvents.push({ unit: unit.id, predicted: p });
      tally(rootOfCode(p.code)).fp++;
    }
    if (!unit.gold.some(isCounted)) {
      emptyUnits++;
      falseEventsOnEmpty += r.falseEvents.length;
      if (r.falseEvents.length > 0) emptyUnitsWithFalseEvents++;
    }
  }
  const perRoot: Record<string, Counts> = {};
  for (const root of [...rootTallies.keys()].sort()) {
    const t = rootTallies.get(root)!;
    perRoot[root] = counts(t.tp, t.fp, t.fn);
  }
  const dated = matches.filter((m) => m.dateCorrect !== undefined);
  return {
    level,
    units: units.length,
    ...counts(matches.length, falseEvents.length, misses.length),
    codeAccuracy: ratio(matches.filter((m) => m.codeCorrect).length, matches.length),
    dateAccuracy: ratio(dated.filter((m) => m.dateCorrect).length, dated.length),
    emptyUnits,
    falseEventsOnEmpty,
    emptyUnitsWithFalseEvents,
    ...dyadFigures(units, level),
    perRoot,
    matches,
    misses,
    falseEvents,
  };
}
