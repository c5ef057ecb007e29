import { partyOf } from '../../model/actor-code.js';
import type { Mention } from '../find-mentions.js';
import type { ReadState, SentenceEvent } from './event-state.js';
import { coordinated } from './event-helpers.js';

/**
 * Steps on all the events of a sentence, in order, after every pattern has been read: they add the
 * broker of a brokered deal, fold a protest's demands into the protest, and drop events another
 * event of the same source makes redundant. Each says why it dropped what it dropped.
 */
export interface Dropped {
  event: SentenceEvent;
  reason: string;
}

type Filter = (st: ReadState, events: SentenceEvent[], dropped: Dropped[]) => SentenceEvent[];

export const SENTENCE_FILTERS: ReadonlyArray<readonly [string, Filter]> = [
  ['event.brokered', brokered],
  ['filter.protest-aims', protestAims],
  ['filter.refusal-replaces-bare', refusalReplacesBare],
  ['filter.hope-is-intent', hopeIsIntent],
  ['filter.force-without-target', forceWithoutTarget],
  ['filter.killing-in-attack', killingInAttack],
];

/** Keeps the events `drop` says nothing of; records the others with the filter's name. */
function dropWhere(events: SentenceEvent[], dropped: Dropped[], reason: string, drop: (e: SentenceEvent) => boolean) {
  const kept: SentenceEvent[] = [];
  for (const e of events) {
    if (drop(e)) dropped.push({ event: e, reason });
    else kept.push(e);
  }
  return kept;
}

/**
 * "Armenia and Azerbaijan agreed to a Russian-brokered ceasefire": the broker of the agreement
 * mediated (045) between the subjects of the clause it stands in, in the mode of that clause.
 */
function brokered(st: ReadState, events: SentenceEvent[]): SentenceEvent[] {
  const { tokens, mentions, lx } = st;
  for (let b = 0; b < mentions.length; b++) {
    const broker = mentions[b]!;
    if (
      broker.prep !== 'by' ||
      tokens[broker.end]?.text !== '-' ||
      !lx.brokerParticiples.has(tokens[broker.end + 1]?.lower ?? '')
    )
      continue;
    if (events.some((e) => e.source === broker.code && e.code.startsWith('04'))) continue;
    let k = b - 1;
    while (k >= 0 && (mentions[k]!.prep !== '' || mentions[k]!.apposition)) k--;
    if (
      k < 0 ||
      tokens.slice(mentions[k]!.end, broker.start).some((w) => lx.sentenceBoundaries.has(w.lower) || w.lower === ',')
    )
      continue;
    events.push(...brokerEvents(st, events, broker, mentions[k]!, k));
  }
  return events;
}

function brokerEvents(
  st: ReadState,
  events: SentenceEvent[],
  broker: Mention,
  first: Mention,
  k: number,
): SentenceEvent[] {
  const parties = coordinated(st.lx, st.tokens, st.mentions, k, -1);
  // the clause's own act (the agreement) gives the mode: a planned deal is brokered by no one yet
  const act = events.find(
    (e) => e.tokenSpan[0] > first.start && e.tokenSpan[0] < broker.start && parties.some((p) => p.code === e.source),
  );
  if (!act || (act.mode !== 'asserted' && act.mode !== 'reported')) return [];
  return parties
    .filter((p) => partyOf(p.code) !== partyOf(broker.code))
    .map((p) => ({
      source: broker.code,
      target: p.code,
      code: '045',
      mode: act.mode,
      tokenSpan: [broker.start, broker.end + 1] as [number, number],
      confidence: 0.7,
      pattern: 'mediate.brokered_compound',
      steps: ['event.brokered'],
      sourcePerson: false,
    }));
}

/**
 * "protesters gathered, demanding his resignation": the demand is the protest's aim, not an act of
 * its own; a demand for a change of leader makes it a protest for one (14x1).
 */
function protestAims(_st: ReadState, events: SentenceEvent[], dropped: Dropped[]): SentenceEvent[] {
  if (!events.some((e) => e.code.startsWith('14'))) return events;
  const aims = events.filter(
    (d) => d.code.startsWith('10') && events.some((e) => e.code.startsWith('14') && e.source === d.source),
  );
  if (aims.length === 0) return events;
  return dropWhere(events, dropped, 'filter.protest-aims', (d) => aims.includes(d)).map((e) => {
    const aim = e.code.startsWith('14') ? aims.find((d) => d.source === e.source) : undefined;
    if (!aim) return e;
    const leader = aim.code === '1041' && e.code.length === 3 && e.code !== '140';
    return { ...e, code: leader ? `${e.code}1` : e.code, target: e.target ?? aim.target };
  });
}

/** "refused to lay down their arms": the refusal read from the infinitive (1246) replaces the bare "refused" (120). */
function refusalReplacesBare(st: ReadState, events: SentenceEvent[], dropped: Dropped[]): SentenceEvent[] {
  const refusals = events.filter((e) => e.conversion === 'refuse');
  if (refusals.length === 0) return events;
  return dropWhere(
    events,
    dropped,
    'filter.refusal-replaces-bare',
    (e) => yields(st, e, 'refuse') && refusals.some((r) => r.source === e.source),
  );
}

/**
 * "Putin hopes the chancellor will visit": the hope is read as intent (036); the bare optimistic
 * comment (013) stands only when the hope is for no act the patterns know. ("Japan hopes to join
 * ...": a hope to act oneself is intent or nothing, no comment.)
 */
function hopeIsIntent(st: ReadState, events: SentenceEvent[], dropped: Dropped[]): SentenceEvent[] {
  if (!events.some((e) => yields(st, e, 'intent'))) return events;
  return dropWhere(
    events,
    dropped,
    'filter.hope-is-intent',
    (e) =>
      yields(st, e, 'intent') &&
      (st.tokens[e.tokenSpan[1] + 1]?.lower === 'to' ||
        events.some((o) => o !== e && o.source === e.source && o.code.startsWith('03'))),
  );
}

/** "attacked a hotel, killing twenty-one people": the killing codes the act; the attack on no named actor adds nothing. */
function forceWithoutTarget(st: ReadState, events: SentenceEvent[], dropped: Dropped[]): SentenceEvent[] {
  events = strikeKilling(st, events, dropped);
  return dropWhere(
    events,
    dropped,
    'filter.force-without-target',
    (e) =>
      e.target === null &&
      e.code.startsWith('19') &&
      events.some((o) => o !== e && o.source === e.source && (o.code.startsWith('18') || o.code.startsWith('20'))),
  );
}

/**
 * "A Sudanese army air strike hit a market in Nyala, killing dozens of civilians": a state's forces
 * striking with no one named, killing people named, is the strike (19x) on those people; the
 * killing adds nothing. (An armed group's attack on a soft target is the killing, as above.)
 */
function strikeKilling(st: ReadState, events: SentenceEvent[], dropped: Dropped[]): SentenceEvent[] {
  const role = (code: string) => code.slice(partyOf(code).length);
  const merged = new Set<SentenceEvent>();
  const out = events.map((e) => {
    if (e.target !== null || !e.code.startsWith('19') || !st.lx.stateForceRoles.has(role(e.source))) return e;
    // (the killing may have become repression, 175, by whom it killed)
    const killing = events.find(
      (o) => o.source === e.source && o.target !== null && (o.code.startsWith('18') || o.code === '175'),
    );
    if (!killing) return e;
    merged.add(killing);
    return { ...e, target: killing.target, steps: [...e.steps, 'filter.strike-killing'] };
  });
  return dropWhere(out, dropped, 'filter.strike-killing', (e) => merged.has(e));
}

/** An event of a pattern that gives way to a refusal or an intent, itself not converted. */
function yields(st: ReadState, e: SentenceEvent, to: 'refuse' | 'intent'): boolean {
  return e.conversion === undefined && st.patterns.byId.get(e.pattern)?.yieldsTo === to;
}

/**
 * "ambushed a police convoy, killing thirteen officers": the attack on a named target codes the act;
 * the killing of no one named adds nothing.
 */
function killingInAttack(_st: ReadState, events: SentenceEvent[], dropped: Dropped[]): SentenceEvent[] {
  return dropWhere(
    events,
    dropped,
    'filter.killing-in-attack',
    (e) =>
      e.target === null &&
      e.code.startsWith('18') &&
      events.some((o) => o !== e && o.source === e.source && o.target !== null && /^(18|19|20)/.test(o.code)),
  );
}
