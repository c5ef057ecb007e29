import type { ModeState } from './mode-state.js';
import { fire } from './mode-state.js';

/**
 * Mode steps on the words between an action's subject and the action: auxiliaries, negation,
 * hearsay adverbs, and the verb an infinitive depends on ("plans to visit", "refused to let").
 */
export function scanBetween(st: ModeState): void {
  const { tokens, head } = st;
  const auxFrom = Math.max(st.subjectEnd, 0);
  const auxTo = Math.min(head, st.firstItem);
  // ", shelling Armenian positions": a participle clause after a comma takes no auxiliary or
  // governor from the clause before it ("launched what it called measures, shelling ...").
  if (head > 0 && tokens[head - 1]!.lower === ',' && tokens[head]!.lower.endsWith('ing')) return;
  // "threatened to destroy North Korea and mocked Kim": a past-tense verb after "and" is a clause of
  // its own; what governs or negates the first verb does not reach it ("urged X to agree and
  // return": a base form after "and" stays governed).
  const hv = tokens[head]!;
  const pastAfterAnd =
    hv.pos === 'VERB' && hv.lower !== hv.lemma && !hv.lower.endsWith('ing') && !hv.lower.endsWith('s');
  for (let k = auxTo - 1; k >= auxFrom; k--) {
    if (pastAfterAnd && tokens[k]!.lower === 'and' && k === head - 1) break;
    betweenWord(st, k, auxFrom, auxTo);
  }
}

/** One word between subject and action; the first reading that applies wins. */
function betweenWord(st: ModeState, k: number, auxFrom: number, auxTo: number): void {
  const { lx } = st;
  const t = st.tokens[k]!;
  const w = t.lower;
  // "Turkey reportedly detained": the writer relays what others say.
  if (lx.hearsayAdverbs.has(w)) st.speech = fire(st, 'mode.hearsay-adverb');
  else if (lx.negation.has(w)) st.negated = fire(st, 'mode.negation');
  else if (lx.futureAuxiliaries.has(w)) st.future = fire(st, 'mode.future');
  else if (w === 'would') st.would = fire(st, 'mode.would');
  else if (lx.possibleAuxiliaries.has(w)) st.possible = fire(st, 'mode.possible');
  else if (lx.adviceAuxiliaries.has(w)) st.advice = fire(st, 'mode.advice');
  // "Russia denied attacking the convoy": a denial right before the act negates it.
  else if (t.pos === 'VERB' && lx.denyVerbs.has(t.lemma) && k === auxTo - 1) st.negated = fire(st, 'mode.denied');
  else if (t.pos === 'VERB' && st.auxVerb === undefined && lx.governors.has(t.lemma))
    st.auxVerb = { kind: lx.governors.get(t.lemma)!, index: k };
  else if (t.pos === 'VERB' && lx.speechVerbs.has(t.lemma)) {
    // "North Korea announced it would ...": the subject speaks of its own plan.
    st.speech = fire(st, 'mode.own-announcement');
    st.framed = true;
  } else if (w === 'to' && st.governor === undefined) infinitiveGovernor(st, k, auxFrom);
}

/** "plans to visit", "is expected to visit", "refused to let", "urged X to hold": what governs the "to". */
function infinitiveGovernor(st: ModeState, k: number, auxFrom: number): void {
  const { tokens, lx } = st;
  let g = k - 1;
  // ("has yet to send", "is yet to sign": not done so far)
  let yet = false;
  while (g >= auxFrom && (tokens[g]!.pos === 'ADV' || tokens[g]!.pos === 'PART' || tokens[g]!.lower === 'yet')) {
    if (tokens[g]!.lower === 'yet') yet = true;
    g--;
  }
  if (g < auxFrom) {
    st.toAtSubject = true;
    return;
  }
  const gt = tokens[g]!;
  if (yet && (gt.lemma === 'have' || gt.lemma === 'be')) {
    st.negated = fire(st, 'mode.not-yet');
    st.governor = { kind: 'fail', index: g };
  } else if (lx.hearsayPassives.has(gt.lemma) && gt.lower !== gt.lemma && tokens[g - 1]?.lemma === 'be') {
    // "is said to have supplied", "is believed to be holding": relayed, as real as the report
    st.speech = fire(st, 'mode.hearsay-passive');
    st.governor = { kind: 'realise', index: g };
  } else {
    // ("is prepared to accept": readiness, an intent; "prepared to launch", "was preparing to
    // strike": a plan) ("has every reason to keep testing", "a plan to strike": a noun's infinitive
    // is no act)
    const ready = gt.lower === 'prepared' && tokens[g - 1]?.lemma === 'be';
    const kind = ready
      ? 'intent'
      : (lx.governors.get(gt.lemma) ??
        lx.governors.get(gt.lower) ??
        (gt.pos === 'VERB' || gt.pos === 'ADJ' || gt.pos === 'NOUN' ? 'purpose' : undefined));
    if (kind) {
      st.governor = { kind, index: g };
      fire(st, `mode.governed-${kind}`);
    }
    if (lx.obligationVerbs.has(gt.lemma) || lx.obligationVerbs.has(gt.lower)) {
      st.advice = fire(st, 'mode.obligation');
      st.governor = undefined;
    }
  }
  if (st.governor?.kind === 'intent') st.ownIntent = true;
}

/**
 * "no talks were held": negation right before a light-verb noun that precedes the head; "Sanctions
 * on Iran were not / will be / should be lifted": in the passive, the auxiliaries stand between the
 * noun of the trigger and its verb.
 */
export function scanPassiveAuxiliaries(st: ModeState): void {
  const { tokens, head, firstItem, lx } = st;
  if (firstItem < head && firstItem > 0 && lx.negation.has(tokens[firstItem - 1]!.lower))
    st.negated = fire(st, 'mode.negated-noun');
  for (let k = firstItem + 1; k < head && firstItem < head; k++) {
    const w = tokens[k]!.lower;
    if (lx.negation.has(w)) st.negated = fire(st, 'mode.negation');
    else if (lx.futureAuxiliaries.has(w)) st.future = fire(st, 'mode.future');
    else if (w === 'would') st.would = fire(st, 'mode.would');
    else if (lx.possibleAuxiliaries.has(w)) st.possible = fire(st, 'mode.possible');
    else if (lx.adviceAuxiliaries.has(w)) st.advice = fire(st, 'mode.advice');
    else if (lx.modeBoundaries.has(w)) break;
  }
}
