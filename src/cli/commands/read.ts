import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { type Command, Option } from '@commander-js/extra-typings';
import { UsageError } from '../../model/errors.js';
import { isIsoDate } from '../../model/iso-date.js';
import { readArticle, type ReadEvent } from '../../reader/read-article.js';
import { isDocumentError, readDocuments } from '../../reader/read-documents.js';
import { formatEventTable } from '../../reader/format-event-table.js';
import { useColour } from '../../util/colour.js';
import type { CommandLine } from '../context.js';
import { isOneOf } from '../options.js';

/**
 * `parley read`: news text to proposed events, printed as JSON lines or a table. The ledger
 * (`--into CASE`) is added through `hooks.into`; see `ReadIntoHook` below.
 */

/** Where the command writes; tests pass their own. */
export interface ReadIO {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  stdin: NodeJS.ReadableStream;
}

/** What an article is, for the ledger's source record. */
export interface ReadArticleSource {
  /** The file read, '-' for stdin, or the document id with --docs. */
  name: string;
  date: string;
  text: string;
  doc?: string;
}

/**
 * The `--into CASE` hook: when `hooks.into` is given, `parley read` gets an
 * `--into <case>` option, and after each article is read the hook receives the events (all modes;
 * it keeps asserted and reported ones as proposed) and the article, and returns how many were added.
 */
export type ReadIntoHook = (
  caseName: string,
  events: ReadEvent[],
  article: ReadArticleSource,
  cmd: CommandLine,
) => Promise<number>;

export interface ReadCommandHooks {
  into?: ReadIntoHook;
  io?: Partial<ReadIO>;
}

const FORMATS = ['jsonl', 'table'] as const;
type Format = (typeof FORMATS)[number];

/** The JSON object printed for one event, with its keys in the documented order. */
function eventJson(e: ReadEvent): string {
  const o: Record<string, unknown> = {};
  if (e.doc !== undefined) o.doc = e.doc;
  o.sentence = e.sentence;
  o.date = e.date;
  o.source = e.source;
  o.target = e.target;
  o.code = e.code;
  o.mode = e.mode;
  o.quote = e.quote;
  o.span = e.span;
  o.confidence = e.confidence;
  o.rule = e.rule;
  return JSON.stringify(o);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  // Broken bytes become U+FFFD here; the reader's cleaning replaces them.
  return Buffer.concat(chunks).toString('utf8');
}

export function registerReadCommand(program: Command, hooks: ReadCommandHooks = {}): void {
  const io: ReadIO = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, ...hooks.io };
  const cmd = program
    .command('read')
    .description('read news text and propose coded events (who did what to whom, when, and whether it happened)')
    .argument('[file]', 'article as plain text; "-" or none for stdin')
    .option('--date <YYYY-MM-DD>', 'the article\'s date, used to resolve "on Sunday", "last week"')
    .option('--docs <file.jsonl>', 'read many articles, one {"id","date","text"} object a line')
    .addOption(
      new Option(
        '--format <format>',
        'jsonl (one JSON object per event) or table; default: table on a terminal, jsonl otherwise',
      )
        .choices(FORMATS)
        .argParser((value: string) => {
          if (!isOneOf(FORMATS, value)) throw new UsageError(`--format must be jsonl or table, not "${value}"`);
          return value;
        }),
    )
    .addHelpText(
      'after',
      `
Examples:
  parley read article.txt --date 2018-10-08 --format table
  cat article.txt | parley read --date 2018-10-08
  parley read --docs articles.jsonl --format jsonl > events.jsonl

Each event: {"doc","sentence","date","source","target","code","mode","quote","span","confidence","rule"}.
Modes: asserted, reported, intended, hypothetical, recommended, negated; only asserted and reported
events are moves. Warnings go to stderr.`,
    );
  if (hooks.into) cmd.option('--into <case>', 'add the asserted and reported events to the case ledger as proposed');

  cmd.action(async (file, options, command) => {
    const opts: typeof options & { into?: string } = options;
    const format: Format = opts.format ?? (io.stdout.isTTY ? 'table' : 'jsonl');
    const colour = useColour(io.stdout);
    const into = opts.into !== undefined && hooks.into ? { name: opts.into, hook: hooks.into } : undefined;
    if (opts.docs !== undefined) {
      if (file !== undefined) throw new UsageError('give either an article FILE or --docs FILE.jsonl, not both');
      if (opts.date !== undefined)
        throw new UsageError('--date is for one article; with --docs each line carries its own "date"');
      if (!existsSync(opts.docs)) throw new UsageError(`--docs file "${opts.docs}" does not exist`);
      const lines = createInterface({ input: createReadStream(opts.docs, { encoding: 'utf8' }), crlfDelay: Infinity });
      let bad = 0;
      for await (const r of readDocuments(lines)) {
        if (isDocumentError(r)) {
          bad++;
          io.stderr.write(
            `parley read: ${opts.docs}:${r.line}${r.id !== null ? ` (id ${r.id})` : ''}: ${r.error}; skipped\n`,
          );
          continue;
        }
        for (const w of r.warnings) io.stderr.write(`parley read: warning: ${w}\n`);
        await emit(r.events, format, colour, io);
        if (into)
          await into.hook(
            into.name,
            r.events,
            { name: r.id, doc: r.id, date: r.events[0]?.date ?? '', text: '' },
            command,
          );
      }
      if (bad > 0) io.stderr.write(`parley read: ${bad} document${bad > 1 ? 's' : ''} could not be read\n`);
      return;
    }
    if (opts.date === undefined)
      throw new UsageError('--date YYYY-MM-DD is required to read one article (the date it was published)');
    if (!isIsoDate(opts.date))
      throw new UsageError(`--date "${opts.date}" is not a calendar date in the form YYYY-MM-DD`);
    let text: string;
    if (file === undefined || file === '-') text = await readAll(io.stdin);
    else {
      if (!existsSync(file)) throw new UsageError(`article file "${file}" does not exist`);
      text = readFileSync(file).toString('utf8');
    }
    const { events, warnings } = readArticle(text, { date: opts.date });
    for (const w of warnings) io.stderr.write(`parley read: warning: ${w}\n`);
    await emit(events, format, colour, io);
    if (into) {
      const added = await into.hook(into.name, events, { name: file ?? '-', date: opts.date, text }, command);
      io.stderr.write(`parley read: ${added} event${added === 1 ? '' : 's'} added to ${into.name} as proposed\n`);
    }
  });
}

/**
 * Writes one document's events and waits for the pipe to drain, so that large outputs are not cut
 * short when the process exits and memory does not fill with pending writes in --docs mode.
 */
async function emit(events: ReadEvent[], format: Format, colour: boolean, io: ReadIO): Promise<void> {
  if (events.length === 0) return;
  const text = format === 'jsonl' ? `${events.map(eventJson).join('\n')}\n` : `${formatEventTable(events, colour)}\n`;
  const ok = io.stdout.write(text);
  const stream = io.stdout as { write(s: string): unknown; once?: (event: 'drain', cb: () => void) => unknown };
  if (ok === false && typeof stream.once === 'function')
    await new Promise<void>((resolve) => stream.once!('drain', resolve));
}
