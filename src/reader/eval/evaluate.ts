import type { ReadEvent } from '../read-article.js';
import type { EvalSet } from './eval-set.js';
import { MODES, score, type EvalEvent, type EvalUnit, type Score } from './score.js';

/** The part of the reader's event the evaluation looks at. */
export type ReadEventLike = Pick<ReadEvent, 'sentence' | 'date' | 'source' | 'target' | 'code' | 'mode'>;

export type ReadFn = (
  text: string,
  opts: { date: string; id?: string },
) => { events: ReadEventLike[]; warnings: string[] };

export interface UnitError {
  unit: string;
  message: string;
}

export interface EvalReport {
  overall: Score;
  sentences: Score;
  /** The same units matched at actor level (party and sector, see `sectorOf`). */
  overallByActor: Score;
  sentencesByActor: Score;
  articles: Score;
  opinionArticles: Score;
  perTrap: Record<string, Score>;
  perRegion: Record<string, Score>;
  /** Sentences grouped by the root they were written for (`00` = built to hold no event). */
  perIntendedRoot: Record<string, Score>;
  errors: UnitError[];
  warnings: number;
  elapsedMs: number;
}

function toEvalEvent(e: ReadEventLike): EvalEvent {
  const mode = (MODES as readonly string[]).includes(e.mode) ? e.mode : 'asserted';
  return { source: e.source, target: e.target, code: e.code, mode, date: e.date, sentence: e.sentence };
}

/**
 * Runs `read` over every sentence and article of the set and scores the result. A reader that
 * throws on one unit is charged with no events there (and the error is listed), so one bad input
 * cannot hide the rest of the run.
 */
export function evaluate(read: ReadFn, set: EvalSet): EvalReport {
  const errors: UnitError[] = [];
  let warnings = 0;
  const started = performance.now();
  const run = (id: string, text: string, date: string): EvalEvent[] => {
    try {
      const r = read(text, { date, id });
      warnings += r.warnings.length;
      return r.events.map(toEvalEvent);
    } catch (e) {
      errors.push({ unit: id, message: e instanceof Error ? e.message : String(e) });
      return [];
    }
  };
  const sentenceUnits = set.sentences.map((s) => ({
    meta: s,
    unit: { id: s.id, gold: s.events, predicted: run(s.id, s.text, s.date) } satisfies EvalUnit,
  }));
  const articleUnits = set.articles.map((a) => ({
    meta: a,
    unit: { id: a.id, gold: a.events, predicted: run(a.id, a.text, a.date) } satisfies EvalUnit,
  }));
  const elapsedMs = performance.now() - started;
  const group = <K extends string>(keysOf: (s: (typeof sentenceUnits)[number]) => K[]): Record<string, Score> => {
    const buckets = new Map<string, EvalUnit[]>();
    for (const su of sentenceUnits) {
      for (const k of keysOf(su)) {
        const list = buckets.get(k) ?? [];
        list.push(su.unit);
        buckets.set(k, list);
      }
    }
    const out: Record<string, Score> = {};
    for (const k of [...buckets.keys()].sort()) out[k] = score(buckets.get(k)!);
    return out;
  };
  const all = [...sentenceUnits, ...articleUnits].map((u) => u.unit);
  return {
    overall: score(all),
    sentences: score(sentenceUnits.map((u) => u.unit)),
    overallByActor: score(all, 'actor'),
    sentencesByActor: score(
      sentenceUnits.map((u) => u.unit),
      'actor',
    ),
    articles: score(articleUnits.map((u) => u.unit)),
    opinionArticles: score(articleUnits.filter((u) => u.meta.kind !== 'news').map((u) => u.unit)),
    perTrap: group((s) => (s.meta.traps.length > 0 ? s.meta.traps : ['(none)'])),
    perRegion: group((s) => [s.meta.region]),
    perIntendedRoot: group((s) => [s.meta.root]),
    errors,
    warnings,
    elapsedMs,
  };
}
