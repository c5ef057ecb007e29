import { isActorCode, partyOf } from '../model/actor-code.js';
import type { Actor } from '../model/actor.js';
import { NotFoundError, UsageError } from '../model/errors.js';
import type { LedgerEvent, ReviewStatus } from '../model/event.js';
import type { EventQuery, SideMatch } from '../store/event-repository.js';
import type { Store } from '../store/store.js';

/**
 * The filters a case's moves and its dyad's imported rows share. Actor filters take the case's
 * actor ids (`mike-pompeo`) or CAMEO codes (`PRKGOV`).
 */
export interface MoveFilters {
  caseId: string;
  from?: string;
  to?: string;
  /** Either side is one of these. */
  actors?: readonly string[];
  sources?: readonly string[];
  targets?: readonly string[];
  /** CAMEO event codes or prefixes. */
  codes?: readonly string[];
  limit?: number;
}

/** Which events to list: the shared filters, and the review status that only the case's own events have. */
export interface ListEventsInput extends MoveFilters {
  statuses?: readonly ReviewStatus[];
}

/** The events of a case, filtered; actors named by id or by code. */
export async function listEvents(store: Store, input: ListEventsInput): Promise<LedgerEvent[]> {
  if (!(await store.cases.info(input.caseId)))
    throw new NotFoundError(`no case "${input.caseId}" in the store; \`parley case list\` shows the cases`);
  const actors = await store.cases.actors(input.caseId);
  const query: EventQuery = { caseId: input.caseId };
  if (input.from) query.from = input.from;
  if (input.to) query.to = input.to;
  if (input.actors?.length) query.eitherSide = resolveSide(input.actors, actors, input.caseId, 'actor');
  if (input.sources?.length) query.sourceSide = resolveSide(input.sources, actors, input.caseId, 'source');
  if (input.targets?.length) query.targetSide = resolveSide(input.targets, actors, input.caseId, 'target');
  if (input.codes?.length) query.codes = [...input.codes];
  if (input.statuses?.length) query.statuses = [...input.statuses];
  if (input.limit !== undefined) query.limit = input.limit;
  return store.events.find(query);
}

/**
 * Names to a side filter. A code typed in capitals is a code (`PRK`, `USAGOV`). A person's id is
 * that person alone; a state's or an organisation's id is everything under its code, its officials
 * included (`prk` is `PRK`). A code in small letters (`prkgov`) is a code when its party is one of
 * the case's; anything else is an error that names the actors it may mean.
 */
export function resolveSide(
  names: readonly string[],
  actors: readonly Actor[],
  caseId: string,
  what: string,
): SideMatch {
  const byId = new Map(actors.map((a) => [a.id, a]));
  const parties = new Set(
    actors
      .flatMap((a) => [a.code, ...a.roles.map((r) => r.code)])
      .filter(isString)
      .map(partyOf),
  );
  const codes: string[] = [];
  const ids: string[] = [];
  for (const name of names) {
    const actor = byId.get(name);
    const upper = name.toUpperCase();
    if (isActorCode(name)) codes.push(name);
    else if (actor && actor.kind !== 'person' && actor.code) codes.push(actor.code);
    else if (actor) ids.push(actor.id);
    else if (isActorCode(upper) && parties.has(partyOf(upper))) codes.push(upper);
    else throw new UsageError(`--${what} "${name}" is ${unknownActor(name, actors, caseId)}`);
  }
  return { codes, actors: ids };
}

function isString(s: string | undefined): s is string {
  return s !== undefined;
}

function unknownActor(name: string, actors: readonly Actor[], caseId: string): string {
  const near = actors.filter((a) => a.id.includes(name.toLowerCase())).map((a) => a.id);
  return (
    `neither an actor of case ${caseId} nor a CAMEO actor code (such as USA or PRKGOV)` +
    (near.length ? `; did you mean ${near.slice(0, 5).join(', ')}${near.length > 5 ? ', …' : ''}?` : '')
  );
}
