import type { Mention } from './find-mentions.js';
import type { Lexicon } from './lexicon.js';
import type { PatternIndex } from './load-patterns.js';
import { emitEvents } from './rules/event-emit.js';
import { GUARD_STEPS } from './rules/event-guards.js';
import { relativeClauses } from './rules/event-helpers.js';
import { MODE_EVENT_STEPS } from './rules/event-mode.js';
import { PASSIVE_STEPS } from './rules/event-passive.js';
import { SOURCE_STEPS, TARGET_FALLBACK_STEPS } from './rules/event-fallbacks.js';
import {
  type CandidateTrace,
  type EventStep,
  type Interp,
  type Match,
  newInterp,
  type ReadState,
  type SentenceEvent,
} from './rules/event-state.js';
import { SUBJECT_STEPS } from './rules/event-subject.js';
import { TARGET_STEPS } from './rules/event-target.js';
import { candidatesAt, matchPattern } from './rules/match-patterns.js';
import { type Dropped, SENTENCE_FILTERS } from './rules/sentence-filters.js';
import type { Sentence } from './token.js';

/**
 * Who did what to whom in one sentence: find action patterns by the lemma of their head (most
 * specific first), and read each match through EVENT_STEPS in order (guards, subject, target, the
 * passive, fallbacks for a missing source or target, mode and conversions), then the sentence
 * filters. A step may drop the match (a less specific pattern then tries) or find it holds no event.
 */
export type { SentenceEvent } from './rules/event-state.js';
export { ruleOf } from './rules/event-state.js';

/** The event steps in the order they run (docs/reader.md lists them). */
export const EVENT_STEPS: ReadonlyArray<readonly [string, readonly EventStep[]]> = [
  ['guards', GUARD_STEPS],
  ['subject', SUBJECT_STEPS],
  ['target', TARGET_STEPS],
  ['passive', PASSIVE_STEPS],
  ['source', SOURCE_STEPS],
  ['target fallbacks', TARGET_FALLBACK_STEPS],
  ['mode', MODE_EVENT_STEPS],
];

export interface SentenceReading {
  events: SentenceEvent[];
  /** When explaining: every pattern tried, and the events the sentence filters dropped. */
  candidates?: CandidateTrace[];
  dropped?: Dropped[];
}

export function readSentence(
  lx: Lexicon,
  sentence: Sentence,
  mentions: Mention[],
  patterns: PatternIndex,
  places: Mention[] = [],
  explain = false,
): SentenceReading {
  const tokens = sentence.tokens;
  const n = tokens.length;
  if (n === 0) return { events: [] };
  const mentionAt = new Int16Array(n).fill(-1);
  mentions.forEach((m, k) => {
    for (let i = m.start; i < m.end; i++) mentionAt[i] = k;
  });
  const st: ReadState = {
    lx,
    patterns,
    tokens,
    mentions,
    places,
    taken: new Uint8Array(n),
    relative: relativeClauses(lx, tokens),
    events: [],
    lastSubject: undefined,
    lastSubjectEnd: undefined,
    trace: explain ? [] : undefined,
  };
  for (let i = 0; i < n; i++) {
    if (mentionAt[i]! >= 0 || st.taken[i]) continue;
    const cands = candidatesAt(lx, patterns, tokens, mentions, mentionAt, i);
    if (cands) tryPatterns(st, i, cands.patterns, cands.retag, i > 0 && mentionAt[i - 1]! >= 0);
  }
  const dropped: Dropped[] = [];
  let events = st.events;
  for (const [, filter] of SENTENCE_FILTERS) events = filter(st, events, dropped);
  return explain ? { events, candidates: st.trace!, dropped } : { events };
}

/** Most specific pattern first; one that does not fit here gives way to the next. */
function tryPatterns(
  st: ReadState,
  i: number,
  patterns: readonly import('./load-patterns.js').Pattern[],
  retag: string | undefined,
  afterMention: boolean,
): void {
  for (const p of patterns) {
    const m = matchPattern(st.lx, st.tokens, i, p, st.taken, retag !== undefined, afterMention);
    if (!m) continue;
    const found = interpret(st, m, i, retag);
    if (found === undefined) continue;
    for (let k = m.first; k <= m.last; k++) st.taken[k] = 1;
    st.events.push(...found);
    return;
  }
}

/**
 * Reads one matched pattern through the event steps. Undefined when the pattern does not fit here
 * (no subject, or no target where one is needed), so that a less specific pattern may try; an
 * empty list when it fits but holds no event.
 */
function interpret(st: ReadState, m: Match, i: number, retag: string | undefined): SentenceEvent[] | undefined {
  const x: Interp = newInterp(st, m, i);
  if (retag) x.fired.push(retag);
  for (const [, steps] of EVENT_STEPS) {
    for (const s of steps) {
      const r = s.run(x);
      if (r === true) x.fired.push(s.name);
      else if (r === 'drop' || r === 'none') {
        st.trace?.push({
          pattern: m.pattern.id,
          at: i,
          outcome: r === 'drop' ? 'dropped' : 'no-event',
          reason: s.name,
          steps: x.fired,
        });
        return r === 'drop' ? undefined : [];
      }
    }
  }
  const events = emitEvents(x);
  const kept = events.length > 0;
  st.trace?.push({
    pattern: m.pattern.id,
    at: i,
    outcome: kept ? 'kept' : 'no-event',
    reason: kept ? '' : 'event.same-party',
    steps: x.fired,
  });
  return events;
}
