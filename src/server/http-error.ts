import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  AuthenticationError,
  ConflictError,
  LimitError,
  LockedError,
  NotFoundError,
  ParleyError,
  PermissionError,
  UsageError,
  ValidationError,
} from '../model/errors.js';
import { InvalidDateError } from '../model/iso-date.js';

/** The one shape every error answer has: the status, one sentence, and the field at fault when there is one. */
export interface ErrorBody {
  status: number;
  message: string;
  field?: string;
}

/** An error the server raises itself, with its status. */
export class HttpError extends ParleyError {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

function statusOf(err: unknown): ContentfulStatusCode {
  if (err instanceof HttpError) return err.status;
  if (err instanceof ValidationError || err instanceof UsageError || err instanceof InvalidDateError) return 400;
  if (err instanceof AuthenticationError) return 401;
  if (err instanceof PermissionError) return 403;
  if (err instanceof NotFoundError) return 404;
  if (err instanceof ConflictError) return 409;
  if (err instanceof LimitError) return 413;
  if (err instanceof LockedError) return 429;
  return 500;
}

/** One sentence: the first line of the message, ending with a full stop. */
function sentence(message: string): string {
  const first = message.split('\n')[0]!.trim();
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

export function errorBody(err: unknown): ErrorBody {
  const status = statusOf(err);
  if (status === 500)
    return { status, message: 'The server failed to answer this request; the failure is in its log.' };
  const body: ErrorBody = { status, message: sentence((err as Error).message) };
  const field = err instanceof HttpError ? err.field : err instanceof ValidationError ? err.location?.field : undefined;
  if (field) body.field = field;
  return body;
}

/** Answers an error in the stable shape; unexpected ones are logged (without request data) and say only that they failed. */
export function errorResponse(c: Context, err: unknown, log: (line: string) => void): Response {
  const body = errorBody(err);
  if (body.status === 500) log(`error ${c.req.method} ${c.req.path}: ${(err as Error)?.stack ?? String(err)}`);
  if (err instanceof LockedError) c.header('Retry-After', String(err.retryAfterSeconds));
  if (body.status === 401 && c.req.header('authorization')) c.header('WWW-Authenticate', 'Bearer');
  return c.json(body, body.status as ContentfulStatusCode);
}
