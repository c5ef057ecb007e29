import { type Command, Option } from '@commander-js/extra-typings';
import { type LikelyDuplicate, likelyDuplicates } from '../../app/likely-duplicates.js';
import { countImportedRows } from '../../app/imported-rows.js';
import { listProposals, type Proposal } from '../../app/list-proposals.js';
import { DEFAULT_CASE } from '../../case/builtin-cases.js';
import type { LedgerEvent } from '../../model/event.js';
import { escapeControls } from '../../util/escape-controls.js';
import { formatTable } from '../../util/format-table.js';
import { cliActing } from '../../app/acting.js';
import { type EventChanges, reviewEvent, reviewEvents } from '../../app/review-event.js';
import { dbFlag, dbLocation, withStore } from '../context.js';
import { describeSide, moveCells } from '../describe-side.js';
import { importedApart } from '../imported-rows-output.js';
import { dateOption, examples, listOption, parseEventCode } from '../options.js';

const COLUMNS = ['id', 'date', 'source', 'code', 'target', 'conf', 'likely duplicate of', 'in imports', 'quote'];

function row({ event: e, duplicates, importedLike }: Proposal): string[] {
  const first = duplicates[0];
  return [
    ...moveCells(e),
    e.confidence.toFixed(2),
    first ? `${first.id}${duplicates.length > 1 ? ` (+${duplicates.length - 1})` : ''}` : '',
    importedLike ? String(importedLike) : '',
    e.summary,
  ];
}

/** One line per move a proposal may repeat, for stderr after an edit or an `event add`. */
export function describeDuplicates(id: string, duplicates: readonly LikelyDuplicate[]): string {
  return duplicates
    .map(
      (d) => `parley: ${id} likely repeats ${d.id} (${d.status}, ${d.date}, ${d.code}): ${escapeControls(d.summary)}\n`,
    )
    .join('');
}

/** The review queue: the proposals, the moves each may repeat, and the imported rows each looks like. */
async function listQueue(location: string, caseId: string): Promise<void> {
  const [proposals, imported] = await withStore(
    location,
    async (store) => [await listProposals(store, caseId), await countImportedRows(store, { caseId })] as const,
    { access: 'read', builtinCase: caseId },
  );
  if (proposals.length === 0) {
    process.stdout.write(`nothing to review in ${caseId}\n`);
    process.stderr.write(importedApart(imported, caseFlag(caseId)));
    return;
  }
  process.stdout.write(
    formatTable(COLUMNS, proposals.map(row), {
      rule: true,
      // Ids are never cut: they are what confirm, reject and edit take.
      maxWidths: [undefined, 10, 28, 4, 28, 4, undefined, 10, 80],
    }),
  );
  const flagged = proposals.filter((p) => p.duplicates.length).length;
  process.stdout.write(
    `${proposals.length} proposed${flagged ? `, ${flagged} likely repeating a move already recorded` : ''}; ` +
      'correct with `parley review edit ID`, then `parley review confirm|reject ID...`\n',
  );
  const like = proposals.filter((p) => p.importedLike > 0).length;
  process.stderr.write(importedApart(imported, caseFlag(caseId), like));
}

/** ` --case ID` for a command suggested to the user, unless the case is the default one. */
function caseFlag(caseId: string): string {
  return caseId === DEFAULT_CASE ? '' : ` --case ${caseId}`;
}

function describeEdit(before: LedgerEvent, after: LedgerEvent): string {
  const fields: [string, string, string][] = [
    ['date', before.date, after.date],
    ['source', describeSide(before.sourceActor, before.sourceCode), describeSide(after.sourceActor, after.sourceCode)],
    ['code', before.code, after.code],
    [
      'target',
      describeSide(before.targetActor, before.targetCode) || '-',
      describeSide(after.targetActor, after.targetCode) || '-',
    ],
    ['facilities', before.facilities.join(',') || '-', after.facilities.join(',') || '-'],
  ];
  const changed = fields.filter(([, a, b]) => a !== b).map(([name, a, b]) => `${name} ${a} → ${b}`);
  return `edited ${after.id}: ${changed.length ? changed.join('; ') : 'nothing changed'} (still ${after.status})\n`;
}

export function registerReviewCommand(program: Command): void {
  const review = program
    .command('review')
    .description('list proposed events (read from text or typed with --proposed), correct them, confirm or reject them')
    .option('--case <id>', 'case to review', DEFAULT_CASE)
    .addHelpText(
      'after',
      examples(
        'parley review',
        'parley review edit 3f9c2a81d0e4-0-1 --date 2018-10-07 --source mike-pompeo --code 042',
        'parley review confirm 2018-10-07-usagov-042-prkgov',
        'parley review reject 2018-10-08-x',
      ),
    )
    .action(async (opts, cmd) => listQueue(dbLocation(dbFlag(cmd)), opts.case));
  const caseOf = () => review.opts().case;
  for (const decision of ['confirm', 'reject'] as const) addDecisionCommand(review, decision, caseOf);
  addEditCommand(review, caseOf);
}

/** `parley review confirm|reject IDS...` */
function addDecisionCommand(review: Command, decision: 'confirm' | 'reject', caseOf: () => string): void {
  review
    .command(decision)
    .description(`mark proposed events ${decision}ed`)
    .argument('<ids...>', 'event ids')
    .option('--reason <text>', 'why (kept in the audit trail and, for a rejection, in the event notes)')
    .action(async (ids, cmdOpts, cmd) => {
      const reason = cmdOpts.reason ?? 'rejected at the command line';
      const changed = await withStore(dbLocation(dbFlag(cmd)), (store) =>
        reviewEvents(
          cliActing(store),
          caseOf(),
          ids,
          decision === 'confirm' ? { action: 'confirm' } : { action: 'reject', reason },
        ),
      );
      process.stdout.write(`${changed} event${changed === 1 ? '' : 's'} ${decision}ed\n`);
    });
}

/** `parley review edit ID --date ... --code ...`: corrects an event, then names the moves it may repeat. */
function addEditCommand(review: Command, caseOf: () => string): void {
  review
    .command('edit')
    .description('correct an event, typically a proposal before confirming it: date, actors, code, target, facilities')
    .argument('<id>', 'the id `parley review` shows')
    .addOption(
      dateOption('--date <date>', 'the day of the move (a move spanning days then ends that day unless --end)'),
    )
    .addOption(dateOption('--end <date>', 'the last day, for a move that spans days'))
    .option('--source <actor>', "who acted: an actor id of the case (or a state's code)")
    .option('--target <actor>', 'whom it was aimed at')
    .option('--no-target', 'the move has no target')
    .addOption(new Option('--code <code>', 'CAMEO event code').argParser(parseEventCode('--code')))
    .addOption(listOption('--facility <ids...>', 'the facilities it concerns (replaces the list)'))
    .addHelpText('after', examples('parley review edit 3f9c2a81d0e4-0-1 --date 2018-10-07 --code 042 --target prk'))
    .action(async (id, opts, cmd) => {
      const changes: EventChanges = {
        ...(opts.date ? { date: opts.date, endDate: opts.end ?? null } : opts.end ? { endDate: opts.end } : {}),
        ...(opts.source ? { source: opts.source } : {}),
        ...(opts.target === false ? { target: null } : opts.target !== undefined ? { target: opts.target } : {}),
        ...(opts.code ? { code: opts.code } : {}),
        ...(opts.facility ? { facilities: opts.facility } : {}),
      };
      const { edited, duplicates } = await withStore(dbLocation(dbFlag(cmd)), async (store) => {
        const r = await reviewEvent(cliActing(store), caseOf(), id, { action: 'edit', changes });
        return { edited: r, duplicates: (await likelyDuplicates(store, [r.event])).get(id) ?? [] };
      });
      process.stdout.write(describeEdit(edited.before, edited.event));
      process.stderr.write(describeDuplicates(id, duplicates));
    });
}
