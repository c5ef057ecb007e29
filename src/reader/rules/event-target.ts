import type { Mention } from '../find-mentions.js';
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../token.js';
import { afterInfinitiveTo, coordinated, endsWithAny } from './event-helpers.js';
import type { EventStep, Interp } from './event-state.js';

/**
 * On whom: the pattern's own slot after the trigger (its object, a preposition, the subject of a
 * that-clause) in the same clause, else an actor between the trigger words, the owner of the
 * object, the object a second verb shares, or an actor the act is addressed to. The first that
 * finds one wins; a pattern whose target is `-` has none.
 */
const noTarget = (x: Interp): boolean => x.p.targets.length === 1 && x.p.targets[0] === '-';
const open = (x: Interp): boolean => x.targetIdx < 0 && !noTarget(x);

export const TARGET_STEPS: readonly EventStep[] = [
  { name: 'target.slot', run: (x) => !noTarget(x) && slot(x) },
  { name: 'target.inside-trigger', run: (x) => open(x) && insideTrigger(x) },
  { name: 'target.owner-of-object', run: (x) => open(x) && x.p.targets.includes('') && ownerOfObject(x) },
  { name: 'target.shared-object', run: (x) => open(x) && sharedObject(x) },
  {
    name: 'target.addressee',
    run: (x) => open(x) && (x.targetIdx = addressee(x.st.lx, x.st.tokens, x.st.mentions, x.m.last)) >= 0,
  },
  { name: 'target.place-of-aid', run: (x) => open(x) && placeOfAid(x) },
  { name: 'target.coordinated', run: coordinatedTargets },
];

/** Whether the words between the trigger and a mention end the clause the slot is looked for in. */
function clauseEnds(x: Interp, w: Token, b: number, c: Mention): boolean {
  const { tokens, lx } = x.st;
  if (
    lx.sentenceBoundaries.has(w.lower) ||
    w.lower === ',' ||
    (lx.clauseStarts.has(w.lower) && w.pos !== 'ADP') ||
    w.lower === 'that'
  )
    return true;
  // A direct object comes before any other verb, except an infinitive ("threatened to attack Japan").
  // ("extradited a suspected militant to France": a participle after an article is an adjective)
  return (
    c.prep === '' &&
    w.pos === 'VERB' &&
    !afterInfinitiveTo(tokens, b) &&
    !(tokens[b - 1]?.pos === 'DET' && !w.lower.endsWith('ing') && w.lower !== w.lemma)
  );
}

/** The pattern's slot: the best-ranked actor, by the pattern's order of prepositions, in the same clause. */
function slot(x: Interp): boolean {
  const { tokens, mentions } = x.st;
  const { m, p } = x;
  const prefs = p.targets;
  const thatRank = prefs.indexOf('that');
  let bestRank = Infinity;
  let afterThat = false;
  let stop = false;
  let b = m.after + 1;
  for (let k = 0; k < mentions.length && !stop; k++) {
    const c = mentions[k]!;
    if (c.start <= m.after || c.apposition) continue;
    for (; b < c.start; b++) {
      const w = tokens[b]!;
      if (w.lower === 'that' && thatRank >= 0 && !afterThat) {
        afterThat = true;
        continue;
      }
      // "invited six countries, including Iran and Saudi Arabia": the examples stand for the object.
      if (
        (w.lower === ',' && tokens[b + 1]?.lower === 'including') ||
        (w.lower === 'including' && c.prep !== 'including')
      )
        continue;
      if (clauseEnds(x, w, b, c)) stop = true;
    }
    if (stop) break;
    b = c.end;
    // "called on Iran": the particle of the trigger is no preposition of the object.
    const particle =
      c.prep !== '' &&
      tokens[c.start - 1] !== undefined &&
      (c.start - 1 === m.last || (c.start - 2 === m.last && tokens[c.start - 1]!.pos === 'DET'));
    const rank = afterThat
      ? c.prep === ''
        ? thatRank
        : -1
      : prefs.indexOf(particle && !prefs.includes(c.prep) ? '' : c.prep);
    if (rank >= 0 && rank < bestRank) {
      bestRank = rank;
      x.targetIdx = k;
      if (rank === 0 || afterThat) break;
    }
  }
  return x.targetIdx >= 0;
}

/** "let IAEA inspectors visit", "imposed EU sanctions": an actor between the trigger words. */
function insideTrigger(x: Interp): boolean {
  x.targetIdx = x.st.mentions.findIndex((c) => c.start > x.i && c.start <= x.m.last && c.prep === '');
  return x.targetIdx >= 0;
}

/**
 * "handed over the remains of U.S. soldiers", "seized the assets of Russian banks": the actor an
 * object belongs to is what the act is done to (not an act named as a noun: "investigating the
 * poisoning of a Russian spy" is not aimed at him).
 */
function ownerOfObject(x: Interp): boolean {
  const { tokens, mentions } = x.st;
  const after = x.m.after;
  const c = mentions.find((y) => y.start > after && y.prep === 'of' && !y.apposition && !y.place);
  if (!c) return false;
  let k = c.start - 1;
  while (k > after && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'NUM' || tokens[k]!.pos === 'ADJ')) k--;
  let j = after + 1;
  while (
    j < k &&
    (tokens[j]!.pos === 'DET' || tokens[j]!.pos === 'ADJ' || tokens[j]!.pos === 'NUM' || tokens[j]!.pos === 'NOUN')
  )
    j++;
  const owned = tokens[k - 1];
  if (
    tokens[k]?.lower !== 'of' ||
    j !== k ||
    k - 1 <= after ||
    owned?.pos !== 'NOUN' ||
    endsWithAny(x.st.lx.actNounEndings, owned.lower)
  )
    return false;
  x.targetIdx = mentions.indexOf(c);
  return true;
}

/**
 * "fired on and seized three Ukrainian vessels", "arrested and charged a French journalist": two
 * verbs joined by "and" share the object after the second.
 */
function sharedObject(x: Interp): boolean {
  const { tokens, mentions } = x.st;
  let a = x.m.after + 1;
  if (tokens[a]?.pos === 'ADP' && tokens[a + 1]?.lower === 'and') a++;
  if (tokens[a]?.lower !== 'and' || tokens[a + 1]?.pos !== 'VERB' || tokens[a + 1]!.lower.endsWith('ing')) return false;
  let b = a + 2;
  while (b < tokens.length && (tokens[b]!.pos === 'DET' || tokens[b]!.pos === 'NUM')) b++;
  x.targetIdx = mentions.findIndex((y) => y.start === b && y.prep === '' && !y.apposition && !y.place);
  return x.targetIdx >= 0;
}

/**
 * "cancelled the summit in a letter to Kim", "threatened action against Iran": when the pattern's
 * own slots are empty, an actor the act is addressed to later in the same clause.
 */
function addressee(lx: Lexicon, tokens: Token[], mentions: Mention[], last: number): number {
  for (let k = 0; k < mentions.length; k++) {
    const c = mentions[k]!;
    if (c.start <= last + 1 || c.apposition) continue;
    for (let b = last + 1; b < c.start; b++) {
      const w = tokens[b]!;
      if (
        lx.sentenceBoundaries.has(w.lower) ||
        w.lower === ',' ||
        (lx.clauseStarts.has(w.lower) && w.pos !== 'ADP') ||
        w.lower === 'that'
      )
        return -1;
      if (w.pos === 'VERB' && !afterInfinitiveTo(tokens, b)) return -1;
    }
    // "accepted an invitation to meet Kim": the object of an infinitive right after the trigger words
    const infinitiveObject =
      c.prep === '' && tokens[c.start - 1]?.pos === 'VERB' && tokens[c.start - 2]?.lower === 'to';
    return lx.addresseePrepositions.has(c.prep) || infinitiveObject ? k : -1;
  }
  return -1;
}

/** "dropped food parcels over northern Gaza", "sent aid to Idlib": aid to a place is aid to its country. */
function placeOfAid(x: Interp): boolean {
  if (!x.p.code.startsWith('07')) return false;
  const place = x.st.places.find((m) => m.start > x.m.after && x.p.targets.includes(m.prep));
  if (!place) return false;
  x.targetIdx = x.st.mentions.length;
  x.placeTarget = place;
  return true;
}

/** "Japan urged Russia and Ukraine": every actor of a list is a target. */
function coordinatedTargets(x: Interp): boolean {
  const { st } = x;
  x.targets = x.placeTarget
    ? [x.placeTarget]
    : x.targetIdx >= 0
      ? coordinated(st.lx, st.tokens, st.mentions, x.targetIdx, 1)
      : [null];
  // ("attacked an army post": a body's thing is the body only as the target of force)
  if (!st.lx.forceRoots.has(x.p.code.slice(0, 2))) {
    x.targets = x.targets.filter((t) => !t?.thing);
    if (x.targets.length === 0) x.targets = [null];
  }
  x.sources = x.subjects;
  return x.targets.length > 1;
}
