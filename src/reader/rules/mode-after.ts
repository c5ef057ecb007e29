import type { ReadMode as Mode } from '../../model/event.js';
import type { ModeState } from './mode-state.js';
import { fire } from './mode-state.js';

/** Mode steps after the frame: default governors, speakers further out or after the act, conditions after it. */

/** No governor found: the verb between subject and act, a "to" after the subject, a bare infinitive. */
export function defaultGovernor(st: ModeState): void {
  const { tokens, head } = st;
  if (st.governor === undefined && st.auxVerb !== undefined) {
    st.governor = st.auxVerb;
    fire(st, `mode.governed-${st.auxVerb.kind}`);
  }
  if (st.toAtSubject && st.governor === undefined) st.governor = { kind: 'purpose', index: st.subjectEnd };
  // A bare infinitive ("summoned the envoy to protest") has not happened, whatever governs it.
  if (st.governor === undefined && head > 0 && tokens[head - 1]!.lower === 'to' && tokens[head - 1]!.pos === 'PART') {
    st.governor = { kind: 'purpose', index: head - 1 };
    fire(st, 'mode.bare-infinitive');
  }
}

/** "Moon said that Kim hoped ...": a speaker further out still makes the whole report relayed. */
export function outerSpeaker(st: ModeState): void {
  const { tokens, lx } = st;
  for (let k = st.frameEnd - 1; k >= 0 && st.frameEnd > 0; k--) {
    const t = tokens[k]!;
    if (lx.modeStops.has(t.lower)) break;
    if (t.pos === 'VERB' && lx.speechVerbs.has(t.lemma)) {
      st.speech = fire(st, 'mode.outer-speaker');
      break;
    }
  }
}

/** "according to" anywhere; after the action, a trailing attribution: ", Moon said". */
export function attribution(st: ModeState): void {
  const { tokens, lx } = st;
  for (let k = 0; k + 1 < tokens.length && !st.speech; k++)
    if (tokens[k]!.lower === 'according' && tokens[k + 1]!.lower === 'to') st.speech = fire(st, 'mode.according-to');
  if (st.speech) return;
  for (let k = st.head + 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!lx.speechVerbs.has(t.lemma) || t.pos !== 'VERB') continue;
    // only a trailing attribution: a comma before the speaker or the verb
    for (let b = k - 1; b >= st.head && b >= k - 6; b--) {
      if (tokens[b]!.lower === ',' || tokens[b]!.lower === '"') {
        st.speech = fire(st, 'mode.trailing-attribution');
        return;
      }
    }
  }
}

/** "believe X could/will ...": a guess about what may come, relayed by no one. */
export function opinionGuess(st: ModeState): void {
  if (!st.opinionFrame || !(st.future || st.would || st.possible)) return;
  fire(st, 'mode.opinion-guess');
  st.speech = false;
  st.framed = false;
  st.speechIndex = undefined;
  if (!st.possible) st.hopeFrame = true;
}

/** "X will do Y if Z" / "is ready to meet ... if": a condition after the action binds a plan too. */
export function conditionAfter(st: ModeState): void {
  const { tokens, lx } = st;
  const kind = st.governor?.kind;
  if (st.conditional || !(st.future || st.would || kind === 'intent' || kind === 'plan')) return;
  for (let k = st.head + 1; k < tokens.length; k++) {
    const w = tokens[k]!.lower;
    if (lx.bindingConditions.has(w) || lx.bindingConditions.has(`${w} ${tokens[k + 1]?.lower ?? ''}`))
      st.conditional = fire(st, 'mode.condition-after');
  }
}

/** The mode the flags add up to, the first of these that holds. */
export function decideMode(st: ModeState, question: boolean): Mode {
  const kind = st.governor?.kind;
  if (st.conditional || question) return 'hypothetical';
  if (st.advice) return 'recommended';
  if (kind === 'refuse') return 'negated';
  if (st.negated || kind === 'fail') return 'negated';
  if (kind === 'appeal' || kind === 'threat') return 'recommended';
  if (st.possible) return 'hypothetical';
  if (st.future || kind === 'intent' || kind === 'plan' || kind === 'prediction' || kind === 'purpose' || st.hopeFrame)
    return 'intended';
  if (st.would) return st.speech ? 'intended' : 'hypothetical';
  if (st.speech) return 'reported';
  return 'asserted';
}
