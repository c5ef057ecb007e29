import type { Command } from '@commander-js/extra-typings';
import { checkConditions, checkJson } from '../../brief/check-conditions.js';
import { readingWords } from '../../brief/reading.js';
import { DEFAULT_CASE, ensureBuiltinCase } from '../../case/builtin-cases.js';
import { textStyle } from '../../brief/brief-style.js';
import { dbFlag, dbLocation, EXIT, useColour, withStore } from '../context.js';
import { choiceOption, dateOption, examples, listOption } from '../options.js';

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description(
      'evaluate the conditions of a case on a date; exit 0 when all are met, 1 when one is unmet or unknown, 2 on error',
    )
    .option('--case <id>', 'case to check', DEFAULT_CASE)
    .option('--as-of <date>', "date to check on (default: the case's own, else today, as for brief)")
    .option('--hindsight', 'use everything on record, not only what was known on that date')
    .option('--known-by <date>', 'use what was known by this date (on or after --as-of)')
    .option('--condition <ids...>', 'only these conditions')
    .option('--format <format>', 'text or json', 'text')
    .addHelpText(
      'after',
      examples(
        'parley check --as-of 2018-10-07',
        'parley check --condition pompeo-visit-precondition --format json || notify-team',
      ),
    )
    .action(async (opts, cmd) => {
      const format = choiceOption(opts.format, '--format', ['text', 'json'] as const, 'text');
      const asOf = dateOption(opts.asOf, '--as-of');
      const knownBy = dateOption(opts.knownBy, '--known-by');
      const only = listOption(opts.condition);
      const checked = await withStore(dbLocation(dbFlag(cmd)), async (store) => {
        await ensureBuiltinCase(store, opts.case);
        return checkConditions(store, opts.case, {
          ...(asOf ? { asOf } : {}),
          ...(knownBy ? { knownBy } : {}),
          ...(opts.hindsight ? { hindsight: true } : {}),
          ...(only ? { only } : {}),
        });
      });
      const results = checked.conditions;
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify(checkJson(checked), null, 2)}\n`);
      } else {
        const s = textStyle(useColour(process.stdout));
        process.stdout.write(`${s.dim(`Conditions of ${opts.case} ${readingWords(checked.reading)}.`)}\n`);
        if (checked.recordNote) process.stdout.write(`${checked.recordNote}\n`);
        for (const r of results) {
          process.stdout.write(`${s.verdict(r.verdict)}  ${r.title} (${r.id})\n`);
          for (const m of r.missing) process.stdout.write(`    missing: ${m}\n`);
          if (r.gatedMoves.length)
            process.stdout.write(
              `    ${r.gatedMoves.length} gated move(s) made while not met, latest ${r.gatedMoves[r.gatedMoves.length - 1]!.date}\n`,
            );
        }
      }
      // A condition not yet stated on the date neither holds nor fails.
      process.exitCode = results.every((r) => r.verdict === 'met' || r.verdict === 'not-stated') ? EXIT.ok : EXIT.unmet;
    });
}
