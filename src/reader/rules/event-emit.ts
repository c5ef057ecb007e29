import { isOrganisationCode, partyOf, rolesOf } from '../../model/actor-code.js';
import { type DyadKind, expandDyads } from '../expand-dyads.js';
import type { Mention } from '../find-mentions.js';
import { shiftCode } from '../load-code-shifts.js';
import { isStateRole, mentionBefore, trailingSpeaker } from './event-helpers.js';
import type { Interp, SentenceEvent } from './event-state.js';

/**
 * The events one read act stands for: its confidence, its direction(s) (meetings and agreements run
 * both ways, visits and hosting pair up: expand-dyads.ts), and a third party's accusation when a
 * monitor relays violence.
 */
export function emitEvents(x: Interp): SentenceEvent[] {
  const confidence = confidenceOf(x);
  const kind = dyadKind(x);
  if (kind === 'sym' && x.p.dyad !== 'sym') x.fired.push('dyads.both-ways');
  const out: SentenceEvent[] = accusations(x, confidence);
  const { lx, mentions, tokens, places } = x.st;
  const dyads = expandDyads(
    kind,
    x.code,
    x.sources.map((s) => s.code),
    x.targets.map((tg) => tg?.code ?? null),
    { lx, mentions, tokens, after: x.m.after, places, fired: x.fired },
  );
  const sourcePerson = new Map(x.sources.map((s) => [s.code, s.person && !s.inferred] as const));
  const anaphoric = x.sources.some((s) => s.anaphor === true);
  const seen = new Set<string>();
  for (const d of dyads) {
    if (d.target === d.source) continue;
    // Visits and hosting need two parties; a state visiting itself is a domestic trip. ("Kenya's
    // president received opposition leaders": two sides of one country meeting is an event.)
    if (
      d.target &&
      (d.code === '042' || d.code === '043' || d.code === '036') &&
      partyOf(d.target) === partyOf(d.source) &&
      isState(d.source) &&
      isState(d.target)
    )
      continue;
    const code = onWhom(x, d.source, d.target, d.code);
    if (code !== d.code) d.code = code;
    const key = `${d.source}|${d.target}|${d.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const e: SentenceEvent = {
      source: d.source,
      target: d.target,
      code: d.code,
      mode: x.mode,
      tokenSpan: [x.m.first, x.m.last],
      confidence,
      pattern: x.p.id,
      steps: x.fired,
      sourcePerson: sourcePerson.get(d.source) ?? false,
      anaphoric,
    };
    if (x.conversion) e.conversion = x.conversion;
    out.push(e);
  }
  return out;
}

/** A country as a whole or its executive (`KEN`, `KENGOV`, `KENGOVMIL`), not another of its sides. */
function isState(code: string): boolean {
  const roles = rolesOf(code);
  return roles === '' || roles.startsWith('GOV');
}

/**
 * What the target makes of an act of force: repression (175) when a state's army or police act on
 * its own civilians, an armed attack (190) when soldiers or police are assaulted (code shifts
 * `repression` and `on-forces`).
 */
function onWhom(x: Interp, source: string, target: string | null, code: string): string {
  const { lx } = x.st;
  if (byProtesters(x, source)) {
    const shifted = shiftCode(lx.codeShifts['by-protesters'], code);
    if (shifted) return mark(x, 'code.by-protesters', shifted);
  }
  // ("Myanmar's military bombed a village": bombs dropped by a state's forces are air strikes)
  if (lx.stateForceRoles.has(source.slice(partyOf(source).length))) {
    const shifted = shiftCode(lx.codeShifts['by-state-forces'], code);
    if (shifted) code = mark(x, 'code.by-state-forces', shifted);
  }
  if (target === null || !/^(18|19)/.test(code)) return code;
  const roleOf = (c: string) => c.slice(partyOf(c).length, partyOf(c).length + 3);
  const sourceRole = source.slice(partyOf(source).length);
  if (
    lx.stateForceRoles.has(sourceRole) &&
    partyOf(source) === partyOf(target) &&
    lx.civilianRoles.has(roleOf(target))
  ) {
    const shifted = shiftCode(lx.codeShifts.repression, code);
    if (shifted) return mark(x, 'code.repression', shifted);
  }
  // ("Hindu mobs attacked Muslim homes": no state's forces, and no armed side attacked)
  if (!isStateRole(lx, source) && softTarget(x, target)) {
    const shifted = shiftCode(lx.codeShifts['on-soft-targets'], code);
    if (shifted) return mark(x, 'code.on-soft-targets', shifted);
  }
  // (a named officer killed is a killing; soldiers or police as a body attacked are an attack)
  const onePerson = x.targets.some((t) => t?.code === target && t.person);
  if (code.startsWith('18') && !onePerson && lx.stateForceRoles.has(target.slice(partyOf(target).length))) {
    const shifted = shiftCode(lx.codeShifts['on-forces'], code);
    if (shifted) return mark(x, 'code.attack-on-forces', shifted);
  }
  return code;
}

/** Civilians, a religious or ethnic group, their homes or shrines: no state organ, no armed group. */
function softTarget(x: Interp, target: string): boolean {
  const { lx } = x.st;
  if (isOrganisationCode(target) || isStateRole(lx, target)) return false;
  const role = rolesOf(target);
  return !lx.armedGroupRoles.has(role.slice(0, 3)) && !lx.armedGroupRoles.has(role.slice(-3));
}

/** The source is named as protesters or rioters ("Protesters torched buildings"). */
function byProtesters(x: Interp, source: string): boolean {
  const { tokens, lx } = x.st;
  return x.sources.some((s) => s.code === source && lx.protesterNouns.has(tokens[s.end - 1]?.lower ?? ''));
}

function mark(x: Interp, step: string, code: string): string {
  if (!x.fired.includes(step)) x.fired.push(step);
  return code;
}

function confidenceOf(x: Interp): number {
  let confidence = 0.85;
  if (x.sources.some((s) => s.inferred) || x.subjectInferred) confidence -= 0.15;
  if (x.targets[0] === null) confidence -= 0.1;
  else if (x.targets.some((tg) => tg?.inferred)) confidence -= 0.1;
  if (x.m.passive) confidence -= 0.05;
  if (x.mode === 'reported') confidence -= 0.05;
  return Math.round(confidence * 100) / 100;
}

/**
 * Meetings and agreements run both ways; intent and refusal events are one-way declarations;
 * "Armenia and Azerbaijan accused each other": every pair, both ways.
 */
function dyadKind(x: Interp): DyadKind {
  const { tokens, lx } = x.st;
  const { sources } = x;
  const pairSubject =
    sources.length === 2 && sources[0]!.start === sources[1]!.start && sources[0]!.end === sources[1]!.end;
  const reciprocal =
    x.targets[0] === null &&
    sources.length >= 2 &&
    (pairSubject ||
      tokens.some(
        (w, k) =>
          lx.reciprocalPhrases.has(`${tokens[k - 1]?.lower} ${w.lower}`) || (w.lower === 'together' && k > x.m.last),
      ));
  if (x.conversion === 'agreement') return 'sym';
  if (x.converted && !(reciprocal && x.conversion === 'refuse')) return 'plain';
  return reciprocal ? 'sym' : x.p.dyad;
}

/**
 * "UN investigators said Myanmar's army had carried out mass killings": a third party reporting
 * violence accuses its authors (112x), besides the reported act itself. (", a Human Rights Watch
 * report found": a trailing attribution names the speaker after the act.)
 */
function accusations(x: Interp, confidence: number): SentenceEvent[] {
  const { tokens, mentions, lx } = x.st;
  const v = x.verdict!;
  const accusation = shiftCode(lx.codeShifts.accusation, x.code);
  if (!accusation || x.converted) return [];
  const trailing =
    v.speechIndex === undefined && (x.mode === 'reported' || x.mode === 'asserted')
      ? trailingSpeaker(lx, tokens, mentions, x.m.last)
      : undefined;
  if (!(x.mode === 'reported' && v.speechIndex !== undefined) && !trailing) return [];
  const speaker: Mention | undefined = trailing ?? mentionBefore(mentions, v.speechIndex!);
  if (!speaker) return [];
  const out: SentenceEvent[] = [];
  for (const s of x.sources) {
    if (partyOf(s.code) === partyOf(speaker.code)) continue;
    out.push({
      source: speaker.code,
      target: s.code,
      code: accusation,
      mode: 'asserted',
      tokenSpan: [x.m.first, x.m.last],
      confidence: Math.max(0.5, confidence - 0.15),
      pattern: x.p.id,
      conversion: 'accusation',
      steps: [...x.fired, trailing ? 'event.accusation-by-trailing-monitor' : 'event.accusation-by-speaker'],
      sourcePerson: speaker.person && !speaker.inferred,
    });
  }
  return out;
}
