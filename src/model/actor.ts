import type { IsoDate } from './iso-date.js';

export const ACTOR_KINDS = ['state', 'igo', 'ngo', 'group', 'person'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/**
 * A role a person (or body) holds over a half-open span of days [from, to). `code` is the full
 * CAMEO code the holder acts under (`USAGOV`, `PRKMIL`, `USAGOVSPY` for an intelligence chief).
 */
export interface ActorRole {
  code: string;
  title: string;
  from?: IsoDate;
  to?: IsoDate;
  source?: string;
}

export interface Actor {
  /** Stable slug, e.g. `usa`, `mike-pompeo`, `iaea`. */
  id: string;
  kind: ActorKind;
  name: string;
  aliases: string[];
  /** CAMEO code for states, organisations and groups (`USA`, `IGOUNOIAE`); persons take theirs from roles. */
  code?: string;
  roles: ActorRole[];
  source?: string;
  notes?: string;
}

/** The role a person held on a date; the first listed wins when spans overlap. */
export function roleOn(actor: Actor, date: IsoDate): ActorRole | undefined {
  return actor.roles.find((r) => (r.from === undefined || r.from <= date) && (r.to === undefined || date < r.to));
}

/**
 * The CAMEO code an actor acts under on a date: its own code, or for a person the code of the role
 * held then. Undefined for a person with no role on that date (a data gap the loader reports).
 */
export function actorCodeOn(actor: Actor, date: IsoDate): string | undefined {
  if (actor.kind !== 'person') return actor.code ?? roleOn(actor, date)?.code;
  return roleOn(actor, date)?.code ?? actor.code;
}

/** Spans where two roles overlap or none is held between the first and the last, for data checks. */
export function roleProblems(actor: Actor): string[] {
  const problems: string[] = [];
  const dated = actor.roles.filter((r) => r.from !== undefined).sort((a, b) => (a.from! < b.from! ? -1 : 1));
  for (let i = 1; i < dated.length; i++) {
    const prev = dated[i - 1]!;
    const cur = dated[i]!;
    if (prev.to === undefined || prev.to > cur.from!) {
      problems.push(`roles "${prev.title}" and "${cur.title}" overlap from ${cur.from}`);
    }
  }
  for (const r of actor.roles) {
    if (r.from !== undefined && r.to !== undefined && r.to <= r.from) {
      problems.push(`role "${r.title}" ends (${r.to}) before it starts (${r.from})`);
    }
  }
  return problems;
}
