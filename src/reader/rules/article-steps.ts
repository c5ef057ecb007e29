import { partyOf } from '../../model/actor-code.js';
import type { ArticleContext } from '../article-context.js';
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../token.js';
import type { SentenceEvent } from './event-state.js';

/**
 * Steps across the sentences of an article: what a sentence's events tell the next sentences (who
 * "he", "they", "both sides" and "the strike" are), and which events repeat one already read.
 */

/**
 * "Russian missiles struck Odesa ... Washington condemned the strike": criticism of "the strike"
 * (a definite act of force, named by no one in its own sentence) is aimed at whoever the article
 * last reported using force.
 */
export function aimAtAuthorOfForce(lx: Lexicon, found: SentenceEvent[], tokens: Token[], ctx: ArticleContext): void {
  if (ctx.lastForce === undefined) return;
  for (const e of found) {
    if (e.target !== null || !e.code.startsWith('11') || partyOf(e.source) === partyOf(ctx.lastForce)) continue;
    let k = e.tokenSpan[1] + 1;
    if (!lx.definiteDeterminers.has(tokens[k]?.lower ?? '')) continue;
    k++;
    while (k < tokens.length && k <= e.tokenSpan[1] + 5 && tokens[k]!.pos === 'ADJ') k++;
    if (lx.forceNouns.has(tokens[k]?.lower ?? '') && tokens[k + 1]?.lower !== 'on' && tokens[k + 1]?.lower !== 'by') {
      e.target = ctx.lastForce;
      e.steps = [...e.steps, 'article.author-of-force'];
    }
  }
}

const isMove = (e: SentenceEvent): boolean => e.mode === 'asserted' || e.mode === 'reported';

/** What a sentence's events tell the sentences after it. */
export function rememberSentence(lx: Lexicon, found: SentenceEvent[], ctx: ArticleContext): void {
  // Subjects are the likeliest referents of a later "he"/"she" (Trump praised Kim. He ...).
  for (const e of found) if (e.sourcePerson) ctx.lastPerson = e.source;
  // Several actors acting together are "they" in the next sentence.
  const group = [...new Set(found.filter(isMove).map((e) => e.source))];
  if (group.length >= 2) ctx.lastGroup = group;
  // An act that ran both ways names the two sides of the story ("both sides" later).
  const mutual = found.find(
    (e) =>
      e.target !== null &&
      isMove(e) &&
      found.some((f) => f.source === e.target && f.target === e.source && f.code === e.code),
  );
  if (mutual) ctx.lastPair = [mutual.source, mutual.target!];
  const force = found.find((e) => isMove(e) && lx.forceRoots.has(e.code.slice(0, 2)));
  if (force) ctx.lastForce = force.source;
}

function pairKey(a: string, b: string): string {
  const [x, y] = [partyOf(a), partyOf(b)];
  return x < y ? `${x}|${y}` : `${y}|${x}`;
}

/**
 * Why an event repeats one already read, or undefined: two patterns on one act ("refused to let
 * inspectors in"); "Trump met Kim in Singapore. The two leaders shook hands ...": the same meeting
 * told again through "the two leaders" / "they" (talks or mediation still are news). `met` holds
 * the pairs of parties that met and the sentence that first said so; `seen` the sentence's events.
 */
export function repeatOf(
  e: SentenceEvent,
  sentence: number,
  met: Map<string, number>,
  seen: Set<string>,
): string | undefined {
  const key = `${e.source}|${e.target}|${e.code}|${e.mode}`;
  if (seen.has(key)) return 'article.same-event-twice';
  seen.add(key);
  const meeting = e.target !== null && e.code.startsWith('04');
  const pair = meeting ? pairKey(e.source, e.target!) : '';
  if (meeting && e.anaphoric && e.code !== '045' && e.code !== '046' && met.has(pair) && met.get(pair) !== sentence)
    return 'article.meeting-told-again';
  if (meeting && isMove(e) && !met.has(pair)) met.set(pair, sentence);
  return undefined;
}
