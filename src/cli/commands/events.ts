import type { Command } from '@commander-js/extra-typings';
import { DEFAULT_CASE, ensureBuiltinCase } from '../../case/builtin-cases.js';
import type { LedgerEvent } from '../../model/event.js';
import { REVIEW_STATUSES } from '../../model/event.js';
import { UsageError } from '../../model/errors.js';
import type { EventQuery } from '../../store/event-repository.js';
import { dbFlag, dbLocation, withStore } from '../context.js';
import { formatCsv, formatTable } from '../format-table.js';
import {
  actorCodeListOption,
  choiceOption,
  codeListOption,
  dateOption,
  examples,
  listOption,
  numberOption,
} from '../options.js';

const COLUMNS = ['id', 'date', 'source', 'code', 'target', 'goldstein', 'status', 'verification', 'summary'];

function row(e: LedgerEvent): string[] {
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
    .option('--from <date>', 'first day')
    .option('--to <date>', 'last day')
    .option('--actor <codes...>', 'either side under one of these CAMEO actor codes (USA, PRKGOV)')
    .option('--source <codes...>', 'source side under one of these codes')
    .option('--target <codes...>', 'target side under one of these codes')
    .option('--code <prefixes...>', 'CAMEO event codes or prefixes (04, 0355)')
    .option('--status <statuses...>', `review status: ${REVIEW_STATUSES.join(', ')} (default: all)`)
    .option('--limit <n>', 'at most this many events')
    .option('--format <format>', 'table, csv or json', 'table')
    .addHelpText(
      'after',
      examples(
        'parley events --actor PRK --code 08 03',
        'parley events --from 2018-06-01 --to 2018-06-30 --format csv > june.csv',
      ),
    )
    .action(async (opts, cmd) => {
      const format = choiceOption(opts.format, '--format', ['table', 'csv', 'json'] as const, 'table');
      const statuses = listOption(opts.status)?.map((s) => choiceOption(s, '--status', REVIEW_STATUSES, 'confirmed'));
      const query: EventQuery = { caseId: opts.case };
      const from = dateOption(opts.from, '--from');
      const to = dateOption(opts.to, '--to');
      if (from) query.from = from;
      if (to) query.to = to;
      const either = actorCodeListOption(opts.actor, '--actor');
      const source = actorCodeListOption(opts.source, '--source');
      const target = actorCodeListOption(opts.target, '--target');
      const codes = codeListOption(opts.code, '--code');
      if (either) query.eitherCodes = either;
      if (source) query.sourceCodes = source;
      if (target) query.targetCodes = target;
      if (codes) query.codes = codes;
      if (statuses) query.statuses = statuses;
      const limit = numberOption(opts.limit, '--limit', 1, 10_000_000);
      if (limit !== undefined) query.limit = Math.floor(limit);
      const events = await withStore(dbLocation(dbFlag(cmd)), async (store) => {
        await ensureBuiltinCase(store, opts.case);
        if (!(await store.cases.info(opts.case)))
          throw new UsageError(`no case "${opts.case}" in the store; \`parley case list\` shows the cases`);
        return store.events.find(query);
      });
      if (format === 'json') process.stdout.write(`${JSON.stringify(events, null, 2)}\n`);
      else if (format === 'csv') process.stdout.write(formatCsv(COLUMNS, events.map(row)));
      else {
        process.stdout.write(formatTable(COLUMNS, events.map(row), [40, 10, 12, 4, 12, 6, 9, 9, 70]));
        process.stderr.write(`${events.length} event${events.length === 1 ? '' : 's'}\n`);
      }
    });
}
