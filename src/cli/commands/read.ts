import { type Command, Option } from '@commander-js/extra-typings';
import { UsageError } from '../../model/errors.js';
import type { ReadEvent } from '../../reader/read-article.js';
import type { CommandLine } from '../context.js';
import type { ReadArticleRef } from '../../case/add-read-events.js';
import { isOneOf } from '../../model/one-of.js';

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

/**
 * The `--into CASE` hook: when `hooks.into` is given, `parley read` gets an `--into <case>` option,
 * checks the case with `hooks.checkCase` before reading, and after each article is read the hook
 * receives the events (all modes; it keeps asserted and reported ones as proposed) and the article,
 * and returns how many were added.
 */
export type ReadIntoHook = (
  caseName: string,
  events: ReadEvent[],
  article: ReadArticleRef,
  cmd: CommandLine,
) => Promise<number>;

export interface ReadCommandHooks {
  into?: ReadIntoHook;
  /** Throws when the case of `--into` cannot take events (no such case), before anything is read. */
  checkCase?: (caseName: string, cmd: CommandLine) => Promise<void>;
  io?: Partial<ReadIO>;
}

const FORMATS = ['jsonl', 'table'] as const;
export type ReadFormat = (typeof FORMATS)[number];

/** The JSON object printed for one event, with its keys in the documented order. */
export function eventJson(e: ReadEvent): string {
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

/** What `parley read --help` says after the options: examples, the article's header, the events' shape. */
const READ_HELP = `
Examples:
  parley read article.txt --date 2018-10-08 --format table
  cat article.txt | parley read --date 2018-10-08
  parley read --docs articles.jsonl --format jsonl > events.jsonl
  parley read article.txt --date 2018-10-08 --explain   # why each event was read, or not
  parley read article.txt --into us-dprk-2018 --publisher Yonhap --url https://en.yna.co.kr/...

An article may open with a header of "Title:", "URL:", "Publisher:" and "Date:" lines and a blank
line (or, in HTML, its <title> and Open Graph tags), and with a wire dateline ("SEOUL, Oct. 8
(Yonhap) --"): they give its date and its source.

Each event: {"doc","sentence","date","source","target","code","mode","quote","span","confidence","rule"}.
Modes: asserted, reported, intended, hypothetical, recommended, negated; only asserted and reported
events are moves. Warnings go to stderr.`;

export function registerReadCommand(program: Command, hooks: ReadCommandHooks = {}): void {
  const io: ReadIO = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, ...hooks.io };
  const cmd = program
    .command('read')
    .description('read news text and propose coded events (who did what to whom, when, and whether it happened)')
    .argument('[file]', 'article as plain text; "-" or none for stdin')
    .option(
      '--date <YYYY-MM-DD>',
      'the article\'s date, used to resolve "on Sunday", "last week" (else its header\'s or its dateline\'s)',
    )
    .option('--docs <file.jsonl>', 'read many articles, one {"id","date","text"} object a line')
    .option('--publisher <name>', "who published the article, for the events' source (else its header or dateline)")
    .option('--url <link>', "where the article is published, for the events' source")
    .option('--title <title>', "the article's title, for the events' source")
    .option(
      '--explain',
      'print, per sentence, the actors found, the rules that fired and why each event was kept or dropped',
    )
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
    .addHelpText('after', READ_HELP);
  if (hooks.into) cmd.option('--into <case>', 'add the asserted and reported events to the case ledger as proposed');
  cmd.action(async (file, options, command) => {
    const { runRead } = await import('./read-run.js');
    await runRead(file, options, command, io, hooks);
  });
}
