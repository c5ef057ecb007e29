import { partyOf } from '../../model/actor-code.js';
import { detectMode } from '../detect-mode.js';
import { shiftCode } from '../load-code-shifts.js';
import { conditionTarget, coordinated, isStateRole, mentionBefore, refineCode } from './event-helpers.js';
import type { EventStep, Interp } from './event-state.js';

/**
 * The mode of the act (detect-mode.ts) and what it makes of the code: a refusal, a threat, an
 * agreement or an intent is itself the news, coded 12x, 13x, 057 or 03x and asserted by whoever
 * holds it. Conversions are tried in order; the first that applies wins.
 */
export const MODE_EVENT_STEPS: readonly EventStep[] = [
  { name: 'mode.detect', run: (x) => detect(x) },
  { name: 'code.refined', run: (x) => (x.code = refineCode(x.st.lx, x.p, x.st.tokens, x.m.first + 1)) !== x.p.code },
  { name: 'mode.planned-noun', run: plannedNoun },
  { name: 'mode.warning-of-own-side', run: warningOfOwnSide },
  {
    name: 'guard.governed-by-appeal',
    run: (x) => (x.verdict!.governor?.kind === 'appeal' || x.verdict!.governor?.kind === 'threat' ? 'none' : false),
  },
  { name: 'convert', run: convert },
  { name: 'mode.relayed', run: relayed },
  { name: 'source.holder-of-intent', run: holderOfIntent },
  { name: 'target.condition-of-threat', run: conditionOfThreat },
  { name: 'code.ultimatum', run: ultimatum },
];

/** The subject's span (what the commas set off after it does not govern the verb), then the mode rules. */
function detect(x: Interp): boolean {
  const { tokens, lx } = x.st;
  const { m, subjects } = x;
  const s = subjects[0];
  // "after talks mediated by China": a reduced passive is read on its own, not through the
  // auxiliaries of the clause it hangs from.
  const aux = tokens[m.first - 1]?.lower ?? '';
  const reducedPassive =
    m.passive && tokens[m.last + 1]?.lower === 'by' && !lx.passiveAuxiliaries.has(aux) && aux !== 'be';
  const explicit = s !== undefined && !x.subjectInferred && s.end <= m.first && !reducedPassive;
  const subjStart = explicit ? Math.min(...subjects.map((c) => c.start)) : m.first;
  let subjEnd = explicit ? Math.max(...subjects.map((c) => c.end)) : m.first;
  if (explicit && tokens[subjEnd]?.lower === ',') {
    // "Japan, which has long resisted pressure to ..., criticized China": what the commas set off
    // (a relative clause, an apposition) does not negate or govern the main verb.
    for (let k = m.first - 1; k > subjEnd; k--) {
      if (lx.sentenceBoundaries.has(tokens[k]!.lower)) break;
      if (tokens[k]!.lower === ',') {
        subjEnd = k + 1;
        break;
      }
    }
  }
  x.verdict = detectMode(lx, tokens, x.i, subjStart, subjEnd, m.first);
  x.mode = x.verdict.mode;
  x.fired.push(...x.verdict.steps);
  x.subjStart = subjStart;
  return false;
}

/** "a planned visit", "the proposed talks": an event noun announced, not done. */
function plannedNoun(x: Interp): boolean {
  const prev = x.st.tokens[x.m.first - 1];
  if (x.p.headPos !== 'N' || !prev || !x.st.lx.intentAdjectives.has(prev.lower)) return false;
  x.mode = 'intended';
  return true;
}

/**
 * "Israel will continue the offensive unless ..., Netanyahu warned": a state warning about what its
 * own side will do makes a threat, whatever the condition in the clause it reports.
 */
function warningOfOwnSide(x: Interp): boolean {
  const s = x.subjects[0];
  if (!x.verdict!.trailingWarning || !x.p.code.startsWith('13') || x.mode === 'asserted' || !s) return false;
  if (!isStateRole(x.st.lx, s.code)) return false;
  if (!x.st.mentions.some((c) => c.end <= x.subjStart && partyOf(c.code) === partyOf(s.code))) return false;
  x.mode = 'asserted';
  return true;
}

/**
 * The conversions in order: the first whose conditions hold is applied (its name becomes the
 * `+conversion` of the rule); a refusal without a 12x code for the act stops the chain.
 */
type Conversion = (x: Interp) => 'no' | 'yes' | 'stop';

const CONVERSIONS: readonly Conversion[] = [
  refuse,
  (x) => (threat(x) ? 'yes' : 'no'),
  (x) => (agreed(x) ? 'yes' : 'no'),
  (x) => (agreement(x) ? 'yes' : 'no'),
  (x) => (intent(x) ? 'yes' : 'no'),
];

function convert(x: Interp): false {
  for (const c of CONVERSIONS) if (c(x) !== 'no') break;
  return false;
}

/** "refused to let inspectors in", "said it would not take part": a refusal (12x). */
function refuse(x: Interp): 'no' | 'yes' | 'stop' {
  const v = x.verdict!;
  const gov = v.governor;
  if (gov?.kind !== 'refuse' && !(x.mode === 'negated' && v.speech && v.future)) return 'no';
  const refusal = shiftCode(x.st.lx.codeShifts.refusal, x.code);
  if (!refusal) return 'stop';
  x.code = refusal;
  x.mode = 'asserted';
  x.conversion = 'refuse';
  x.converted = true;
  if (gov?.kind === 'refuse') x.intentSource = mentionBefore(x.st.mentions, gov.index);
  return 'yes';
}

/**
 * "The Kremlin said it could strike", "Israel will respond with force": announced force is a
 * threat, made now by whoever announces it (not a decision announced, "announced it would impose
 * sanctions"; not a third party's report of what the actor would do if ..., "... if Paris refused,
 * state television said"). The holder's own announcement is asserted; a trailing "..., officials
 * said" relays it.
 */
function threat(x: Interp): boolean {
  const v = x.verdict!;
  const gov = v.governor;
  if ((x.mode !== 'intended' && x.mode !== 'hypothetical') || !((v.future && v.speech) || gov?.kind === 'intent'))
    return false;
  const shifted = x.code.startsWith('13') ? x.code : shiftCode(x.st.lx.codeShifts.threat, x.code);
  if (!shifted || v.conditionalBefore || x.subjects.length === 0 || v.decision) return false;
  if (x.mode === 'hypothetical' && v.speech && !v.framed) return false;
  x.code = shifted;
  x.mode = v.speech && !v.framed ? 'reported' : 'asserted';
  x.conversion = 'threat';
  x.converted = true;
  const s = x.subjects[0];
  const holder =
    gov && gov.kind === 'intent' && gov.index < (s?.start ?? x.m.first)
      ? mentionBefore(x.st.mentions, gov.index)
      : undefined;
  if (holder && holder !== s) x.intentSource = holder;
  return true;
}

/** The act's governor is "agree" (its holder agreed to it). */
function agreedTo(x: Interp): boolean {
  const gov = x.verdict!.governor;
  return (
    x.mode === 'intended' && gov?.kind === 'intent' && x.st.lx.agreementVerbs.has(x.st.tokens[gov.index]?.lemma ?? '')
  );
}

/**
 * "the separatists agreed to lay down their arms", "agreed to a ceasefire": agreeing to stop
 * fighting is the de-escalation itself (0871, 0873), not an intent.
 */
function agreed(x: Interp): boolean {
  if (!agreedTo(x) || x.subjects.length >= 2 || !x.code.startsWith('087')) return false;
  const v = x.verdict!;
  x.mode = v.speech && !v.framed ? 'reported' : 'asserted';
  x.conversion = 'agreed';
  x.converted = true;
  if (x.p.agreedCode) x.code = x.p.agreedCode;
  return true;
}

/**
 * "Iran and Saudi Arabia agreed to restore relations": parties agreeing with each other have
 * reached an agreement (057), whatever it is about; agreeing to cooperate materially ("agreed to
 * step up coast guard cooperation") is their intent to cooperate (031x), both ways.
 */
function agreement(x: Interp): boolean {
  const intentCode = shiftCode(x.st.lx.codeShifts.intent, x.code);
  if (!agreedTo(x) || x.subjects.length < 2 || !intentCode) return false;
  const v = x.verdict!;
  // ("Israel and Hamas agreed to extend the truce": a ceasefire agreed is the ceasefire, 0871)
  x.code = x.code.startsWith('06') ? intentCode : x.code.startsWith('087') ? x.code : '057';
  x.mode = v.speech && !v.framed ? 'reported' : 'asserted';
  x.conversion = 'agreement';
  x.targets = [null];
  return true;
}

/** Intent that is itself the news ("Putin hopes the chancellor will visit"): 03x, by whoever holds it. */
function intent(x: Interp): boolean {
  const v = x.verdict!;
  const gov = v.governor;
  if (x.mode !== 'intended' || !((v.ownIntent && v.framed) || gov?.kind === 'intent')) return false;
  const code = x.code.startsWith('03') ? x.code : shiftCode(x.st.lx.codeShifts.intent, x.code);
  if (!code) return false;
  const s = x.subjects[0];
  const holder = gov && gov.index < (s?.start ?? x.m.first) ? mentionBefore(x.st.mentions, gov.index) : undefined;
  x.code = code;
  x.mode = 'asserted';
  x.conversion = 'intent';
  x.converted = true;
  if (holder && holder !== s) {
    x.intentSource = holder;
    // "Putin hopes the chancellor will visit": toward the one who would act.
    x.targets = x.subjects.length > 0 ? x.subjects : x.targets;
  }
  return true;
}

/** An act a speaker relays, not converted into the speaker's own act, is reported. */
function relayed(x: Interp): boolean {
  if (x.mode !== 'asserted' || !x.verdict!.speech || x.converted) return false;
  x.mode = 'reported';
  return true;
}

/** "The Russian and Ukrainian delegations ... refused to sign": every holder of a listed subject. */
function holderOfIntent(x: Interp): boolean {
  const h = x.intentSource;
  if (!h) return false;
  const { mentions, tokens, lx } = x.st;
  x.sources = mentions.includes(h) ? coordinated(lx, tokens, mentions, mentions.indexOf(h), -1) : [h];
  return true;
}

/** "said it would exceed the limit unless Europe acted": a threat aimed at whoever its condition names. */
function conditionOfThreat(x: Interp): boolean {
  if (x.conversion !== 'threat' || x.targets[0] !== null) return false;
  const named = conditionTarget(x.st.lx, x.st.tokens, x.st.mentions, x.m.last, x.sources);
  if (named) x.targets = named;
  return named !== undefined;
}

/** "would exceed the limit in ten days unless Europe acted": a threat with terms is an ultimatum. */
function ultimatum(x: Interp): boolean {
  if (!x.code.startsWith('13') || (x.mode !== 'asserted' && x.mode !== 'reported')) return false;
  if (!x.st.tokens.some((w, k) => k > x.m.last && w.lower === 'unless')) return false;
  x.code = '139';
  return true;
}
