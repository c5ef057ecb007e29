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
  constructor(problems: ValidationProblem[], options?: { cause?: unknown }) {
    const first = problems[0];
    const head = first ? describeProblem(first) : 'invalid input';
    const more =
      problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    super(head + more, options);
    this.location = first?.location;
    this.problems = problems;
  }

  /** Every problem, one per line, for a person fixing a file. */
  describeAll(): string {
    return this.problems.map(describeProblem).join('\n');
  }
}

export interface ValidationProblem {
  location?: FileLocation;
  message: string;
}

function describeProblem(p: ValidationProblem): string {
  return p.location ? `${formatLocation(p.location)}: ${p.message}` : p.message;
}

export class NotFoundError extends ParleyError {}

/** The store could not do what was asked (connection, migration, constraint). */
export class StoreError extends ParleyError {}

/** An option or argument given on the command line is wrong. */
export class UsageError extends ParleyError {}
