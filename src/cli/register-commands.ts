import type { Command } from '@commander-js/extra-typings';
import { registerBriefCommand } from './commands/brief.js';
import { registerCaseCommand } from './commands/case.js';
import { registerCheckCommand } from './commands/check.js';
import { registerEventCommand } from './commands/event-add.js';
import { registerEventsCommand } from './commands/events.js';
import { registerImportCommand } from './commands/import.js';
import { registerReadCommand } from './commands/read.js';
import { registerReviewCommand } from './commands/review.js';
import { registerSourcesCommand } from './commands/sources.js';
import { checkReadCase, readIntoCase } from './read-into-case.js';
import { registerServeCommand } from './commands/serve.js';
import { registerUserCommand } from './commands/users.js';
import { registerTokenCommand } from './commands/tokens.js';
import { registerAuditCommand } from './commands/audit.js';

/** Every command, in the order `parley --help` lists them. */
export function registerCommands(program: Command): void {
  registerBriefCommand(program);
  registerCheckCommand(program);
  registerEventsCommand(program);
  registerEventCommand(program);
  registerCaseCommand(program);
  registerReadCommand(program, { into: readIntoCase, checkCase: checkReadCase });
  registerReviewCommand(program);
  registerImportCommand(program);
  registerSourcesCommand(program);
  registerServeCommand(program);
  registerUserCommand(program);
  registerTokenCommand(program);
  registerAuditCommand(program);
}
