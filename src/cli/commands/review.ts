import type { Command } from '@commander-js/extra-typings';
import { DEFAULT_CASE } from '../../case/builtin-cases.js';
import { cliActing } from '../../app/acting.js';
import { reviewEvents } from '../../app/review-event.js';
import { dbFlag, dbLocation, withStore } from '../context.js';
import { formatTable } from '../format-table.js';
import { examples } from '../options.js';

export function registerReviewCommand(program: Command): void {
  const review = program
    .command('review')
    .description('list proposed events (read from text or imported) and confirm or reject them')
    .option('--case <id>', 'case to review', DEFAULT_CASE)
    .addHelpText(
      'after',
      examples(
        'parley review',
        'parley review confirm 2018-10-07-usagov-042-prkgov',
        'parley review reject 2018-10-08-x',
      ),
    )
    .action(async (opts, cmd) => {
      const events = await withStore(dbLocation(dbFlag(cmd)), (store) =>
        store.events.find({ caseId: opts.case, statuses: ['proposed'] }),
      );
      if (events.length === 0) {
        process.stdout.write(`nothing to review in ${opts.case}\n`);
        return;
      }
      const rows = events.map((e) => [
        e.id,
        e.date,
        e.sourceCode,
        e.code,
        e.targetCode ?? '',
        e.confidence.toFixed(2),
        e.summary,
      ]);
      process.stdout.write(
        formatTable(['id', 'date', 'source', 'code', 'target', 'conf', 'quote'], rows, [44, 10, 12, 4, 12, 4, 80]),
      );
      process.stdout.write(
        `${events.length} proposed; confirm or reject with \`parley review confirm|reject ID...\`\n`,
      );
    });
  for (const [verb, status] of [
    ['confirm', 'confirmed'],
    ['reject', 'rejected'],
  ] as const) {
    review
      .command(verb)
      .description(`mark proposed events ${status}`)
      .argument('<ids...>', 'event ids')
      .option('--reason <text>', 'why (kept in the audit trail and the event notes)')
      .action(async (ids, cmdOpts, cmd) => {
        // --case belongs to `review` and is read from there, wherever it stands on the line.
        const opts = cmd.optsWithGlobals() as { case: string };
        const reason = (cmdOpts as { reason?: string }).reason ?? 'rejected at the command line';
        const changed = await withStore(dbLocation(dbFlag(cmd)), (store) =>
          reviewEvents(
            cliActing(store),
            opts.case,
            ids,
            verb === 'confirm' ? { action: 'confirm' } : { action: 'reject', reason },
          ),
        );
        process.stdout.write(`${changed} event${changed === 1 ? '' : 's'} ${status}\n`);
      });
  }
}
