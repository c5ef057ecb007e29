import { type Command, Option } from '@commander-js/extra-typings';
import { eventCsvRows } from '../../app/event-csv.js';
import { countImportedRows, listImportedRows } from '../../app/imported-rows.js';
import { type ListEventsInput, listEvents } from '../../app/list-events.js';
import { DEFAULT_CASE } from '../../case/builtin-cases.js';
import type { LedgerEvent } from '../../model/event.js';
import { REVIEW_STATUSES } from '../../model/event.js';
import { UsageError } from '../../model/errors.js';
import { formatCsv, formatTable } from '../../util/format-table.js';
import { dbFlag, dbLocation, withStore } from '../context.js';
import { moveCells } from '../describe-side.js';
import { IMPORTED_ROWS_SHOWN, importedNote, writeImportedRows } from '../imported-rows-output.js';
import {
  choiceOption,
  choicesOption,
  dateOption,
  examples,
  listOption,
  parseEventCode,
  parseList,
  parseNumber,
} from '../options.js';

const FORMATS = ['table', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];
/** The table shows who acted beside the code; CSV keeps codes alone (`--format json` has both). */
const COLUMNS = ['id', 'date', 'source', 'code', 'target', 'goldstein', 'status', 'verification', 'summary'] as const;

function tableRow(e: LedgerEvent): string[] {
  return [...moveCells(e), e.goldstein.toFixed(1), e.status, e.verification, e.summary];
}

export function registerEventsCommand(program: Command): void {
  program
    .command('events')
    .description('list the events of a case, filtered')
    .option('--case <id>', 'case to read', DEFAULT_CASE)
    .addOption(dateOption('--from <date>', 'first day'))
    .addOption(dateOption('--to <date>', 'last day'))
    .addOption(listOption('--actor <names...>', "either side: the case's actor ids (mike-pompeo, prk) or CAMEO codes"))
    .addOption(listOption('--source <names...>', 'who acted: actor ids or codes'))
    .addOption(listOption('--target <names...>', 'whom it was aimed at: actor ids or codes'))
    .addOption(
      new Option('--code <prefixes...>', 'CAMEO event codes or prefixes (04, 0355)').argParser(
        parseList(parseEventCode('--code')),
      ),
    )
    .addOption(choicesOption('--status <statuses...>', 'review status (default: all)', REVIEW_STATUSES))
    .addOption(
      new Option('--limit <n>', 'at most this many events').argParser(
        parseNumber('--limit', 1, 10_000_000, { integer: true }),
      ),
    )
    .addOption(choiceOption('--format <format>', 'how to write them', FORMATS).default('table'))
    .option(
      '--imported',
      "list the imported dataset rows between the case's two parties instead of its events " +
        `(the same filters; at most ${IMPORTED_ROWS_SHOWN.toLocaleString('en-US')} unless --limit)`,
    )
    .addHelpText(
      'after',
      examples(
        'parley events --actor PRK --code 08 03',
        'parley events --actor mike-pompeo --from 2018-03-01',
        'parley events --from 2018-06-01 --to 2018-06-30 --format csv > june.csv',
        'parley events --imported --from 2018-06-01 --to 2018-06-30',
      ),
    )
    .action(async (opts, cmd) => {
      const input: ListEventsInput = {
        caseId: opts.case,
        ...(opts.from ? { from: opts.from } : {}),
        ...(opts.to ? { to: opts.to } : {}),
        ...(opts.actor ? { actors: opts.actor } : {}),
        ...(opts.source ? { sources: opts.source } : {}),
        ...(opts.target ? { targets: opts.target } : {}),
        ...(opts.code ? { codes: opts.code } : {}),
        ...(opts.status ? { statuses: opts.status } : {}),
        ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
      };
      const location = dbLocation(dbFlag(cmd));
      if (opts.imported) await listImported(location, input, opts.format);
      else await listCaseEvents(location, input, opts.format);
    });
}

/** The case's own events; under them, how many imported rows of its dyad the same filters match. */
async function listCaseEvents(location: string, input: ListEventsInput, format: Format): Promise<void> {
  const [events, imported] = await withStore(
    location,
    async (store) =>
      [
        await listEvents(store, input),
        // Imported rows have no review status: beside a list filtered by one, a count of them would not compare.
        input.statuses?.length ? null : await countImportedRows(store, input),
      ] as const,
    { access: 'read', builtinCase: input.caseId },
  );
  if (format === 'json') process.stdout.write(`${JSON.stringify(events, null, 2)}\n`);
  else if (format === 'csv') process.stdout.write(formatCsv(COLUMNS, eventCsvRows(events, COLUMNS)));
  else {
    process.stdout.write(
      formatTable(COLUMNS, events.map(tableRow), {
        rule: true,
        // Ids are never cut: they are what `review`, `--id` and the case files use.
        maxWidths: [undefined, 10, 28, 4, 28, 6, 9, 9, 70],
      }),
    );
    process.stderr.write(`${events.length} event${events.length === 1 ? '' : 's'}\n`);
  }
  process.stderr.write(importedNote(imported));
}

/** `events --imported`: the dyad's imported rows alone. */
async function listImported(location: string, input: ListEventsInput, format: Format): Promise<void> {
  if (input.statuses?.length)
    throw new UsageError('--status is a review status of the case events; imported rows have none');
  const page = await withStore(
    location,
    (store) => listImportedRows(store, { ...input, limit: input.limit ?? IMPORTED_ROWS_SHOWN }),
    { access: 'read', builtinCase: input.caseId },
  );
  if (!page) throw new UsageError(`case ${input.caseId} names no two parties, so it has no imported rows to list`);
  writeImportedRows(page, format);
}
