import type { Command } from '@commander-js/extra-typings';
import { briefCase } from '../../app/build-brief.js';
import { markdownStyle, textStyle } from '../../brief/brief-style.js';
import { renderBrief } from '../../brief/render-brief.js';
import { DEFAULT_CASE } from '../../case/builtin-cases.js';
import { dbFlag, dbLocation, useColour, withStore } from '../context.js';
import { choiceOption, dateOption, dyadOption, examples } from '../options.js';

export function registerBriefCommand(program: Command): void {
  program
    .command('brief')
    .description(
      'the state of a case on a date: the headline condition, other conditions, reciprocity, commitments, facilities and pace',
    )
    .option('--case <id>', 'case to brief', DEFAULT_CASE)
    .option('--as-of <date>', "date to read the case on (default: the case's own, else today)")
    .option('--format <format>', 'text, md or json', 'text')
    .option('--dyad <A:B>', 'read reciprocity and pace between these two parties (CAMEO codes), e.g. USA:PRK')
    .option('--from <date>', 'reciprocity window start')
    .option('--to <date>', 'reciprocity window end')
    .option(
      '--hindsight',
      'use everything on record, not only what was known on that date, and list what was not yet known',
    )
    .option(
      '--known-by <date>',
      'use what was known by this date (on or after --as-of), and list what was not yet known',
    )
    .option('--recorded-on <date>', "the team's record as it stood at the end of this day (UTC), not as it stands now")
    .addHelpText(
      'after',
      examples(
        'parley brief',
        'parley brief --as-of 2018-10-07 --format md',
        'parley brief --as-of 2019-03-01 --hindsight',
        'parley brief --dyad USA:PRK --from 2018-01-01 --to 2019-03-01 --format json',
        'parley brief --as-of 2018-10-07 --recorded-on 2026-01-06',
      ),
    )
    .action(async (opts, cmd) => {
      const format = choiceOption(opts.format, '--format', ['text', 'md', 'json'] as const, 'text');
      const asOf = dateOption(opts.asOf, '--as-of');
      const from = dateOption(opts.from, '--from');
      const to = dateOption(opts.to, '--to');
      const dyad = dyadOption(opts.dyad);
      const knownBy = dateOption(opts.knownBy, '--known-by');
      const recordedOn = dateOption(opts.recordedOn, '--recorded-on');
      const brief = await withStore(dbLocation(dbFlag(cmd)), async (store) => {
        // With only --to given, the brief is read on that day.
        const day = asOf ?? to;
        return briefCase(store, {
          ...(recordedOn ? { recordedOn } : {}),
          caseId: opts.case,
          ...(day ? { asOf: day } : {}),
          ...(dyad ? { dyad } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          ...(knownBy ? { knownBy } : {}),
          ...(opts.hindsight ? { hindsight: true } : {}),
        });
      });
      if (format === 'json') process.stdout.write(`${JSON.stringify(brief, null, 2)}\n`);
      else
        process.stdout.write(
          renderBrief(brief, format === 'md' ? markdownStyle : textStyle(useColour(process.stdout))),
        );
    });
}
