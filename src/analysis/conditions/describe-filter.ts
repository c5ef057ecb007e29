import type {
  ActorFilter,
  EventFilter,
  FacilityFilter,
  MovePattern,
  ObservationFilter,
  Window,
} from '../../model/condition.js';
import { eventCode } from '../../cameo/event-codes.js';
import { VERIFIER_WORDS } from './event-filter-match.js';

/** Plain words for the filters, used as default labels and in "what is missing". */
export function describeActor(f: ActorFilter | undefined): string {
  if (!f) return 'anyone';
  const bits = [f.code, f.title, f.actor].filter((x): x is string => Boolean(x));
  return bits.length ? bits.join(' ') : 'anyone';
}

export function describeCodes(codes: readonly string[] | undefined): string {
  if (!codes || codes.length === 0) return 'any move';
  return codes.map((c) => `${c} (${eventCode(c)?.name.toLowerCase() ?? `codes starting ${c}`})`).join(' or ');
}

export function describeWindow(w: Window | undefined): string {
  if (!w) return '';
  const bits: string[] = [];
  if (w.days !== undefined) bits.push(`in the last ${w.days} days`);
  if (w.from) bits.push(`from ${w.from}`);
  if (w.to) bits.push(`to ${w.to}`);
  return bits.join(' ');
}

export function describeFacilities(f: FacilityFilter | undefined): string {
  if (!f) return 'sites';
  const words: string[] = [];
  if (f.key) words.push('key');
  if (f.status?.length) words.push(f.status.join(' or '));
  if (f.tags?.length) words.push(f.tags.join(' '));
  let out = `${words.join(' ')}${words.length ? ' ' : ''}sites`;
  if (f.ids?.length) out += ` (${f.ids.join(', ')})`;
  if (f.country) out += ` in ${f.country}`;
  return out;
}

export function describeEvents(f: EventFilter): string {
  const parts = [`${describeCodes(f.codes)} by ${describeActor(f.source)}`];
  if (f.target) parts.push(`toward ${describeActor(f.target)}`);
  if (f.facilities) parts.push(`at ${describeFacilities(f.facilities)}`);
  if (f.verification && f.verification !== 'claimed') parts.push(`(${f.verification} or better)`);
  if (f.verifiers?.length) parts.push(`to be verified by ${f.verifiers.map((v) => VERIFIER_WORDS[v]).join(' or ')}`);
  if (f.commitments?.length) parts.push(`(${f.commitments.join(' or ')})`);
  const w = describeWindow(f.window);
  if (w) parts.push(w);
  return parts.join(' ');
}

export function describeObservations(f: ObservationFilter): string {
  const parts = [`observations of ${f.findings?.join(' or ') ?? 'anything'} at ${describeFacilities(f.facilities)}`];
  if (f.verification && f.verification !== 'claimed') parts.push(`(${f.verification} or better)`);
  const w = describeWindow(f.window);
  if (w) parts.push(w);
  return parts.join(' ');
}

export function describeGate(g: MovePattern): string {
  const bits = [`${describeCodes(g.codes)} by ${describeActor(g.source)}`];
  if (g.target) bits.push(`toward ${describeActor(g.target)}`);
  if (g.from) bits.push(`from ${g.from}`);
  if (g.to) bits.push(`to ${g.to}`);
  return bits.join(' ');
}

/** Plain nouns for the moves of a few CAMEO codes a condition commonly gates. */
const GATE_NOUNS: Record<string, string> = { '042': 'visit', '043': 'hosted visit', '044': 'meeting', '046': 'talk' };

/** The noun for what a condition gates: `visit` when every gate is a visit (042), else `move`. */
export function gateNoun(gates: readonly MovePattern[]): string {
  const nouns = new Set(gates.flatMap((g) => g.codes.map((c) => GATE_NOUNS[c] ?? 'move')));
  return nouns.size === 1 ? [...nouns][0]! : 'move';
}

/** "a, b and c" */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** How many names a sentence lists before it counts the rest. */
export const NAMES_IN_A_SENTENCE = 12;

/**
 * "a, b and c", or past `limit` items "a, b, … l and 988 more": a sentence naming a thousand
 * sites is read by no one, and is repeated on every gated move of a brief.
 */
export function listSome(items: readonly string[], limit = NAMES_IN_A_SENTENCE): string {
  if (items.length <= limit) return listWords(items);
  return `${items.slice(0, limit).join(', ')} and ${items.length - limit} more`;
}
