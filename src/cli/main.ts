import { readFileSync } from 'node:fs';
import { Command, CommanderError } from '@commander-js/extra-typings';
import { describeProblem, ParleyError, ValidationError } from '../model/errors.js';
import { EXIT } from './context.js';
import { registerCommands } from './register-commands.js';

/** The version in package.json, one folder above `src/` and `dist/` alike. */
function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg ? String(pkg.version) : 'unknown';
}

function buildProgram(): Command {
  const program = new Command()
    .name('parley')
    .description('The record of a negotiation: moves, commitments, verification, reciprocity and conditions.')
    .version(packageVersion(), '-V, --version', 'print the version of Parley')
    .option(
      '--db <path|url>',
      'store to use: a SQLite file or a postgres:// URL (default: $PARLEY_DB or the data directory)',
    )
    .option('--verbose', 'print the cause of errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerCommands(program);
  return program;
}

/** Runs the CLI and returns the exit code: 0 fine, 1 unmet (check), 2 error. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit through here with code 0; usage errors were already printed.
      return err.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    const verbose = argv.includes('--verbose');
    process.stderr.write(`parley: ${describeError(err)}\n`);
    // The message holds the first problem; the others follow, one a line, so that none is said twice.
    if (err instanceof ValidationError && err.problems.length > 1) process.stderr.write(`${otherProblems(err)}\n`);
    if (verbose && err instanceof Error)
      process.stderr.write(
        `${err.stack ?? ''}\n${err.cause ? `cause: ${String((err.cause as Error).stack ?? err.cause)}\n` : ''}`,
      );
    return EXIT.error;
  }
}

function otherProblems(err: ValidationError): string {
  const lines = err.problems.slice(1).map(describeProblem);
  if (err.omitted > 0) lines.push(`… and ${err.omitted} more problem${err.omitted > 1 ? 's' : ''}`);
  return lines.join('\n');
}

function describeError(err: unknown): string {
  if (err instanceof ParleyError) return err.message;
  if (err instanceof Error) return `${err.message} (run with --verbose for details)`;
  return String(err);
}
