import { type Command, Option } from '@commander-js/extra-typings';
import { cliActing } from '../../app/acting.js';
import { auditTrail } from '../../app/audit-trail.js';
import { AUDIT_KINDS } from '../../store/audit-repository.js';
import { dbFlag, dbLocation, withStore } from '../context.js';
import { formatTable } from '../../util/format-table.js';
import { choiceOption, dateOption, examples, parseNumber } from '../options.js';

function brief(value: unknown): string {
  if (value === null || value === undefined) return '';
  const v = value as { status?: string; code?: string; date?: string; role?: string; name?: string };
  if (v.status && v.code) return `${v.date} ${v.code} ${v.status}`;
  if (v.role) return `${v.name ?? ''} ${v.role}`.trim();
  const s = JSON.stringify(value);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description('the audit trail: who changed what, when, through which route (cli, api, reader, import)')
    .option('--case <id>', 'only changes to this case')
    .addOption(choiceOption('--kind <kind>', 'only this kind of change', AUDIT_KINDS))
    .option('--subject <id>', 'only changes to this event, account, ... id')
    .addOption(dateOption('--from <date>', 'changes on or after this day (UTC)'))
    .addOption(dateOption('--to <date>', 'changes on or before this day (UTC)'))
    .addOption(
      new Option('--limit <n>', 'the newest n changes')
        .argParser(parseNumber('--limit', 1, 100_000, { integer: true }))
        .default(50),
    )
    .addOption(choiceOption('--format <format>', 'how to write the trail', ['table', 'json'] as const).default('table'))
    .addHelpText(
      'after',
      examples(
        'parley audit',
        'parley audit --case us-dprk-2018 --kind event',
        'parley audit --subject ana --format json',
      ),
    )
    .action(async (opts, cmd) => {
      const { format, case: caseId, ...query } = opts;
      const entries = await withStore(
        dbLocation(dbFlag(cmd)),
        (store) => auditTrail(cliActing(store), { ...query, ...(caseId ? { caseId } : {}) }),
        { access: 'read' },
      );
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
        return;
      }
      if (entries.length === 0) {
        process.stdout.write('no changes recorded\n');
        return;
      }
      process.stdout.write(
        formatTable(
          ['when (UTC)', 'who', 'route', 'kind', 'action', 'case', 'subject', 'before', 'after', 'note'],
          entries.map((e) => [
            e.at.slice(0, 19).replace('T', ' '),
            e.actor,
            e.route,
            e.kind,
            e.action,
            e.caseId ?? '',
            e.subject,
            brief(e.before),
            brief(e.after),
            e.note ?? '',
          ]),
        ),
      );
    });
}
