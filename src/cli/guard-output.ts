import { EXIT } from './context.js';

interface Stream {
  on(event: 'error', listener: (err: NodeJS.ErrnoException) => void): unknown;
  write(s: string): unknown;
}

interface Exits {
  exit(code: number): void;
  exitCode?: number | string | null | undefined;
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large',
  EIO: 'an input/output error',
  EBADF: 'the output is closed',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
};

/** One sentence for a failed write to the output, such as `check > /dev/full`. */
function describeWriteError(err: NodeJS.ErrnoException): string {
  const reason = (err.code && REASONS[err.code]) ?? err.message;
  return `could not write the output: ${reason}${err.code && REASONS[err.code] ? ` (${err.code})` : ''}`;
}

/**
 * Output that cannot be written ends the command cleanly. A reader that went away (`parley events
 * | head`) is the usual end of a pipe: the process stops quietly with the exit code it had. Any
 * other failure (a full disk) is said in one sentence on stderr and exits 2, never 1, which
 * `check` keeps for "unmet".
 */
export function guardOutput(stdout: Stream, stderr: Stream, proc: Exits = process): void {
  const codeSoFar = () => (typeof proc.exitCode === 'number' ? proc.exitCode : EXIT.ok);
  stdout.on('error', (err) => {
    if (err.code === 'EPIPE') return proc.exit(codeSoFar());
    try {
      stderr.write(`parley: ${describeWriteError(err)}\n`);
    } finally {
      proc.exit(EXIT.error);
    }
  });
  // Nothing can be said when stderr itself fails; a closed pipe keeps the code, anything else is an error.
  stderr.on('error', (err) => proc.exit(err.code === 'EPIPE' ? codeSoFar() : EXIT.error));
}
