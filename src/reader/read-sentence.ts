import { isOrganisationCode, partyOf } from '../model/actor-code.js';
import { detectMode, type Mode } from './detect-mode.js';
import { loadLexicon } from './lexicon.js';
const LX = loadLexicon();
const BROKERED = LX.brokerParticiples;
import type { Mention } from './find-mentions.js';
import { expandDyads } from './expand-dyads.js';
import { intentCodeFor, refusalCodeFor, threatCodeFor } from './intent-codes.js';
import type { Pattern, PatternIndex } from './load-patterns.js';
import type { Sentence, Token } from './token.js';

/**
 * Who did what to whom in one sentence: find action patterns by the lemma of their head, then the
 * subject (nearest actor on the left, or the "by" agent of a passive), the target (the pattern's
 * object or preposition), coordination on either side, the mode, and the final code.
 */
export interface SentenceEvent {
  source: string;
  target: string | null;
  code: string;
  mode: Mode;
  /** Token indices [first, last] of the matched words. */
  tokenSpan: [number, number];
  confidence: number;
  rule: string;
  /** The source is a named person (not a pronoun): the preferred referent of a later "he"/"she". */
  sourcePerson: boolean;
  /** The source refers back to an earlier sentence ("he", "the two men"): the scene continues. */
  anaphoric?: boolean;
}

const BOUNDARY = new Set(['.', ';', ':', '?', '!']);
const CLAUSE_START = new Set([
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'because',
  'while',
  'although',
  'though',
  'whereas',
  'if',
  'unless',
  'when',
  'after',
  'before',
  'since',
  'until',
  'but',
  'where',
]);
const ADDRESSEE_PREPS = new Set(['to', 'with', 'against', 'toward', 'towards']);
const TIME_CONJ = new Set(['after', 'before', 'while', 'since']);
const COORD = new Set(['and', ',', 'or', '&']);
// Words that may sit between conjuncts: "the president and his counterpart".
const COORD_FILLERS = new Set(['the', 'both', 'his', 'her', 'its', 'their', 'a', 'an', 'also', 'then']);
// Words allowed between trigger words: "provide $50 million in humanitarian aid".
// "detained people for criticising", "without signing": a gerund after these is a reason or a
// circumstance, not an act reported in its own right.
const CROWD_NOUNS = new Set([
  'people',
  'persons',
  'protesters',
  'demonstrators',
  'activists',
  'dozens',
  'hundreds',
  'thousands',
  'residents',
  'villagers',
  'students',
  'civilians',
  'opponents',
  'critics',
  'supporters',
  'members',
  'rioters',
  'dissidents',
  'journalists',
  'worshippers',
  'mourners',
  'crowds',
]);
const GERUND_MARKERS = new Set(['for', 'of', 'by', 'without', 'against']);
// Particles that make "call for", "call on" phrasal only when nothing stands between ("calling it a
// chance for dialogue" is no appeal).
const TIGHT_PARTICLES = new Set(['for', 'on', 'upon']);
const ACCUSATION: Record<string, true> = { '18': true, '19': true, '20': true, '17': true };
const DATE_WORD =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|\d+)$/;
const IRREGULAR_PAST: Record<string, string> = {
  shot: 'shoot',
  struck: 'strike',
  hit: 'hit',
  met: 'meet',
  held: 'hold',
  sent: 'send',
  led: 'lead',
  left: 'leave',
  took: 'take',
  taken: 'take',
  made: 'make',
  gave: 'give',
  given: 'give',
  sought: 'seek',
  fought: 'fight',
  brought: 'bring',
  paid: 'pay',
  told: 'tell',
  spoke: 'speak',
  spoken: 'speak',
  flew: 'fly',
  flown: 'fly',
  broke: 'break',
  broken: 'break',
  froze: 'freeze',
  frozen: 'freeze',
  shut: 'shut',
  beaten: 'beat',
  seen: 'see',
  drawn: 'draw',
  thrown: 'throw',
  bound: 'bind',
};
const RELATIVE_PRONOUNS = new Set(['which', 'that', 'who', 'whom']);
const ASPECT = new Set(['begin', 'start', 'continue', 'resume', 'stop', 'keep', 'finish']);
const MAX_GAP = 6;
const ACT_NOUN = /(?:ing|tion|sion|ment|ure|ance|ence|al|sis)$/;
// "The remains of fifty-five US servicemen were returned": the noun may stand further back.
const PASSIVE_GAP = 10;

interface Match {
  pattern: Pattern;
  first: number;
  last: number;
  /** Index of the last trigger word after the head (targets are looked for after it). */
  after: number;
  passive: boolean;
}

function itemMatches(t: Token, alts: string[]): boolean {
  for (const a of alts) if (t.lemma === a || t.lower === a) return true;
  return false;
}

function isPassive(tokens: Token[], head: number): boolean {
  const t = tokens[head]!;
  if (t.lower.endsWith('ing')) return false;
  // "talks mediated by Saudi Arabia": a participle with its "by" agent is passive without "be".
  if ((t.pos === 'VERB' || t.pos === 'ADJ') && t.lower.endsWith('ed') && tokens[head + 1]?.lower === 'by') return true;
  if (t.pos !== 'VERB' && t.pos !== 'NOUN') return false;
  // "was hit", "were put": participles that look like the base form need a "be" right before.
  if (t.lower === t.lemma) return head > 0 && /^(was|were|been|being|is|are)$/.test(tokens[head - 1]!.lower);
  for (let k = head - 1; k >= 0 && k >= head - 3; k--) {
    const w = tokens[k]!;
    if (w.lemma === 'be' || w.lemma === 'get') return true;
    if (w.pos !== 'ADV' && w.pos !== 'PART') return false;
  }
  return false;
}

function matchPattern(
  tokens: Token[],
  i: number,
  p: Pattern,
  taken: Uint8Array,
  misTagged: boolean,
  afterMention: boolean,
): Match | undefined {
  const head = tokens[i]!;
  if (p.headPos === 'V' && head.pos !== 'VERB' && !misTagged) return undefined;
  // "the negotiating table", "return to talks", "help in hosting": a verb form used as a noun.
  const before = tokens[i - 1];
  // ("after shooting down a drone": a participle clause after a time word is an act of the subject)
  const timedParticiple = before !== undefined && TIME_CONJ.has(before.lower) && head.lower.endsWith('ing');
  // ("Qatar, which mediated the deal": a relative pronoun tagged DET is the verb's subject)
  // "earthquake-hit Syria", "Kurdish-led forces": a verb inside a hyphenated modifier is no act
  // ("a Russian-brokered ceasefire" is read by brokers()).
  if (p.headPos === 'V' && before?.text === '-' && before.end === head.start && !BROKERED.has(head.lower))
    return undefined;
  // "retaliated by expelling ten diplomats": a gerund after a verb and "by" is how its subject acts.
  const byMeans =
    before?.lower === 'by' &&
    head.lower.endsWith('ing') &&
    (tokens[i - 2]?.pos === 'VERB' || (tokens[i - 2]?.pos === 'ADV' && tokens[i - 3]?.pos === 'VERB'));
  if (
    p.headPos === 'V' &&
    before &&
    !afterMention &&
    !timedParticiple &&
    !byMeans &&
    ((before.pos === 'DET' && !RELATIVE_PRONOUNS.has(before.lower)) ||
      before.pos === 'ADP' ||
      before.lower === "'s" ||
      GERUND_MARKERS.has(before.lower))
  )
    return undefined;
  // "the three freed Americans": a participle between a number and its noun describes the noun.
  if (
    p.headPos === 'V' &&
    before?.pos === 'NUM' &&
    head.lower.endsWith('ed') &&
    (tokens[i + 1]?.pos === 'NOUN' || tokens[i + 1]?.pos === 'PROPN')
  )
    return undefined;
  // "return to talks": a plural noun after "to", not an infinitive
  if (
    p.headPos === 'V' &&
    before?.lower === 'to' &&
    head.lower.endsWith('s') &&
    !head.lower.endsWith('ss') &&
    head.lower !== head.lemma
  )
    return undefined;
  // "Fighting broke out": a gerund opening the sentence or after an article is a noun.
  const gerundNoun =
    head.pos === 'VERB' && head.lower.endsWith('ing') && (i === 0 || before?.pos === 'DET' || before?.pos === 'ADJ');
  if (p.headPos === 'N' && head.pos !== 'NOUN' && head.pos !== 'PROPN' && !gerundNoun) return undefined;
  const passive = p.headPos !== 'N' && isPassive(tokens, i);
  let pos = i;
  let first = i;
  for (let k = 1; k < p.items.length; k++) {
    const alts = p.items[k]!;
    let found = -1;
    for (let j = pos + 1; j < tokens.length && j <= pos + 1 + MAX_GAP; j++) {
      const t = tokens[j]!;
      if (BOUNDARY.has(t.lower)) break;
      if (
        !taken[j] &&
        itemMatches(t, alts) &&
        !(t.pos === 'ADP' && DATE_WORD.test(tokens[j + 1]?.lower ?? '')) &&
        !(k === 1 && TIGHT_PARTICLES.has(t.lower) && j > pos + 1 && p.items.length === 2)
      ) {
        // ("agreed on Wednesday" is no "agree on")
        found = j;
        break;
      }
      // a verb ends the search, unless it is half of a compound ("a Russian-brokered ceasefire")
      if (t.pos === 'VERB' && j > pos + 1 && tokens[j - 1]?.text !== '-' && tokens[j - 1]?.pos !== 'DET') break; // (or a participle after an article: "the captured pilot")
    }
    if (found < 0 && k === 1 && passive) {
      // "sanctions were imposed": the noun stands before the passive head.
      for (let j = i - 1; j >= 0 && j >= i - 1 - PASSIVE_GAP; j--) {
        if (BOUNDARY.has(tokens[j]!.lower)) break;
        if (itemMatches(tokens[j]!, alts)) {
          found = j;
          first = j;
          break;
        }
      }
      if (found >= 0) continue;
    }
    if (found < 0) return undefined;
    pos = found;
  }
  return { pattern: p, first, last: Math.max(pos, i), after: Math.max(pos, i), passive };
}

/** Token ranges inside ", who ... ," and ", which ... ," whose actors do not act in the main clause. */
function relativeClauses(tokens: Token[]): Uint8Array {
  const inside = new Uint8Array(tokens.length);
  for (let i = 1; i < tokens.length; i++) {
    const w = tokens[i]!.lower;
    if ((w === 'who' || w === 'which' || w === 'whose') && tokens[i - 1]!.lower === ',') {
      let j = i;
      while (j < tokens.length && tokens[j]!.lower !== ',' && !BOUNDARY.has(tokens[j]!.lower)) inside[j++] = 1;
    }
  }
  return inside;
}

/**
 * Mentions joined to `m` by "and" / "," on the left (subjects) or right (objects). A chain joined
 * by commas alone is not a coordination ("According to officials, China ...") unless an "and" or
 * "or" joins it somewhere ("Russia, China and Iran").
 */
function coordinated(tokens: Token[], mentions: Mention[], at: number, dir: -1 | 1): Mention[] {
  const out = [mentions[at]!];
  let cur = at;
  let conjunction = false;
  for (;;) {
    const next = cur + dir;
    const n = mentions[next];
    if (!n || n.apposition) break;
    const c = mentions[cur]!;
    if (n.start === c.start && n.end === c.end) {
      // the two halves of "both sides"
      out.push(n);
      conjunction = true;
      cur = next;
      continue;
    }
    const from = dir === 1 ? c.end : n.end;
    const to = dir === 1 ? n.start : c.start;
    if (to - from < 1 || to - from > 4) break;
    let ok = true;
    let sawCoord = false;
    for (let k = from; k < to; k++) {
      const w = tokens[k]!.lower;
      if (COORD.has(w)) {
        sawCoord = true;
        if (w !== ',') conjunction = true;
      } else if (!COORD_FILLERS.has(w) && tokens[k]!.pos !== 'NUM' && tokens[k]!.pos !== 'ADJ') ok = false;
    }
    if (!ok || !sawCoord) break;
    if (dir === 1 && n.prep !== '' && n.prep !== c.prep) break;
    // ", and crowds lined the streets": a new clause, not a list.
    // (a conjunct of "between X and Y" starts no clause: "the summit between X and Y ended")
    if (dir === 1 && n.prep === '' && tokens[n.end]?.pos === 'VERB' && !tokens[n.end]!.lower.endsWith('ing')) break;
    out.push(n);
    cur = next;
  }
  if (!conjunction) return out.slice(0, 1);
  // In text order, so "Saudi Arabia and Russia signed" has Saudi Arabia first.
  return out.sort((a, b) => a.start - b.start);
}

function refineCode(p: Pattern, tokens: Token[], from: number): string {
  if (p.refine.length === 0) return p.code;
  const end = Math.min(tokens.length, from + 14);
  for (const rule of p.refine) {
    for (let k = from; k < end; k++) {
      const t = tokens[k]!;
      // "warned Russia of consequences if it invaded": the condition is the other side's act.
      if (BOUNDARY.has(t.lower) || t.lower === 'if' || t.lower === 'unless') break;
      // ("threatened to destroy X and mocked Kim as Rocket Man": a second verb's words are its own)
      if (t.lower === 'and' && tokens[k + 1]?.pos === 'VERB') break;
      if (rule.lemmas.has(t.lemma) || rule.lemmas.has(t.lower)) return rule.code;
    }
    // "Russian artillery struck ...": in fighting, the weapon may be the subject right before.
    if (p.code.startsWith('19') && rule.code.startsWith('19')) {
      for (let k = from - 2; k >= 0 && k >= from - 3; k--) {
        const t = tokens[k]!;
        if (t.pos === 'PUNCT') break;
        if (rule.lemmas.has(t.lemma) || rule.lemmas.has(t.lower)) return rule.code;
      }
    }
  }
  return p.code;
}

export function readSentence(
  sentence: Sentence,
  mentions: Mention[],
  patterns: PatternIndex,
  places: Mention[] = [],
): SentenceEvent[] {
  const tokens = sentence.tokens;
  const n = tokens.length;
  if (n === 0) return [];
  const mentionAt = new Int16Array(n).fill(-1);
  mentions.forEach((m, k) => {
    for (let i = m.start; i < m.end; i++) mentionAt[i] = k;
  });
  const state: ReadState = {
    tokens,
    mentions,
    places,
    taken: new Uint8Array(n),
    relative: relativeClauses(tokens),
    events: [],
    lastSubject: undefined,
    lastSubjectEnd: undefined,
  };

  for (let i = 0; i < n; i++) {
    if (mentionAt[i]! >= 0 || state.taken[i]) continue;
    const t = tokens[i]!;
    let cands = patterns.byHead.get(t.lemma);
    // "fighting" is both the verb "fight" and a noun trigger of its own
    const asWritten = t.lower !== t.lemma ? patterns.byHead.get(t.lower) : undefined;
    if (asWritten) cands = cands ? [...cands, ...asWritten] : asWritten;
    let misTagged = false;
    // ("began checking two sites": a gerund after an aspect verb, tagged as a noun, is the verb)
    if (
      cands &&
      (t.pos === 'NOUN' || t.pos === 'ADJ') &&
      t.lower.endsWith('ing') &&
      i > 0 &&
      tokens[i - 1]!.pos === 'VERB' &&
      ASPECT.has(tokens[i - 1]!.lemma)
    )
      misTagged = true;
    // ("Burkinabe jihadists abducted forty villagers": a past tense right after an actor, tagged NOUN.)
    if (
      !cands &&
      (t.pos === 'ADJ' ||
        (t.pos === 'NOUN' &&
          mentionAt[i - 1]! >= 0 &&
          (tokens[i + 1]?.pos === 'NUM' || tokens[i + 1]?.pos === 'DET'))) &&
      t.lower.endsWith('ed') &&
      i > 0 &&
      (tokens[i - 1]!.pos === 'PROPN' ||
        tokens[i - 1]!.pos === 'NOUN' ||
        (tokens[i - 1]!.lemma === 'be' && tokens[i + 1]?.lower === 'by') ||
        (RELATIVE_PRONOUNS.has(tokens[i - 1]!.lower) && tokens[i - 2]?.lower === ','))
    ) {
      // ("Taiwan was encircled by Chinese warships": a passive participle tagged as an adjective)
      // wink sometimes tags a past tense after a name as an adjective ("Egypt mediated talks").
      const w = t.lower;
      cands =
        patterns.byHead.get(w.slice(0, -1)) ??
        patterns.byHead.get(w.slice(0, -2)) ??
        patterns.byHead.get(w.slice(0, -3));
      misTagged = cands !== undefined;
    } else if (
      !cands &&
      (t.pos === 'NOUN' || t.pos === 'ADJ') &&
      t.lower.endsWith('ing') &&
      i > 0 &&
      ((tokens[i - 1]!.pos === 'VERB' && ASPECT.has(tokens[i - 1]!.lemma)) ||
        tokens[i - 1]!.lower === ',' ||
        (tokens[i - 1]!.lower === 'by' && tokens[i - 2]?.pos === 'VERB'))
    ) {
      // ... and a gerund after "began" as a noun ("began trading").
      const w = t.lower.slice(0, -3);
      cands = patterns.byHead.get(w) ?? patterns.byHead.get(`${w}e`) ?? patterns.byHead.get(w.slice(0, -1));
      misTagged = cands !== undefined;
    }
    if (
      !cands &&
      t.pos === 'NOUN' &&
      i > 0 &&
      ((tokens[i - 1]!.pos === 'AUX' && (tokens[i - 1]!.lemma === 'have' || tokens[i - 1]!.lemma === 'be')) ||
        (mentionAt[i - 1]! >= 0 && IRREGULAR_PAST[t.lower] !== undefined))
    ) {
      // ("Ukraine shot down a Russian jet": an irregular past right after an actor, tagged as a noun)
      // "had shot down", "was struck": wink may tag a participle after an auxiliary as a noun.
      const w = IRREGULAR_PAST[t.lower] ?? (t.lower.endsWith('ed') ? t.lower.slice(0, -2) : t.lower);
      cands = patterns.byHead.get(w) ?? patterns.byHead.get(`${w}e`) ?? patterns.byHead.get(t.lower.slice(0, -1));
      misTagged = cands !== undefined;
    }
    if (!cands) continue;
    // "dismissed US calls for a ceasefire": after a verb and an actor, an -s form is a plural noun.
    const ownerBefore = i > 0 && mentionAt[i - 1]! >= 0 ? mentions[mentionAt[i - 1]!]! : undefined;
    const pluralAfterObject =
      ownerBefore !== undefined &&
      t.lower.endsWith('s') &&
      t.lower !== t.lemma &&
      tokens[ownerBefore.start - 1]?.pos === 'VERB';
    if (pluralAfterObject) cands = cands.filter((p) => p.headPos !== 'V');
    // "a resolution condemning the annexation": an -ing form right after a plain noun describes it.
    if (t.lower.endsWith('ing') && i > 0 && tokens[i - 1]!.pos === 'NOUN' && mentionAt[i - 1]! < 0)
      cands = cands.filter((p) => p.headPos !== 'V');
    // Most specific pattern first; one that needs a target it cannot find gives way to the next.
    for (const p of cands) {
      const m = matchPattern(tokens, i, p, state.taken, misTagged, i > 0 && mentionAt[i - 1]! >= 0);
      if (!m) continue;
      const found = interpret(state, m, i);
      if (found === undefined) continue;
      for (let k = m.first; k <= m.last; k++) state.taken[k] = 1;
      state.events.push(...found);
      break;
    }
  }
  // "attacked a hotel, killing twenty-one people": the killing codes the act; the attack on no
  // named actor adds nothing.
  let ev = state.events;
  brokers(tokens, mentions, ev);
  // "protesters gathered, demanding his resignation": the demand is the protest's aim, not an act
  // of its own; a demand for a change of leader makes it a protest for one (14x1).
  if (ev.some((e) => e.code.startsWith('14'))) {
    const aims = ev.filter(
      (d) => d.code.startsWith('10') && ev.some((e) => e.code.startsWith('14') && e.source === d.source),
    );
    if (aims.length > 0) {
      ev = ev
        .filter((d) => !aims.includes(d))
        .map((e) => {
          const aim = e.code.startsWith('14') ? aims.find((d) => d.source === e.source) : undefined;
          if (!aim) return e;
          const leader = aim.code === '1041' && e.code.length === 3 && e.code !== '140';
          return { ...e, code: leader ? `${e.code}1` : e.code, target: e.target ?? aim.target };
        });
    }
  }
  // "refused to lay down their arms": the refusal read from the infinitive (1246) replaces the bare
  // "refused" (120).
  const refusals = ev.filter((e) => e.rule.endsWith('+refuse'));
  if (refusals.length > 0)
    ev = ev.filter((e) => !(e.rule === 'reject.refuse' && refusals.some((r) => r.source === e.source)));
  // "Putin hopes the chancellor will visit": the hope is read as intent (036); the bare optimistic
  // comment (013) stands only when the hope is for no act the patterns know.
  // ("Japan hopes to join ...": a hope to act oneself is intent or nothing, no comment.)
  if (ev.some((e) => e.rule === 'comment.hope'))
    ev = ev.filter(
      (e) =>
        !(
          e.rule === 'comment.hope' &&
          (tokens[e.tokenSpan[1] + 1]?.lower === 'to' ||
            ev.some((o) => o !== e && o.source === e.source && o.code.startsWith('03')))
        ),
    );
  return ev.filter(
    (e) =>
      !(
        e.target === null &&
        e.code.startsWith('19') &&
        ev.some((o) => o !== e && o.source === e.source && (o.code.startsWith('18') || o.code.startsWith('20')))
      ),
  );
}

interface ReadState {
  tokens: Token[];
  mentions: Mention[];
  /** Places named in the sentence ("in Jeddah"), for where a meeting happened. */
  places: Mention[];
  taken: Uint8Array;
  relative: Uint8Array;
  events: SentenceEvent[];
  lastSubject: Mention[] | undefined;
  lastSubjectEnd: number | undefined;
}

/** The possessor of a noun trigger: "Pompeo's visit to Pyongyang", "Pelosi's trip". */
function possessor(tokens: Token[], mentions: Mention[], head: number): number {
  let k = head - 1;
  while (k >= 0 && (tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'NUM')) k--;
  if (
    k >= 2 &&
    (tokens[k]!.lower === 'his' || tokens[k]!.lower === 'her') &&
    (tokens[k - 1]!.lower === 'that' || (tokens[k - 1]!.pos === 'VERB' && SAY.has(tokens[k - 1]!.lemma)))
  ) {
    // "Pompeo said his talks with Kim Yong Chol had been productive": the speaker's own talks.
    const owner = mentionBefore(mentions, k);
    return owner?.person && !tokens.slice(owner.end, k).some((w) => BOUNDARY.has(w.lower))
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
function backgroundNoun(tokens: Token[], ownerStart: number): boolean {
  let k = ownerStart - 1;
  while (k >= 0 && tokens[k]!.pos === 'DET') k--;
  const w = tokens[k];
  if (!w) return false;
  return BACKGROUND.has(w.lower) || (w.pos === 'VERB' && !SAY.has(w.lemma));
}

const BACKGROUND = new Set(['after', 'before', 'since', 'following', 'ahead']);
const SAY = new Set(['say', 'tell', 'add', 'announce', 'insist', 'claim', 'confirm', 'state']);
const FRAMING = new Set([
  'say',
  'be',
  'have',
  'report',
  'claim',
  'confirm',
  'tell',
  'announce',
  'believe',
  'think',
  'know',
  'warn',
  'allege',
  'deny',
  'insist',
  'fear',
  'suspect',
  'show',
  'find',
]);
const ANNOUNCERS = new Set([
  'say',
  'tell',
  'announce',
  'confirm',
  'promise',
  'pledge',
  'state',
  'add',
  'vow',
  'declare',
]);
const NOUN_INTENT = new Set([
  'planned',
  'proposed',
  'possible',
  'expected',
  'upcoming',
  'future',
  'potential',
  'prospective',
  'mooted',
  'next',
  'hoped-for',
  'anticipated',
  'scheduled',
]);

/**
 * Reads one matched pattern: subject, target, mode, final code and the events it stands for.
 * Undefined when the pattern does not fit here (no subject, or no target where one is needed),
 * so that a less specific pattern may try; an empty list when it fits but holds no event.
 */
function interpret(st: ReadState, m: Match, i: number): SentenceEvent[] | undefined {
  const { tokens, mentions, relative } = st;
  const p = m.pattern;
  const t = tokens[i]!;
  const inRelative = relative[i] === 1;

  // Subject: nearest actor on the left in the same clause, outside relative clauses.
  let subjectIdx = -1;
  // "a delay that threatened the truce": the relative pronoun stands for the noun before it.
  {
    let k = m.first - 1;
    while (k >= 0 && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX' || tokens[k]!.pos === 'PART')) k--;
    const rel = tokens[k];
    if (
      rel &&
      (rel.lower === 'that' || rel.lower === 'which') &&
      k > 0 &&
      tokens[k - 1]!.lower !== ',' &&
      tokens[k - 1]!.pos === 'NOUN' &&
      !mentions.some((c) => c.end === k)
    )
      return undefined;
  }
  // "released a French journalist jailed for a year", "the deal signed in 2015": a participle after
  // a noun phrase that is itself an object describes that noun; it reports no new act.
  if (p.headPos !== 'N' && !m.passive && reducedRelative(tokens, i)) return undefined;
  // "handed over the remains of U.S. soldiers killed in the war", "freed a national convicted of
  // spying", "the release of hostages seized by Hamas": the same for an actor named after a verb.
  if (p.headPos !== 'N' && participleAfterActor(tokens, mentions, i)) return undefined;
  // "a Russian-brokered ceasefire": the compound is read by brokers() below, not as a clause.
  if (
    tokens[m.first - 1]?.text === '-' &&
    BROKERED.has(tokens[m.first]!.lower) &&
    mentions.some((c) => c.end === m.first - 1)
  )
    return [];
  // "agreed to halt": "agree" governs the next verb; it is no agreement "with" anyone by itself.
  if (p.id.startsWith('agree.') && tokens[m.last + 1]?.lower === 'to' && tokens[m.last + 1]!.pos === 'PART')
    return undefined;
  // "after a drone struck the plant": a noun right before the verb is its own (non-actor) subject.
  let own = m.first - 1;
  while (own >= 0 && (tokens[own]!.pos === 'ADV' || tokens[own]!.pos === 'AUX')) own--;
  const ownSubject =
    own >= 0 &&
    !m.passive &&
    tokens[m.last + 1]?.lower !== 'by' &&
    (tokens[own]!.pos === 'NOUN' || tokens[own]!.pos === 'PROPN') &&
    !mentions.some((c) => c.start <= own && own < c.end);
  let nounParties: Mention[] | undefined;
  if (p.headPos === 'N') {
    subjectIdx = possessor(tokens, mentions, m.first);
    if (subjectIdx >= 0 && backgroundNoun(tokens, mentions[subjectIdx]!.start)) return [];
    if (subjectIdx < 0 && p.items.length > 1 && reportedPast(tokens, m.last)) {
      // "the reimposition of US sanctions on Iran took effect": the actor inside the nominalised
      // trigger is its author.
      subjectIdx = mentions.findIndex((c) => c.start > m.first && c.end <= m.last && !c.apposition);
    }
    if (subjectIdx < 0) {
      // "the summit between Trump and Kim ended": the parties follow "between", and the
      // meeting counts only if the clause reports it in the past.
      // ("Fighting broke out in Khartoum between ...": the verb and a place may come first)
      const b = mentions.findIndex(
        (c) =>
          c.prep === 'between' &&
          c.start > m.last &&
          c.start <= m.last + 7 &&
          !tokens
            .slice(m.last + 1, c.start)
            .some((w) => w.lower === ',' || BOUNDARY.has(w.lower) || CLAUSE_START.has(w.lower)),
      );
      const inClashWith =
        b < 0 &&
        p.dyad === 'sym' &&
        p.targets.includes('between') &&
        ((tokens[m.first - 1]?.pos === 'DET' && tokens[m.first - 2]?.lower === 'in') ||
          tokens[m.first - 1]?.lower === 'in') &&
        tokens[m.last + 1]?.lower === 'with';
      if (inClashWith) {
        // "Twenty Indian soldiers were killed in a clash with Chinese troops": the clause's subject
        // and the actor "with" it are the two sides, when the clause tells it in the past.
        const other = mentions.find(
          (c) => c.start === m.last + 2 || (c.start === m.last + 3 && tokens[m.last + 2]!.pos === 'DET'),
        );
        const subject = mentions.find((c) => c.end <= m.first && c.prep === '' && !c.apposition);
        const past = tokens
          .slice(subject?.end ?? 0, m.first)
          .some((w) => w.pos === 'VERB' && w.lower !== w.lemma && !w.lower.endsWith('ing'));
        if (other && subject && past && partyOf(other.code) !== partyOf(subject.code))
          nounParties = [subject, { ...other, prep: '' }];
      }
      if (nounParties === undefined && (!p.targets.includes('between') || !reportedPast(tokens, m.last)))
        return undefined;
      if (nounParties === undefined && b >= 0) nounParties = coordinated(tokens, mentions, b, 1);
      else if (nounParties === undefined && p.dyad !== 'plain' && tokens[m.last + 1]?.pos === 'VERB') {
        // "The Hanoi summit ended abruptly after Trump and Kim failed to agree", "... as talks
        // opened in Anchorage": a meeting that is its clause's subject is between the one pair of
        // actors the sentence names together.
        const lists = mentions
          .map((c, k) => (c.prep === '' && !c.apposition ? coordinated(tokens, mentions, k, -1) : []))
          .filter(
            (l) =>
              l.length >= 2 &&
              (tokens[l[l.length - 1]!.end]?.pos === 'VERB' || tokens[l[l.length - 1]!.end]?.pos === 'AUX'),
          );
        if (lists.length === 1 && lists[0]!.length === 2) nounParties = lists[0];
      }
      if (nounParties === undefined || nounParties.length < 2) return undefined;
      subjectIdx = mentions.indexOf(nounParties[0]!);
    }
  } else {
    for (let k = mentions.length - 1; k >= 0; k--) {
      const c = mentions[k]!;
      if (c.end > m.first) continue;
      if (c.apposition || c.prep !== '') continue;
      if (!inRelative && relative[c.start] === 1) continue;
      // "the president's residence in Colombo": a possessor is not the subject, unless what it owns
      // is a bare title right before the verb ("the EU's foreign policy chief called on").
      if (tokens[c.end]?.lower === "'s") {
        let k = c.end + 1;
        while (k < m.first && (tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'PROPN'))
          k++;
        if (k !== m.first) continue;
      }
      let blocked = false;
      for (let b = c.end; b < m.first; b++)
        if (BOUNDARY.has(tokens[b]!.lower) || (ownSubject && CLAUSE_START.has(tokens[b]!.lower))) blocked = true;
      if (!blocked) subjectIdx = k;
      break;
    }
    // "who met Trump": the relative pronoun's antecedent is the actor before ", who".
    if (inRelative && subjectIdx < 0) {
      for (let k = mentions.length - 1; k >= 0; k--) {
        if (mentions[k]!.end <= i && relative[mentions[k]!.start] !== 1) {
          subjectIdx = k;
          break;
        }
      }
    }
  }
  let subjects: Mention[] = nounParties ?? (subjectIdx >= 0 ? coordinated(tokens, mentions, subjectIdx, -1) : []);
  let subjectInferred = false;
  const last = st.lastSubject;
  // ", killing 12 officers": a participle clause shares the subject of the clause before it.
  if (
    last &&
    p.headPos !== 'N' &&
    t.lower.endsWith('ing') &&
    !m.passive &&
    tokens[i - 1]?.lemma !== 'be' &&
    (tokens[i - 1]?.lower === ',' ||
      subjects.length === 0 ||
      (st.lastSubjectEnd !== undefined && subjects[0]!.start > st.lastSubjectEnd))
  ) {
    subjects = last;
  }
  // "accused Canada of interfering and expelled its ambassador": a verb after "and" shares the
  // subject of the verb before it, not that verb's object.
  if (
    last &&
    !m.passive &&
    p.headPos !== 'N' &&
    (tokens[m.first - 1]?.lower === 'and' ||
      (tokens[m.first - 1]?.pos === 'ADV' && tokens[m.first - 2]?.lower === 'and')) &&
    subjects.length > 0 &&
    st.lastSubjectEnd !== undefined &&
    subjects[0]!.start > st.lastSubjectEnd
  ) {
    subjects = last;
  }
  if (subjects.length === 0 && last && !m.passive && !ownSubject) {
    // "... met Kim and then flew to Beijing": the verb shares the earlier subject.
    subjects = last;
    subjectInferred = true;
  }

  // Target: the pattern's object or preposition, after the trigger, in the same clause.
  const prefs = p.targets;
  const noTarget = prefs.length === 1 && prefs[0] === '-';
  const thatRank = prefs.indexOf('that');
  let targetIdx = -1;
  if (!noTarget) {
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
        if (
          BOUNDARY.has(w.lower) ||
          w.lower === ',' ||
          (CLAUSE_START.has(w.lower) && w.pos !== 'ADP') ||
          w.lower === 'that'
        )
          stop = true;
        // A direct object comes before any other verb, except an infinitive ("threatened to attack Japan").
        // ("extradited a suspected militant to France": a participle after an article is an adjective)
        if (
          c.prep === '' &&
          w.pos === 'VERB' &&
          !afterInfinitiveTo(tokens, b) &&
          !(tokens[b - 1]?.pos === 'DET' && !w.lower.endsWith('ing') && w.lower !== w.lemma)
        )
          stop = true;
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
        targetIdx = k;
        if (rank === 0 || afterThat) break;
      }
    }
  }
  if (targetIdx < 0 && !noTarget) {
    // "let IAEA inspectors visit", "imposed EU sanctions": an actor between the trigger words.
    targetIdx = mentions.findIndex((c) => c.start > i && c.start <= m.last && c.prep === '');
  }
  if (targetIdx < 0 && !noTarget && prefs.includes('')) {
    // "handed over the remains of U.S. soldiers", "seized the assets of Russian banks": the actor
    // an object belongs to is what the act is done to.
    const c = mentions.find((x) => x.start > m.after && x.prep === 'of' && !x.apposition && !x.place);
    if (c) {
      let k = c.start - 1;
      while (k > m.after && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'NUM' || tokens[k]!.pos === 'ADJ')) k--;
      let j = m.after + 1;
      while (
        j < k &&
        (tokens[j]!.pos === 'DET' || tokens[j]!.pos === 'ADJ' || tokens[j]!.pos === 'NUM' || tokens[j]!.pos === 'NOUN')
      )
        j++;
      // (not an act named as a noun: "investigating the poisoning of a Russian spy" is not aimed at him)
      const owned = tokens[k - 1];
      if (
        tokens[k]?.lower === 'of' &&
        j === k &&
        k - 1 > m.after &&
        owned?.pos === 'NOUN' &&
        !ACT_NOUN.test(owned.lower)
      )
        targetIdx = mentions.indexOf(c);
    }
  }
  if (targetIdx < 0 && !noTarget) {
    // "fired on and seized three Ukrainian vessels", "arrested and charged a French journalist":
    // two verbs joined by "and" share the object after the second.
    let a = m.after + 1;
    if (tokens[a]?.pos === 'ADP' && tokens[a + 1]?.lower === 'and') a++;
    if (tokens[a]?.lower === 'and' && tokens[a + 1]?.pos === 'VERB' && !tokens[a + 1]!.lower.endsWith('ing')) {
      let b = a + 2;
      while (b < tokens.length && (tokens[b]!.pos === 'DET' || tokens[b]!.pos === 'NUM')) b++;
      const c = mentions.findIndex((x) => x.start === b && x.prep === '' && !x.apposition && !x.place);
      if (c >= 0) targetIdx = c;
    }
  }
  if (targetIdx < 0 && !noTarget) targetIdx = addressee(tokens, mentions, m.last);
  let targets: Array<Mention | null> = targetIdx >= 0 ? coordinated(tokens, mentions, targetIdx, 1) : [null];
  let sources = subjects;

  if (m.passive) {
    // "Sanctions were imposed on Iran by the EU": the "by" actor acts; the subject undergoes.
    // ("was told by the Security Council to stop": the agent may stand between the trigger words)
    const byIdx = mentions.findIndex((c) => c.start > i && c.prep === 'by');
    sources = byIdx >= 0 ? coordinated(tokens, mentions, byIdx, 1) : [];
    // In the passive the grammatical subject undergoes the act; only a prepositional target
    // ("imposed on Iran") is kept from the search after the verb.
    if (targetIdx < 0 || mentions[targetIdx]!.prep === 'by' || mentions[targetIdx]!.prep === '') {
      // "The remains of US servicemen were returned": the "of" actor of the subject undergoes it.
      // ("Sanctions on the Russian bank were eased": the pattern's own preposition in the subject.)
      const ofActor =
        subjects.length === 0
          ? mentions.find(
              (c) =>
                c.end <= i &&
                (c.prep === 'of' || (c.prep !== 'by' && c.prep !== '' && p.targets.includes(c.prep))) &&
                !tokens.slice(c.end, i).some((w) => BOUNDARY.has(w.lower) || w.lower === ','),
            )
          : undefined;
      targets = subjects.length > 0 ? subjects : ofActor ? [ofActor] : [null];
    }
    if (sources.length === 0 && p.targets.includes('between')) {
      // "A deal was agreed between London and Brussels": the parties act on each other.
      const b = mentions.findIndex((c) => c.prep === 'between' && c.start > m.after);
      if (b >= 0) {
        sources = coordinated(tokens, mentions, b, 1);
        targets = [null];
      }
    }
    if (
      sources.length === 0 &&
      tokens.slice(Math.max(0, i - 3), i).some((w) => w.lower === 'would' || w.lower === 'will')
    ) {
      // "Khan told parliament that the captured pilot would be released": an act announced in the
      // passive with no agent is the announcer's own; what it acts on is in the announced clause.
      for (let k = m.first - 1; k >= 0; k--) {
        const w = tokens[k]!;
        if (BOUNDARY.has(w.lower)) break;
        if (w.pos !== 'VERB' || !ANNOUNCERS.has(w.lemma)) continue;
        const speaker = mentionBefore(mentions, k);
        if (speaker) {
          let from = k + 1;
          for (let j = k + 1; j < m.first; j++) if (tokens[j]!.lower === 'that') from = j + 1;
          const inClause = mentions.filter((c) => c.start >= from && c.end <= i && !c.apposition);
          const undergoer =
            inClause.find((c) => c.prep === '') ??
            inClause.find((c) => c.prep !== '' && p.targets.includes(c.prep)) ??
            inClause.find((c) => c.prep === 'of');
          sources = [speaker];
          targets = undergoer && partyOf(undergoer.code) !== partyOf(speaker.code) ? [undergoer] : [null];
        }
        break;
      }
    }
  }
  const protest = p.code.startsWith('14');
  if (sources.length === 0 && protest && !m.passive) {
    // "Thousands of people marched in Hong Kong": the crowd is the civilians of the place.
    const place = mentions.find((c) => (c.prep === 'in' || c.prep === 'at') && c.start > m.after);
    if (place) sources = [{ ...place, code: `${partyOf(place.code)}CVL`, prep: '', inferred: true, person: false }];
  }
  if (sources.length === 0 && m.passive && ACCUSATION[p.code.slice(0, 2)]) {
    // "Haniyeh was assassinated in Tehran, Iran's Revolutionary Guards said, blaming Israel": an
    // act of force with no agent is the one its reporter blames.
    const blame = tokens.findIndex((w, k) => k > m.last && (w.lower === 'blaming' || w.lower === 'accusing'));
    const blamed =
      blame < 0 ? undefined : mentions.find((c) => c.start > blame && c.start <= blame + 3 && c.prep === '');
    if (blamed) sources = [blamed];
  }
  if (sources.length === 0) return undefined;
  // Trips are made by people; "aid was flown to Syria" is not a visit.
  if (m.passive && p.dyad === 'visit') return undefined;
  // A target of the source's own party is the source again ("Russia warned that Russia would ...").
  targets = targets.filter(
    (tg) =>
      tg === null ||
      !sources.some(
        (s) =>
          s.code === tg.code ||
          (tg.prep === '' &&
            afterThatClause(tokens, m.after, tg.start) &&
            partyOf(s.code) === partyOf(tg.code) &&
            STATE_ROLES.has(tg.code.slice(partyOf(tg.code).length))) ||
          ownInstrument(s.code, tg.code),
      ),
  );
  if (targets.length === 0) targets = [null];
  if (targets[0] === null && p.code.startsWith('13')) {
    // "warned that it would leave the treaty if Europe failed to ...": a threat is aimed at
    // whoever its condition names.
    const named = conditionTarget(tokens, mentions, m.last, sources);
    if (named) targets = named;
  }
  if (targets[0] === null && !m.passive && (p.code.startsWith('11') || p.code.startsWith('12'))) {
    // "condemned the arrest of the journalist by Russian authorities": criticism of an act is
    // aimed at the author its object names.
    const author = mentions.find(
      (c) =>
        c.start > m.last &&
        c.prep === 'by' &&
        !tokens
          .slice(m.last + 1, c.start)
          .some((w) => BOUNDARY.has(w.lower) || w.lower === ',' || (w.pos === 'VERB' && !w.lower.endsWith('ing'))),
    );
    if (author && !sources.some((s) => partyOf(s.code) === partyOf(author.code))) targets = [author];
  }
  if (
    targets[0] === null &&
    p.code.startsWith('13') &&
    tokens.slice(m.first, m.last + 1).some((w) => REVENGE.has(w.lemma))
  ) {
    // "vowed revenge after a US drone strike killed ...": retaliation is aimed at the author of
    // the act that provoked it, named in the "after"/"for" clause.
    const cause = tokens.findIndex((w, k) => k > m.last && (w.lower === 'after' || w.lower === 'for'));
    const author =
      cause < 0
        ? undefined
        : mentions.find(
            (c) =>
              c.start > cause &&
              (c.prep === '' || c.prep === 'by') &&
              !sources.some((s) => partyOf(s.code) === partyOf(c.code)) &&
              !tokens.slice(cause + 1, c.start).some((w) => BOUNDARY.has(w.lower) || w.lower === ','),
          );
    if (author) targets = [author];
  }
  if (protest && targets[0] === null && sources[0] && !isOrganisationCode(sources[0].code)) {
    // Protests are directed at the government unless the text names another target.
    targets = [{ ...sources[0], code: `${partyOf(sources[0].code)}GOV`, inferred: true, person: false }];
  }
  if (
    targets[0] === null &&
    sources[0] &&
    (p.code === '173' || p.code === '175') &&
    !isOrganisationCode(sources[0].code) &&
    tokens.slice(m.last + 1, m.last + 7).some((w) => CROWD_NOUNS.has(w.lower))
  ) {
    // Arrests and crackdowns on unnamed people ("detained dozens of people") target civilians.
    targets = [{ ...sources[0], code: `${partyOf(sources[0].code)}CVL`, inferred: true, person: false }];
  }
  // "Kim hoped Pompeo would visit soon": the intent's target is the visitor, found below.
  const heldIntent =
    targets[0] === null &&
    subjects.length > 0 &&
    subjects[0]!.start > 0 &&
    intentFrameBefore(tokens, subjects[0]!.start);
  if (p.needsTarget && targets[0] === null && !(p.dyad !== 'plain' && sources.length >= 2) && !heldIntent)
    return undefined;
  if (!m.passive && !subjectInferred && st.lastSubject !== subjects && p.headPos !== 'N') {
    st.lastSubject = subjects;
    // (an actor after this verb is its object, not a new subject: "expelled ten Russian diplomats
    // and imposed sanctions")
    st.lastSubjectEnd = m.first;
  }

  const subjectMention = subjects[0];
  // "after talks mediated by China": a reduced passive is read on its own, not through the
  // auxiliaries of the clause it hangs from.
  const reducedPassive =
    m.passive &&
    tokens[m.last + 1]?.lower === 'by' &&
    !/^(was|were|been|being|is|are|be)$/.test(tokens[m.first - 1]?.lower ?? '');
  const explicit = subjectMention !== undefined && !subjectInferred && subjectMention.end <= m.first && !reducedPassive;
  const subjStart = explicit ? Math.min(...subjects.map((s) => s.start)) : m.first;
  let subjEnd = explicit ? Math.max(...subjects.map((s) => s.end)) : m.first;
  if (explicit && tokens[subjEnd]?.lower === ',') {
    // "Japan, which has long resisted pressure to ..., criticized China": what the commas set off
    // (a relative clause, an apposition) does not negate or govern the main verb.
    for (let k = m.first - 1; k > subjEnd; k--) {
      if (BOUNDARY.has(tokens[k]!.lower)) break;
      if (tokens[k]!.lower === ',') {
        subjEnd = k + 1;
        break;
      }
    }
  }
  const verdict = detectMode(LX, tokens, i, subjStart, subjEnd, m.first);
  let mode = verdict.mode;
  let code = refineCode(p, tokens, m.first + 1);
  let rule = p.id;
  let intentSource: Mention | undefined;
  const gov = verdict.governor;
  if (p.headPos === 'N' && m.first > 0 && NOUN_INTENT.has(tokens[m.first - 1]!.lower)) mode = 'intended';

  // "Israel will continue the offensive unless ..., Netanyahu warned": a state warning about what
  // its own side will do makes a threat, whatever the condition in the clause it reports.
  if (
    verdict.trailingWarning &&
    p.code.startsWith('13') &&
    mode !== 'asserted' &&
    subjectMention &&
    STATE_ROLES.has(subjectMention.code.slice(partyOf(subjectMention.code).length)) &&
    mentions.some((c) => c.end <= subjStart && partyOf(c.code) === partyOf(subjectMention.code))
  )
    mode = 'asserted';
  if (gov && (gov.kind === 'appeal' || gov.kind === 'threat')) return []; // the appeal or threat itself is the event
  let converted = false;
  if (gov?.kind === 'refuse' || (mode === 'negated' && verdict.speech && verdict.future)) {
    // "refused to let inspectors in", "said it would not take part": a refusal (12x).
    const refusal = refusalCodeFor(code);
    if (refusal) {
      code = refusal;
      mode = 'asserted';
      rule = `${p.id}+refuse`;
      converted = true;
      if (gov?.kind === 'refuse') intentSource = mentionBefore(mentions, gov.index);
    }
  } else if (
    (mode === 'intended' || mode === 'hypothetical') &&
    ((verdict.future && verdict.speech) || gov?.kind === 'intent') &&
    threatCodeFor(code) &&
    !verdict.conditionalBefore &&
    subjects.length > 0 &&
    !verdict.decision &&
    !(mode === 'hypothetical' && verdict.speech && !verdict.framed)
  ) {
    // (not a decision announced, "announced it would impose sanctions"; not a third party's report
    // of what the actor would do if ..., "... if Paris refused, state television said")
    // "The Kremlin said it could strike", "Israel will respond with force": announced force is a
    // threat, made now by whoever announces it.
    code = threatCodeFor(code)!;
    // the holder's own announcement is asserted; a trailing "..., officials said" relays it
    mode = verdict.speech && !verdict.framed ? 'reported' : 'asserted';
    rule = `${p.id}+threat`;
    converted = true;
    const holder =
      gov && gov.kind === 'intent' && gov.index < (subjectMention?.start ?? m.first)
        ? mentionBefore(mentions, gov.index)
        : undefined;
    if (holder && holder !== subjectMention) intentSource = holder;
  } else if (
    mode === 'intended' &&
    gov?.kind === 'intent' &&
    tokens[gov.index]?.lemma === 'agree' &&
    subjects.length < 2 &&
    code.startsWith('087')
  ) {
    // "the separatists agreed to lay down their arms", "agreed to a ceasefire": agreeing to stop
    // fighting is the de-escalation itself (0871, 0873), not an intent.
    mode = verdict.speech && !verdict.framed ? 'reported' : 'asserted';
    rule = `${p.id}+agreed`;
    converted = true;
    // ("agreed to halt its offensive": agreeing to stop fighting is agreeing to a truce)
    if (p.id === 'yield.halt_hostilities') code = '0871';
  } else if (
    mode === 'intended' &&
    gov?.kind === 'intent' &&
    tokens[gov.index]?.lemma === 'agree' &&
    subjects.length >= 2 &&
    intentCodeFor(code)
  ) {
    // "Iran and Saudi Arabia agreed to restore relations": parties agreeing with each other have
    // reached an agreement (057), whatever it is about; agreeing to cooperate materially ("agreed
    // to step up coast guard cooperation") is their intent to cooperate (031x), both ways.
    code = code.startsWith('06') ? intentCodeFor(code)! : '057';
    // the holder's own announcement is asserted; a trailing "..., officials said" relays it
    mode = verdict.speech && !verdict.framed ? 'reported' : 'asserted';
    rule = `${p.id}+agreement`;
    targets = [null];
  } else if (mode === 'intended' && ((verdict.ownIntent && verdict.framed) || gov?.kind === 'intent')) {
    // Intent that is itself the news: coded 03x, by whoever holds the intent.
    const intent = code.startsWith('03') ? code : intentCodeFor(code);
    if (intent) {
      const holder =
        gov && gov.index < (subjectMention?.start ?? m.first) ? mentionBefore(mentions, gov.index) : undefined;
      code = intent;
      mode = 'asserted';
      rule = `${p.id}+intent`;
      converted = true;
      if (holder && holder !== subjectMention) {
        intentSource = holder;
        // "Putin hopes the chancellor will visit": toward the one who would act.
        targets = subjects.length > 0 ? subjects : targets;
      }
    }
  }
  if (mode === 'asserted' && verdict.speech && !converted) mode = 'reported';
  // ("The Russian and Ukrainian delegations ... refused to sign": every holder of a listed subject.)
  if (intentSource)
    sources = mentions.includes(intentSource)
      ? coordinated(tokens, mentions, mentions.indexOf(intentSource), -1)
      : [intentSource];
  if (rule.endsWith('+threat') && targets[0] === null) {
    // "said it would exceed the limit unless Europe acted": an announced act becomes a threat
    // aimed at whoever its condition names.
    const named = conditionTarget(tokens, mentions, m.last, sources);
    if (named) targets = named;
  }
  // "would exceed the limit in ten days unless Europe acted": a threat with terms is an ultimatum.
  if (
    code.startsWith('13') &&
    (mode === 'asserted' || mode === 'reported') &&
    tokens.some((w, k) => k > m.last && w.lower === 'unless')
  )
    code = '139';

  let confidence = 0.85;
  if (sources.some((s) => s.inferred) || subjectInferred) confidence -= 0.15;
  if (targets[0] === null) confidence -= 0.1;
  else if (targets.some((tg) => tg?.inferred)) confidence -= 0.1;
  if (m.passive) confidence -= 0.05;
  if (mode === 'reported') confidence -= 0.05;
  confidence = Math.round(confidence * 100) / 100;

  // Meetings and agreements run both ways; visits and hosting pair up (see expand-dyads.ts).
  // Intent and refusal events are one-way declarations.
  // "Armenia and Azerbaijan accused each other": every pair, both ways.
  const pairSubject =
    sources.length === 2 && sources[0]!.start === sources[1]!.start && sources[0]!.end === sources[1]!.end;
  const reciprocal =
    targets[0] === null &&
    sources.length >= 2 &&
    (pairSubject ||
      tokens.some(
        (w, k) =>
          (w.lower === 'other' && tokens[k - 1]?.lower === 'each') ||
          (w.lower === 'another' && tokens[k - 1]?.lower === 'one') ||
          (w.lower === 'together' && k > m.last),
      ));
  const kind = rule.endsWith('+agreement')
    ? 'sym'
    : converted && !(reciprocal && rule.endsWith('+refuse'))
      ? 'plain'
      : reciprocal
        ? 'sym'
        : p.dyad;
  const sourcePerson = new Map(sources.map((s) => [s.code, s.person && !s.inferred] as const));
  const dyads = expandDyads(
    kind,
    code,
    sources.map((s) => s.code),
    targets.map((tg) => tg?.code ?? null),
    mentions,
    tokens,
    m.after,
    st.places,
  );
  const out: SentenceEvent[] = [];
  const seen = new Set<string>();
  // "UN investigators said Myanmar's army had carried out mass killings": a third party reporting
  // violence accuses its authors (112x), besides the reported act itself.
  // (", a Human Rights Watch report found": a trailing attribution names the speaker after the act.)
  const trailing =
    verdict.speechIndex === undefined &&
    (mode === 'reported' || mode === 'asserted') &&
    ACCUSATION[code.slice(0, 2)] &&
    !converted
      ? trailingSpeaker(tokens, mentions, m.last)
      : undefined;
  if (
    ((mode === 'reported' && verdict.speechIndex !== undefined) || trailing) &&
    ACCUSATION[code.slice(0, 2)] &&
    !converted
  ) {
    const speaker = trailing ?? mentionBefore(mentions, verdict.speechIndex!);
    if (speaker) {
      const accusation =
        code.startsWith('20') || code.startsWith('18') ? '1122' : code.startsWith('19') ? '1123' : '112';
      for (const s of sources) {
        if (partyOf(s.code) === partyOf(speaker.code)) continue;
        out.push({
          source: speaker.code,
          target: s.code,
          code: accusation,
          mode: 'asserted',
          tokenSpan: [m.first, m.last],
          confidence: Math.max(0.5, confidence - 0.15),
          rule: `${p.id}+accusation`,
          sourcePerson: speaker.person && !speaker.inferred,
        });
      }
    }
  }
  const anaphoric = sources.some((s) => s.anaphor === true);
  for (const d of dyads) {
    if (d.target === d.source) continue;
    // Visits and hosting need two parties; a country visiting itself is a domestic trip.
    if (
      d.target &&
      (d.code === '042' || d.code === '043' || d.code === '036') &&
      partyOf(d.target) === partyOf(d.source)
    )
      continue;
    const key = `${d.source}|${d.target}|${d.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      source: d.source,
      target: d.target,
      code: d.code,
      mode,
      tokenSpan: [m.first, m.last],
      confidence,
      rule,
      sourcePerson: sourcePerson.get(d.source) ?? false,
      anaphoric,
    });
  }
  return out;
}

/** The actors a threat's condition names ("... if Europe failed to", "unless Washington lifts"). */
function conditionTarget(
  tokens: Token[],
  mentions: Mention[],
  last: number,
  sources: Mention[],
): Mention[] | undefined {
  const cond = tokens.findIndex((w, k) => k > last && (w.lower === 'if' || w.lower === 'unless'));
  const verb = cond < 0 ? -1 : tokens.findIndex((w, k) => k > cond && (w.pos === 'VERB' || w.pos === 'AUX'));
  // the condition's subject: the actor (or list of actors) right before its verb
  let c = -1;
  for (let k = mentions.length - 1; k >= 0 && verb >= 0; k--) {
    if (mentions[k]!.start > cond && mentions[k]!.end <= verb) {
      c = k;
      break;
    }
  }
  if (
    c < 0 ||
    mentions[c]!.prep !== '' ||
    tokens.slice(cond + 1, mentions[c]!.start).some((w) => BOUNDARY.has(w.lower))
  )
    return undefined;
  const named = coordinated(tokens, mentions, c, -1).filter(
    (tg) => tg.start > cond && !sources.some((s) => partyOf(s.code) === partyOf(tg.code)),
  );
  return named.length > 0 ? named : undefined;
}

/**
 * "Armenia and Azerbaijan agreed to a Russian-brokered ceasefire": the broker of the agreement
 * mediated (045) between the subjects of the clause it stands in, in the mode of that clause.
 */
function brokers(tokens: Token[], mentions: Mention[], events: SentenceEvent[]): void {
  for (let b = 0; b < mentions.length; b++) {
    const broker = mentions[b]!;
    if (broker.prep !== 'by' || tokens[broker.end]?.text !== '-' || !BROKERED.has(tokens[broker.end + 1]?.lower ?? ''))
      continue;
    if (events.some((e) => e.source === broker.code && e.code.startsWith('04'))) continue;
    let k = b - 1;
    while (k >= 0 && (mentions[k]!.prep !== '' || mentions[k]!.apposition)) k--;
    if (k < 0 || tokens.slice(mentions[k]!.end, broker.start).some((w) => BOUNDARY.has(w.lower) || w.lower === ','))
      continue;
    const parties = coordinated(tokens, mentions, k, -1);
    // the clause's own act (the agreement) gives the mode: a planned deal is brokered by no one yet
    const act = events.find(
      (e) =>
        e.tokenSpan[0] > mentions[k]!.start &&
        e.tokenSpan[0] < broker.start &&
        parties.some((p) => p.code === e.source),
    );
    if (!act || (act.mode !== 'asserted' && act.mode !== 'reported')) continue;
    for (const p of parties) {
      if (partyOf(p.code) === partyOf(broker.code)) continue;
      events.push({
        source: broker.code,
        target: p.code,
        code: '045',
        mode: act.mode,
        tokenSpan: [broker.start, broker.end + 1],
        confidence: 0.7,
        rule: 'mediate.brokered_compound',
        sourcePerson: false,
      });
    }
  }
}

const TRAILING_SPEECH = new Set(['say', 'report', 'find', 'conclude', 'allege', 'state', 'confirm', 'claim', 'add']);
const REPORT_NOUNS = new Set(['report', 'investigation', 'inquiry', 'statement', 'study', 'probe']);

/** ", the UN said", ", a Human Rights Watch report found", ", said Amnesty": who relays the act. */
function trailingSpeaker(tokens: Token[], mentions: Mention[], last: number): Mention | undefined {
  let comma = -1;
  for (let k = last + 1; k < tokens.length; k++) if (tokens[k]!.lower === ',') comma = k;
  if (comma < 0) return undefined;
  for (let k = comma + 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.pos !== 'VERB' || !TRAILING_SPEECH.has(t.lemma)) continue;
    let j = k - 1;
    if (REPORT_NOUNS.has(tokens[j]?.lower ?? '')) j--;
    const before = mentions.find((c) => c.end === j + 1 && c.start > comma);
    const speaker =
      before ?? mentions.find((c) => c.start === k + 1 || (c.start === k + 2 && tokens[k + 1]!.pos === 'DET'));
    // Only a monitor (an international or non-governmental body) accuses by relaying; a state's
    // officials reporting an adversary's strike relay it ("..., South Korea's military said").
    return speaker && isOrganisationCode(speaker.code) ? speaker : undefined;
  }
  return undefined;
}

const REVENGE = new Set([
  'revenge',
  'retaliation',
  'retaliate',
  'avenge',
  'response',
  'respond',
  'reprisal',
  'reprisals',
]);

// Parts of a state that act for it: a government sending its own troops is not acting on them.
const STATE_ROLES = new Set(['', 'GOV', 'MIL', 'COP', 'SPY', 'GOVMIL']);

/**
 * "cancelled the summit in a letter to Kim", "threatened action against Iran": when the pattern's
 * own slots are empty, an actor the act is addressed to later in the same clause.
 */
function addressee(tokens: Token[], mentions: Mention[], last: number): number {
  for (let k = 0; k < mentions.length; k++) {
    const c = mentions[k]!;
    if (c.start <= last + 1 || c.apposition) continue;
    for (let b = last + 1; b < c.start; b++) {
      const w = tokens[b]!;
      if (
        BOUNDARY.has(w.lower) ||
        w.lower === ',' ||
        (CLAUSE_START.has(w.lower) && w.pos !== 'ADP') ||
        w.lower === 'that'
      )
        return -1;
      if (w.pos === 'VERB' && !afterInfinitiveTo(tokens, b)) return -1;
    }
    // "accepted an invitation to meet Kim": the object of an infinitive right after the trigger words
    const infinitiveObject =
      c.prep === '' && tokens[c.start - 1]?.pos === 'VERB' && tokens[c.start - 2]?.lower === 'to';
    return ADDRESSEE_PREPS.has(c.prep) || infinitiveObject ? k : -1;
  }
  return -1;
}

function ownInstrument(source: string, target: string): boolean {
  const party = partyOf(source);
  if (isOrganisationCode(source) || partyOf(target) !== party) return false;
  return STATE_ROLES.has(source.slice(party.length)) && STATE_ROLES.has(target.slice(party.length));
}

/** The next full verb after a noun event is a past tense, not under a modal ("the summit ... ended"). */
function reportedPast(tokens: Token[], from: number): boolean {
  for (let k = from + 1; k < tokens.length && k < from + 16; k++) {
    const t = tokens[k]!;
    if (t.pos === 'AUX' && /^(will|would|could|may|might|should|must|can|'ll)$/.test(t.lower)) return false;
    if (t.pos === 'VERB') return t.lower !== t.lemma && !t.lower.endsWith('ing');
  }
  return false;
}

/** "to destroy", "to totally destroy": the verb is an infinitive. */
const INTENT_FRAMES = new Set(['hope', 'want', 'wish', 'expect', 'invite']);

/** An intent verb with its own subject stands before this clause ("Kim hoped (that) Pompeo ..."). */
function intentFrameBefore(tokens: Token[], start: number): boolean {
  for (let k = start - 1; k >= 0 && k >= start - 3; k--) {
    const t = tokens[k]!;
    if (t.pos === 'VERB' && INTENT_FRAMES.has(t.lemma)) return true;
    if (t.lower !== 'that') return false;
  }
  return false;
}

function reducedRelative(tokens: Token[], head: number): boolean {
  const t = tokens[head]!;
  if (t.pos !== 'VERB' || t.lower === t.lemma || t.lower.endsWith('ing') || t.lower.endsWith('s')) return false;
  let k = head - 1;
  if (k < 0 || (tokens[k]!.pos !== 'NOUN' && tokens[k]!.pos !== 'PROPN')) return false;
  while (
    k >= 0 &&
    (tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'PROPN' || tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'NUM')
  )
    k--;
  const det = tokens[k];
  const npStartsWithNumber = tokens[k + 1]?.pos === 'NUM';
  // ("intercepted rockets fired from Gaza": a bare plural object of a verb, then its participle)
  if (
    det &&
    det.pos === 'VERB' &&
    tokens[k - 1]?.text !== '-' &&
    k < head - 1 &&
    tokens[k + 1]!.pos === 'NOUN' &&
    tokens[head - 1]!.lower.endsWith('s') &&
    !FRAMING.has(det.lemma)
  )
    return true;
  if (!det || (!(det.pos === 'DET' && det.lower !== 'that') && !npStartsWithNumber)) return false;
  const j = npStartsWithNumber && det.pos !== 'DET' ? k : k - 1;
  const verb = tokens[j];
  return verb !== undefined && verb.pos === 'VERB' && verb.lemma !== 'say' && verb.lemma !== 'be';
}

const NP_PREPS = new Set([
  'of',
  'on',
  'to',
  'with',
  'from',
  'against',
  'for',
  'in',
  'at',
  'into',
  'over',
  'toward',
  'towards',
  'near',
]);

/**
 * A past participle right after a noun phrase that names an actor and stands after the clause's
 * verb (its object, or inside a prepositional phrase after it) describes that actor: "the remains
 * of U.S. soldiers killed in the war", "a Chinese national convicted of spying", "hostages seized
 * by Hamas". After a subject ("Russian troops seized"), or after a verb that frames a clause
 * ("said Israeli troops killed"), it is the verb of a clause.
 */
function participleAfterActor(tokens: Token[], mentions: Mention[], head: number): boolean {
  const t = tokens[head]!;
  if (
    (t.pos !== 'VERB' && t.pos !== 'ADJ') ||
    t.lower.endsWith('ing') ||
    t.lower === t.lemma ||
    (t.lower.endsWith('s') && !t.lower.endsWith('ss'))
  )
    return false;
  if (!t.lower.endsWith('ed') && !t.lower.endsWith('en') && IRREGULAR_PAST[t.lower] === undefined) return false;
  const prev = tokens[head - 1];
  if (!prev || (prev.pos !== 'NOUN' && prev.pos !== 'PROPN' && prev.pos !== 'ADJ')) return false;
  let k = head - 1;
  let actor = false;
  let inPhrase = false;
  for (; k >= 0; k--) {
    const w = tokens[k]!;
    if (mentions.some((c) => c.start <= k && k < c.end && !c.place)) actor = true;
    // ("Egypt mediated the release ...": a past tense before an article, mis-tagged as an adjective)
    if (w.pos === 'ADJ' && w.lower.endsWith('ed') && tokens[k + 1]?.pos === 'DET') break;
    if (
      w.pos === 'NOUN' ||
      w.pos === 'PROPN' ||
      w.pos === 'ADJ' ||
      w.pos === 'NUM' ||
      w.pos === 'DET' ||
      w.lower === "'s" ||
      w.text === '-' ||
      (w.pos === 'PRON' && /^(its|their|his|her)$/.test(w.lower))
    )
      continue;
    if (w.pos === 'ADP' && NP_PREPS.has(w.lower)) {
      inPhrase = true;
      continue;
    }
    break;
  }
  // ("the release of hostages seized by Hamas": a participle with its agent inside a phrase
  // describes any noun, not only an actor)
  if (tokens[head + 1]?.lower === 'by' && inPhrase && !BROKERED.has(t.lower)) actor = true;
  const verb = tokens[k];
  if (
    !actor ||
    !verb ||
    (verb.pos !== 'VERB' && !(verb.pos === 'ADJ' && verb.lower.endsWith('ed'))) ||
    verb.lower.endsWith('ing')
  )
    return false;
  if (FRAMING.has(verb.lemma)) {
    // "said hostages seized by Hamas would be freed": after a framing verb the phrase is the
    // subject of the reported clause; a participle with its agent is reduced only when that
    // clause's own verb follows.
    // ("said the remains of soldiers killed in Gaza were recovered": so is one inside a phrase)
    if (tokens[head + 1]?.lower !== 'by' && !inPhrase) return false;
    for (let j = head + 1; j < tokens.length; j++) {
      const w = tokens[j]!;
      if (BOUNDARY.has(w.lower) || w.lower === ',' || w.lower === 'and' || CLAUSE_START.has(w.lower)) return false;
      if (w.pos === 'AUX') return true;
    }
    return false;
  }
  return tokens[k - 1]?.text !== '-';
}

function afterInfinitiveTo(tokens: Token[], at: number): boolean {
  let k = at - 1;
  while (k >= 0 && tokens[k]!.pos === 'ADV') k--;
  return tokens[k]?.lower === 'to';
}

function afterThatClause(tokens: Token[], from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (tokens[k]!.lower === 'that') return true;
  return false;
}

function mentionBefore(mentions: Mention[], index: number): Mention | undefined {
  for (let k = mentions.length - 1; k >= 0; k--) {
    const c = mentions[k]!;
    if (c.end <= index && c.prep === '' && !c.apposition) return c;
  }
  return undefined;
}
