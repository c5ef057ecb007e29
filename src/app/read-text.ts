import { type AddReadResult, addReadEvents, type ReadArticleRef } from '../case/add-read-events.js';
import { ensureBuiltinCase } from '../case/builtin-cases.js';
import { readArticle, type ReadEvent } from '../reader/read-article.js';
import { type Acting, auditEntry, requireRole } from './acting.js';

export interface ReadTextInput {
  text: string;
  /** The article's date, to resolve "on Sunday", "last week". */
  date: string;
  /** A name for the article in the sources of the events it gives (a file name, a title). */
  name?: string;
  /** Who published it and where, for the source of the events put in the queue. */
  publisher?: string;
  url?: string;
  /** Put the asserted and reported events in this case's review queue, as proposed. */
  into?: string;
}

export interface ReadTextResult {
  events: ReadEvent[];
  warnings: string[];
  added?: AddReadResult;
}

/**
 * Reads news text into proposed events (every mode, each with its sentence and span) and, with
 * `into`, adds the moves among them to a case's review queue with an audit entry each.
 */
export async function readText(acting: Acting, input: ReadTextInput): Promise<ReadTextResult> {
  requireRole(acting, 'analyst', 'running the reader');
  const { events, warnings } = readArticle(input.text, { date: input.date });
  if (input.into === undefined) return { events, warnings };
  return {
    events,
    warnings,
    added: await addToQueue(acting, input.into, events, { ...input, name: input.name ?? 'text' }),
  };
}

/** Adds the reader's events for one article to a case as proposed, with their audit entries. */
export async function addToQueue(
  acting: Acting,
  caseId: string,
  events: readonly ReadEvent[],
  article: ReadArticleRef,
): Promise<AddReadResult> {
  requireRole(acting, 'analyst', 'adding read events to a case');
  await ensureBuiltinCase(acting.store, caseId);
  // Whether asked at the command line or through the API, these changes come in by the reader.
  const reader: Acting = { ...acting, route: 'reader' };
  return addReadEvents(acting.store, caseId, events, article, async (tx, added) => {
    await tx.audit.record(
      added.map((e) =>
        auditEntry(reader, { kind: 'event', action: 'propose', caseId, subject: e.id, after: e, note: article.name }),
      ),
    );
  });
}
