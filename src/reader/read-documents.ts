import type { ActorDictionary } from '../cameo/actor-dictionary-types.js';
import { isIsoDate } from '../model/iso-date.js';
import type { Dateline } from './dateline.js';
import type { SentenceTrace } from './explain.js';
import { readArticle, type ReadEvent } from './read-article.js';

/**
 * Streaming reader for many documents, one JSON object a line: `{"id", "date", "text"}`, with
 * `"publisher"`, `"url"` and `"title"` optional. A bad
 * line (bad JSON, missing date, text not a string, a failure while reading) yields an error result
 * for that document and the stream goes on; memory holds one document at a time.
 */
export interface DocumentResult {
  id: string;
  /** 1-based line number in the input. */
  line: number;
  /** The document's publication date: its "date", or its dateline's. */
  date: string;
  events: ReadEvent[];
  warnings: string[];
  dateline?: Dateline;
  /** The line's own "publisher", "url" and "title", when it gives them. */
  source: { publisher?: string; url?: string; title?: string };
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
  /** Called for each sentence of each document, as `readArticle`'s `explain`. */
  explain?: (trace: SentenceTrace) => void;
}

interface Document {
  id: string;
  date: string;
  text: string;
  source: DocumentResult['source'];
}

/** Parses one input line into a document, or says why it cannot be read. */
export function parseDocumentLine(raw: string, line: number): Document | DocumentError {
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
  const source: Document['source'] = {};
  for (const k of ['publisher', 'url', 'title'] as const) {
    const v = o[k];
    if (typeof v === 'string' && v.trim() !== '') source[k] = v.trim();
  }
  return { id, date: o.date, text: o.text, source };
}

export async function* readDocuments(
  lines: AsyncIterable<string>,
  opts: ReadDocumentsOptions = {},
): AsyncGenerator<DocumentResult | DocumentError> {
  let line = 0;
  for await (const text of lines) {
    line++;
    // (a UTF-8 byte-order mark before the first object is no part of it)
    const raw = line === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (raw.trim() === '') continue;
    const doc = parseDocumentLine(raw, line);
    if ('error' in doc) {
      yield doc;
      continue;
    }
    try {
      const readOpts: Parameters<typeof readArticle>[1] = { date: doc.date, id: doc.id };
      if (opts.dictionary) readOpts.dictionary = opts.dictionary;
      if (opts.explain) readOpts.explain = opts.explain;
      const r = readArticle(doc.text, readOpts);
      const result: DocumentResult = {
        id: doc.id,
        line,
        date: r.date,
        events: r.events,
        warnings: r.warnings,
        source: doc.source,
      };
      if (r.dateline) result.dateline = r.dateline;
      yield result;
    } catch (err) {
      // One document must never stop the batch.
      yield { id: doc.id, line, error: `could not be read: ${(err as Error).message}` };
    }
  }
}
