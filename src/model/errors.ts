/**
 * Errors Parley raises on purpose. Each carries a message a person can act on; the CLI prints
 * `message` alone, and keeps `cause` for --verbose.
 */
export class ParleyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Where in a file a problem sits. Line and column are 1-based. */
export interface FileLocation {
  file: string;
  line?: number;
  column?: number;
  field?: string;
}

function formatLocation(loc: FileLocation): string {
  let where = loc.file;
  if (loc.line !== undefined) where += `:${loc.line}`;
  if (loc.column !== undefined) where += `:${loc.column}`;
  if (loc.field) where += ` (field ${loc.field})`;
  return where;
}

/** Bad input in a file or a command: says what and where. */
export class ValidationError extends ParleyError {
  readonly location: FileLocation | undefined;
  readonly problems: readonly ValidationProblem[];
  /** Problems found but not listed (a flood is cut to its first ones and counted). */
  readonly omitted: number;

  constructor(problems: ValidationProblem[], options?: { cause?: unknown; omitted?: number }) {
    const first = problems[0];
    const head = first ? describeProblem(first) : 'invalid input';
    const others = problems.length - 1 + (options?.omitted ?? 0);
    const more = others > 0 ? ` (and ${others} more problem${others > 1 ? 's' : ''})` : '';
    super(head + more, options);
    this.location = first?.location;
    this.problems = problems;
    this.omitted = options?.omitted ?? 0;
  }

  /** Every problem, one per line, for a person fixing a file. */
  describeAll(): string {
    const lines = this.problems.map(describeProblem);
    if (this.omitted > 0) lines.push(`… and ${this.omitted} more problem${this.omitted > 1 ? 's' : ''}`);
    return lines.join('\n');
  }
}

export interface ValidationProblem {
  location?: FileLocation;
  message: string;
}

export function describeProblem(p: ValidationProblem): string {
  return p.location ? `${formatLocation(p.location)}: ${p.message}` : p.message;
}

export class NotFoundError extends ParleyError {}

/** The store could not do what was asked (connection, migration, constraint). */
export class StoreError extends ParleyError {}

/** An option or argument given on the command line is wrong. */
export class UsageError extends ParleyError {}

/** A change made on a stale copy: someone else changed the same thing first. Nothing was written. */
export class ConflictError extends ParleyError {}

/** The acting user's role does not allow this. */
export class PermissionError extends ParleyError {}

/** Not signed in, or the credentials given are wrong, expired or revoked. */
export class AuthenticationError extends ParleyError {}

/** Too many failed sign-in attempts: the account or address is locked for a while. */
export class LockedError extends ParleyError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** A request over one of the server's limits (body, upload, text length, page size). */
export class LimitError extends ParleyError {}

/** A file or folder named on the command line cannot be read or written: the message names it and says why. */
export class FileAccessError extends ParleyError {}
