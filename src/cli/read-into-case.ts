import { addReadEvents } from '../case/add-read-events.js';
import { ensureBuiltinCase } from '../case/builtin-cases.js';
import type { ReadIntoHook } from './commands/read.js';
import { dbFlag, dbLocation, withStore } from './context.js';

/** `parley read --into CASE`: the reader's events go into the case as proposed, once per article. */
export const readIntoCase: ReadIntoHook = async (caseId, events, article, cmd) =>
  withStore(dbLocation(dbFlag(cmd)), async (store) => {
    await ensureBuiltinCase(store, caseId);
    const r = await addReadEvents(store, caseId, events, article);
    if (r.alreadyRead)
      process.stderr.write(
        `parley read: ${article.doc ?? article.name} was read into ${caseId} before; nothing added\n`,
      );
    if (r.newActors.length) process.stderr.write(`parley read: added actors ${r.newActors.join(', ')} to ${caseId}\n`);
    return r.added;
  });
