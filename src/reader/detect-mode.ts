import type { ReadMode } from '../model/event.js';
import type { Lexicon } from './lexicon.js';
import {
  attribution,
  conditionAfter,
  decideMode,
  defaultGovernor,
  opinionGuess,
  outerSpeaker,
} from './rules/mode-after.js';
import { scanBetween, scanPassiveAuxiliaries } from './rules/mode-between.js';
import { scanFrame } from './rules/mode-frame.js';
import { type Governor, type ModeState, newModeState } from './rules/mode-state.js';
import type { Token } from './token.js';

/**
 * Mode rules: whether an action in a sentence happened (asserted), is relayed by a speaker
 * (reported), is planned or hoped (intended), is conditional or possible (hypothetical), is advice
 * (recommended) or did not happen (negated). They read the words between the action and its
 * subject (auxiliaries, negation, "to" with its governing verb) and the clause that frames it
 * ("if", "unless", "Moon said", "Putin hopes"), in the order of MODE_STEPS; the words are data
 * (`data/reader/words.tsv`).
 */
export type Mode = ReadMode;
export type { GovernorKind } from './lexicon.js';
export type { Governor } from './rules/mode-state.js';

export interface ModeVerdict {
  mode: Mode;
  governor?: Governor;
  /** The action's own subject announced it ("will", "plans to"), so it may be coded as intent (03x). */
  ownIntent: boolean;
  /** A speaker relays the action ("Moon said ...", "according to ..."). */
  speech: boolean;
  /** will / would: announced or expected, not done. */
  future: boolean;
  /** The action sits inside an if/unless clause of its own (not a condition attached after it). */
  conditionalBefore: boolean;
  /** A speech verb frames the clause from before ("X said (that) ..."), not a trailing attribution. */
  framed: boolean;
  /** Token index of that framing speech verb, for finding the speaker. */
  speechIndex?: number;
  /** The frame announces a decision ("announced that it would impose sanctions"): not a warning. */
  decision: boolean;
  /** A warning after the clause it reports (", Netanyahu warned."): a threat if the warner's side acts in it. */
  trailingWarning: boolean;
  /** The mode steps that fired, in order. */
  steps: string[];
}

/** The mode stages, in the order they run (each is a group of named steps; see docs/reader.md). */
export const MODE_STEPS: ReadonlyArray<readonly [string, (st: ModeState) => void]> = [
  ['between-subject-and-act', scanBetween],
  ['passive-auxiliaries', scanPassiveAuxiliaries],
  ['frame-before-subject', scanFrame],
  ['default-governor', defaultGovernor],
  ['outer-speaker', outerSpeaker],
  ['attribution', attribution],
  ['opinion-guess', opinionGuess],
];

export function detectMode(
  lx: Lexicon,
  tokens: Token[],
  head: number,
  subjectStart: number,
  subjectEnd: number,
  firstItem: number,
): ModeVerdict {
  const st = newModeState(lx, tokens, head, subjectStart, subjectEnd, firstItem);
  for (const [, run] of MODE_STEPS) run(st);
  const question = tokens[tokens.length - 1]?.lower === '?';
  const conditionalBefore = st.conditional;
  conditionAfter(st);
  const mode = decideMode(st, question);
  // "North Korea announced it would suspend": a declared intent (when the speaker announces it).
  if ((st.would || st.future) && st.speech && !st.conditional) st.ownIntent = true;
  if (question) st.fired.push('mode.question');
  const verdict: ModeVerdict = {
    mode,
    ownIntent: st.ownIntent,
    speech: st.speech,
    future: st.future || st.would || st.possible,
    framed: st.framed,
    conditionalBefore,
    decision: st.decision,
    trailingWarning: st.trailingWarning,
    steps: st.fired,
  };
  if (st.speechIndex !== undefined) verdict.speechIndex = st.speechIndex;
  if (st.governor) verdict.governor = st.governor;
  return verdict;
}
