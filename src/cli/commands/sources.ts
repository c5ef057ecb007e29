import type { Command } from '@commander-js/extra-typings';
import { cliActing } from '../../app/acting.js';
import { removeSource } from '../../app/import-files.js';
import { UsageError } from '../../model/errors.js';
import { type ImportedFile, ImportRepository } from '../../store/import-repository.js';
import { dbFlag, dbLocation, withStore } from '../context.js';
import { formatTable } from '../../util/format-table.js';
import { examples } from '../options.js';

export function registerSourcesCommand(program: Command): void {
  const sources = program
    .command('sources')
    .description('list imported files: id, name, format, rows, date range, when imported, status')
    .option('--case <id>', 'only the files imported into this case')
    .addHelpText('after', examples('parley sources', 'parley sources --case us-dprk-2018', 'parley sources remove 3'))
    .action(async (opts, cmd) => {
      const files = await withStore(
        dbLocation(dbFlag(cmd)),
        (store) => new ImportRepository(store.db, store.opened).list(opts.case),
        { access: 'read' },
      );
      if (files.length === 0) {
        process.stdout.write('no imported files; `parley import FILE` imports one\n');
        return;
      }
      process.stdout.write(
        `${formatTable(
          ['id', 'name', 'format', 'case', 'read', 'added', 'rejected', 'dates', 'imported at (UTC)', 'status'],
          files.map(sourceRow),
          { rule: true, maxWidths: [6, 40] },
        )}\n`,
      );
    });
  addRemoveCommand(sources);
}

/** One imported file as a row of `parley sources`: counts, dates, and whether it finished. */
function sourceRow(f: ImportedFile): string[] {
  return [
    String(f.id),
    f.name,
    f.format,
    f.caseId,
    f.progress.rowsRead.toLocaleString('en-US'),
    f.progress.rowsNew.toLocaleString('en-US'),
    f.progress.rowsRejected.toLocaleString('en-US'),
    f.progress.firstDate ? `${f.progress.firstDate} – ${f.progress.lastDate}` : '',
    f.importedAt.slice(0, 19).replace('T', ' '),
    f.status === 'complete'
      ? 'complete'
      : `interrupted at line ${f.progress.linesDone.toLocaleString('en-US')} (run the import again to finish)`,
  ];
}

function addRemoveCommand(sources: Command): void {
  sources
    .command('remove')
    .description(
      'take an imported file out of the store: its rows and their daily aggregates, except rows another file also brought',
    )
    .argument('<id>', 'the id `parley sources` shows', parseSourceId)
    .addHelpText('after', examples('parley sources remove 3'))
    .action(async (n, _opts, cmd) => {
      const removed = await withStore(dbLocation(dbFlag(cmd)), (store) => removeSource(cliActing(store), n));
      const stay =
        removed.kept > 0
          ? `; ${removed.kept.toLocaleString('en-US')} events it also held stay, held by other sources`
          : '';
      process.stdout.write(
        `removed source ${n} (${removed.file.name}): ${removed.rows.toLocaleString('en-US')} events and their daily aggregates${stay}\n`,
      );
    });
}

function parseSourceId(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`"${value}" is not a source id; \`parley sources\` lists them`);
  return n;
}
