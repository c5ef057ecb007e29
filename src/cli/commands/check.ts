import type { Command } from '@commander-js/extra-typings';
import { evaluateCondition } from '../../analysis/conditions/evaluate-condition.js';
import type { ConditionResult } from '../../analysis/conditions/condition-result.js';
import { attachEvidenceSources, collectConditionLedger } from '../../brief/collect-condition-ledger.js';
import { DEFAULT_CASE } from '../../case/builtin-cases.js';
import { NotFoundError } from '../../model/errors.js';
import { todayIso } from '../../model/iso-date.js';
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
    .addOption(dateOption('--as-of <date>', 'date to check on (default: today)'))
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
      const format = opts.format;
      const asOf = opts.asOf ?? todayIso();
      const only = opts.condition;
      const results = await withStore(
        dbLocation(dbFlag(cmd)),
        async (store) => {
          const frame = await store.cases.readFrame(opts.case);
          if (!frame)
            throw new NotFoundError(`no case "${opts.case}" in the store; load one with \`parley case load DIR\``);
          const conditions = only ? frame.conditions.filter((c) => only.includes(c.id)) : frame.conditions;
          for (const id of only ?? []) {
            if (!frame.conditions.some((c) => c.id === id)) {
              throw new NotFoundError(
                `case ${opts.case} has no condition "${id}"; it has ${frame.conditions.map((c) => c.id).join(', ')}`,
              );
            }
          }
          const out: ConditionResult[] = [];
          for (const c of conditions)
            out.push(evaluateCondition(c, asOf, await collectConditionLedger(store, frame, c, asOf)));
          await attachEvidenceSources(store, opts.case, out);
          return out;
        },
        { access: 'read', builtinCase: opts.case },
      );
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify({ asOf, case: opts.case, conditions: results }, null, 2)}\n`);
      } else {
        const s = textStyle(useColour(process.stdout));
        for (const r of results) {
          process.stdout.write(`${s.verdict(r.verdict)}  ${escapeControls(`${r.title} (${r.id})`)}\n`);
          for (const m of r.missing) process.stdout.write(`    missing: ${escapeControls(m)}\n`);
          if (r.gatedMoves.length)
            process.stdout.write(
              `    ${r.gatedMoves.length} gated move(s) made while not met, latest ${r.gatedMoves[r.gatedMoves.length - 1]!.date}\n`,
            );
        }
      }
      process.exitCode = results.every((r) => r.verdict === 'met') ? EXIT.ok : EXIT.unmet;
    });
}
