import { type Command, Option } from '@commander-js/extra-typings';
import { cliActing } from '../../app/acting.js';
import { recordMove } from '../../app/record-move.js';
import { DEFAULT_CASE } from '../../case/builtin-cases.js';
import type { Source } from '../../model/event.js';
import { VERIFICATIONS } from '../../model/event.js';
import { dbFlag, dbLocation, withStore } from '../context.js';
import { choiceOption, dateOption, examples, listOption, parseDate, parseNumber } from '../options.js';
import { describeDuplicates } from './review.js';

export function registerEventCommand(program: Command): void {
  const event = program.command('event').description('record moves by hand');
  withAddArguments(event.command('add'))
    .addHelpText(
      'after',
      examples(
        'parley event add 2018-10-07 mike-pompeo 042 prk --summary "Pompeo visits Pyongyang, meets Kim" --publisher Yonhap --link https://en.yna.co.kr/',
        'parley event add 2018-10-08 prk 031 usa --summary "Talks on a second summit reported" --publisher KCNA --proposed',
      ),
    )
    .action((date, source, code, target, opts, cmd) =>
      addMove({ date, source, code, target }, opts, dbLocation(dbFlag(cmd))),
    );
}

function withAddArguments(add: Command) {
  return add
    .description("record a move with its source; actors are the case's actor ids (or a state's code)")
    .argument('<date>', 'day of the move, YYYY-MM-DD', parseDate('date'))
    .argument('<source>', 'actor id of who acted (mike-pompeo, prk)')
    .argument('<code>', 'CAMEO event code, e.g. 042')
    .argument('[target]', 'actor id of whom it was aimed at')
    .requiredOption('--summary <text>', 'what happened, in one line')
    .requiredOption('--publisher <name>', 'who reported it')
    .option('--link <url>', 'link or citation of the report')
    .option('--quote <text>', 'the words of the report')
    .addOption(dateOption('--published <date>', 'date of the report'))
    .option('--case <id>', 'case to add it to', DEFAULT_CASE)
    .addOption(dateOption('--end <date>', 'last day, for a move that spans days'))
    .addOption(listOption('--facility <ids...>', 'facilities the move concerns'))
    .addOption(choiceOption('--verification <level>', 'how the move is known', VERIFICATIONS).default('claimed'))
    .addOption(
      new Option('--confidence <0-1>', 'how sure the record is')
        .argParser(parseNumber('--confidence', 0, 1))
        .default(0.8),
    )
    .option('--id <id>', 'an id of your own (default: from date, actors and code)')
    .option('--notes <text>', 'notes')
    .option('--proposed', 'put the move in the review queue (`parley review`) instead of the ledger');
}

type AddOptions = ReturnType<ReturnType<typeof withAddArguments>['opts']>;

/** The move as typed on the command line: its day, who acted, the CAMEO code, and at whom. */
interface TypedMove {
  date: string;
  source: string;
  code: string;
  target: string | undefined;
}

/** Records the move (in the ledger, or proposed) and says what it may repeat. */
async function addMove({ date, source, code, target }: TypedMove, opts: AddOptions, location: string): Promise<void> {
  const src: Source = { publisher: opts.publisher };
  if (opts.published) src.date = opts.published;
  if (opts.link) src.link = opts.link;
  if (opts.quote) src.quote = opts.quote;
  const { event: added, duplicates } = await withStore(
    location,
    (store) =>
      recordMove(cliActing(store), {
        caseId: opts.case,
        date,
        source,
        code,
        summary: opts.summary,
        sources: [src],
        verification: opts.verification,
        confidence: opts.confidence,
        status: opts.proposed ? 'proposed' : 'confirmed',
        ...(target ? { target } : {}),
        ...(opts.end ? { endDate: opts.end } : {}),
        ...(opts.id ? { id: opts.id } : {}),
        ...(opts.notes ? { notes: opts.notes } : {}),
        ...(opts.facility ? { facilities: opts.facility } : {}),
      }),
    { builtinCase: opts.case },
  );
  process.stdout.write(
    `added ${added.id}: ${added.date} ${added.sourceCode} ${added.code} ${added.targetCode ?? '-'} (${added.status})\n`,
  );
  process.stderr.write(describeDuplicates(added.id, duplicates));
}
