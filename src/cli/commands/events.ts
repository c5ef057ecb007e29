import { type Command, Option } from '@commander-js/extra-typings';
import { listEvents } from '../../app/list-events.js';
import { DEFAULT_CASE } from '../../case/builtin-cases.js';
import type { LedgerEvent } from '../../model/event.js';
import { REVIEW_STATUSES } from '../../model/event.js';
import { formatCsv, formatTable } from '../../util/format-table.js';
import { dbFlag, dbLocation, withStore } from '../context.js';
import { describeSide } from '../describe-side.js';
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
/** The table shows who acted beside the code; CSV keeps codes alone (`--format json` has both). */
const COLUMNS = ['id', 'date', 'source', 'code', 'target', 'goldstein', 'status', 'verification', 'summary'];

function tableRow(e: LedgerEvent): string[] {
  return [
    e.id,
    e.date,
    describeSide(e.sourceActor, e.sourceCode),
    e.code,
    describeSide(e.targetActor, e.targetCode),
    e.goldstein.toFixed(1),
    e.status,
    e.verification,
    e.summary,
  ];
}

function csvRow(e: LedgerEvent): string[] {
  return [
    e.id,
    e.date,
    e.sourceCode,
    e.code,
    e.targetCode ?? '',
    e.goldstein.toFixed(1),
    e.status,
    e.verification,
    e.summary,
  ];
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
    .addHelpText(
      'after',
      examples(
        'parley events --actor PRK --code 08 03',
        'parley events --actor mike-pompeo --from 2018-03-01',
        'parley events --from 2018-06-01 --to 2018-06-30 --format csv > june.csv',
      ),
    )
    .action(async (opts, cmd) => {
      const events = await withStore(
        dbLocation(dbFlag(cmd)),
        (store) =>
          listEvents(store, {
            caseId: opts.case,
            ...(opts.from ? { from: opts.from } : {}),
            ...(opts.to ? { to: opts.to } : {}),
            ...(opts.actor ? { actors: opts.actor } : {}),
            ...(opts.source ? { sources: opts.source } : {}),
            ...(opts.target ? { targets: opts.target } : {}),
            ...(opts.code ? { codes: opts.code } : {}),
            ...(opts.status ? { statuses: opts.status } : {}),
            ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
          }),
        { access: 'read', builtinCase: opts.case },
      );
      if (opts.format === 'json') process.stdout.write(`${JSON.stringify(events, null, 2)}\n`);
      else if (opts.format === 'csv') process.stdout.write(formatCsv(COLUMNS, events.map(csvRow)));
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
    });
}
