import { actorCodeOn, roleOn } from '../model/actor.js';
import { partyOf, isOrganisationCode } from '../model/actor-code.js';
import type { IsoDate } from '../model/iso-date.js';
import type { ActorIndex, ActorIndexEntry } from './actor-index.js';
import type { ActorRole } from '../model/actor.js';
import type { Token } from './token.js';

/**
 * Actor recognition in one sentence: dictionary matches composed into actors ("North Korean" +
 * "foreign minister" → PRKGOV; "U.S. Secretary of State" + "Mike Pompeo" → Pompeo's role on the
 * date), agents without a country given one from context, pronouns and "the minister" resolved to
 * the last matching actor of the article.
 */
export interface Mention {
  /** Token indices [start, end) in the sentence. */
  start: number;
  end: number;
  code: string;
  /** Denotes one person (a named person or a singular title), so "he"/"she" can refer to it. */
  person: boolean;
  /** Resolved from context (pronoun, "the minister", agent without a country): less certain. */
  inferred: boolean;
  /** The preposition right before the mention ("with", "to", "in", "by"), or '' if none. */
  prep: string;
  /** A description of the mention just before it (", the country's top diplomat,"). */
  apposition: boolean;
  /** A place that is no actor ("in Jeddah"): where the act happened; `code` is its state. */
  place?: boolean;
  /** Refers back to actors of an earlier sentence ("he", "they", "the two men", "both sides"). */
  anaphor?: boolean;
}

/** What the article has said so far, for pronouns and agents without a country. */
export interface ArticleContext {
  date: IsoDate;
  lastPerson?: string;
  lastCountry?: string;
  /** Last organisation, for "the alliance", "the bloc". */
  lastOrg?: string;
  /** Last actor that is not a single person, for "it" ("Nigeria's army said it killed ..."). */
  lastThing?: string;
  /** Last actor per role part (`GOV`, `MIL`) so that "the minister" finds its referent. */
  lastByRole: Map<string, string>;
  /** People named so far, so that a later bare family name finds them. */
  people: Set<string>;
  /** The several actors that last acted together ("X and Y met"), for "they". */
  lastGroup?: string[];
  /** Distinct people (their codes) in order of mention, for "the two men", "both leaders". */
  recentPeople: string[];
  /** Distinct country-level parties in order of last mention, for "both sides", "the two countries". */
  recentParties: string[];
  /** The two actors of the last act that ran both ways (talks, a ceasefire): "both sides" first. */
  lastPair?: [string, string];
  /** The author of the last act of force read (18x-20x), for "condemned the strike" later on. */
  lastForce?: string;
  /** Titles of the people named so far, last first in effect ("president" -> USAGOV), for "the president". */
  titles?: Array<[string, string]>;
}

export function newArticleContext(date: IsoDate): ArticleContext {
  // Every field is set here, so that the object keeps one shape as the article is read (V8 keeps
  // functions that read it fast only while it does).
  return {
    date,
    lastPerson: undefined,
    lastCountry: undefined,
    lastOrg: undefined,
    lastThing: undefined,
    lastByRole: new Map(),
    people: new Set(),
    lastGroup: undefined,
    recentPeople: [],
    recentParties: [],
    lastPair: undefined,
    lastForce: undefined,
    titles: [],
  };
}

interface Raw {
  start: number;
  end: number;
  entry: ActorIndexEntry;
  /** A place name used as a modifier ("the Singapore summit"): no actor, no country for agents. */
  modifier?: boolean;
}

// Words allowed between a country word and its agent ("Japan's new foreign minister").
const MODIFIERS = new Set([
  "'s",
  'new',
  'top',
  'senior',
  'chief',
  'deputy',
  'acting',
  'outgoing',
  'incoming',
  'vice',
  'first',
  'then',
  'former',
  'own',
  'interim',
  'special',
  'veteran',
  'powerful',
  'hardline',
  'moderate',
  'ruling',
]);
const PREPOSITIONS = new Set([
  'with',
  'to',
  'in',
  'by',
  'on',
  'against',
  'from',
  'at',
  'for',
  'of',
  'toward',
  'towards',
  'into',
  'between',
  'among',
  'over',
  'about',
  'upon',
  'before',
  'after',
  'like',
  'than',
  'including',
  'through',
  'across',
  'near',
  'outside',
  'inside',
  'within',
  'during',
  'under',
  'via',
  'beyond',
  'around',
  'behind',
  'throughout',
  'despite',
  'amid',
  'off',
  'onto',
  'per',
  'unlike',
  'alongside',
  'beside',
  'besides',
]);
const SKIP_BEFORE = new Set([
  'the',
  'a',
  'an',
  "'s",
  'both',
  'fellow',
  'neighbouring',
  'neighboring',
  'his',
  'her',
  'its',
  'their',
  'our',
  'this',
  'these',
]);
const LOCATIVE = new Set([
  'in',
  'at',
  'near',
  'inside',
  'outside',
  'across',
  'through',
  'around',
  'within',
  'throughout',
]);
const PAIR_ANAPHORS = new Set([
  'both sides',
  'both countries',
  'two countries',
  'two sides',
  'both governments',
  'two governments',
  'both nations',
  'two nations',
  'two neighbours',
  'two neighbors',
  'both leaders',
  'two leaders',
  'two men',
  'both men',
]);
const WARRING = new Set(['sides', 'parties', 'factions']);
const PERSONAL_PAIRS = new Set(['men', 'leaders', 'presidents', 'ministers', 'women']);
// "after the government and the opposition signed": these introduce a clause when a verb follows.
const CLAUSE_PREPS = new Set(['after', 'before', 'since', 'until', 'as', 'than', 'while', 'once']);

function opensClause(tokens: Token[], end: number): boolean {
  for (let k = end; k < tokens.length && k < end + 8; k++) {
    const t = tokens[k]!;
    if (t.pos === 'VERB' || t.pos === 'AUX') return true;
    if (t.pos === 'ADP' || t.pos === 'PUNCT') return false;
  }
  return false;
}

// ("The communique accused ...": a summit's communique speaks for the body that issued it.)
const BODY_ANAPHORS = new Set([
  'alliance',
  'bloc',
  'organisation',
  'organization',
  'agency',
  'union',
  'court',
  'council',
  'watchdog',
  'body',
  'fund',
  'bank',
  'communique',
  'communiqué',
]);
// "Western governments", "Arab leaders", "foreign troops": agents of several countries, none named.
const SUPRANATIONAL = new Set([
  'western',
  'eastern',
  'arab',
  'african',
  'asian',
  'gulf',
  'nordic',
  'baltic',
  'balkan',
  'scandinavian',
  'caribbean',
  'latin',
  'foreign',
  'international',
  'regional',
  'world',
  'global',
  'allied',
  'multinational',
  'coalition',
  'un-backed',
  'western-backed',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their']);
const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her']);
// Singular agent nouns that name a body, not one person ("the army", not "he").
const COLLECTIVE = new Set([
  'army',
  'military',
  'government',
  'administration',
  'ministry',
  'police',
  'regime',
  'embassy',
  'navy',
  'force',
  'forces',
  'parliament',
  'cabinet',
  'coalition',
  'council',
  'committee',
  'court',
  'office',
  'department',
  'agency',
  'party',
  'delegation',
  'junta',
  'guard',
  'command',
  'consulate',
  'legislature',
  'assembly',
  'congress',
  'senate',
  'opposition',
  'media',
  'press',
  'group',
  'militia',
  'movement',
  'alliance',
  'team',
  'authority',
  'bank',
  'company',
  'service',
  'services',
  'staff',
  'leadership',
  'state',
]);
// "thousands of protesters": the "of" after a quantity does not make a prepositional phrase.
const QUANTITY = new Set([
  'thousands',
  'hundreds',
  'dozens',
  'millions',
  'scores',
  'tens',
  'group',
  'number',
  'some',
  'many',
  'most',
  'all',
  'both',
  'one',
  'two',
  'three',
  'several',
  'crowd',
  'crowds',
  'team',
  'delegation',
  'members',
  'member',
  'dozen',
  'hundred',
  'thousand',
  'couple',
  'handful',
  'majority',
  'bunch',
]);

/** A singular title names one person ("the minister"); plurals and bodies ("the army") do not. */
function isIndividual(head: string): boolean {
  return !head.endsWith('s') && !COLLECTIVE.has(head);
}

function caseOk(tok: Token, rule: ActorIndexEntry['caseRule']): boolean {
  if (rule === 'any') return true;
  const c = tok.text.charCodeAt(0);
  const capital = c >= 65 && c <= 90;
  if (rule === 'capital') return capital;
  return tok.text === tok.text.toUpperCase() && capital;
}

function rawMatches(tokens: Token[], index: ActorIndex): Raw[] {
  const out: Raw[] = [];
  for (let i = 0; i < tokens.length; ) {
    const list = index.byFirst.get(tokens[i]!.lower);
    let best: Raw | undefined;
    if (list) {
      for (const entry of list) {
        const n = entry.tokens.length;
        if (i + n > tokens.length) continue;
        let ok = true;
        for (let k = 1; k < n; k++) {
          if (tokens[i + k]!.lower !== entry.tokens[k]) {
            ok = false;
            break;
          }
        }
        if (!ok || !caseOk(tokens[i]!, entry.caseRule)) continue;
        // "a firm deadline": an agent word used as an adjective names no one.
        if (entry.kind === 'agent' && tokens[i + n - 1]!.pos === 'ADJ' && (i === 0 || tokens[i - 1]!.pos === 'DET'))
          continue;
        // "a military base", "the government building", "a police station": a body's name before
        // a thing describes the thing ("the army chief", "government forces" still name people).
        if (
          entry.kind === 'agent' &&
          n === 1 &&
          BODY_MODIFIERS.has(entry.tokens[0]!) &&
          i > 0 &&
          (tokens[i - 1]!.lower === 'a' || tokens[i - 1]!.lower === 'an' || tokens[i - 1]!.lower === 'the') &&
          thingAfter(tokens[i + 1]) &&
          !thingAfter(tokens[i + 2])
        )
          continue;
        best = { start: i, end: i + n, entry, modifier: false };
        break; // longest first
      }
    }
    if (best && best.entry.kind === 'person' && best.end - best.start > 1 && tokens[best.end]?.pos === 'PROPN') {
      // "leader Kim" is an alias; "leader Kim Jong Un" goes on with the full name of the same person.
      const last = best.end - 1;
      for (const e of index.byFirst.get(tokens[last]!.lower) ?? []) {
        if (
          e.kind !== 'person' ||
          e.person !== best.entry.person ||
          last + e.tokens.length <= best.end ||
          last + e.tokens.length > tokens.length
        )
          continue;
        if (e.tokens.every((w, k) => tokens[last + k]!.lower === w)) {
          best = { start: best.start, end: last + e.tokens.length, entry: best.entry, modifier: false };
          break;
        }
      }
    }
    if (best) {
      out.push(best);
      i = best.end;
    } else i++;
  }
  return out;
}

const BODY_MODIFIERS = new Set([
  'military',
  'army',
  'navy',
  'government',
  'police',
  'presidential',
  'parliamentary',
  'diplomatic',
]);
const PEOPLE_AFTER = new Set([
  'chief',
  'chiefs',
  'commander',
  'commanders',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'official',
  'officials',
  'officer',
  'officers',
  'leader',
  'leaders',
  'head',
  'minister',
  'ministers',
  'source',
  'sources',
  'unit',
  'units',
  'forces',
  'troops',
  'personnel',
  'staff',
  'pilots',
  'soldiers',
  'adviser',
  'advisers',
  'advisor',
  'advisors',
  'envoy',
  'delegation',
  'delegates',
  'negotiators',
  'aides',
  'aide',
  'critics',
  'supporters',
  'veterans',
  'generals',
  'intelligence',
  'junta',
  'regime',
  'council',
  'ministry',
  'office',
  'spokesmen',
]);

function thingAfter(t: Token | undefined): boolean {
  return t !== undefined && t.pos === 'NOUN' && /^[a-z]/.test(t.text) && !PEOPLE_AFTER.has(t.lower);
}

/** The role of a one-word agent phrase ("diplomats" -> GOV), if there is one. */
function sharedAgent(index: ActorIndex, word: string): string | undefined {
  for (const e of index.byFirst.get(word) ?? []) if (e.kind === 'agent' && e.tokens.length === 1) return e.code;
  return undefined;
}

/** Capitalised words and hyphens between an organisation and its agent ("UN Secretary-General"). */
function titleGap(tokens: Token[], from: number, to: number): boolean {
  if (to - from > 4) return false;
  for (let k = from; k < to; k++) if (tokens[k]!.pos !== 'PROPN' && tokens[k]!.text !== '-') return false;
  return true;
}

function gapOk(tokens: Token[], from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (!MODIFIERS.has(t.lower) && t.pos !== 'ADJ') return false;
  }
  return true;
}

function prepBefore(tokens: Token[], start: number, depth = 0): string {
  let k = start - 1;
  // "on most Brazilian goods", "to three hundred thousand Mozambicans", "against the new"
  // ("fifty-five US servicemen": a hyphen inside a number is part of it)
  for (;;) {
    while (
      k >= 0 &&
      (SKIP_BEFORE.has(tokens[k]!.lower) ||
        tokens[k]!.pos === 'NUM' ||
        tokens[k]!.pos === 'ADJ' ||
        (tokens[k]!.text === '-' && tokens[k - 1]?.pos === 'NUM') ||
        (QUANTITY.has(tokens[k]!.lower) && tokens[k - 1]?.pos === 'ADP'))
    )
      k--;
    // "to earthquake-hit Syria", "against Kurdish-led forces": a hyphenated modifier is skipped whole.
    if (
      k >= 2 &&
      tokens[k - 1]!.text === '-' &&
      tokens[k]!.start === tokens[k - 1]!.end &&
      tokens[k - 1]!.start === tokens[k - 2]!.end &&
      tokens[k]!.pos !== 'ADP'
    )
      k -= 3;
    else break;
  }
  if (k < 0) return '';
  const t = tokens[k]!;
  // "six countries, including Iran and Saudi Arabia": the examples stand where the list's head
  // noun stands (an object, a subject, "in several cities, including ...").
  if (t.lower === 'including' && depth === 0) {
    let j = k - 1;
    if (tokens[j]?.lower === ',') j--;
    if (j < 0 || (tokens[j]!.pos !== 'NOUN' && tokens[j]!.pos !== 'PROPN')) return 'including';
    while (j >= 0 && tokens[j]!.pos === 'NOUN') j--;
    return prepBefore(tokens, j + 1, 1);
  }
  if (t.lower === 'of' && k > 0 && (tokens[k - 1]!.pos === 'NUM' || QUANTITY.has(tokens[k - 1]!.lower))) {
    // "tariffs on $200 billion of Chinese goods", "sanctions on dozens of companies": a quantity
    // phrase stands where its head stands.
    let j = k - 1;
    while (
      j >= 0 &&
      (tokens[j]!.pos === 'NUM' ||
        tokens[j]!.pos === 'SYM' ||
        tokens[j]!.pos === 'DET' ||
        tokens[j]!.pos === 'ADJ' ||
        QUANTITY.has(tokens[j]!.lower))
    )
      j--;
    const w = tokens[j]?.lower ?? '';
    return j < k - 1 && tokens[j]?.pos === 'ADP' && PREPOSITIONS.has(w) && w !== 'of' && !CLAUSE_PREPS.has(w) ? w : '';
  }
  return PREPOSITIONS.has(t.lower) ? t.lower : '';
}

const INVARIANT_PLURALS = new Set(['aircraft', 'police', 'personnel', 'staff', 'crew', 'military']);
const PERSON_NOUNS = new Set([
  'student',
  'journalist',
  'reporter',
  'citizen',
  'national',
  'tourist',
  'pilot',
  'soldier',
  'woman',
  'man',
  'worker',
  'activist',
  'businessman',
  'businesswoman',
  'executive',
  'teacher',
  'scientist',
  'engineer',
  'athlete',
  'player',
  'sailor',
  'fisherman',
  'hostage',
  'detainee',
  'prisoner',
  'captive',
  'academic',
  'researcher',
  'blogger',
  'dissident',
  'missionary',
  'climber',
  'aid worker',
  'nurse',
  'doctor',
  'priest',
  'veteran',
  'contractor',
  'consultant',
  'spy',
]);
// Plurals that stand for a country's people, forces or economy ("Russian aircraft", "Chinese
// goods", "Indian soldiers"), not any plural ("Afghan reserves" is no actor).
const PLURAL_PEOPLE = /(?:ers|ists|ians|ans|ese|men|people|aircraft|police|personnel|staff|crew|military)$/;
const ACTING_PLURALS = new Set([
  'troops',
  'forces',
  'soldiers',
  'officials',
  'diplomats',
  'citizens',
  'nationals',
  'refugees',
  'migrants',
  'civilians',
  'students',
  'tourists',
  'pilots',
  'hostages',
  'prisoners',
  'detainees',
  'jets',
  'warships',
  'ships',
  'boats',
  'vessels',
  'planes',
  'drones',
  'tanks',
  'positions',
  'bases',
  'units',
  'goods',
  'products',
  'exports',
  'imports',
  'companies',
  'firms',
  'banks',
  'authorities',
  'leaders',
  'activists',
  'journalists',
  'lawmakers',
  'generals',
  'rebels',
  'militants',
  'separatists',
  'insurgents',
  'guards',
  'envoys',
  'delegates',
  'negotiators',
  'ministers',
  'sailors',
  'marines',
  'fishermen',
  'workers',
  'farmers',
  'servicemen',
  'veterans',
  'interests',
  'assets',
  'cities',
  'towns',
  'villages',
  'territories',
  'regions',
  'sites',
  'targets',
  'missiles',
  'rockets',
  'shells',
  'bombs',
  'hospitals',
  'schools',
  'communities',
  'families',
  'ports',
  'embassies',
  'consulates',
  'facilities',
  'peacekeepers',
  'agents',
  'spies',
  'police',
  'gunmen',
]);

/**
 * Nouns (one to three) after a country adjective that stand for the country's people or forces:
 * a subject ("Israeli aircraft struck") or plural people ("released three Chinese fishermen").
 * "a North Korean missile" stays no actor.
 */
const FORCE_ACTS = new Set([
  'attack',
  'attacks',
  'strike',
  'strikes',
  'invasion',
  'aggression',
  'offensive',
  'incursion',
  'bombing',
  'bombardment',
  'provocation',
  'provocations',
  'annexation',
  'occupation',
  'blockade',
]);
export const BROKERED = new Set(['brokered', 'mediated']);
const OWNERSHIP = new Set(['flagged', 'owned', 'registered', 'operated']);

function koreanContext(ctx: ArticleContext, mentions: Mention[]): boolean {
  const korean = (c: string | undefined) => c !== undefined && (c.startsWith('PRK') || c.startsWith('KOR'));
  return mentions.some((m) => korean(m.code)) || korean(ctx.lastCountry);
}

/** "protested against the US decision": an abbreviated state name after "against the" is its author. */
function aimedAt(tokens: Token[], start: number, end: number): boolean {
  return (
    end === start + 1 &&
    /^[A-Z]{2,3}$/.test(tokens[start]!.text) &&
    tokens[start - 1]?.pos === 'DET' &&
    (tokens[start - 2]?.lower === 'against' || tokens[start - 2]?.lower === 'over')
  );
}

/**
 * 0 when the nouns after a country adjective name no actor; else the end of the noun run when it
 * names the country's people or things ("Israeli hostages", "a French journalist"), so that the
 * mention covers them and a coordination after it is seen ("Israeli hostages and Thai nationals");
 * -1 when the run is the subject of a verb and stays outside the mention.
 */
function subjectNounRun(tokens: Token[], from: number): number {
  let k = from;
  while (k < tokens.length && k < from + 3 && (tokens[k]!.pos === 'NOUN' || (tokens[k]!.pos === 'ADJ' && k < from + 2)))
    k++;
  // ("Chinese goods worth $200 billion": an adjective after the nouns is no part of the run)
  while (k > from && tokens[k - 1]!.pos === 'ADJ' && !PERSON_NOUNS.has(tokens[k - 1]!.lower)) k--;
  if (k === from) return 0;
  const last = tokens[k - 1]!;
  // ("a British national": wink may tag a person noun as an adjective)
  if (last.pos !== 'NOUN' && !PERSON_NOUNS.has(last.lower)) return 0;
  if (
    (last.lower !== last.lemma || INVARIANT_PLURALS.has(last.lower)) &&
    (PLURAL_PEOPLE.test(last.lower) || ACTING_PLURALS.has(last.lower))
  )
    return k;
  // "the American student", "a French journalist": one of the country's people.
  if (PERSON_NOUNS.has(last.lower)) return k;
  const next = tokens[k];
  if (!next) return 0;
  return next.pos === 'VERB' || (next.pos === 'AUX' && tokens[k + 1]?.pos === 'VERB') ? -1 : 0;
}

// Prepositions whose object may be what an act is done to, or whose "of" phrase names its owner.
const OBJECT_PREPS = new Set(['of', 'on', 'at', 'against', 'to', 'with', 'from', 'toward', 'towards', 'into', 'over']);
// Verbs that frame a clause: an adjective after them heads a subject ("said Chinese ... had").
const CLAUSE_VERBS = new Set([
  'say',
  'be',
  'have',
  'tell',
  'report',
  'claim',
  'confirm',
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
  'become',
  'remain',
  'seem',
]);

/** "rejected a U.S. offer", "seized a UK tanker": an abbreviated state name is an adjective. */
function abbreviatedObject(tokens: Token[], start: number, end: number): boolean {
  return end === start + 1 && /^[A-Z](?:\.?[A-Z])+\.?$/.test(tokens[start]!.text) && objectPosition(tokens, start);
}

/** The adjective at `start` stands after a verb or a preposition (past "a", "the", numbers). */
function objectPosition(tokens: Token[], start: number): boolean {
  let k = start - 1;
  while (k >= 0 && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'NUM')) k--;
  const t = tokens[k];
  if (!t) return false;
  // (not after an infinitive: "appealed to donors to unfreeze Afghan reserves" names no target)
  if (t.pos === 'VERB') return !CLAUSE_VERBS.has(t.lemma) && !t.lower.endsWith('ing') && tokens[k - 1]?.lower !== 'to';
  return t.pos === 'ADP' && OBJECT_PREPS.has(t.lower);
}

/** A lower-case noun (after at most one adjective) follows, and no verb right after it makes it a subject. */
function thingRun(tokens: Token[], from: number): boolean {
  let k = from;
  if (tokens[k]?.pos === 'ADJ' && /^[a-z]/.test(tokens[k]!.text)) k++;
  const t = tokens[k];
  if (t?.pos !== 'NOUN' || !/^[a-z]/.test(t.text)) return false;
  while (tokens[k + 1]?.pos === 'NOUN') k++;
  const next = tokens[k + 1];
  return !(
    next &&
    (next.pos === 'AUX' ||
      (next.pos === 'VERB' && next.lower !== next.lemma && !next.lower.endsWith('ing') && !next.lower.endsWith('ed')))
  );
}

/** The bearer of a bare family name: one already named in the article, else the only one in office. */
function surnameCode(e: ActorIndexEntry, ctx: ArticleContext, tok: Token): string | undefined {
  if (tok.pos !== 'PROPN') return undefined;
  const people = e.bearers ?? [];
  const named = people.filter((p) => ctx.people.has(p.id));
  const pool = named.length > 0 ? named : people;
  // People without a role on the day (out of office, a brother, a victim) do not compete.
  const codes = pool.map((p) => actorCodeOn(p, ctx.date)).filter((c): c is string => c !== undefined);
  if (codes.length === 0) return undefined;
  // The code nearly all bearers share on the day ("Kim" in 2018: five North Korean officials and
  // one US ambassador) stands; an even split is too ambiguous to guess.
  const tally = new Map<string, number>();
  for (const c of codes) tally.set(c, (tally.get(c) ?? 0) + 1);
  const [best, count] = [...tally].sort((a, b) => b[1] - a[1])[0]!;
  return count / codes.length >= 0.75 ? best : undefined;
}

function personCode(entry: ActorIndexEntry, date: IsoDate): string | undefined {
  if (!entry.person) return entry.code || undefined;
  const code = actorCodeOn(entry.person, date);
  if (code !== undefined) return code;
  // Named in full after leaving office (or dying in it: "a drone strike killed Qassem Soleimani"):
  // still a national of the state served last, without the role.
  let last: ActorRole | undefined;
  for (const r of entry.person.roles)
    if (r.to !== undefined && r.to <= date && (last === undefined || r.to > last.to!)) last = r;
  return last && !isOrganisationCode(last.code) ? partyOf(last.code) : undefined;
}

/**
 * "a reporter for the Wall Street Journal", "an analyst at Chatham House": the agent works for a
 * named body the dictionary does not know, so it takes no country from the sentence.
 */
function namedEmployer(tokens: Token[], raws: Raw[], end: number): boolean {
  const w = tokens[end]?.lower;
  if (w !== 'for' && w !== 'at' && w !== 'with') return false;
  let k = end + 1;
  if (tokens[k]?.lower === 'the') k++;
  const t = tokens[k];
  return t !== undefined && t.pos === 'PROPN' && /^[A-Z]/.test(t.text) && !raws.some((r) => r.start <= k && k < r.end);
}

const PRIVATE_MEDIA = new Set([
  'journalist',
  'journalists',
  'reporter',
  'reporters',
  'correspondent',
  'correspondents',
  'blogger',
  'bloggers',
]);

function privatePerson(e: ActorIndexEntry, head: string): boolean {
  return e.code === 'CVL' || (e.code === 'MED' && PRIVATE_MEDIA.has(head));
}

/** A country or capital named as a place in the agent's clause ("rioters in Almaty", "in Tehran"). */
function placeCountry(tokens: Token[], raws: Raw[], at: number): string | undefined {
  for (const r of raws) {
    if (r.modifier || (r.entry.kind !== 'country' && r.entry.kind !== 'capital')) continue;
    const [from, to] = r.start < at ? [r.end, at] : [at, r.start];
    if (
      tokens.slice(from, to).some((w) => w.lower === ',' || w.lower === ';' || w.lower === 'who' || w.lower === 'which')
    )
      continue;
    let k = r.start - 1;
    while (k >= 0 && tokens[k]!.pos === 'DET') k--;
    if (k >= 0 && LOCATIVE.has(tokens[k]!.lower)) return r.entry.code;
  }
  return undefined;
}

/** ", the army chief said." / ", the foreign minister told reporters": an agent closing the sentence as its speaker. */
function trailingAttribution(tokens: Token[], start: number, end: number): boolean {
  let k = start - 1;
  while (k >= 0 && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'ADJ' || MODIFIERS.has(tokens[k]!.lower))) k--;
  if (tokens[k]?.lower !== ',') return false;
  let j = end;
  while (j < tokens.length && tokens[j]!.pos === 'ADJ') j++;
  const verb = tokens[j];
  return (
    verb !== undefined &&
    verb.pos === 'VERB' &&
    (verb.lemma === 'say' || verb.lemma === 'tell' || verb.lemma === 'add' || verb.lemma === 'warn') &&
    (j + 1 >= tokens.length - 1 ||
      tokens[j + 1]!.pos === 'PUNCT' ||
      tokens[j + 1]!.lower === 'on' ||
      tokens[j + 1]!.lower === 'in' ||
      verb.lemma === 'tell')
  );
}

/** "the rival generals in Sudan's war", "officials in Tokyo", "troops from Russia": the place right after the agent. */
function locatedIn(tokens: Token[], raws: Raw[], end: number, cities: boolean): string | undefined {
  const w = tokens[end]?.lower;
  if (w !== 'in' && w !== 'from' && w !== 'at') return undefined;
  const k = tokens[end + 1]?.lower === 'the' ? end + 2 : end + 1;
  const r = raws.find((x) => x.start === k);
  if (r && w === 'at' && r.entry.kind === 'org' && !r.entry.roles) return r.entry.code;
  if (w === 'at') return undefined;
  // (private people take a state only from a country named with them: a city says where they
  // were, not whose they are)
  return r &&
    !r.modifier &&
    (r.entry.kind === 'country' || r.entry.kind === 'capital' || (cities && r.entry.kind === 'place'))
    ? r.entry.code
    : undefined;
}

/** A country for an agent named without one: a country named in the sentence, else the article's last. */
function nearestCountryBefore(raws: Raw[], at: number): string | undefined {
  let found: string | undefined;
  for (const r of raws) {
    if (r.start >= at) break;
    if (r.modifier) continue;
    if (r.entry.kind === 'country' || r.entry.kind === 'capital' || r.entry.kind === 'adjective') found = r.entry.code;
  }
  return found;
}

function contextCountry(raws: Raw[], ctx: ArticleContext, at: number): string | undefined {
  // The nearest country named before the agent, else the first one after it, else the article's.
  let before: string | undefined;
  let after: string | undefined;
  for (const r of raws) {
    if (r.modifier || (r.entry.kind !== 'country' && r.entry.kind !== 'capital' && r.entry.kind !== 'adjective'))
      continue;
    if (r.start < at) before = r.entry.code;
    else if (after === undefined) after = r.entry.code;
  }
  return before ?? (ctx.lastCountry && !after ? ctx.lastCountry : after) ?? ctx.lastCountry;
}

/** "President Donald Trump", "Foreign Minister Ri Yong Ho", a named person's title on the day. */
function rememberTitle(ctx: ArticleContext, title: string, code: string): void {
  const titles = (ctx.titles ??= []);
  const at = titles.findIndex((t) => t[0] === title);
  if (at >= 0) titles.splice(at, 1);
  titles.push([title, code]);
  if (titles.length > 12) titles.shift();
}

/** The last person whose title holds the phrase ("the president", "the foreign minister"). */
function titled(ctx: ArticleContext, phrase: string): string | undefined {
  const titles = ctx.titles ?? [];
  for (let k = titles.length - 1; k >= 0; k--) {
    const [title, code] = titles[k]!;
    if (
      title === phrase ||
      title.startsWith(`${phrase} `) ||
      title.endsWith(` ${phrase}`) ||
      title.includes(` ${phrase} `)
    )
      return code;
  }
  return undefined;
}

function remember(ctx: ArticleContext, m: Mention): void {
  if (m.person) {
    ctx.lastPerson = m.code;
    const at = ctx.recentPeople.indexOf(m.code);
    if (at >= 0) ctx.recentPeople.splice(at, 1);
    ctx.recentPeople.push(m.code);
    if (ctx.recentPeople.length > 6) ctx.recentPeople.shift();
  }
  if (isOrganisationCode(m.code)) ctx.lastOrg = m.code;
  else ctx.lastThing = m.code;
  const party = partyOf(m.code);
  if (!isOrganisationCode(m.code)) ctx.lastCountry = party;
  // Places ("met in Singapore") are not parties for "both sides".
  if (!LOCATIVE.has(m.prep)) {
    const at = ctx.recentParties.indexOf(party);
    if (at >= 0) ctx.recentParties.splice(at, 1);
    ctx.recentParties.push(party);
    if (ctx.recentParties.length > 8) ctx.recentParties.shift();
  }
  const role = m.code.slice(party.length);
  if (role) ctx.lastByRole.set(role, m.code);
}

export function findMentions(tokens: Token[], index: ActorIndex, ctx: ArticleContext): Mention[] {
  const raws = rawMatches(tokens, index);
  for (let j = 0; j < raws.length; j++) {
    const raw = raws[j]!;
    const kind = raw.entry.kind;
    if (
      (kind === 'country' || kind === 'capital') &&
      (tokens[raw.start - 1]?.pos === 'DET' || tokens[raw.start - 1]?.pos === 'ADJ') &&
      tokens[raw.end]?.pos === 'NOUN' &&
      /^[a-z]/.test(tokens[raw.end]!.text) &&
      !(raws[j + 1] && raws[j + 1]!.start === raw.end) &&
      !aimedAt(tokens, raw.start, raw.end) &&
      !abbreviatedObject(tokens, raw.start, raw.end)
    )
      raw.modifier = true;
  }
  // "both sides" means the parties of the story so far, not the ones this sentence adds.
  const partiesBefore = ctx.recentParties.slice();
  const places: Mention[] = [];
  const countryBefore = ctx.lastCountry;
  const peopleBefore = ctx.recentPeople.slice();
  const mentions: Mention[] = [];
  const push = (start: number, end: number, code: string, person: boolean, inferred: boolean): void => {
    const prev = mentions[mentions.length - 1];
    // ", the North Korean foreign minister," after a person: the same actor, not a new one.
    let k = start - 1;
    while (k > 0 && DETERMINERS.has(tokens[k]!.lower)) k--;
    const apposition =
      prev !== undefined &&
      prev.end === k &&
      tokens[k]?.lower === ',' &&
      prev.person &&
      !raws.some(
        (r) =>
          r.start === start &&
          (r.entry.kind === 'country' ||
            r.entry.kind === 'org' ||
            r.entry.kind === 'person' ||
            r.entry.kind === 'surname'),
      );
    let prep = prepBefore(tokens, start);
    if (prep === '' && prev && !apposition) {
      // "between Israel and the UAE": a conjunct shares the preposition of the first one.
      let k2 = start - 1;
      while (k2 > prev.end && DETERMINERS.has(tokens[k2]!.lower)) k2--;
      const w = tokens[k2]?.lower;
      if (k2 === prev.end && (w === 'and' || w === 'or')) prep = prev.prep;
    }
    if (CLAUSE_PREPS.has(prep) && opensClause(tokens, end)) prep = '';
    const m: Mention = { start, end, code, person, inferred, prep, apposition, place: false, anaphor: false };
    mentions.push(m);
    if (!apposition) remember(ctx, m);
  };

  // Pronouns and "the country" are interleaved with dictionary matches in token order.
  let r = 0;
  let heldStart: number | undefined;
  for (let i = 0; i < tokens.length; ) {
    const raw = raws[r];
    if (raw && raw.start === i && raw.entry.kind === 'place') {
      // "in Jeddah", "near Djibo": kept apart from the actors, for where an act took place.
      places.push({
        start: i,
        end: raw.end,
        code: raw.entry.code,
        person: false,
        inferred: false,
        prep: prepBefore(tokens, i),
        apposition: false,
        place: true,
        anaphor: false,
      });
      r++;
      i = raw.end;
      continue;
    }
    if (raw && raw.start === i) {
      const e = raw.entry;
      let end = raw.end;
      let code: string | undefined;
      let person = false;
      let inferred = false;
      r++;
      // "the Singapore summit", "the Iran deal": a country name used as a modifier names no actor.
      // ("the Hanoi summit", "the Geneva talks": a capital, too, is then the place of an event.)
      // (flagged for every match before the loop, so that an agent before it takes no country from it)
      if (raw.modifier) {
        i = raw.end;
        continue;
      }
      if (e.kind === 'country' || e.kind === 'adjective' || e.kind === 'capital') {
        const next = raws[r];
        if (next && next.entry.kind === 'agent' && gapOk(tokens, end, next.start)) {
          code = e.code + next.entry.code;
          person = isIndividual(tokens[next.end - 1]!.lower);
          end = next.end;
          r++;
        } else if (
          next &&
          (next.entry.kind === 'adjective' || next.entry.kind === 'country') &&
          next.start === end + 1 &&
          tokens[end]?.lower === 'and' &&
          raws[r + 1]?.entry.kind === 'agent' &&
          gapOk(tokens, next.end, raws[r + 1]!.start)
        ) {
          // "Kyrgyz and Tajik border guards", "US and Chinese officials": the agent is each country's.
          code = e.code + raws[r + 1]!.entry.code;
        } else if (
          next &&
          next.entry.kind === 'org' &&
          next.entry.tokens.length === 2 &&
          next.start === end + 1 &&
          tokens[end]?.lower === 'and' &&
          sharedAgent(index, next.entry.tokens[1]!) !== undefined
        ) {
          // "Iranian and European diplomats": the second name holds the agent both share.
          code = e.code + sharedAgent(index, next.entry.tokens[1]!)!;
        } else if (e.kind === 'capital') code = `${e.code}GOV`;
        else if (e.kind === 'country') code = e.code;
        else if (next && (next.entry.kind === 'person' || next.entry.kind === 'surname') && next.start === end)
          code = e.code;
        // "the Eritrean capital": the capital stands for the country's government, as a name would.
        else if (e.kind === 'adjective' && tokens[raw.end]?.lower === 'capital') {
          code = `${e.code}GOV`;
          end = raw.end + 1;
        }
        // "his Fijian counterpart": the counterpart of a head of government is one too.
        else if (e.kind === 'adjective' && /^counterparts?$/.test(tokens[raw.end]?.lower ?? '')) {
          code = `${e.code}GOV`;
          person = tokens[raw.end]!.lower === 'counterpart';
          end = raw.end + 1;
        }
        // A lone adjective ("a North Korean missile") names no actor, unless it is a plural demonym
        // or heads the subject of a verb ("Israeli aircraft struck ...": the country acts).
        else if (/s$/.test(tokens[raw.end - 1]!.lower) && tokens[raw.end - 1]!.pos !== 'ADJ') code = e.code;
        // "a British-flagged tanker", "a Russian-owned bank": the thing stands for its country.
        // "respond to any Iranian attack", "condemned the Russian invasion": the adjective names
        // the author of the act, whom an answer to the act is aimed at.
        else if (e.kind === 'adjective' && FORCE_ACTS.has(tokens[raw.end]?.lower ?? '')) code = e.code;
        else if (
          tokens[raw.end]?.text === '-' &&
          (OWNERSHIP.has(tokens[raw.end + 1]?.lower ?? '') || BROKERED.has(tokens[raw.end + 1]?.lower ?? ''))
        )
          code = e.code;
        else {
          const run = subjectNounRun(tokens, raw.end);
          if (run !== 0) code = e.code;
          if (run > 0 && !(raws[r] && raws[r]!.start < run)) end = run;
          // "seized an Iranian tanker", "banned imports of Japanese seafood": a thing of the
          // country's that is the object of a verb or of a preposition stands for the country.
          else if (
            run === 0 &&
            e.kind === 'adjective' &&
            objectPosition(tokens, raw.start) &&
            thingRun(tokens, raw.end)
          )
            code = e.code;
        }
        const after = raws[r];
        if (
          code !== undefined &&
          after &&
          (after.entry.kind === 'person' || after.entry.kind === 'surname') &&
          after.start === end
        ) {
          code =
            (after.entry.kind === 'surname'
              ? surnameCode(after.entry, ctx, tokens[after.start]!)
              : personCode(after.entry, ctx.date)) ?? code;
          // "North Korean Foreign Minister Ri Yong Ho": the title written before the name
          const written = tokens
            .slice(raw.end, after.start)
            .filter((w) => !MODIFIERS.has(w.lower))
            .map((w) => w.lower)
            .join(' ');
          if (written) rememberTitle(ctx, written, code);
          person = true;
          end = after.end;
          r++;
        }
      } else if (
        e.kind === 'org' &&
        e.tokens.length > 1 &&
        /s$/.test(e.tokens[e.tokens.length - 1]!) &&
        (tokens[i - 1]?.pos === 'NUM' || QUANTITY.has(tokens[i - 1]?.lower ?? ''))
      ) {
        // "twenty European countries": a count of states, not the bloc a plural name stands for.
      } else if (e.kind === 'org') {
        code = e.roles
          ? (roleOn({ id: '', kind: 'group', name: '', aliases: [], roles: e.roles }, ctx.date)?.code ?? e.code)
          : e.code;
        // "IAEA inspectors", "UN envoy": the organisation acts through them.
        const next = raws[r];
        if (
          next &&
          next.entry.kind === 'agent' &&
          (gapOk(tokens, end, next.start) || titleGap(tokens, end, next.start))
        ) {
          end = next.end;
          r++;
        } else {
          // "the United Nations Secretary-General": a title that is not an agent phrase still belongs to it.
          let k = end;
          while (
            k < tokens.length &&
            k < end + 4 &&
            (tokens[k]!.pos === 'PROPN' || tokens[k]!.text === '-') &&
            !raws.some((x) => x.start === k)
          )
            k++;
          if (k > end && tokens[k - 1]!.text !== '-') end = k;
        }
      } else if (e.kind === 'person') {
        code = personCode(e, ctx.date);
        person = true;
        if (e.person) ctx.people.add(e.person.id);
        const title = e.person ? roleOn(e.person, ctx.date)?.title : undefined;
        if (title && code) rememberTitle(ctx, title.toLowerCase(), code);
      } else if (e.kind === 'surname') {
        code = surnameCode(e, ctx, tokens[i]!);
        person = true;
      } else {
        // An agent: "the foreign minister of Japan", "Foreign Minister Taro Kono", or from context.
        const next = raws[r];
        const between = next
          ? tokens
              .slice(end, next.start)
              .map((t) => t.lower)
              .join(' ')
          : '';
        if (next && (next.entry.kind === 'person' || next.entry.kind === 'surname') && next.start === end) {
          code =
            (next.entry.kind === 'surname'
              ? surnameCode(next.entry, ctx, tokens[next.start]!)
              : personCode(next.entry, ctx.date)) ?? (ctx.lastCountry ? ctx.lastCountry + e.code : undefined);
          // "Foreign Minister Taro Kono", "President Donald Trump": the title written before the name
          if (code) rememberTitle(ctx, e.tokens.join(' '), code);
          person = true;
          end = next.end;
          r++;
        } else if (
          next &&
          (next.entry.kind === 'country' || next.entry.kind === 'capital') &&
          (between === 'of' || between === 'of the')
        ) {
          code = next.entry.code + e.code;
          person = isIndividual(tokens[raw.end - 1]!.lower);
          end = next.end;
          r++;
          const after = raws[r];
          if (after && (after.entry.kind === 'person' || after.entry.kind === 'surname') && after.start === end) {
            code =
              (after.entry.kind === 'surname'
                ? surnameCode(after.entry, ctx, tokens[after.start]!)
                : personCode(after.entry, ctx.date)) ?? code;
            end = after.end;
            r++;
          }
        } else {
          person = isIndividual(tokens[raw.end - 1]!.lower);
          const prevWord = tokens[i - 1]?.lower;
          const possessive =
            prevWord === "'s" && (tokens[i - 2]?.lower === 'country' || tokens[i - 2]?.lower === 'nation');
          const sameRole =
            (prevWord === 'the' ? titled(ctx, e.tokens.join(' ')) : undefined) ?? ctx.lastByRole.get(e.code);
          if (!possessive && person && (prevWord === 'the' || prevWord === 'his' || prevWord === 'her') && sameRole)
            code = sameRole;
          // "China's foreign ministry condemned ... The ministry also summoned the Japanese
          // ambassador": a body named again with "the" is the one named before, not the next
          // country of its sentence.
          else if (
            !possessive &&
            !person &&
            prevWord === 'the' &&
            sameRole &&
            !isOrganisationCode(sameRole) &&
            nearestCountryBefore(raws, raw.start) === undefined &&
            mentions.length === 0
          )
            code = sameRole;
          // "the two leaders" with fewer than two people named before: several countries' people, not one's.
          else if (
            prevWord === 'any' ||
            prevWord === 'every' ||
            prevWord === 'no' ||
            (prevWord !== undefined && SUPRANATIONAL.has(prevWord)) ||
            namedEmployer(tokens, raws, raw.end) ||
            ((prevWord === 'two' || prevWord === 'both') && PERSONAL_PAIRS.has(tokens[raw.end - 1]!.lower))
          ) {
            // "sanctions on any company that ...": a generic agent belongs to no country
          } else {
            // "The Pentagon moved more warships": an agent after an actor of the same sentence is
            // that actor's; else the nearest country word, else the article's last country.
            const prior = mentions.length > 0 ? partyOf(mentions[mentions.length - 1]!.code) : undefined;
            const priorCountry = prior && !isOrganisationCode(prior) ? prior : undefined;
            // Private people ("the dissident journalist", "activists", "civilians") are not the
            // state's that acts on them: only a place named with them or the article gives them one.
            // ("Israel will respond to any Iranian attack, the army chief said": a trailing speaker
            // belongs to the state the sentence is about, its first subject.)
            const trailing = trailingAttribution(tokens, i, raw.end)
              ? mentions.find((c) => c.prep === '' && !isOrganisationCode(c.code))
              : undefined;
            const located = locatedIn(tokens, raws, raw.end, !privatePerson(e, tokens[raw.end - 1]!.lower));
            const country = trailing
              ? partyOf(trailing.code)
              : located !== undefined
                ? located
                : possessive || prevWord === 'its'
                  ? ctx.lastCountry
                  : privatePerson(e, tokens[raw.end - 1]!.lower)
                    ? (placeCountry(tokens, raws, raw.start) ?? countryBefore)
                    : (nearestCountryBefore(raws, raw.start) ?? priorCountry ?? contextCountry(raws, ctx, raw.start));
            // ("leaders at the General Assembly": an agent at an organisation acts for it)
            if (country) code = isOrganisationCode(country) ? country : country + e.code;
          }
          inferred = true;
        }
      }
      // "Afghanistan's Taliban government", "Japan's Abe": the possessive country belongs to the
      // actor that follows, so that "Uzbekistan and Afghanistan's Taliban" stays a coordination.
      const owned = raws[r];
      if (
        code &&
        (e.kind === 'country' || e.kind === 'capital') &&
        end === raw.end &&
        tokens[end]?.lower === "'s" &&
        owned &&
        owned.start === end + 1 &&
        (owned.entry.kind === 'org' || owned.entry.kind === 'person' || owned.entry.kind === 'surname')
      ) {
        heldStart = raw.start;
        i = end + 1;
        continue;
      }
      if (code) {
        push(heldStart ?? raw.start, end, code, person, inferred);
        // "a Russian-brokered ceasefire", "the US-mediated talks": the country is the broker, the
        // agent of the participle ("brokered by Russia"), not the object of the preposition before.
        if (tokens[end]?.text === '-' && BROKERED.has(tokens[end + 1]?.lower ?? ''))
          mentions[mentions.length - 1]!.prep = 'by';
      }
      heldStart = undefined;
      i = end;
      continue;
    }
    const t = tokens[i]!;
    if (PERSON_PRONOUNS.has(t.lower) && ctx.lastPerson) {
      const named = mentions.some((m) => m.person && !m.inferred);
      push(i, i + 1, ctx.lastPerson, true, true);
      // ("Biden said he hoped ...": a pronoun after a name in its own sentence looks back no further)
      if (!named) mentions[mentions.length - 1]!.anaphor = true;
    } else if (t.lower === 'it' && ctx.lastCountry && i + 1 < tokens.length) {
      // "it" as the subject of a verb ("it launched", "it would suspend", "it had offered"), not
      // "it is time", "it said", "it was unclear".
      const next = tokens[i + 1]!;
      if (
        (next.pos === 'VERB' && next.lemma !== 'say') ||
        (next.pos === 'AUX' && next.lemma !== 'be' && tokens[i + 2]?.pos !== 'ADJ')
      )
        push(i, i + 1, ctx.lastThing ?? ctx.lastCountry, false, true);
    } else if (
      (t.lower === 'south' || t.lower === 'north') &&
      t.text[0] !== t.lower[0] &&
      tokens[i - 1]?.lower === 'the' &&
      tokens[i + 1]?.pos !== 'PROPN' &&
      tokens[i + 1]?.pos !== 'NOUN' &&
      koreanContext(ctx, mentions)
    ) {
      // "talks with the South", "the North's missiles": in Korean news the halves of the peninsula.
      push(i - 1, i + 1, t.lower === 'south' ? 'KOR' : 'PRK', false, true);
    } else if (
      t.lower === 'country' &&
      tokens[i - 1]?.lower === 'the' &&
      tokens[i + 1]?.lower !== "'s" &&
      ctx.lastCountry
    ) {
      push(i - 1, i + 1, ctx.lastCountry, false, true);
    } else if (
      t.lower === 'they' &&
      ctx.lastGroup &&
      ctx.lastGroup.length >= 2 &&
      (tokens[i + 1]?.pos === 'VERB' || tokens[i + 1]?.pos === 'AUX')
    ) {
      // "Trump and Kim met ... they signed": the group that acted last.
      for (const code of ctx.lastGroup)
        mentions.push({
          start: i,
          end: i + 1,
          code,
          person: false,
          inferred: true,
          prep: prepBefore(tokens, i),
          apposition: false,
          place: false,
          anaphor: true,
        });
    } else if ((t.lower === 'both' || t.lower === 'two') && tokens[i + 1]?.lower === 'koreas') {
      const start = tokens[i - 1]?.lower === 'the' ? i - 1 : i;
      const m1: Mention = {
        start,
        end: i + 2,
        code: 'KOR',
        person: false,
        inferred: false,
        prep: prepBefore(tokens, start),
        apposition: false,
        place: false,
        anaphor: false,
      };
      mentions.push(m1, { ...m1, code: 'PRK' });
      i += 2;
      continue;
    } else if (
      (((t.lower === 'both' || t.lower === 'two') && PAIR_ANAPHORS.has(`${t.lower} ${tokens[i + 1]?.lower ?? ''}`)) ||
        (t.lower === 'warring' && WARRING.has(tokens[i + 1]?.lower ?? ''))) &&
      (partiesBefore.length >= 2 || ctx.lastPair)
    ) {
      // "both sides", "the two countries": the last two parties named, as one coordinated pair.
      // "the two men", "both leaders" are the last two people; "both sides" the two actors of the
      // last act that ran both ways (the army and the RSF signed a truce ... urged both sides), else
      // the last two parties.
      const next = tokens[i + 1]?.lower ?? '';
      const personal = PERSONAL_PAIRS.has(next) && peopleBefore.length >= 2;
      const pair =
        ctx.lastPair && (next === 'countries' || next === 'nations' || next === 'neighbours' || next === 'neighbors')
          ? (ctx.lastPair.map(partyOf) as [string, string])
          : ctx.lastPair;
      const [a, b] = personal
        ? (peopleBefore.slice(-2) as [string, string])
        : pair && !PERSONAL_PAIRS.has(next) && pair[0] !== pair[1]
          ? pair
          : (partiesBefore.slice(-2) as [string, string]);
      if (a === undefined || b === undefined) {
        i++;
        continue;
      }
      const end = i + 2;
      const start = tokens[i - 1]?.lower === 'the' ? i - 1 : i;
      const m1: Mention = {
        start,
        end,
        code: a,
        person: false,
        inferred: true,
        prep: prepBefore(tokens, start),
        apposition: false,
        place: false,
        anaphor: true,
      };
      mentions.push(m1, { ...m1, code: b });
      i = end;
      continue;
    } else if (BODY_ANAPHORS.has(t.lower) && tokens[i - 1]?.lower === 'the' && ctx.lastOrg) {
      // "the alliance", "the bloc": the organisation named last.
      push(i - 1, i + 1, ctx.lastOrg, false, true);
    }
    i++;
  }
  // Places come after the actors, flagged, so that callers can set them apart (read-article does).
  return places.length > 0 ? [...mentions, ...places] : mentions;
}
