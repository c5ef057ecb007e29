import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { briefCase } from '../../app/build-brief.js';
import type { Brief } from '../../brief/brief.js';
import { LedgerCache } from '../brief-cache.js';
import type { ServerEnv } from '../server-env.js';
import { briefQuery, requireCase } from './case-routes.js';
import { knowledgeOf } from './knowledge-query.js';
import { caseParam, jsonResponses, type RouteDeps } from './route-kit.js';

/**
 * Reciprocity with the dashboard's controls: the window (`from`, `to`), the dyad and `k`, the days
 * within which a concession counts as answered. The answer is the brief's reciprocity part with
 * its window, computed by the same code.
 */
export function registerReciprocityWindowRoutes(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  const briefs = new LedgerCache<Brief>(deps.version);
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{caseId}/reciprocity/window',
      summary: 'Reciprocity over a chosen window, with k: the days within which a concession counts as answered',
      tags: ['analyses'],
      request: {
        params: caseParam,
        query: briefQuery.extend({ k: z.coerce.number().int().min(1).max(365).optional() }),
      },
      responses: jsonResponses('Reciprocity, its window and its weekly series'),
    }),
    async (c) => {
      const { caseId } = c.req.valid('param');
      const q = c.req.valid('query');
      await requireCase(store, caseId);
      const day = q.asOf ?? q.to;
      const options = {
        caseId,
        ...(day ? { asOf: day } : {}),
        ...(q.dyad ? { dyad: q.dyad.split(':') as [string, string] } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        ...(q.k ? { answerWithinDays: q.k } : {}),
        ...knowledgeOf(q),
      };
      const b = (await briefs.get(JSON.stringify(options), () => briefCase(store, options))).value;
      return c.json(
        { caseId, asOf: b.asOf, asKnownOn: b.asKnownOn, window: b.reciprocityWindow, reciprocity: b.reciprocity },
        200,
      );
    },
  );
}
