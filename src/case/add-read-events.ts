import { createHash } from 'node:crypto';
import { isOrganisationCode, partyOf } from '../model/actor-code.js';
import type { Actor } from '../model/actor.js';
import { MOVE_MODES, type LedgerEvent } from '../model/event.js';
import { NotFoundError } from '../model/errors.js';
import { eventCode } from '../cameo/event-codes.js';
import { loadActorDictionary } from '../cameo/actor-dictionary.js';
import type { ReadEvent } from '../reader/read-article.js';
import type { Store } from '../store/store.js';

export interface ReadArticleRef {
  name: string;
  date: string;
  text: string;
  doc?: string;
}

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
): Promise<AddReadResult> {
  const moves = events.filter((e) => MOVE_MODES.includes(e.mode) && eventCode(e.code));
  const key = `read:${createHash('sha256')
    .update(article.doc ?? '')
    .update('\0')
    .update(article.text || events.map((e) => e.quote).join('\n'))
    .digest('hex')
    .slice(0, 24)}`;
  return store.transaction(async (tx) => {
    const info = await tx.cases.info(caseId);
    if (!info) throw new NotFoundError(`no case "${caseId}" in the store; \`parley case list\` shows the cases`);
    if (await tx.events.hasOrigin(caseId, key)) return { added: 0, alreadyRead: true, newActors: [] };
    const actors = await tx.cases.actors(caseId);
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
    const rows: LedgerEvent[] = moves.map((e, i) => {
      const info = eventCode(e.code)!;
      const row: LedgerEvent = {
        id: `${key.slice(5, 17)}-${e.sentence}-${i}`,
        caseId,
        date: e.date,
        sourceActor: actorFor(e.source),
        sourceCode: e.source,
        code: e.code,
        goldstein: info.goldstein,
        quadClass: info.quadClass,
        summary: e.quote.length > 300 ? `${e.quote.slice(0, 299)}…` : e.quote,
        facilities: [],
        sources: [{ publisher: article.doc ?? article.name, date: article.date, quote: e.quote }],
        provenance: 'read',
        status: 'proposed',
        verification: 'claimed',
        confidence: e.confidence,
        notes: `read by rule ${e.rule} (${e.mode})`,
      };
      if (e.target) {
        row.targetActor = actorFor(e.target);
        row.targetCode = e.target;
      }
      return row;
    });
    if (fresh.length) await tx.cases.insertActors(caseId, fresh);
    await tx.events.insert(rows, key);
    await tx.aggregates.refreshDays(
      caseId,
      rows.map((r) => r.date),
    );
    return { added: rows.length, alreadyRead: false, newActors: fresh.map((a) => a.id) };
  });
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
