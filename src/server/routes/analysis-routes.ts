import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { briefCase } from '../../app/build-brief.js';
import type { Brief } from '../../brief/brief.js';
import { facilityStatusOn } from '../../model/facility.js';
import { frameAsKnown } from '../../model/knowledge.js';
import { chooseReading } from '../../brief/reading.js';
import { checkConditions, checkJson } from '../../brief/check-conditions.js';
import { LedgerCache } from '../brief-cache.js';
import type { ServerEnv } from '../server-env.js';
import { knowledgeOf, knowledgeQuery } from './knowledge-query.js';
import { briefOptionsOf, briefQuery, requireCase } from './case-routes.js';
import { caseParam, dateQuery, jsonResponses, type RouteDeps } from './route-kit.js';

/** Parts of the brief on their own, the facilities with their dated record, and the check of the conditions. */
export function registerAnalysisRoutes(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  briefPartRoutes(app, deps);
  facilitiesRoute(app, deps);
  checkRoute(app, deps);
}

/**
 * Parts of the brief on their own: reciprocity (with its weekly series), the commitment
 * scorecard and pace, each for a date, a dyad and a window; and the facilities with their whole
 * dated record. They come from the same cached brief, so they agree with it.
 */
function briefPartRoutes(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  const briefs = new LedgerCache<Brief>(deps.version);
  const brief = async (caseId: string, q: z.infer<typeof briefQuery>): Promise<Brief> => {
    await requireCase(store, caseId);
    const options = briefOptionsOf(caseId, q);
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
}

/** GET the facilities of a case with their status on a date. */
function facilitiesRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{caseId}/facilities',
      summary:
        'Facilities with their status on a date, their dated statuses and every observation, as known on that date unless `hindsight` or `knownBy` asks for later knowledge',
      tags: ['analyses'],
      request: { params: caseParam, query: z.object({ asOf: dateQuery.optional(), ...knowledgeQuery }) },
      responses: jsonResponses('Facilities'),
    }),
    async (c) => {
      const { caseId } = c.req.valid('param');
      await requireCase(store, caseId);
      const q = c.req.valid('query');
      const frame = (await store.cases.readFrame(caseId))!;
      const reading = chooseReading(frame.info.settings, { ...(q.asOf ? { asOf: q.asOf } : {}), ...knowledgeOf(q) });
      const { asOf, knownBy } = reading;
      // As known on the date by default: statuses and observations published later are left out.
      const facilities = frameAsKnown(frame, knownBy).facilities.map((f) => {
        const now = facilityStatusOn(f, asOf);
        return { ...f, statusOn: now ? { date: now.date, status: now.status } : null };
      });
      return c.json({ caseId, asOf, asKnownOn: knownBy, facilities }, 200);
    },
  );
}

/** GET the verdicts of a case's conditions, as `parley check --format json` gives them. */
function checkRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{caseId}/check',
      summary:
        "A case's conditions on a date: the same JSON as `parley check --format json`, as known on that date unless `hindsight` or `knownBy` asks for later knowledge",
      tags: ['analyses'],
      request: {
        params: caseParam,
        query: z.object({
          asOf: dateQuery.optional(),
          condition: z.string().max(100).optional().openapi({ description: 'condition ids, comma-separated' }),
          ...knowledgeQuery,
        }),
      },
      responses: jsonResponses('The conditions and their verdicts'),
    }),
    async (c) => {
      const { caseId } = c.req.valid('param');
      const q = c.req.valid('query');
      await requireCase(store, caseId);
      const only = q.condition?.split(',').filter((id) => id.length > 0);
      const checked = await checkConditions(store, caseId, {
        ...(q.asOf ? { asOf: q.asOf } : {}),
        ...knowledgeOf(q),
        ...(only?.length ? { only } : {}),
      });
      return c.json(checkJson(checked), 200);
    },
  );
}
