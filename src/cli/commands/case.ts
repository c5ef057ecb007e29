import type { Command } from '@commander-js/extra-typings';
import { builtinCaseIds, DEFAULT_CASE, ensureBuiltinCase } from '../../case/builtin-cases.js';
import { cliActing } from '../../app/acting.js';
import { loadCase } from '../../app/load-case.js';
import { describeLoad } from '../../case/load-case.js';
import { describeCaseFolder, readCaseFolder } from '../../case/read-case-folder.js';
import { describeExport, exportCase } from '../../case/export-case.js';
import { writeNewCaseFolder } from '../../case/new-case-folder.js';
import { dbFlag, dbLocation, withStore } from '../context.js';
import { formatTable } from '../../util/format-table.js';
import { examples } from '../options.js';

export function registerCaseCommand(program: Command): void {
  const kase = program.command('case').description('load, export and list cases (folders of YAML files)');
  registerLoad(kase);
  registerCheck(kase);
  registerExport(kase);
  registerNew(kase);
  registerList(kase);
}

/** `parley case load DIR`: validates a case folder and loads it in one transaction. */
function registerLoad(kase: Command): void {
  kase
    .command('load')
    .description('validate a case folder and load it in one transaction; loading the same folder again changes nothing')
    .argument(
      '<dir>',
      'the case folder (case.yaml, actors.yaml, events.yaml, agreements.yaml, facilities.yaml, conditions.yaml)',
    )
    .option('--force', 'write even when the files are unchanged')
    .option(
      '--prune',
      'also remove the events the folder does not hold that were added by event add, read --into or changed by review (listed otherwise, and kept)',
    )
    .addHelpText(
      'after',
      examples(
        'parley case load cases/us-dprk-2018',
        'parley case load ~/cases/iran-jcpoa --db postgres://parley@localhost/parley',
        'parley case load my-case --prune',
      ),
    )
    .action(async (dir, opts, cmd) => {
      const report = await withStore(dbLocation(dbFlag(cmd)), (store) =>
        loadCase(cliActing(store), dir, { force: Boolean(opts.force), prune: Boolean(opts.prune) }),
      );
      process.stdout.write(`${describeLoad(report)}\n`);
    });
}

/** `parley case export ID --out DIR`: writes a case from the store back out as YAML files. */
function registerExport(kase: Command): void {
  kase
    .command('export')
    .description(
      'write a case from the store back out as a folder of YAML files, keeping the comments and layout of the files it came from',
    )
    .argument('[id]', 'case to export', DEFAULT_CASE)
    .requiredOption('--out <dir>', 'folder to write')
    .option('--force', 'write into a folder whose files differ from the case (other files there are left alone)')
    .addHelpText('after', examples('parley case export us-dprk-2018 --out ./my-case'))
    .action(async (id, opts, cmd) => {
      const report = await withStore(dbLocation(dbFlag(cmd)), async (store) => {
        await ensureBuiltinCase(store, id);
        return exportCase(store, id, opts.out, { force: Boolean(opts.force) });
      });
      process.stdout.write(`${describeExport(report, opts.out)}\n`);
    });
}

/** `parley case new DIR`: writes a case folder to start from. */
function registerNew(kase: Command): void {
  kase
    .command('new')
    .description('write a new case folder to start from: one entry of each kind, commented, that loads as it is')
    .argument('<dir>', 'the folder to write (new, or empty)')
    .option('--id <id>', 'the case id (default: my-case)')
    .addHelpText(
      'after',
      examples('parley case new talks --id talks', 'parley case load talks && parley brief --case talks'),
    )
    .action((dir, opts) => {
      const written = writeNewCaseFolder(dir, opts.id);
      process.stdout.write(
        `wrote ${written.length} files to ${dir}; edit them, then: parley case load ${dir} && parley brief --case ${opts.id ?? 'my-case'}\n`,
      );
    });
}

/** `parley case list`: the cases in the store and the built-in ones. */
function registerList(kase: Command): void {
  kase
    .command('list')
    .description('the cases in the store, and the built-in ones')
    .addHelpText('after', examples('parley case list'))
    .action(async (_opts, cmd) => {
      const cases = await withStore(dbLocation(dbFlag(cmd)), (store) => store.cases.list(), { access: 'read' });
      const rows = cases.map((c) => [
        c.id,
        c.title,
        String(c.events),
        String(c.actors),
        String(c.agreements),
        String(c.facilities),
        String(c.conditions),
        String(c.indicators),
        c.loadedAt.slice(0, 19),
      ]);
      for (const id of builtinCaseIds())
        if (!cases.some((c) => c.id === id))
          rows.push([id, '(built in, loads on first use)', '', '', '', '', '', '', '']);
      process.stdout.write(
        formatTable(
          ['id', 'title', 'events', 'actors', 'agreements', 'facilities', 'conditions', 'indicators', 'loaded'],
          rows,
          {
            rule: true,
            maxWidths: [24, 50],
          },
        ),
      );
    });
}

function registerCheck(kase: Command): void {
  kase
    .command('check')
    .description(
      'validate a case folder without loading it: every problem in every file, with file, line and field; exit 0 when it would load, 2 when not',
    )
    .argument('<dir>', 'the case folder')
    .addHelpText('after', examples('parley case check my-case'))
    .action((dir) => {
      process.stdout.write(`${describeCaseFolder(readCaseFolder(dir))}\n`);
    });
}
