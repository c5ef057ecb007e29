import { isOrganisationCode, partyOf } from '../../model/actor-code.js';
import type { Mention } from '../find-mentions.js';
import { afterThatClause, conditionTarget, intentFrameBefore, isStateRole, ownInstrument } from './event-helpers.js';
import type { EventStep, Interp } from './event-state.js';

/**
 * When the sentence names no source or no target where one is expected: the civilians of a place
 * protest, the one blamed struck, a threat is aimed at whoever its condition names, criticism at
 * the author of the act criticised, protests at the government. Then the pattern's own needs: no
 * source at all, or no target where the pattern needs one, drops it.
 */
export const SOURCE_STEPS: readonly EventStep[] = [
  { name: 'source.civilians-of-place', run: civiliansOfPlace },
  { name: 'source.blamed', run: blamed },
  { name: 'guard.no-source', run: (x) => (x.sources.length === 0 ? 'drop' : false) },
  // Trips are made by people; "aid was flown to Syria" is not a visit.
  { name: 'guard.passive-visit', run: (x) => (x.m.passive && x.p.dyad === 'visit' ? 'drop' : false) },
  { name: 'target.not-own-side', run: notOwnSide },
];

export const TARGET_FALLBACK_STEPS: readonly EventStep[] = [
  { name: 'target.condition', run: condition },
  { name: 'target.author-of-criticised-act', run: authorOfCriticisedAct },
  { name: 'target.author-of-provocation', run: authorOfProvocation },
  { name: 'target.government-of-protesters', run: governmentOfProtesters },
  { name: 'target.civilians', run: civilians },
  { name: 'guard.needs-target', run: needsTarget },
  { name: 'subject.remembered', run: rememberSubject },
];

const protest = (x: Interp): boolean => x.p.code.startsWith('14');

/** A mention made from another one: same words, another code. */
function derived(m: Mention, code: string, rule: string): Mention {
  return { ...m, code, prep: '', inferred: true, person: false, rule };
}

/** "Thousands of people marched in Hong Kong": the crowd is the civilians of the place. */
function civiliansOfPlace(x: Interp): boolean {
  if (x.sources.length > 0 || !protest(x) || x.m.passive) return false;
  const place = x.st.mentions.find((c) => x.st.lx.placePrepositions.has(c.prep) && c.start > x.m.after);
  if (!place) return false;
  x.sources = [derived(place, `${partyOf(place.code)}CVL`, 'source.civilians-of-place')];
  return true;
}

/**
 * "Haniyeh was assassinated in Tehran, Iran's Revolutionary Guards said, blaming Israel": an act of
 * force with no agent is the one its reporter blames.
 */
function blamed(x: Interp): boolean {
  const { tokens, mentions, lx } = x.st;
  if (x.sources.length > 0 || !x.m.passive || !lx.codeShifts.accusation.has(x.p.code.slice(0, 2))) return false;
  const blame = tokens.findIndex((w, k) => k > x.m.last && lx.blameWords.has(w.lower));
  const who = blame < 0 ? undefined : mentions.find((c) => c.start > blame && c.start <= blame + 3 && c.prep === '');
  if (!who) return false;
  x.sources = [who];
  return true;
}

/** A target of the source's own party is the source again ("Russia warned that Russia would ..."). */
function notOwnSide(x: Interp): boolean {
  const { tokens, lx } = x.st;
  const instrument = lx.ownInstrumentRoots.has(x.p.code.slice(0, 2));
  const kept = x.targets.filter(
    (tg) =>
      tg === null ||
      !x.sources.some(
        (s) =>
          sameActor(x, s, tg) ||
          (tg.prep === '' &&
            afterThatClause(tokens, x.m.after, tg.start) &&
            partyOf(s.code) === partyOf(tg.code) &&
            isStateRole(lx, tg.code)) ||
          (instrument && ownInstrument(lx, s.code, tg.code)) ||
          (!tg.person && ownStateAsWhole(s.code, tg.code)),
      ),
  );
  const removed = kept.length < x.targets.length;
  x.targets = kept.length > 0 ? kept : [null];
  return removed;
}

/** "Putin suspended Russia's participation": a state's own organ acting on the state as a whole is no event. */
function ownStateAsWhole(source: string, target: string): boolean {
  return !isOrganisationCode(target) && partyOf(target) === target && partyOf(source) === target;
}

/** Mentions that refer back to an actor named before rather than naming one of their own. */
const REFERS_BACK = new Set([
  'mention.person-pronoun',
  'mention.it',
  'mention.the-country',
  'mention.they',
  'mention.pair',
  'mention.the-body',
  'mention.quote-speaker',
  'mention.agent-same-title',
  'mention.agent-same-body',
  'mention.object-pronoun',
]);

/**
 * The target is the source again: the same code, named again by the same words or referred back to
 * ("Russia said it ..."). Two bodies of one state with one code are two actors ("the Spanish
 * government dismissed the Catalan regional cabinet": ESPGOV on ESPGOV).
 */
function sameActor(x: Interp, s: Mention, tg: Mention): boolean {
  if (s.code !== tg.code) return false;
  if (s.start === tg.start || REFERS_BACK.has(tg.rule) || REFERS_BACK.has(s.rule)) return true;
  const words = (m: Mention) =>
    x.st.tokens
      .slice(m.start, m.end)
      .map((t) => t.lemma)
      .join(' ');
  return words(s) === words(tg);
}

/** "warned that it would leave the treaty if Europe failed to ...": a threat aimed at its condition. */
function condition(x: Interp): boolean {
  if (x.targets[0] !== null || !x.p.code.startsWith('13')) return false;
  const named = conditionTarget(x.st.lx, x.st.tokens, x.st.mentions, x.m.last, x.sources);
  if (named) x.targets = named;
  return named !== undefined;
}

/** "condemned the arrest of the journalist by Russian authorities": criticism aimed at the act's author. */
function authorOfCriticisedAct(x: Interp): boolean {
  const { tokens, mentions, lx } = x.st;
  const { m } = x;
  if (x.targets[0] !== null || m.passive || !(x.p.code.startsWith('11') || x.p.code.startsWith('12'))) return false;
  const author = mentions.find(
    (c) =>
      c.start > m.last &&
      c.prep === 'by' &&
      !tokens
        .slice(m.last + 1, c.start)
        .some(
          (w) =>
            lx.sentenceBoundaries.has(w.lower) || w.lower === ',' || (w.pos === 'VERB' && !w.lower.endsWith('ing')),
        ),
  );
  if (!author || x.sources.some((s) => partyOf(s.code) === partyOf(author.code))) return false;
  x.targets = [author];
  return true;
}

/**
 * "vowed revenge after a US drone strike killed ...": retaliation is aimed at the author of the act
 * that provoked it, named in the "after"/"for" clause.
 */
function authorOfProvocation(x: Interp): boolean {
  const { tokens, mentions, lx } = x.st;
  const { m } = x;
  if (x.targets[0] !== null || !x.p.code.startsWith('13')) return false;
  if (!tokens.slice(m.first, m.last + 1).some((w) => lx.revengeWords.has(w.lemma))) return false;
  const cause = tokens.findIndex((w, k) => k > m.last && lx.causeWords.has(w.lower));
  const author =
    cause < 0
      ? undefined
      : mentions.find(
          (c) =>
            c.start > cause &&
            (c.prep === '' || c.prep === 'by') &&
            !x.sources.some((s) => partyOf(s.code) === partyOf(c.code)) &&
            !tokens.slice(cause + 1, c.start).some((w) => lx.sentenceBoundaries.has(w.lower) || w.lower === ','),
        );
  if (author) x.targets = [author];
  return author !== undefined;
}

/** Protests are directed at the government unless the text names another target. */
function governmentOfProtesters(x: Interp): boolean {
  const s = x.sources[0];
  if (!protest(x) || x.targets[0] !== null || !s || isOrganisationCode(s.code)) return false;
  // ("prisoners went on hunger strike over their conditions": no government is named or meant)
  if (x.st.lx.ownProtestCodes.has(x.p.code)) return false;
  x.targets = [derived(s, `${partyOf(s.code)}GOV`, 'target.government-of-protesters')];
  return true;
}

/** Arrests and crackdowns on unnamed people ("detained dozens of people") target civilians. */
function civilians(x: Interp): boolean {
  const { tokens, lx } = x.st;
  const s = x.sources[0];
  if (x.targets[0] !== null || !s || !lx.civilianTargetCodes.has(x.p.code) || isOrganisationCode(s.code)) return false;
  if (!tokens.slice(x.m.last + 1, x.m.last + 7).some((w) => lx.crowdNouns.has(w.lower))) return false;
  x.targets = [derived(s, `${partyOf(s.code)}CVL`, 'target.civilians')];
  return true;
}

/**
 * A pattern that needs a target drops without one, unless several sources act together or an intent
 * frame holds it ("Kim hoped Pompeo would visit soon": the intent's target is the visitor).
 */
function needsTarget(x: Interp): 'drop' | false {
  const heldIntent =
    x.targets[0] === null &&
    x.subjects.length > 0 &&
    x.subjects[0]!.start > 0 &&
    intentFrameBefore(x.st.lx, x.st.tokens, x.subjects[0]!.start);
  return x.p.needsTarget && x.targets[0] === null && !(x.p.dyad !== 'plain' && x.sources.length >= 2) && !heldIntent
    ? 'drop'
    : false;
}

/**
 * The subject of this verb is the one a later verb shares (an actor after this verb is its object,
 * not a new subject: "expelled ten Russian diplomats and imposed sanctions").
 */
function rememberSubject(x: Interp): false {
  const { st } = x;
  if (!x.m.passive && !x.subjectInferred && st.lastSubject !== x.subjects && x.p.headPos !== 'N') {
    st.lastSubject = x.subjects;
    st.lastSubjectEnd = x.m.first;
  }
  return false;
}
