import type { ActorDictionary } from '../cameo/actor-dictionary-types.js';
import { isIsoDate } from '../model/iso-date.js';
import { readArticle, type ReadEvent } from './read-article.js';

/**
 * Streaming reader for many documents, one JSON object a line: `{"id", "date", "text"}`. A bad
 * line (bad JSON, missing date, text not a string, a failure while reading) yields an error result
 * for that document and the stream goes on; memory holds one document at a time.
 */
export interface DocumentResult {
  id: string;
  /** 1-based line number in the input. */
  line: number;
  events: ReadEvent[];
  warnings: string[];
}

export interface DocumentError {
  id: string | null;
  line: number;
  error: string;
}

export function isDocumentError(r: DocumentResult | DocumentError): r is DocumentError {
  return 'error' in r;
}

export interface ReadDocumentsOptions {
  dictionary?: ActorDictionary;
}

/** Parses one input line into a document, or says why it cannot be read. */
function parseDocumentLine(raw: string, line: number): { id: string; date: string; text: string } | DocumentError {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return { id: null, line, error: `not valid JSON (${(err as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { id: null, line, error: 'not a JSON object' };
  const o = value as Record<string, unknown>;
  const id = typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : null;
  if (id === null) return { id, line, error: 'missing "id" (a string)' };
  if (typeof o.date !== 'string') return { id, line, error: 'missing "date" (YYYY-MM-DD)' };
  if (!isIsoDate(o.date))
    return { id, line, error: `"date" ${JSON.stringify(o.date)} is not a calendar date in the form YYYY-MM-DD` };
  if (typeof o.text !== 'string') return { id, line, error: 'missing "text" (a string)' };
  return { id, date: o.date, text: o.text };
}

export async function* readDocuments(
  lines: AsyncIterable<string>,
  opts: ReadDocumentsOptions = {},
): AsyncGenerator<DocumentResult | DocumentError> {
  let line = 0;
  for await (const raw of lines) {
    line++;
    if (raw.trim() === '') continue;
    const doc = parseDocumentLine(raw, line);
    if ('error' in doc) {
      yield doc;
      continue;
    }
    try {
      const readOpts: Parameters<typeof readArticle>[1] = { date: doc.date, id: doc.id };
      if (opts.dictionary) readOpts.dictionary = opts.dictionary;
      const { events, warnings } = readArticle(doc.text, readOpts);
      yield { id: doc.id, line, events, warnings };
    } catch (err) {
      // One document must never stop the batch.
      yield { id: doc.id, line, error: `could not be read: ${(err as Error).message}` };
    }
  }
}
