import type { Mode, ModeVerdict } from '../detect-mode.js';
import type { Mention } from '../find-mentions.js';
import type { Lexicon } from '../lexicon.js';
import type { Pattern, PatternIndex } from '../load-patterns.js';
import type { Token } from '../token.js';

/** One event read from a sentence, before the article gives it a date. */
export interface SentenceEvent {
  source: string;
  target: string | null;
  code: string;
  mode: Mode;
  /** Token indices [first, last] of the matched words. */
  tokenSpan: [number, number];
  confidence: number;
  /** The pattern that matched (`visit.fly`). */
  pattern: string;
  /** What the act was turned into when its intent, refusal or threat is the news (`intent`). */
  conversion?: string;
  /** The steps that fired, in order (`subject.nearest-left`, `mode.future`). */
  steps: string[];
  /** The source is a named person (not a pronoun): the preferred referent of a later "he"/"she". */
  sourcePerson: boolean;
  /** The source refers back to an earlier sentence ("he", "the two men"): the scene continues. */
  anaphoric?: boolean;
}

/** `pattern+conversion: step, step`: what `rule` says of an event. */
export function ruleOf(e: Pick<SentenceEvent, 'pattern' | 'conversion' | 'steps'>): string {
  const head = e.conversion ? `${e.pattern}+${e.conversion}` : e.pattern;
  return e.steps.length > 0 ? `${head}: ${e.steps.join(', ')}` : head;
}

/** A pattern matched at a head word. */
export interface Match {
  pattern: Pattern;
  first: number;
  last: number;
  /** Index of the last trigger word after the head (targets are looked for after it). */
  after: number;
  passive: boolean;
}

/** Why a pattern tried at a word gave what it gave, for `parley read --explain`. */
export interface CandidateTrace {
  pattern: string;
  /** Token index of the head word. */
  at: number;
  /** `kept` (events), `no-event` (the pattern fits but holds none), `dropped` (does not fit here). */
  outcome: 'kept' | 'no-event' | 'dropped';
  /** The step that decided a `no-event` or `dropped` outcome. */
  reason: string;
  /** The steps that fired before it. */
  steps: string[];
}

/** What the event steps of one sentence share. */
export interface ReadState {
  readonly lx: Lexicon;
  readonly patterns: PatternIndex;
  readonly tokens: Token[];
  readonly mentions: Mention[];
  /** Places named in the sentence ("in Jeddah"), for where a meeting happened. */
  readonly places: Mention[];
  readonly taken: Uint8Array;
  readonly relative: Uint8Array;
  events: SentenceEvent[];
  lastSubject: Mention[] | undefined;
  lastSubjectEnd: number | undefined;
  /** Set when explaining: every pattern tried and what came of it. */
  trace: CandidateTrace[] | undefined;
}

/** One matched pattern being read into events (see read-sentence.ts for the order of the steps). */
export interface Interp {
  readonly st: ReadState;
  readonly m: Match;
  readonly p: Pattern;
  /** Token index of the head word. */
  readonly i: number;
  readonly inRelative: boolean;
  /** A noun right before the verb is its own (non-actor) subject ("after a drone struck the plant"). */
  ownSubject: boolean;
  subjectIdx: number;
  /** The parties of a noun trigger ("the summit between Trump and Kim"). */
  nounParties: Mention[] | undefined;
  subjects: Mention[];
  subjectInferred: boolean;
  targetIdx: number;
  /** A place that is the target ("aid over Gaza"); `targetIdx` then points past the mentions. */
  placeTarget?: Mention;
  sources: Mention[];
  targets: Array<Mention | null>;
  /** Where the subject starts, for the mode rules (the trigger when the subject is inferred). */
  subjStart: number;
  verdict: ModeVerdict | undefined;
  mode: Mode;
  code: string;
  conversion: string | undefined;
  converted: boolean;
  intentSource: Mention | undefined;
  /** The steps that fired, in order. */
  fired: string[];
}

export function newInterp(st: ReadState, m: Match, i: number): Interp {
  return {
    st,
    m,
    p: m.pattern,
    i,
    inRelative: st.relative[i] === 1,
    ownSubject: false,
    subjectIdx: -1,
    nounParties: undefined,
    subjects: [],
    subjectInferred: false,
    targetIdx: -1,
    sources: [],
    targets: [null],
    subjStart: m.first,
    verdict: undefined,
    mode: 'asserted',
    code: m.pattern.code,
    conversion: undefined,
    converted: false,
    intentSource: undefined,
    fired: [],
  };
}

/**
 * What a step says of a matched pattern: `next` (go on), `drop` (the pattern does not fit here; a
 * less specific one may try), `none` (it fits but holds no event).
 */
export type Verdict = 'next' | 'drop' | 'none';

export interface EventStep {
  readonly name: string;
  readonly run: (x: Interp) => Verdict | boolean;
}
