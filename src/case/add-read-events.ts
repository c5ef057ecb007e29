import { createHash } from 'node:crypto';
import { isOrganisationCode, partyOf } from '../model/actor-code.js';
import type { Actor } from '../model/actor.js';
import { type LedgerEvent, MOVE_MODES, type Source } from '../model/event.js';
import { NotFoundError } from '../model/errors.js';
import { eventCode } from '../cameo/event-codes.js';
import { loadActorDictionary } from '../cameo/actor-dictionary.js';
import { quoteStart, type ReadEvent } from '../reader/read-article.js';
import type { Store } from '../store/store.js';

export interface ReadArticleRef {
  /** A name for the article in messages (a file, '-', a document id); never recorded as its source. */
  name: string;
  /** The article's publication date (the source's date). */
  date: string;
  /** The article's text, which decides its identity; empty when `digest` stands for it. */
  text: string;
  doc?: string;
  /** sha256 of the document id, a NUL and the text, hex: given when the text was read as a stream. */
  digest?: string;
  /** Who published it, its link and its title, for the events' source. */
  publisher?: string;
  url?: string;
  title?: string;
}

/** What the source of read events says when the article named no publisher. */
export const UNKNOWN_PUBLISHER = 'unknown publisher';

export interface AddReadResult {
  added: number;
  /** True when this article had been read into the case before: nothing was added. */
  alreadyRead: boolean;
  newActors: string[];
}

/**
 * Adds what the reader found in one article to a case as proposed events, with the article as
 * their source. Only asserted and reported events are moves. The article's content decides its
 * identity, so reading the same article again adds nothing. Parties the case does not know yet
 * are added from the actor dictionary.
 */
export async function addReadEvents(
  store: Store,
  caseId: string,
  events: readonly ReadEvent[],
  article: ReadArticleRef,
  /** Called inside the transaction with the events added (the audit trail). */
  afterWrite?: (tx: Store, added: readonly LedgerEvent[]) => Promise<void>,
): Promise<AddReadResult> {
  const moves = events.filter((e) => MOVE_MODES.includes(e.mode) && eventCode(e.code));
  const key = articleKey(article, events);
  return store.transaction(async (tx) => {
    const info = await tx.cases.info(caseId);
    if (!info) throw new NotFoundError(`no case "${caseId}" in the store; \`parley case list\` shows the cases`);
    if (await tx.events.hasOrigin(caseId, key)) return { added: 0, alreadyRead: true, newActors: [] };
    const { actorFor, fresh } = partyActors(await tx.cases.actors(caseId));
    const rows = moves.map((e, i) =>
      proposedRow(e, `${key.slice(5, 17)}-${e.sentence}-${i}`, caseId, article, actorFor),
    );
    if (fresh.length) await tx.cases.insertActors(caseId, fresh);
    await tx.events.insert(rows, key);
    await tx.aggregates.refreshDays(
      caseId,
      rows.map((r) => r.date),
    );
    await afterWrite?.(tx, rows);
    return { added: rows.length, alreadyRead: false, newActors: fresh.map((a) => a.id) };
  });
}

/** The origin of an article's events: a digest of its content, so that reading it again adds nothing. */
function articleKey(article: ReadArticleRef, events: readonly ReadEvent[]): string {
  const digest =
    article.digest ??
    createHash('sha256')
      .update(article.doc ?? '')
      .update('\0')
      .update(article.text || events.map((e) => e.quote).join('\n'))
      .digest('hex');
  return `read:${digest.slice(0, 24)}`;
}

/**
 * The case's actor for a CAMEO code, by its party; a party the case does not know yet gets an
 * actor from the dictionary, kept in `fresh` to be added to the case.
 */
function partyActors(actors: readonly Actor[]): { actorFor: (code: string) => string; fresh: Actor[] } {
  const byCode = new Map(actors.filter((a) => a.code && a.kind !== 'person').map((a) => [a.code!, a]));
  const taken = new Set(actors.map((a) => a.id));
  const fresh: Actor[] = [];
  const actorFor = (code: string): string => {
    const party = partyOf(code);
    const known = byCode.get(party);
    if (known) return known.id;
    const actor = dictionaryActor(party, taken);
    fresh.push(actor);
    byCode.set(party, actor);
    taken.add(actor.id);
    return actor.id;
  };
  return { actorFor, fresh };
}

/** One event the reader found, as a proposed move of the case with the article as its source. */
function proposedRow(
  e: ReadEvent,
  id: string,
  caseId: string,
  article: ReadArticleRef,
  actorFor: (code: string) => string,
): LedgerEvent {
  const info = eventCode(e.code)!;
  const row: LedgerEvent = {
    id,
    caseId,
    date: e.date,
    sourceActor: actorFor(e.source),
    sourceCode: e.source,
    code: e.code,
    goldstein: info.goldstein,
    quadClass: info.quadClass,
    summary: e.quote.length > 300 ? `${e.quote.slice(0, 299)}…` : e.quote,
    facilities: [],
    sources: [{ ...sourceOf(article, e.quote), ...quoteSpan(e) }],
    provenance: 'read',
    status: 'proposed',
    verification: 'claimed',
    confidence: e.confidence,
    notes: `read${article.title ? ` from "${article.title}"` : ''} by rule ${e.rule} (${e.mode})`,
  };
  if (e.target) {
    row.targetActor = actorFor(e.target);
    row.targetCode = e.target;
  }
  return row;
}

/** The article as the source of an event: its publisher, date and link, never a local file name. */
function sourceOf(article: ReadArticleRef, quote: string): Source {
  const source: Source = { publisher: article.publisher ?? UNKNOWN_PUBLISHER, date: article.date, quote };
  if (article.url) source.link = article.url;
  return source;
}

/** Where in its quote the reader found the move (the span is in the article's text), when it can tell. */
function quoteSpan(e: ReadEvent): { span?: [number, number] } {
  const start = quoteStart(e);
  if (start === undefined) return {};
  const span: [number, number] = [e.span[0] - start, e.span[1] - start];
  return span[0] >= 0 && span[1] <= e.quote.length && span[0] < span[1] ? { span } : {};
}

function dictionaryActor(code: string, taken: ReadonlySet<string>): Actor {
  const dict = loadActorDictionary();
  const country = dict.countries.find((c) => c.code === code);
  const org = dict.organisations.find((o) => o.code === code);
  let id = code.toLowerCase();
  while (taken.has(id)) id += '-x';
  return {
    id,
    kind: isOrganisationCode(code) ? (code.startsWith('NGO') ? 'ngo' : 'igo') : 'state',
    name: country?.name ?? org?.name ?? code,
    aliases: [],
    code,
    roles: [],
    source: 'added by `parley read --into` from the actor dictionary',
  };
}
