import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Acting } from '../../app/acting.js';
import type { Store } from '../../store/store.js';
import type { FrameCache } from '../frame-cache.js';
import type { ResponseCache } from '../response-cache.js';
import type { LedgerVersion } from '../ledger-version.js';
import type { ServerEnv } from '../server-env.js';

/** The error shape, for the OpenAPI document. */
export const errorSchema = z
  .object({
    status: z.number().int(),
    message: z.string(),
    field: z.string().optional(),
  })
  .openapi('Error');

const error = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } });

/** Responses of a JSON route: its answer, and the errors any route can give. */
export function jsonResponses(description: string, schema: z.ZodType = z.any()) {
  return {
    200: { description, content: { 'application/json': { schema } } },
    400: error('The request is malformed: the message says what, `field` says where.'),
    401: error('Not signed in, or the token is unknown, expired or revoked.'),
    403: error('The role does not allow this, or the CSRF header is missing.'),
    404: error('No such case, event or resource.'),
  } as const;
}

export const caseParam = z.object({
  caseId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .openapi({ param: { name: 'caseId', in: 'path' }, example: 'us-dprk-2018' }),
});

export const dateQuery = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date in the form YYYY-MM-DD' })
  .openapi({ example: '2018-10-07' });

/** What the routes are given: the store, and the live hub's hooks. */
export interface RouteDeps {
  store: Store;
  /** Called after a change made through the API, so its clients hear of it at once. */
  changed(): void;
  /** Import progress to the case's stream. */
  progress(caseId: string | null, data: unknown): void;
  dataDir: string;
  /** The ledger's version, and read answers kept until it moves (briefs, timelines, event pages). */
  version: LedgerVersion;
  responses: ResponseCache;
  /** Case frames kept until the ledger moves: shared, read-only. */
  frames: FrameCache;
}

export function acting(c: Context<ServerEnv>, store: Store, route: Acting['route'] = 'api'): Acting {
  return { store, user: c.get('user'), route };
}
