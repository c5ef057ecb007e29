import type { GovernorKind, Lexicon } from '../lexicon.js';
import type { Token } from '../token.js';

export interface Governor {
  kind: GovernorKind;
  /** Token index of the governing verb. */
  index: number;
}

/** What the mode steps read and set for one action (see detect-mode.ts for the order). */
export interface ModeState {
  readonly lx: Lexicon;
  readonly tokens: Token[];
  readonly head: number;
  readonly subjectStart: number;
  readonly subjectEnd: number;
  readonly firstItem: number;
  negated: boolean;
  future: boolean;
  would: boolean;
  possible: boolean;
  advice: boolean;
  conditional: boolean;
  governor: Governor | undefined;
  /** The nearest full verb between subject and action ("urged X and Y to agree ... and return"). */
  auxVerb: Governor | undefined;
  ownIntent: boolean;
  speech: boolean;
  hopeFrame: boolean;
  /** "urged Russia to hold": the "to" follows the subject; its governor stands before the subject. */
  toAtSubject: boolean;
  frameEnd: number;
  framed: boolean;
  speechIndex: number | undefined;
  opinionFrame: boolean;
  decision: boolean;
  trailingWarning: boolean;
  /** Past a "that", only verbs that take a that-clause (say, hope, demand) can frame the action. */
  passedThat: boolean;
  joinedThat: boolean;
  /** Names of the steps that fired, in order, once each. */
  fired: string[];
}

export function newModeState(
  lx: Lexicon,
  tokens: Token[],
  head: number,
  subjectStart: number,
  subjectEnd: number,
  firstItem: number,
): ModeState {
  return {
    lx,
    tokens,
    head,
    subjectStart,
    subjectEnd,
    firstItem,
    negated: false,
    future: false,
    would: false,
    possible: false,
    advice: false,
    conditional: false,
    governor: undefined,
    auxVerb: undefined,
    ownIntent: false,
    speech: false,
    hopeFrame: false,
    toAtSubject: false,
    frameEnd: -1,
    framed: false,
    speechIndex: undefined,
    opinionFrame: false,
    decision: false,
    trailingWarning: false,
    passedThat: false,
    joinedThat: false,
    fired: [],
  };
}

/** Records that a step fired (once). */
export function fire(st: { fired: string[] }, name: string): true {
  if (!st.fired.includes(name)) st.fired.push(name);
  return true;
}
