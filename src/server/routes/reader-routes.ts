import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { isoDate } from '../../case/case-schema.js';
import { LimitError } from '../../model/errors.js';
import { requireRole } from '../auth.js';
import { HttpError } from '../http-error.js';
import { LIMITS } from '../limits.js';
import type { ServerEnv } from '../server-env.js';
import { acting, jsonResponses, type RouteDeps } from './route-kit.js';

const readBody = z
  .object({
    text: z
      .string()
      .min(1)
      .max(LIMITS.textChars, {
        message: `the text is longer than ${LIMITS.textChars.toLocaleString('en-US')} characters`,
      }),
    date: isoDate,
    name: z.string().max(200).optional(),
    publisher: z.string().min(1).max(200).optional(),
    url: z.string().max(2000).optional(),
    into: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .optional(),
  })
  .strict()
  .openapi('ReadRequest');

/** The reader: text (JSON, or a plain-text file as the body) to proposed events, optionally into a case's review queue. */
export function registerReaderRoutes(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/read',
      summary: 'Read news text into proposed events (analyst); with "into", put the moves in that case\'s review queue',
      description:
        'Send JSON {text, date, name?, into?}, or a text file as the body (text/plain) with ?date=&name=&into=.',
      tags: ['reader'],
      request: {
        body: { content: { 'application/json': { schema: readBody }, 'text/plain': { schema: z.string() } } },
      },
      responses: jsonResponses('The events read, every mode, and how many went into the case'),
    }),
    async (c) => {
      requireRole(c, 'analyst', 'running the reader');
      const type = c.req.header('content-type') ?? '';
      let input: z.infer<typeof readBody>;
      if (type.startsWith('application/json')) input = c.req.valid('json') as z.infer<typeof readBody>;
      else if (type.startsWith('text/plain')) {
        const text = await c.req.text();
        if (text.length > LIMITS.textChars)
          throw new LimitError(`the text is longer than ${LIMITS.textChars.toLocaleString('en-US')} characters`);
        const parsed = readBody.safeParse({ text, ...c.req.query() });
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          throw new HttpError(
            400,
            `${issue.path.join('.') || 'body'}: ${issue.message}`,
            String(issue.path[0] ?? 'body'),
          );
        }
        input = parsed.data;
      } else throw new HttpError(415, 'send JSON {"text","date"} or a text/plain body with ?date=YYYY-MM-DD');
      // The reader (its language model and word lists, tens of MiB) loads on the first text read, not with the server.
      const { readText } = await import('../../app/read-text.js');
      const r = await readText(acting(c, store, 'reader'), input);
      if (r.added) deps.changed();
      return c.json({ events: r.events, warnings: r.warnings, ...(r.added ? { added: r.added } : {}) }, 200);
    },
  );
}
