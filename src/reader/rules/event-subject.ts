import { partyOf } from '../../model/actor-code.js';
import type { Mention } from '../find-mentions.js';
import { coordinated, mentionBefore, reportedPast } from './event-helpers.js';
import { fire } from './mode-state.js';
import type { EventStep, Interp } from './event-state.js';

/**
 * Who acted (steps that fire by a more specific name record that name and return false): for a noun trigger, its possessor or the parties "between" whom it took place; for a
 * verb, the nearest actor on its left in the same clause (or the antecedent of "who"); else the
 * subject of the verb before it ("met Kim and then flew to Beijing").
 */
export const SUBJECT_STEPS: readonly EventStep[] = [
  { name: 'subject.of-noun', run: (x) => (x.p.headPos === 'N' ? nounSubject(x) : false) },
  { name: 'subject.nearest-left', run: (x) => x.p.headPos !== 'N' && nearestLeft(x) },
  { name: 'subject.relative-antecedent', run: relativeAntecedent },
  { name: 'subject.coordinated', run: coordinatedSubjects },
  { name: 'subject.participle-clause', run: participleClause },
  { name: 'subject.after-and', run: afterAnd },
  { name: 'subject.earlier-verb', run: earlierVerb },
];

/** The possessor of a noun trigger: "Pompeo's visit to Pyongyang", "Pelosi's trip". */
function possessor(x: Interp, head: number): number {
  const { tokens, mentions, lx } = x.st;
  let k = head - 1;
  while (k >= 0 && (tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'NUM')) k--;
  if (
    k >= 2 &&
    (tokens[k]!.lower === 'his' || tokens[k]!.lower === 'her') &&
    (tokens[k - 1]!.lower === 'that' || (tokens[k - 1]!.pos === 'VERB' && lx.sayVerbs.has(tokens[k - 1]!.lemma)))
  ) {
    // "Pompeo said his talks with Kim Yong Chol had been productive": the speaker's own talks.
    const owner = mentionBefore(mentions, k);
    return owner?.person && !tokens.slice(owner.end, k).some((w) => lx.sentenceBoundaries.has(w.lower))
      ? mentions.indexOf(owner)
      : -1;
  }
  if (k < 1 || tokens[k]!.lower !== "'s") return -1;
  return mentions.findIndex((c) => c.end === k);
}

/**
 * "after Pelosi's visit", "condemned Pelosi's visit to Taiwan": a possessed event noun that dates
 * or is the object of another act is its background, not news of its own ("during Pompeo's visit"
 * and "said his talks with Kim had been productive" still report it).
 */
function backgroundNoun(x: Interp, ownerStart: number): boolean {
  const { tokens, lx } = x.st;
  let k = ownerStart - 1;
  while (k >= 0 && tokens[k]!.pos === 'DET') k--;
  const w = tokens[k];
  if (!w) return false;
  return lx.backgroundWords.has(w.lower) || (w.pos === 'VERB' && !lx.sayVerbs.has(w.lemma));
}

/** A noun trigger's author: its possessor, an actor inside it, or the parties it took place between. */
function nounSubject(x: Interp): boolean | 'drop' | 'none' {
  const { tokens, mentions, lx } = x.st;
  const { m, p } = x;
  x.subjectIdx = possessor(x, m.first);
  if (x.subjectIdx >= 0) {
    if (backgroundNoun(x, mentions[x.subjectIdx]!.start)) return 'none';
    fire(x, 'subject.possessor');
    return false;
  }
  if (p.items.length > 1 && reportedPast(lx, tokens, m.last)) {
    // "the reimposition of US sanctions on Iran took effect": the actor inside the nominalised
    // trigger is its author.
    x.subjectIdx = mentions.findIndex((c) => c.start > m.first && c.end <= m.last && !c.apposition);
    if (x.subjectIdx >= 0) {
      fire(x, 'subject.inside-noun');
      return false;
    }
  }
  const parties = clashWith(x) ?? partiesOfNoun(x);
  if (parties === 'drop') return 'drop';
  x.nounParties = parties;
  x.subjectIdx = mentions.indexOf(parties[0]!);
  return false;
}

/**
 * "the summit between Trump and Kim ended": the parties follow "between", and the meeting counts
 * only if the clause reports it in the past ("Fighting broke out in Khartoum between ...": the verb
 * and a place may come first). "The Hanoi summit ended abruptly after Trump and Kim failed to
 * agree": a meeting that is its clause's subject is between the one pair the sentence names.
 */
function partiesOfNoun(x: Interp): Mention[] | 'drop' {
  const { tokens, mentions, lx } = x.st;
  const { m, p } = x;
  if (!p.targets.includes('between') || !reportedPast(lx, tokens, m.last)) return 'drop';
  const b = mentions.findIndex(
    (c) =>
      c.prep === 'between' &&
      c.start > m.last &&
      c.start <= m.last + 7 &&
      !tokens
        .slice(m.last + 1, c.start)
        .some((w) => w.lower === ',' || lx.sentenceBoundaries.has(w.lower) || lx.clauseStarts.has(w.lower)),
  );
  let parties: Mention[] | undefined;
  if (b >= 0) {
    parties = coordinated(lx, tokens, mentions, b, 1);
    fire(x, 'subject.between');
  } else if (p.dyad !== 'plain' && tokens[m.last + 1]?.pos === 'VERB') {
    const lists = mentions
      .map((c, k) => (c.prep === '' && !c.apposition ? coordinated(lx, tokens, mentions, k, -1) : []))
      .filter(
        (l) =>
          l.length >= 2 &&
          (tokens[l[l.length - 1]!.end]?.pos === 'VERB' || tokens[l[l.length - 1]!.end]?.pos === 'AUX'),
      );
    if (lists.length === 1 && lists[0]!.length === 2) parties = lists[0];
    if (parties) fire(x, 'subject.pair-of-the-sentence');
  }
  return parties === undefined || parties.length < 2 ? 'drop' : parties;
}

/**
 * "Twenty Indian soldiers were killed in a clash with Chinese troops": the clause's subject and the
 * actor "with" it are the two sides, when the clause tells it in the past.
 */
function clashWith(x: Interp): Mention[] | undefined {
  const { tokens, mentions } = x.st;
  const { m, p } = x;
  const inBefore =
    (tokens[m.first - 1]?.pos === 'DET' && tokens[m.first - 2]?.lower === 'in') || tokens[m.first - 1]?.lower === 'in';
  if (p.dyad !== 'sym' || !p.targets.includes('between') || !inBefore || tokens[m.last + 1]?.lower !== 'with')
    return undefined;
  if (hasBetweenParty(x)) return undefined;
  const other = mentions.find(
    (c) => c.start === m.last + 2 || (c.start === m.last + 3 && tokens[m.last + 2]!.pos === 'DET'),
  );
  const subject = mentions.find((c) => c.end <= m.first && c.prep === '' && !c.apposition);
  const past = tokens
    .slice(subject?.end ?? 0, m.first)
    .some((w) => w.pos === 'VERB' && w.lower !== w.lemma && !w.lower.endsWith('ing'));
  if (!other || !subject || !past || partyOf(other.code) === partyOf(subject.code)) return undefined;
  fire(x, 'subject.clash-with');
  return [subject, { ...other, prep: '' }];
}

function hasBetweenParty(x: Interp): boolean {
  const { tokens, mentions, lx } = x.st;
  const last = x.m.last;
  return mentions.some(
    (c) =>
      c.prep === 'between' &&
      c.start > last &&
      c.start <= last + 7 &&
      !tokens
        .slice(last + 1, c.start)
        .some((w) => w.lower === ',' || lx.sentenceBoundaries.has(w.lower) || lx.clauseStarts.has(w.lower)),
  );
}

/** The nearest actor on the left in the same clause, outside relative clauses, not a possessor. */
function nearestLeft(x: Interp): boolean {
  const { tokens, mentions, relative, lx } = x.st;
  const { m } = x;
  for (let k = mentions.length - 1; k >= 0; k--) {
    const c = mentions[k]!;
    if (c.end > m.first) continue;
    if (c.apposition || c.prep !== '' || c.thing) continue;
    if (!x.inRelative && relative[c.start] === 1) continue;
    // "the president's residence in Colombo": a possessor is not the subject, unless what it owns
    // is a bare title right before the verb ("the EU's foreign policy chief called on").
    if (tokens[c.end]?.lower === "'s") {
      let j = c.end + 1;
      while (j < m.first && (tokens[j]!.pos === 'NOUN' || tokens[j]!.pos === 'ADJ' || tokens[j]!.pos === 'PROPN')) j++;
      if (j !== m.first) continue;
    }
    let blocked = false;
    for (let b = c.end; b < m.first; b++)
      if (lx.sentenceBoundaries.has(tokens[b]!.lower) || (x.ownSubject && lx.clauseStarts.has(tokens[b]!.lower)))
        blocked = true;
    if (!blocked) x.subjectIdx = k;
    break;
  }
  return x.subjectIdx >= 0;
}

/** "who met Trump": the relative pronoun's antecedent is the actor before ", who". */
function relativeAntecedent(x: Interp): boolean {
  const { mentions, relative } = x.st;
  if (x.p.headPos === 'N' || !x.inRelative || x.subjectIdx >= 0) return false;
  for (let k = mentions.length - 1; k >= 0; k--) {
    if (mentions[k]!.end <= x.i && relative[mentions[k]!.start] !== 1) {
      x.subjectIdx = k;
      return true;
    }
  }
  return false;
}

/** "Russia and China vetoed": every actor of a list is a subject. */
function coordinatedSubjects(x: Interp): boolean {
  const { st } = x;
  x.subjects = x.nounParties ?? (x.subjectIdx >= 0 ? coordinated(st.lx, st.tokens, st.mentions, x.subjectIdx, -1) : []);
  return x.nounParties === undefined && x.subjects.length > 1;
}

/** ", killing 12 officers": a participle clause shares the subject of the clause before it. */
function participleClause(x: Interp): boolean {
  const { tokens, lastSubject: last, lastSubjectEnd } = x.st;
  const { m, p, i } = x;
  if (!last || p.headPos === 'N' || !tokens[i]!.lower.endsWith('ing') || m.passive || tokens[i - 1]?.lemma === 'be')
    return false;
  if (
    tokens[i - 1]?.lower !== ',' &&
    x.subjects.length !== 0 &&
    !(lastSubjectEnd !== undefined && x.subjects[0]!.start > lastSubjectEnd)
  )
    return false;
  x.subjects = last;
  return true;
}

/**
 * "accused Canada of interfering and expelled its ambassador": a verb after "and" shares the subject
 * of the verb before it, not that verb's object.
 */
function afterAnd(x: Interp): boolean {
  const { tokens, lastSubject: last, lastSubjectEnd } = x.st;
  const { m, p } = x;
  if (!last || m.passive || p.headPos === 'N' || x.subjects.length === 0 || lastSubjectEnd === undefined) return false;
  const andBefore =
    tokens[m.first - 1]?.lower === 'and' ||
    (tokens[m.first - 1]?.pos === 'ADV' && tokens[m.first - 2]?.lower === 'and');
  if (!andBefore || x.subjects[0]!.start <= lastSubjectEnd) return false;
  x.subjects = last;
  return true;
}

/** "... met Kim and then flew to Beijing": with no subject of its own, the verb shares the earlier one. */
function earlierVerb(x: Interp): boolean {
  const last = x.st.lastSubject;
  if (x.subjects.length !== 0 || !last || x.m.passive || x.ownSubject) return false;
  x.subjects = last;
  x.subjectInferred = true;
  return true;
}
