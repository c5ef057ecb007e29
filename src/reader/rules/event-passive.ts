import { partyOf } from '../../model/actor-code.js';
import { coordinated, mentionBefore } from './event-helpers.js';
import type { EventStep, Interp } from './event-state.js';

/**
 * The passive: "Sanctions were imposed on Iran by the EU": the "by" actor acts; the grammatical
 * subject undergoes the act. Without an agent, "a deal was agreed between London and Brussels" is
 * the parties' act on each other, and "Khan told parliament that the pilot would be released" the
 * announcer's. Steps run only on a passive match.
 */
export const PASSIVE_STEPS: readonly EventStep[] = [
  { name: 'passive.by-agent', run: (x) => x.m.passive && byAgent(x) },
  { name: 'passive.undergoer', run: (x) => x.m.passive && undergoer(x) },
  { name: 'passive.between', run: (x) => x.m.passive && between(x) },
  { name: 'passive.announced', run: (x) => x.m.passive && announced(x) },
];

function byAgent(x: Interp): boolean {
  const { st, i } = x;
  // ("was told by the Security Council to stop": the agent may stand between the trigger words)
  const byIdx = st.mentions.findIndex((c) => c.start > i && c.prep === 'by');
  x.sources = byIdx >= 0 ? coordinated(st.lx, st.tokens, st.mentions, byIdx, 1) : [];
  return byIdx >= 0;
}

/**
 * Only a prepositional target ("imposed on Iran") is kept from the search after the verb; else the
 * subject undergoes it, or the "of" actor of the subject ("The remains of US servicemen were
 * returned"; "Sanctions on the Russian bank were eased": the pattern's own preposition).
 */
function undergoer(x: Interp): boolean {
  const { tokens, mentions, lx } = x.st;
  const { i, p } = x;
  const t = x.targetIdx >= 0 ? mentions[x.targetIdx]! : undefined;
  if (t && t.prep !== 'by' && t.prep !== '') return false;
  const ofActor =
    x.subjects.length === 0
      ? mentions.find(
          (c) =>
            c.end <= i &&
            (c.prep === 'of' || (c.prep !== 'by' && c.prep !== '' && p.targets.includes(c.prep))) &&
            !tokens.slice(c.end, i).some((w) => lx.sentenceBoundaries.has(w.lower) || w.lower === ','),
        )
      : undefined;
  x.targets = x.subjects.length > 0 ? x.subjects : ofActor ? [ofActor] : [null];
  return x.targets[0] !== null;
}

/** "A deal was agreed between London and Brussels": the parties act on each other. */
function between(x: Interp): boolean {
  const { st } = x;
  if (x.sources.length > 0 || !x.p.targets.includes('between')) return false;
  const b = st.mentions.findIndex((c) => c.prep === 'between' && c.start > x.m.after);
  if (b < 0) return false;
  x.sources = coordinated(st.lx, st.tokens, st.mentions, b, 1);
  x.targets = [null];
  return true;
}

/**
 * "Khan told parliament that the captured pilot would be released": an act announced in the passive
 * with no agent is the announcer's own; what it acts on is in the announced clause.
 */
function announced(x: Interp): boolean {
  const { tokens, mentions, lx } = x.st;
  const { i, m, p } = x;
  if (x.sources.length > 0) return false;
  if (!tokens.slice(Math.max(0, i - 3), i).some((w) => lx.announcingAuxiliaries.has(w.lower))) return false;
  for (let k = m.first - 1; k >= 0; k--) {
    const w = tokens[k]!;
    if (lx.sentenceBoundaries.has(w.lower)) break;
    if (w.pos !== 'VERB' || !lx.announcerVerbs.has(w.lemma)) continue;
    const speaker = mentionBefore(mentions, k);
    if (!speaker) return false;
    let from = k + 1;
    for (let j = k + 1; j < m.first; j++) if (tokens[j]!.lower === 'that') from = j + 1;
    const inClause = mentions.filter((c) => c.start >= from && c.end <= i && !c.apposition);
    const undergone =
      inClause.find((c) => c.prep === '') ??
      inClause.find((c) => c.prep !== '' && p.targets.includes(c.prep)) ??
      inClause.find((c) => c.prep === 'of');
    x.sources = [speaker];
    x.targets = undergone && partyOf(undergone.code) !== partyOf(speaker.code) ? [undergone] : [null];
    return true;
  }
  return false;
}
