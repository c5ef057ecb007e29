import type { Command } from '@commander-js/extra-typings';
import { checkConditions, checkJson } from '../../brief/check-conditions.js';
import { gatedCountText } from '../../brief/build-brief.js';
import { readingWords } from '../../brief/reading.js';
import { DEFAULT_CASE } from '../../case/builtin-cases.js';
import { textStyle } from '../../brief/brief-style.js';
import { dbFlag, dbLocation, EXIT, withStore } from '../context.js';
import { useColour } from '../../util/colour.js';
import { escapeControls } from '../../util/escape-controls.js';
import { choiceOption, dateOption, examples, listOption } from '../options.js';

const CHECK_FORMATS = ['text', 'json'] as const;

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description(
      'evaluate the conditions of a case on a date; exit 0 when all are met, 1 when one is unmet or unknown, 2 on error',
    )
    .option('--case <id>', 'case to check', DEFAULT_CASE)
    .addOption(dateOption('--as-of <date>', "date to check on (default: the case's own, else today, as for brief)"))
    .option('--hindsight', 'use everything on record, not only what was known on that date')
    .addOption(dateOption('--known-by <date>', 'use what was known by this date (on or after --as-of)'))
    .addOption(listOption('--condition <ids...>', 'only these conditions'))
    .addOption(choiceOption('--format <format>', 'how to write the verdicts', CHECK_FORMATS).default('text'))
    .addHelpText(
      'after',
      examples(
        'parley check --as-of 2018-10-07',
        'parley check --condition pompeo-visit-precondition --format json || notify-team',
      ),
    )
    .action(async (opts, cmd) => {
      const { format, asOf, knownBy, condition: only } = opts;
      const checked = await withStore(
        dbLocation(dbFlag(cmd)),
        (store) =>
          checkConditions(store, opts.case, {
            ...(asOf ? { asOf } : {}),
            ...(knownBy ? { knownBy } : {}),
            ...(opts.hindsight ? { hindsight: true } : {}),
            ...(only ? { only } : {}),
          }),
        { access: 'read', builtinCase: opts.case },
      );
      const results = checked.conditions;
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify(checkJson(checked), null, 2)}\n`);
      } else {
        const s = textStyle(useColour(process.stdout));
        process.stdout.write(`${s.dim(`Conditions of ${opts.case} ${readingWords(checked.reading)}.`)}\n`);
        if (checked.recordNote) process.stdout.write(`${checked.recordNote}\n`);
        for (const r of results) {
          process.stdout.write(`${s.verdict(r.verdict)}  ${escapeControls(`${r.title} (${r.id})`)}\n`);
          for (const m of r.missing) process.stdout.write(`    missing: ${escapeControls(m)}\n`);
          // The brief's words: moves gated since the condition was stated, earlier ones apart.
          if (r.gatedMoves.length || r.movesBeforeStated.length) process.stdout.write(`    ${gatedCountText(r)}\n`);
        }
      }
      // A condition not yet stated on the date neither holds nor fails.
      process.exitCode = results.every((r) => r.verdict === 'met' || r.verdict === 'not-stated') ? EXIT.ok : EXIT.unmet;
    });
}
