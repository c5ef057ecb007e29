import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { briefCase } from '../../app/build-brief.js';
import type { Brief } from '../../brief/brief.js';
import { facilityStatusOn } from '../../model/facility.js';
import { todayIso } from '../../model/iso-date.js';
import { LedgerCache } from '../brief-cache.js';
import type { ServerEnv } from '../server-env.js';
import { briefQuery, requireCase } from './case-routes.js';
import { caseParam, dateQuery, jsonResponses, type RouteDeps } from './route-kit.js';

/**
 * Parts of the brief on their own: reciprocity (with its weekly series), the commitment
 * scorecard and pace, each for a date, a dyad and a window; and the facilities with their whole
 * dated record. They come from the same cached brief, so they agree with it.
 */
export function registerAnalysisRoutes(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  const briefs = new LedgerCache<Brief>(store);
  const brief = async (caseId: string, q: z.infer<typeof briefQuery>): Promise<Brief> => {
    await requireCase(store, caseId);
    const day = q.asOf ?? q.to;
    const options = {
      caseId,
      ...(day ? { asOf: day } : {}),
      ...(q.dyad ? { dyad: q.dyad.split(':') as [string, string] } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.recordedOn ? { recordedOn: q.recordedOn } : {}),
    };
    return (await briefs.get(JSON.stringify(options), () => briefCase(store, options))).value;
  };
  const part = (name: 'reciprocity' | 'scorecard' | 'pace', summary: string) =>
    app.openapi(
      createRoute({
        method: 'get',
        path: `/api/cases/{caseId}/${name}`,
        summary,
        tags: ['analyses'],
        request: { params: caseParam, query: briefQuery },
        responses: jsonResponses(summary),
      }),
      async (c) => {
        const { caseId } = c.req.valid('param');
        const b = await brief(caseId, c.req.valid('query'));
        return c.json({ caseId, asOf: b.asOf, [name]: b[name] }, 200);
      },
    );
  part('reciprocity', 'Reciprocity between two parties over a window, with the weekly series');
  part('scorecard', 'The commitment scorecard (Peace Accords Matrix 0–3) on a date');
  part('pace', 'Pace: the gaps between steps up to a date');

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{caseId}/facilities',
      summary: 'Facilities with their status on a date, their dated statuses and every observation',
      tags: ['analyses'],
      request: { params: caseParam, query: z.object({ asOf: dateQuery.optional() }) },
      responses: jsonResponses('Facilities'),
    }),
    async (c) => {
      const { caseId } = c.req.valid('param');
      await requireCase(store, caseId);
      const frame = (await store.cases.readFrame(caseId))!;
      const asOf = c.req.valid('query').asOf ?? frame.info.settings.defaultAsOf ?? todayIso();
      const facilities = frame.facilities.map((f) => {
        const now = facilityStatusOn(f, asOf);
        return { ...f, statusOn: now ? { date: now.date, status: now.status } : null };
      });
      return c.json({ caseId, asOf, facilities }, 200);
    },
  );
}
