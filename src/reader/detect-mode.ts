import type { ReadMode } from '../model/event.js';
import type { Token } from './token.js';

/**
 * Mode rules: whether an action in a sentence happened (asserted), is relayed by a speaker
 * (reported), is planned or hoped (intended), is conditional or possible (hypothetical), is advice
 * (recommended) or did not happen (negated). They read the words between the action and its
 * subject (auxiliaries, negation, "to" with its governing verb) and the clause that frames it
 * ("if", "unless", "Moon said", "Putin hopes"). Word lists are sets built once.
 */
export type Mode = ReadMode;

/** What governs the action: a verb it depends on ("hopes", "refused to", "urged X to"). */
export type GovernorKind =
  | 'intent'
  | 'plan'
  | 'prediction'
  | 'refuse'
  | 'fail'
  | 'appeal'
  | 'threat'
  | 'speech'
  | 'deny'
  | 'realise'
  | 'purpose';

export interface Governor {
  kind: GovernorKind;
  /** Token index of the governing verb. */
  index: number;
}

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
}

const NEGATION = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without']);
const FUTURE = new Set(['will', "'ll", 'shall', 'wo']);
const POSSIBLE = new Set(['could', 'might', 'may', 'can', 'ca']);
const ADVICE = new Set(['should', 'must', 'ought', "should've"]);
const CONDITION = new Set(['if', 'unless', 'whether', 'until', 'lest', 'once', 'provided', 'should']);
// "Turkey reportedly detained": the writer relays what others say.
const HEARSAY_ADV = new Set(['reportedly', 'allegedly', 'purportedly', 'supposedly', 'ostensibly']);
// "Iran is said to have supplied drones": a passive verb of saying or belief before "to" relays a report.
const HEARSAY_PASSIVE = new Set([
  'say',
  'report',
  'believe',
  'think',
  'allege',
  'know',
  'understand',
  'rumour',
  'rumor',
  'claim',
  'suspect',
]);
const HEARSAY = new Set([
  'report',
  'claim',
  'allegation',
  'rumour',
  'rumor',
  'speculation',
  'suggestion',
  'possibility',
  'prospect',
  'idea',
  'fear',
  'hope',
  'concern',
  'suspicion',
  'assumption',
]);
const STOP = new Set([';', ':', '(', ')', '"']);
const BOUNDARY_WORDS = new Set(['.', ';', ':', '?', '!', 'that', 'which', 'who']);

const GOVERNORS: Record<string, GovernorKind> = {};
// The subject's own declared intent: coded as an intent event (03x) in its own right.
for (const w of [
  'hope',
  'want',
  'seek',
  'agree',
  'promise',
  'pledge',
  'vow',
  'offer',
  'decide',
  'wish',
  'ready',
  'willing',
  'eager',
  'determined',
  'resolve',
  'commit',
  'undertake',
])
  GOVERNORS[w] = 'intent';
// Plans and schedules: the act is intended, but the news is the plan, not a declaration.
for (const w of [
  'plan',
  'intend',
  'aim',
  'prepare',
  'set',
  'due',
  'schedule',
  'going',
  'try',
  'attempt',
  'move',
  'consider',
  'mull',
  'weigh',
  'propose',
])
  GOVERNORS[w] = 'plan';
for (const w of ['expect', 'likely', 'unlikely', 'predict', 'tip', 'poise']) GOVERNORS[w] = 'prediction';
for (const w of ['refuse', 'decline', 'reject', 'rebuff', 'resist']) GOVERNORS[w] = 'refuse';
for (const w of ['fail', 'neglect', 'cease']) GOVERNORS[w] = 'fail';
for (const w of [
  'urge',
  'ask',
  'call',
  'press',
  'encourage',
  'invite',
  'demand',
  'appeal',
  'request',
  'push',
  'tell',
  'order',
  'advise',
  'persuade',
  'pressure',
  'implore',
  'beg',
  'challenge',
  'need',
  'have',
  'ought',
  'require',
  'force',
  'compel',
  'allow',
  'permit',
  'let',
])
  GOVERNORS[w] = 'appeal';
for (const w of ['threaten', 'warn']) GOVERNORS[w] = 'threat';
// "helped broker", "began sharing", "voted to suspend": the action is real (or as real as its governor).
for (const w of [
  'manage',
  'go',
  'continue',
  'proceed',
  'begin',
  'start',
  'use',
  'arrive',
  'return',
  'come',
  'help',
  'enable',
  'keep',
  'resume',
  'vote',
])
  GOVERNORS[w] = 'realise';
// Verbs that frame a clause ("Moon said (that) ...").
const SPEECH = new Set([
  'say',
  'tell',
  'announce',
  'report',
  'claim',
  'state',
  'confirm',
  'add',
  'insist',
  'note',
  'reveal',
  'acknowledge',
  'admit',
  'explain',
  'disclose',
  'declare',
  'stress',
  'write',
  'quote',
  'tweet',
  'recall',
  'indicate',
  'show',
  'know',
  'learn',
  'believe',
  'think',
]);
const DENY = new Set(['deny']);
// Framing verbs of opinion: "analysts believe Tokyo could threaten ..." is speculation, not a report.
const OPINION = new Set(['believe', 'think']);
const DECISION = new Set(['announce', 'declare', 'decide']);
// Verbs that report what the clause before them says: "..., the ministry insisted." (Not "warned":
// "Iran could execute protesters if ..., rights groups warned" is a caution, not a threat.)
const REPORTING = new Set([...SPEECH, 'insist', 'allege', 'accuse', 'vow', 'pledge', 'promise']);
const HOPE_FRAME = new Set([
  'hope',
  'want',
  'wish',
  'expect',
  'plan',
  'intend',
  'believe',
  'fear',
  'predict',
  'argue',
  'suggest',
  'recommend',
]);
const ADVICE_FRAME = new Set(['suggest', 'recommend', 'argue']);
// "demanded that Russia withdraw": the demand is the event; what is demanded has not happened.
const APPEAL_FRAME = new Set([
  'demand',
  'urge',
  'insist',
  'ask',
  'request',
  'propose',
  'call',
  'appeal',
  'press',
  'order',
  'tell',
  'warn',
  'threaten',
]);

export function detectMode(
  tokens: Token[],
  head: number,
  subjectStart: number,
  subjectEnd: number,
  firstItem: number,
): ModeVerdict {
  let negated = false;
  let future = false;
  let would = false;
  let possible = false;
  let advice = false;
  let conditional = false;
  let governor: Governor | undefined;
  let ownIntent = false;
  let speech = false;
  let hopeFrame = false;
  // "urged Russia to hold": the "to" follows the subject; its governor stands before the subject.
  let toAtSubject = false;
  let frameEnd = -1;
  let framed = false;
  let speechIndex: number | undefined;
  let opinionFrame = false;
  let decision = false;
  // The nearest full verb between subject and action ("urged X and Y to agree ... and return").
  let auxVerb: Governor | undefined;

  // 1. Between the subject and the action: auxiliaries, negation, "to" and what governs it.
  const auxFrom = Math.max(subjectEnd, 0);
  const auxTo = Math.min(head, firstItem);
  // ", shelling Armenian positions": a participle clause after a comma takes no auxiliary or
  // governor from the clause before it ("launched what it called measures, shelling ...").
  const participleClause = head > 0 && tokens[head - 1]!.lower === ',' && tokens[head]!.lower.endsWith('ing');
  // "threatened to destroy North Korea and mocked Kim": a past-tense verb after "and" is a clause of
  // its own; what governs or negates the first verb does not reach it ("urged X to agree and
  // return": a base form after "and" stays governed).
  const hv = tokens[head]!;
  const pastAfterAnd =
    hv.pos === 'VERB' && hv.lower !== hv.lemma && !hv.lower.endsWith('ing') && !hv.lower.endsWith('s');
  for (let k = auxTo - 1; k >= auxFrom && !participleClause; k--) {
    const t = tokens[k]!;
    if (pastAfterAnd && t.lower === 'and' && k === head - 1) break;
    const w = t.lower;
    if (HEARSAY_ADV.has(w)) speech = true;
    else if (NEGATION.has(w)) negated = true;
    else if (FUTURE.has(w)) future = true;
    else if (w === 'would') would = true;
    else if (POSSIBLE.has(w)) possible = true;
    else if (ADVICE.has(w)) advice = true;
    // "Russia denied attacking the convoy": a denial right before the act negates it.
    else if (t.pos === 'VERB' && DENY.has(t.lemma) && k === auxTo - 1) negated = true;
    else if (t.pos === 'VERB' && auxVerb === undefined && GOVERNORS[t.lemma] !== undefined)
      auxVerb = { kind: GOVERNORS[t.lemma]!, index: k };
    else if (t.pos === 'VERB' && SPEECH.has(t.lemma)) {
      // "North Korea announced it would ...": the subject speaks of its own plan.
      speech = true;
      framed = true;
    } else if (w === 'to' && governor === undefined) {
      // "plans to visit", "is expected to visit", "refused to let", "urged X to hold"
      let g = k - 1;
      // ("has yet to send", "is yet to sign": not done so far)
      let yet = false;
      while (g >= auxFrom && (tokens[g]!.pos === 'ADV' || tokens[g]!.pos === 'PART' || tokens[g]!.lower === 'yet')) {
        if (tokens[g]!.lower === 'yet') yet = true;
        g--;
      }
      if (g >= auxFrom && yet && (tokens[g]!.lemma === 'have' || tokens[g]!.lemma === 'be')) {
        negated = true;
        governor = { kind: 'fail', index: g };
      } else if (
        g >= auxFrom &&
        HEARSAY_PASSIVE.has(tokens[g]!.lemma) &&
        tokens[g]!.lower !== tokens[g]!.lemma &&
        tokens[g - 1]?.lemma === 'be'
      ) {
        // "is said to have supplied", "is believed to be holding": relayed, as real as the report
        speech = true;
        governor = { kind: 'realise', index: g };
      } else if (g >= auxFrom) {
        const gt = tokens[g]!;
        // ("is prepared to accept": readiness, an intent; "prepared to launch", "was preparing to
        // strike": a plan)
        const ready = gt.lower === 'prepared' && tokens[g - 1]?.lemma === 'be';
        // ("has every reason to keep testing", "a plan to strike": a noun's infinitive is no act)
        const kind = ready
          ? 'intent'
          : (GOVERNORS[gt.lemma] ??
            GOVERNORS[gt.lower] ??
            (gt.pos === 'VERB' || gt.pos === 'ADJ' || gt.pos === 'NOUN' ? 'purpose' : undefined));
        if (kind) governor = { kind, index: g };
        if (gt.lemma === 'need' || gt.lemma === 'have' || gt.lower === 'ought') {
          advice = true;
          governor = undefined;
        }
      } else toAtSubject = true;
      if (governor?.kind === 'intent') ownIntent = true;
    }
  }
  // "no talks were held": negation right before a light-verb noun that precedes the head.
  if (firstItem < head && firstItem > 0 && NEGATION.has(tokens[firstItem - 1]!.lower)) negated = true;
  // "Sanctions on Iran were not / will be / should be lifted": in the passive, the auxiliaries stand
  // between the noun of the trigger and its verb.
  for (let k = firstItem + 1; k < head && firstItem < head; k++) {
    const w = tokens[k]!.lower;
    if (NEGATION.has(w)) negated = true;
    else if (FUTURE.has(w)) future = true;
    else if (w === 'would') would = true;
    else if (POSSIBLE.has(w)) possible = true;
    else if (ADVICE.has(w)) advice = true;
    else if (BOUNDARY_WORDS.has(w)) break;
  }
  if (firstItem > head) {
    for (let k = head + 1; k < firstItem; k++) if (tokens[k]!.lower === 'no') negated = true;
  }

  // 2. Before the subject: the frame of the clause, scanning back to the sentence start.
  // Past a "that", only verbs that take a that-clause (say, hope, demand) can frame the action.
  let passedThat = false;
  // ", the Kremlin warned.": a reporting verb after its content; that content's "if" is not its own.
  const head0 = tokens[head]!;
  let before = subjectStart - 1;
  while (before > 0 && tokens[before]!.pos === 'DET') before--;
  let trailing = before > 0 && tokens[before]!.lower === ',' && REPORTING.has(head0.lemma);
  // ", while China called for talks": a clause with its own subject after ", while/whereas/but" is
  // framed by nothing before it ("demanded that Russia withdraw, while China called for talks").
  const newClause =
    before > 0 &&
    tokens[before - 1]!.lower === ',' &&
    (tokens[before]!.lower === 'while' || tokens[before]!.lower === 'whereas' || tokens[before]!.lower === 'but');
  for (let k = head + 1; k < tokens.length && trailing; k++)
    if (tokens[k]!.pos === 'VERB' || tokens[k]!.lower === ',') trailing = false;
  let trailingWarning =
    before > 0 && tokens[before]!.lower === ',' && (head0.lemma === 'warn' || head0.lemma === 'threaten');
  for (let k = head + 1; k < tokens.length && trailingWarning; k++)
    if (tokens[k]!.pos === 'VERB' || tokens[k]!.lower === ',') trailingWarning = false;
  // "asked for relief and that Washington had rejected": a that-clause joined by "and" belongs to
  // the speech verb further back, not to the verb of the first clause.
  let joinedThat = false;
  for (let k = trailing || newClause ? -1 : subjectStart - 1; k >= 0; k--) {
    const t = tokens[k]!;
    const w = t.lower;
    if (STOP.has(w)) break;
    // "before North Korea gives up its weapons": a time clause in the present looks ahead.
    if (
      (w === 'before' || w === 'when') &&
      t.pos !== 'ADV' &&
      head0.pos === 'VERB' &&
      head0.lower !== head0.lemma &&
      head0.lower.endsWith('s') &&
      !head0.lower.endsWith('ss')
    ) {
      conditional = true;
      break;
    }
    if (w === 'that' && (t.pos === 'SCONJ' || t.pos === 'PRON' || t.pos === 'DET')) {
      passedThat = true;
      if (tokens[k - 1]?.lower === 'and' || tokens[k - 1]?.lower === 'but' || tokens[k - 1]?.lower === 'or')
        joinedThat = true;
      // "reports that X had met", "claims that": hearsay, not a fact.
      const noun = tokens[k - 1];
      if (noun && noun.pos === 'NOUN' && HEARSAY.has(noun.lemma)) {
        conditional = true;
        break;
      }
      continue;
    }
    if (CONDITION.has(w) && (w !== 'should' || k === 0 || tokens[k - 1]!.lower === ',')) {
      conditional = true;
      break;
    }
    // "Had Trump lifted sanctions, ...", "Were Iran to leave the treaty, ...": an inverted condition
    // opens its clause right before the subject.
    if (
      (w === 'had' || w === 'were') &&
      k === subjectStart - 1 &&
      (k === 0 || tokens[k - 1]!.lower === ',' || tokens[k - 1]!.lower === '"')
    ) {
      conditional = true;
      break;
    }
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'ADJ' || t.pos === 'NOUN') {
      const lemma = t.lemma;
      if (
        governor === undefined &&
        toAtSubject &&
        !passedThat &&
        (GOVERNORS[lemma] === 'appeal' ||
          GOVERNORS[lemma] === 'threat' ||
          GOVERNORS[lemma] === 'intent' ||
          GOVERNORS[lemma] === 'plan' ||
          GOVERNORS[lemma] === 'refuse')
      ) {
        // "urged Russia to hold": the governor stands before the action's subject.
        governor = { kind: GOVERNORS[lemma]!, index: k };
        frameEnd = k;
        break;
      }
      if (t.pos === 'NOUN' || t.pos === 'ADJ') {
        // "it is time for X to", "it is essential that X"
        if (
          w === 'time' ||
          w === 'essential' ||
          w === 'important' ||
          w === 'necessary' ||
          w === 'imperative' ||
          w === 'vital'
        ) {
          if (tokens[k - 1]?.lemma === 'be') advice = true;
        }
        continue;
      }
      if (SPEECH.has(lemma)) {
        speech = true;
        framed = true;
        speechIndex = k;
        opinionFrame = OPINION.has(lemma);
        decision = DECISION.has(lemma);
        // Reported speech of a plan: "said it would visit" is intent, not a condition.
        break;
      }
      if (DENY.has(lemma)) {
        negated = true;
        break;
      }
      if (APPEAL_FRAME.has(lemma) && governor === undefined && t.pos === 'VERB' && !joinedThat) {
        governor = { kind: lemma === 'warn' || lemma === 'threaten' ? 'threat' : 'appeal', index: k };
        frameEnd = k;
        break;
      }
      if (HOPE_FRAME.has(lemma) && !joinedThat) {
        hopeFrame = true;
        if (ADVICE_FRAME.has(lemma)) advice = true;
        if (governor === undefined)
          governor = {
            kind:
              lemma === 'expect' ||
              lemma === 'predict' ||
              lemma === 'believe' ||
              lemma === 'fear' ||
              lemma === 'argue' ||
              lemma === 'suggest' ||
              lemma === 'recommend'
                ? 'prediction'
                : lemma === 'plan' || lemma === 'intend'
                  ? 'plan'
                  : 'intent',
            index: k,
          };
        frameEnd = k;
        break;
      }
      if (GOVERNORS[lemma] === 'refuse' && governor === undefined && !passedThat) {
        governor = { kind: 'refuse', index: k };
        frameEnd = k;
        break;
      }
    }
  }
  if (governor === undefined && auxVerb !== undefined) governor = auxVerb;
  if (toAtSubject && governor === undefined) governor = { kind: 'purpose', index: subjectEnd };
  // A bare infinitive ("summoned the envoy to protest") has not happened, whatever governs it.
  if (governor === undefined && head > 0 && tokens[head - 1]!.lower === 'to' && tokens[head - 1]!.pos === 'PART')
    governor = { kind: 'purpose', index: head - 1 };
  // "Moon said that Kim hoped ...": a speaker further out still makes the whole report relayed.
  for (let k = frameEnd - 1; k >= 0 && frameEnd > 0; k--) {
    const t = tokens[k]!;
    if (STOP.has(t.lower)) break;
    if (t.pos === 'VERB' && SPEECH.has(t.lemma)) {
      speech = true;
      break;
    }
  }

  // 3. "according to" anywhere; after the action: ", Moon said".
  for (let k = 0; k + 1 < tokens.length && !speech; k++)
    if (tokens[k]!.lower === 'according' && tokens[k + 1]!.lower === 'to') speech = true;
  if (!speech) {
    for (let k = head + 1; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.lower === 'according' && tokens[k + 1]?.lower === 'to') {
        speech = true;
        break;
      }
      if (SPEECH.has(t.lemma) && t.pos === 'VERB') {
        // only a trailing attribution: a comma before the speaker or the verb
        for (let b = k - 1; b >= head && b >= k - 6; b--) {
          if (tokens[b]!.lower === ',' || tokens[b]!.lower === '"') {
            speech = true;
            break;
          }
        }
        if (speech) break;
      }
    }
  }

  // "believe X could/will ...": a guess about what may come, relayed by no one.
  if (opinionFrame && (future || would || possible)) {
    speech = false;
    framed = false;
    speechIndex = undefined;
    if (!possible) hopeFrame = true;
  }
  const question = tokens[tokens.length - 1]?.lower === '?';
  const conditionalBefore = conditional;
  // "X will do Y if Z" / "is ready to meet ... if": a condition after the action binds a plan too.
  if (!conditional && (future || would || governor?.kind === 'intent' || governor?.kind === 'plan')) {
    for (let k = head + 1; k < tokens.length; k++) {
      const w = tokens[k]!.lower;
      if (w === 'if' || w === 'unless' || (w === 'provided' && tokens[k + 1]?.lower === 'that')) conditional = true;
    }
  }
  let mode: Mode;
  if (conditional || question) mode = 'hypothetical';
  else if (advice) mode = 'recommended';
  else if (governor?.kind === 'refuse') mode = 'negated';
  else if (negated || governor?.kind === 'fail') mode = 'negated';
  else if (governor?.kind === 'appeal' || governor?.kind === 'threat') mode = 'recommended';
  else if (possible) mode = 'hypothetical';
  else if (
    future ||
    governor?.kind === 'intent' ||
    governor?.kind === 'plan' ||
    governor?.kind === 'prediction' ||
    governor?.kind === 'purpose' ||
    hopeFrame
  )
    mode = 'intended';
  else if (would) mode = speech ? 'intended' : 'hypothetical';
  else if (speech) mode = 'reported';
  else mode = 'asserted';
  // "North Korea announced it would suspend": a declared intent (when the speaker announces it).
  if ((would || future) && speech && !conditional) ownIntent = true;
  const verdict: ModeVerdict = {
    mode,
    ownIntent,
    speech,
    future: future || would || possible,
    framed,
    conditionalBefore,
    decision,
    trailingWarning,
  };
  if (speechIndex !== undefined) verdict.speechIndex = speechIndex;
  if (governor) verdict.governor = governor;
  return verdict;
}
