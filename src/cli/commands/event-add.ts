import type { Command } from '@commander-js/extra-typings';
import { DEFAULT_CASE, ensureBuiltinCase } from '../../case/builtin-cases.js';
import { newEvent } from '../../case/new-event.js';
import { NotFoundError } from '../../model/errors.js';
import type { Source } from '../../model/event.js';
import { VERIFICATIONS } from '../../model/event.js';
import { dbFlag, dbLocation, withStore } from '../context.js';
import { choiceOption, dateOption, examples, listOption, numberOption } from '../options.js';

/** Origin of events typed with `parley event add`: kept when the case's files are loaded again. */
export const TYPED_ORIGIN = 'typed';

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
      const added = await withStore(dbLocation(dbFlag(cmd)), async (store) => {
        await ensureBuiltinCase(store, opts.case);
        const frame = await store.cases.readFrame(opts.case);
        if (!frame)
          throw new NotFoundError(`no case "${opts.case}" in the store; \`parley case list\` shows the cases`);
        // The id is chosen inside the write transaction that inserts it, so that parallel
        // `event add` of the same day, actors and code each get their own.
        return store.transaction(async (tx) => {
          await tx.events.lockIdChoice(opts.case);
          // Generated ids start with the date; only those, and an id given with --id, can collide.
          const taken = await tx.events.idsStartingWith(opts.case, day);
          if (opts.id) for (const id of await tx.events.existingIds(opts.case, [opts.id])) taken.add(id);
          const e = newEvent(
            {
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
            },
            frame.actors,
            new Set(frame.facilities.map((f) => f.id)),
            taken,
          );
          await tx.events.insert([e], TYPED_ORIGIN);
          await tx.aggregates.refreshDays(opts.case, [e.date]);
          return e;
        });
      });
      process.stdout.write(
        `added ${added.id}: ${added.date} ${added.sourceCode} ${added.code} ${added.targetCode ?? '-'} (${added.status})\n`,
      );
    });
}
