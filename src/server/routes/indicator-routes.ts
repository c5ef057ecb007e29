import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { summarizeIndicators } from '../../analysis/indicator-summary.js';
import { todayIso } from '../../model/iso-date.js';
import type { ServerEnv } from '../server-env.js';
import { requireCase } from './case-routes.js';
import { caseParam, dateQuery, jsonResponses, type RouteDeps } from './route-kit.js';

const indicatorQuery = z.object({
  asOf: dateQuery.optional(),
  knownBy: dateQuery.optional(),
  hindsight: z.enum(['true', 'false']).optional(),
});

/**
 * A case's indicators on a date, for charts and briefs: each with its unit, facility and limit,
 * its measurements up to the date (as known on the date unless `knownBy` or `hindsight` says
 * otherwise), the latest figure and the trend. Each measurement carries `plot` (the numbers a
 * chart draws) and `withinLimit`, so a client needs no figure logic of its own.
 */
export function registerIndicatorRoutes(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{caseId}/indicators',
      summary: 'Indicators with their limits and dated measurements, as known on a date',
      tags: ['analyses'],
      request: { params: caseParam, query: indicatorQuery },
      responses: jsonResponses('Indicators'),
    }),
    async (c) => {
      const { caseId } = c.req.valid('param');
      await requireCase(store, caseId);
      const frame = (await store.cases.readFrame(caseId))!;
      const q = c.req.valid('query');
      const asOf = q.asOf ?? frame.info.settings.defaultAsOf ?? todayIso();
      const knownBy = q.hindsight === 'true' ? null : (q.knownBy ?? asOf);
      const indicators = summarizeIndicators(frame.indicators ?? [], asOf, knownBy);
      return c.json({ caseId, asOf, knownBy, indicators }, 200);
    },
  );
}
