/**
 * A tiny `parley` with only the read command, for the reader's end-to-end tests (spawned with
 * `node --import tsx`). The real entry is src/cli/parley.ts.
 */
import { Command, CommanderError } from '@commander-js/extra-typings';
import { registerReadCommand } from '../cli/commands/read.js';
import { ParleyError } from '../model/errors.js';

const program = new Command().name('parley').exitOverride();
registerReadCommand(program);
// process.exitCode (not process.exit) so that piped stdout is flushed before the process ends.
program.parseAsync(process.argv).then(
  () => {
    process.exitCode = 0;
  },
  (err: unknown) => {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    process.stderr.write(`parley: ${err instanceof ParleyError ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
