import { cliActing } from '../app/acting.js';
import { ensureBuiltinCase } from '../case/builtin-cases.js';
import { NotFoundError } from '../model/errors.js';
import type { ReadIntoHook } from './commands/read.js';
import { type CommandLine, dbFlag, dbLocation, withStore } from './context.js';

/** `parley read --into CASE`: the reader's events go into the case as proposed, once per article. */
export const readIntoCase: ReadIntoHook = async (caseId, events, article, cmd) =>
  withStore(dbLocation(dbFlag(cmd)), async (store) => {
    // Dynamic: the reader's modules load only when text is read (see commands/read-run.ts).
    const { addToQueue } = await import('../app/read-text.js');
    const r = await addToQueue(cliActing(store), caseId, events, article);
    if (r.alreadyRead)
      process.stderr.write(
        `parley read: ${article.doc ?? article.name} was read into ${caseId} before; nothing added\n`,
      );
    if (r.newActors.length) process.stderr.write(`parley read: added actors ${r.newActors.join(', ')} to ${caseId}\n`);
    return r.added;
  });

/** Before `parley read --into CASE` reads anything: the case must be in the store (or built in). */
export async function checkReadCase(caseId: string, cmd: CommandLine): Promise<void> {
  await withStore(dbLocation(dbFlag(cmd)), async (store) => {
    await ensureBuiltinCase(store, caseId);
    if (!(await store.cases.info(caseId)))
      throw new NotFoundError(`no case "${caseId}" in the store; \`parley case list\` shows the cases`);
  });
}
