import type { Token } from '../token.js';
import type { ModeState } from './mode-state.js';
import { fire } from './mode-state.js';

/**
 * Mode steps on the frame of the clause, read back from the action's subject to the sentence start:
 * "Moon said (that) ...", "Kim hopes ...", "urged Russia to ...", "if ...", "Had Trump ...". Each
 * word is offered to the frame rules in order; the first that applies says whether to read on.
 */
type FrameResult = 'next' | 'continue' | 'stop';

interface FrameRule {
  name: string;
  run(st: ModeState, k: number): FrameResult;
}

export function scanFrame(st: ModeState): void {
  const { tokens, subjectStart, lx } = st;
  const head0 = tokens[st.head]!;
  let before = subjectStart - 1;
  while (before > 0 && tokens[before]!.pos === 'DET') before--;
  // ", the Kremlin warned.": a reporting verb after its content; that content's "if" is not its own.
  const comma = before > 0 && tokens[before]!.lower === ',';
  const trailing = comma && lx.reportingVerbs.has(head0.lemma) && closesSentence(tokens, st.head);
  // ", while China called for talks": a clause with its own subject after ", while/whereas/but" is
  // framed by nothing before it ("demanded that Russia withdraw, while China called for talks").
  const newClause =
    before > 0 && tokens[before - 1]!.lower === ',' && lx.contrastConjunctions.has(tokens[before]!.lower);
  st.trailingWarning = comma && lx.governorThreat.has(head0.lemma) && closesSentence(tokens, st.head);
  if (trailing || newClause) return;
  for (let k = subjectStart - 1; k >= 0; k--) {
    if (lx.modeStops.has(tokens[k]!.lower)) break;
    let result: FrameResult = 'next';
    for (const rule of FRAME_RULES) {
      result = rule.run(st, k);
      if (result !== 'next') {
        if (rule.name !== 'that-clause' && rule.name !== 'advice-noun') fire(st, `mode.${rule.name}`);
        break;
      }
    }
    if (result === 'stop') break;
  }
}

/** No verb and no comma after the head: the verb closes its sentence. */
function closesSentence(tokens: Token[], head: number): boolean {
  for (let k = head + 1; k < tokens.length; k++)
    if (tokens[k]!.pos === 'VERB' || tokens[k]!.lower === ',') return false;
  return true;
}

const FRAME_RULES: readonly FrameRule[] = [
  { name: 'looking-ahead', run: lookingAhead },
  { name: 'that-clause', run: thatClause },
  { name: 'condition', run: condition },
  { name: 'inverted-condition', run: invertedCondition },
  { name: 'governor-before-subject', run: governorBeforeSubject },
  { name: 'advice-noun', run: adviceNoun },
  { name: 'speech-frame', run: speechFrame },
  { name: 'denial-frame', run: denialFrame },
  { name: 'appeal-frame', run: appealFrame },
  { name: 'hope-frame', run: hopeFrame },
  { name: 'refusal-frame', run: refusalFrame },
];

/** "before North Korea gives up its weapons": a time clause in the present looks ahead. */
function lookingAhead(st: ModeState, k: number): FrameResult {
  const t = st.tokens[k]!;
  const h = st.tokens[st.head]!;
  if (!st.lx.lookingAheadConjunctions.has(t.lower) || t.pos === 'ADV' || h.pos !== 'VERB') return 'next';
  if (h.lower === h.lemma || !h.lower.endsWith('s') || h.lower.endsWith('ss')) return 'next';
  st.conditional = true;
  return 'stop';
}

/** "reports that X had met", "claims that": hearsay; any other "that" is passed over. */
function thatClause(st: ModeState, k: number): FrameResult {
  const t = st.tokens[k]!;
  if (t.lower !== 'that' || (t.pos !== 'SCONJ' && t.pos !== 'PRON' && t.pos !== 'DET')) return 'next';
  st.passedThat = true;
  // "asked for relief and that Washington had rejected": a that-clause joined by "and" belongs to
  // the speech verb further back, not to the verb of the first clause.
  const prev = st.tokens[k - 1];
  if (prev && st.lx.clauseJoiners.has(prev.lower)) st.joinedThat = true;
  if (prev && prev.pos === 'NOUN' && st.lx.hearsayNouns.has(prev.lemma)) {
    st.conditional = fire(st, 'mode.hearsay-noun');
    return 'stop';
  }
  return 'continue';
}

/** "if", "unless", "whether": the act is a condition ("should" only opening a clause). */
function condition(st: ModeState, k: number): FrameResult {
  const w = st.tokens[k]!.lower;
  if (!st.lx.conditionWords.has(w) || (w === 'should' && k !== 0 && st.tokens[k - 1]!.lower !== ',')) return 'next';
  st.conditional = true;
  return 'stop';
}

/** "Had Trump lifted sanctions, ...", "Were Iran to leave the treaty, ...": right before the subject. */
function invertedCondition(st: ModeState, k: number): FrameResult {
  const { tokens } = st;
  if (!st.lx.invertedConditions.has(tokens[k]!.lower) || k !== st.subjectStart - 1) return 'next';
  if (k !== 0 && tokens[k - 1]!.lower !== ',' && tokens[k - 1]!.lower !== '"') return 'next';
  st.conditional = true;
  return 'stop';
}

const CONTENT = new Set(['VERB', 'AUX', 'ADJ', 'NOUN']);
const BEFORE_SUBJECT = new Set(['appeal', 'threat', 'intent', 'plan', 'refuse']);

/** "urged Russia to hold": the governor of a "to" after the subject stands before the subject. */
function governorBeforeSubject(st: ModeState, k: number): FrameResult {
  const t = st.tokens[k]!;
  if (!CONTENT.has(t.pos) || st.governor !== undefined || !st.toAtSubject || st.passedThat) return 'next';
  const kind = st.lx.governors.get(t.lemma);
  if (kind === undefined || !BEFORE_SUBJECT.has(kind)) return 'next';
  st.governor = { kind, index: k };
  st.frameEnd = k;
  return 'stop';
}

/** "it is time for X to", "it is essential that X": advice; other nouns and adjectives are passed. */
function adviceNoun(st: ModeState, k: number): FrameResult {
  const t = st.tokens[k]!;
  if (t.pos !== 'NOUN' && t.pos !== 'ADJ') return 'next';
  if (st.lx.adviceNouns.has(t.lower) && st.tokens[k - 1]?.lemma === 'be') st.advice = fire(st, 'mode.advice-noun');
  return 'continue';
}

/** "Moon said (that) ...": a speaker relays the act (a plan announced is intent, not a condition). */
function speechFrame(st: ModeState, k: number): FrameResult {
  const t = st.tokens[k]!;
  if (!CONTENT.has(t.pos) || !st.lx.speechVerbs.has(t.lemma)) return 'next';
  st.speech = true;
  st.framed = true;
  st.speechIndex = k;
  st.opinionFrame = st.lx.opinionVerbs.has(t.lemma);
  st.decision = st.lx.decisionVerbs.has(t.lemma);
  return 'stop';
}

/** "Russia denied that its troops ...": the act did not happen. */
function denialFrame(st: ModeState, k: number): FrameResult {
  const t = st.tokens[k]!;
  if (!CONTENT.has(t.pos) || !st.lx.denyVerbs.has(t.lemma)) return 'next';
  st.negated = true;
  return 'stop';
}

/** "demanded that Russia withdraw": the demand is the event; what is demanded has not happened. */
function appealFrame(st: ModeState, k: number): FrameResult {
  const t = st.tokens[k]!;
  if (t.pos !== 'VERB' || !st.lx.appealFrames.has(t.lemma) || st.governor !== undefined || st.joinedThat) return 'next';
  st.governor = { kind: st.lx.governorThreat.has(t.lemma) ? 'threat' : 'appeal', index: k };
  st.frameEnd = k;
  return 'stop';
}

/** "Kim hopes (that) Pompeo will visit", "analysts expect ...": hope, plan or prediction. */
function hopeFrame(st: ModeState, k: number): FrameResult {
  const { lx } = st;
  const t = st.tokens[k]!;
  if (!CONTENT.has(t.pos) || !lx.hopeFrames.has(t.lemma) || st.joinedThat) return 'next';
  st.hopeFrame = true;
  if (lx.adviceFrames.has(t.lemma)) st.advice = true;
  if (st.governor === undefined) {
    const kind = lx.predictionFrames.has(t.lemma) ? 'prediction' : lx.planFrames.has(t.lemma) ? 'plan' : 'intent';
    st.governor = { kind, index: k };
  }
  st.frameEnd = k;
  return 'stop';
}

/** "rejected calls for ...", "refused ...": a refusal frames what follows. */
function refusalFrame(st: ModeState, k: number): FrameResult {
  const t = st.tokens[k]!;
  if (!CONTENT.has(t.pos) || st.lx.governors.get(t.lemma) !== 'refuse' || st.governor !== undefined || st.passedThat)
    return 'next';
  st.governor = { kind: 'refuse', index: k };
  st.frameEnd = k;
  return 'stop';
}
