import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ReadArticleRef } from '../../case/add-read-events.js';
import { ParleyError, UsageError } from '../../model/errors.js';
import { isIsoDate } from '../../model/iso-date.js';
import { parseArticleHeader } from '../../reader/article-header.js';
import { openArticleInput } from '../../reader/article-input.js';
import { cleanText } from '../../reader/clean-text.js';
import { parseDateline } from '../../reader/dateline.js';
import { type SentenceTrace, formatTrace } from '../../reader/explain.js';
import { formatEventTable } from '../../reader/format-event-table.js';
import { loadLexicon } from '../../reader/lexicon.js';
import { type ReadEvent, readArticleStream } from '../../reader/read-article.js';
import { isDocumentError, readDocuments } from '../../reader/read-documents.js';
import { useColour } from '../../util/colour.js';
import type { CommandLine } from '../context.js';
import { checkReadableFile, readFailure } from '../file-access.js';
import { eventJson, type ReadCommandHooks, type ReadFormat as Format, type ReadIO, type ReadIntoHook } from './read.js';

/**
 * What `parley read` does once its options are parsed, apart from read.ts so the reader (its
 * language model and word lists, tens of MiB) loads only when a text is read, not with every command.
 */

/** Checks the inputs and the case, then reads one article or a file of many. */
export async function runRead(
  file: string | undefined,
  opts: ReadOptionsGiven,
  command: CommandLine,
  io: ReadIO,
  hooks: ReadCommandHooks,
): Promise<void> {
  const out: Output = {
    io,
    format: opts.format ?? (io.stdout.isTTY ? 'table' : 'jsonl'),
    colour: useColour(io.stdout),
    explain: opts.explain ? (t: SentenceTrace) => explainTo(io, t, opts.format ?? 'table') : undefined,
  };
  const into = opts.into !== undefined && hooks.into ? { name: opts.into, hook: hooks.into } : undefined;
  checkReadInputs(file, opts);
  // The case is checked before the input is read: a wrong case name should not cost a long read.
  if (into && hooks.checkCase) await hooks.checkCase(into.name, command);
  if (opts.docs !== undefined) checkReadableFile(opts.docs, 'the --docs file');
  if (file !== undefined && file !== '-') checkReadableFile(file, 'the article');
  if (opts.docs !== undefined) await readDocsCommand(opts.docs, opts, out, into, command);
  else await readArticleCommand(file, opts, out, into, command);
}

/** The inputs named must exist and agree with each other before anything is read. */
function checkReadInputs(file: string | undefined, opts: ReadOptionsGiven): void {
  if (opts.docs !== undefined && file !== undefined)
    throw new UsageError('give either an article FILE or --docs FILE.jsonl, not both');
  if (opts.docs !== undefined && opts.date !== undefined)
    throw new UsageError('--date is for one article; with --docs each line carries its own "date"');
  if (opts.date !== undefined && !isIsoDate(opts.date))
    throw new UsageError(`--date "${opts.date}" is not a calendar date in the form YYYY-MM-DD`);
  if (opts.docs !== undefined && !existsSync(opts.docs))
    throw new UsageError(`--docs file "${opts.docs}" does not exist`);
  if (file !== undefined && file !== '-' && !existsSync(file))
    throw new UsageError(`article file "${file}" does not exist`);
}

interface ReadOptionsGiven {
  date?: string;
  docs?: string;
  format?: Format;
  into?: string;
  explain?: boolean;
  publisher?: string;
  url?: string;
  title?: string;
}

interface Output {
  io: ReadIO;
  format: Format;
  colour: boolean;
  explain: ((t: SentenceTrace) => void) | undefined;
}

type Into = { name: string; hook: ReadIntoHook } | undefined;

/** One article, from a file or stdin, read as a stream: its events are printed as they are read. */
async function readArticleCommand(
  file: string | undefined,
  opts: ReadOptionsGiven,
  out: Output,
  into: Into,
  command: CommandLine,
): Promise<void> {
  const { io } = out;
  const input = await openArticleInput(file, io.stdin).catch((err: unknown) => {
    throw readFailure(file ?? '-', 'the article', err);
  });
  const header = parseArticleHeader(input.head);
  const body = input.head.slice(header.length);
  const dateline = parseDateline(cleanText(body.slice(0, 400)), loadLexicon(), opts.date ?? header.date);
  const date = opts.date ?? header.date ?? dateline?.date;
  if (date === undefined)
    throw new UsageError(
      dateline?.needsYear
        ? '--date YYYY-MM-DD is required: the dateline gives the day but not the year'
        : '--date YYYY-MM-DD is required to read one article (the date it was published), unless its header or dateline gives it',
    );
  const kept: ReadEvent[] = [];
  const readOpts = out.explain ? { date, explain: out.explain } : { date };
  const result = await readArticleStream(concat([body], input.rest), readOpts, async (events) => {
    if (into) kept.push(...events);
    if (!out.explain) await emit(events, out);
  });
  for (const w of result.warnings) io.stderr.write(`parley read: warning: ${w}\n`);
  if (!into) return;
  const source = articleSource(opts, header, result.dateline?.publisher, out.io);
  const article: ReadArticleRef = {
    name: file ?? '-',
    date: result.date,
    text: '',
    digest: input.digest(),
    ...source,
  };
  const added = await into.hook(into.name, kept, article, command);
  io.stderr.write(`parley read: ${added} event${added === 1 ? '' : 's'} added to ${into.name} as proposed\n`);
}

async function* concat(first: Iterable<string>, rest: AsyncIterable<string>): AsyncGenerator<string> {
  yield* first;
  yield* rest;
}

/** Who published the article, its link and title: the options first, then its header, then its dateline. */
function articleSource(
  opts: ReadOptionsGiven,
  header: { publisher?: string; url?: string; title?: string },
  agency: string | undefined,
  io: ReadIO,
): Pick<ReadArticleRef, 'publisher' | 'url' | 'title'> {
  const out: Pick<ReadArticleRef, 'publisher' | 'url' | 'title'> = {};
  const publisher = opts.publisher ?? header.publisher ?? agency;
  const url = opts.url ?? header.url;
  const title = opts.title ?? header.title;
  if (publisher) out.publisher = publisher;
  else
    io.stderr.write(
      'parley read: warning: the article names no publisher (give --publisher, a "Publisher:" header line or a dateline with the agency); its events are recorded as from an unknown publisher\n',
    );
  if (url) out.url = url;
  if (title) out.title = title;
  return out;
}

/** Many articles, one JSON object a line; a bad line is reported and the others are read. */
async function readDocsCommand(docs: string, opts: ReadOptionsGiven, out: Output, into: Into, command: CommandLine) {
  const { io } = out;
  const lines = linesOf(docs);
  let bad = 0;
  let good = 0;
  for await (const r of readDocuments(lines, out.explain ? { explain: out.explain } : {})) {
    if (isDocumentError(r)) {
      bad++;
      io.stderr.write(`parley read: ${docs}:${r.line}${r.id !== null ? ` (id ${r.id})` : ''}: ${r.error}; skipped\n`);
      continue;
    }
    good++;
    for (const w of r.warnings) io.stderr.write(`parley read: warning: ${w}\n`);
    if (!out.explain) await emit(r.events, out);
    if (into) {
      const source = articleSource({ ...opts, ...r.source }, {}, r.dateline?.publisher, io);
      await into.hook(into.name, r.events, { name: r.id, doc: r.id, date: r.date, text: '', ...source }, command);
    }
  }
  if (bad > 0) io.stderr.write(`parley read: ${bad} document${bad > 1 ? 's' : ''} could not be read\n`);
  if (bad > 0 && good === 0) throw new ParleyError(`no document of ${docs} could be read`);
}

/** The lines of a --docs file; a failure to read it names the file (a stream's errors name none). */
async function* linesOf(docs: string): AsyncGenerator<string> {
  const input = createReadStream(docs, { encoding: 'utf8' });
  try {
    yield* createInterface({ input, crlfDelay: Infinity });
  } catch (err) {
    throw readFailure(docs, 'the --docs file', err);
  }
}

/** One sentence's explanation: text for people, one JSON object a line otherwise. */
function explainTo(io: ReadIO, t: SentenceTrace, format: string): void {
  io.stdout.write(format === 'jsonl' ? `${JSON.stringify(t)}\n` : `${formatTrace(t)}\n\n`);
}

/**
 * Writes one document's events and waits for the pipe to drain, so that large outputs are not cut
 * short when the process exits and memory does not fill with pending writes in --docs mode.
 */
async function emit(events: ReadEvent[], out: Output): Promise<void> {
  const { format, colour, io } = out;
  if (events.length === 0) return;
  const text = format === 'jsonl' ? `${events.map(eventJson).join('\n')}\n` : `${formatEventTable(events, colour)}\n`;
  const ok = io.stdout.write(text);
  const stream = io.stdout as { write(s: string): unknown; once?: (event: 'drain', cb: () => void) => unknown };
  if (ok === false && typeof stream.once === 'function')
    await new Promise<void>((resolve) => stream.once!('drain', resolve));
}
