import type { Command } from '@commander-js/extra-typings';
import { cliActing } from '../../app/acting.js';
import { recordMove } from '../../app/record-move.js';
import { DEFAULT_CASE } from '../../case/builtin-cases.js';
import type { Source } from '../../model/event.js';
import { VERIFICATIONS } from '../../model/event.js';
import { dbFlag, dbLocation, withStore } from '../context.js';
import { choiceOption, dateOption, examples, listOption, numberOption } from '../options.js';

export { TYPED_ORIGIN } from '../../app/record-move.js';

export function registerEventCommand(program: Command): void {
  const event = program.command('event').description('record moves by hand');
  event
    .command('add')
    .description("record a move with its source; actors are the case's actor ids (or a state's code)")
    .argument('<date>', 'day of the move, YYYY-MM-DD')
    .argument('<source>', 'actor id of who acted (mike-pompeo, prk)')
    .argument('<code>', 'CAMEO event code, e.g. 042')
    .argument('[target]', 'actor id of whom it was aimed at')
    .requiredOption('--summary <text>', 'what happened, in one line')
    .requiredOption('--publisher <name>', 'who reported it')
    .option('--link <url>', 'link or citation of the report')
    .option('--quote <text>', 'the words of the report')
    .option('--published <date>', 'date of the report')
    .option('--case <id>', 'case to add it to', DEFAULT_CASE)
    .option('--end <date>', 'last day, for a move that spans days')
    .option('--facility <ids...>', 'facilities the move concerns')
    .option('--verification <level>', `${VERIFICATIONS.join(', ')}`, 'claimed')
    .option('--confidence <0-1>', 'how sure the record is', '0.8')
    .option('--id <id>', 'an id of your own (default: from date, actors and code)')
    .option('--notes <text>', 'notes')
    .addHelpText(
      'after',
      examples(
        'parley event add 2018-10-07 mike-pompeo 042 prk --summary "Pompeo visits Pyongyang, meets Kim" --publisher Yonhap --link https://en.yna.co.kr/',
      ),
    )
    .action(async (date, source, code, target, opts, cmd) => {
      const day = dateOption(date, 'date')!;
      const verification = choiceOption(opts.verification, '--verification', VERIFICATIONS, 'claimed');
      const confidence = numberOption(opts.confidence, '--confidence', 0, 1)!;
      const src: Source = { publisher: opts.publisher };
      const published = dateOption(opts.published, '--published');
      if (published) src.date = published;
      if (opts.link) src.link = opts.link;
      if (opts.quote) src.quote = opts.quote;
      const end = dateOption(opts.end, '--end');
      const added = await withStore(dbLocation(dbFlag(cmd)), (store) =>
        recordMove(cliActing(store), {
          caseId: opts.case,
          date: day,
          source,
          code,
          summary: opts.summary,
          sources: [src],
          verification,
          confidence,
          ...(target ? { target } : {}),
          ...(end ? { endDate: end } : {}),
          ...(opts.id ? { id: opts.id } : {}),
          ...(opts.notes ? { notes: opts.notes } : {}),
          ...(listOption(opts.facility) ? { facilities: listOption(opts.facility)! } : {}),
        }),
      );
      process.stdout.write(
        `added ${added.id}: ${added.date} ${added.sourceCode} ${added.code} ${added.targetCode ?? '-'} (${added.status})\n`,
      );
    });
}
