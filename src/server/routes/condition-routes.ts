import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ConditionResult } from '../../analysis/conditions/condition-result.js';
import { evaluateCondition } from '../../analysis/conditions/evaluate-condition.js';
import { checkConditions } from '../../brief/check-conditions.js';
import { collectConditionLedger } from '../../brief/collect-condition-ledger.js';
import { chooseReading, type Reading } from '../../brief/reading.js';
import type { CaseFrame } from '../../store/case-repository.js';
import type { LedgerEvent } from '../../model/event.js';
import { NotFoundError } from '../../model/errors.js';
import { frameAsKnown } from '../../model/knowledge.js';
import type { Store } from '../../store/store.js';
import { requireRole } from '../auth.js';
import type { ServerEnv } from '../server-env.js';
import { requireCase } from './case-routes.js';
import { knowledgeOf, knowledgeQuery } from './knowledge-query.js';
import { caseParam, dateQuery, jsonResponses, type RouteDeps } from './route-kit.js';

async function frameOf(deps: RouteDeps, caseId: string): Promise<CaseFrame> {
  await requireCase(deps.store, caseId);
  return (await deps.frames.get(caseId))!;
}

/** The verdict change one review decision would make to each condition on a date, before it is made. */
async function previewDecision(
  store: Store,
  frame: CaseFrame,
  event: LedgerEvent,
  action: 'confirm' | 'reject',
  { asOf, knownBy }: Reading,
) {
  const changes = [];
  const view = frameAsKnown(frame, knownBy);
  for (const c of view.conditions) {
    const ledger = await collectConditionLedger(store, view, c, asOf, knownBy);
    const others = ledger.events.filter((e) => e.id !== event.id);
    // Conditions count confirmed moves only: confirming adds the move, rejecting takes it out.
    const after = action === 'confirm' ? [...others, { ...event, status: 'confirmed' as const }].sort(byDate) : others;
    const before = evaluateCondition(c, asOf, ledger);
    const next = evaluateCondition(c, asOf, { ...ledger, events: after });
    changes.push({
      conditionId: c.id,
      title: c.title,
      before: before.verdict,
      after: next.verdict,
      changed: before.verdict !== next.verdict,
      gatedBefore: before.gatedMoves.length,
      gatedAfter: next.gatedMoves.length,
      missingAfter: next.missing,
    });
  }
  return changes;
}

/** Moves listed per condition; a large ledger can gate thousands, and a page shows the latest. */
export const MOVES_SHOWN = 100;

/** A condition's gated moves (and those before it was stated) cut to the latest `MOVES_SHOWN`, with their totals. */
function capMoves(r: ConditionResult) {
  return {
    ...r,
    gatedMoves: r.gatedMoves.slice(-MOVES_SHOWN),
    gatedTotal: r.gatedMoves.length,
    movesBeforeStated: r.movesBeforeStated.slice(-MOVES_SHOWN),
    movesBeforeStatedTotal: r.movesBeforeStated.length,
  };
}

/** Past this many events a case is large: the dashboard does not ask for what takes minutes on it. */
export const LARGE_CASE_EVENTS = 100_000;

const byDate = (a: LedgerEvent, b: LedgerEvent) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1);

/**
 * What the dashboard's question view and review queue ask of conditions: every verdict on one
 * date (without the rest of the brief, so it stays quick on a large ledger), and what a review
 * decision would change before it is made.
 */
export function registerConditionRoutes(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  conditionsOnRoute(app, deps);
  outlineRoute(app, deps);
  previewRoute(app, deps);
}

/** GET every condition's verdict on one date, cached until the ledger changes. */
function conditionsOnRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store, responses } = deps;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{caseId}/conditions',
      summary: "Every condition's verdict on a date, with its evidence, what is missing and the gated moves",
      description:
        'Read as known on the date asked about unless `hindsight` or `knownBy` asks for later knowledge, as `parley check` reads it; `asKnownOn` says which (null: everything on record). Cached until the ledger changes.',
      tags: ['analyses'],
      request: { params: caseParam, query: z.object({ asOf: dateQuery.optional(), ...knowledgeQuery }) },
      responses: jsonResponses('The conditions on the date'),
    }),
    async (c) => {
      const { caseId } = c.req.valid('param');
      const q = c.req.valid('query');
      await requireCase(store, caseId);
      return responses.json(c, `conditions ${caseId} ${JSON.stringify(q)}`, async () => {
        const checked = await checkConditions(store, caseId, {
          ...(q.asOf ? { asOf: q.asOf } : {}),
          ...knowledgeOf(q),
        });
        const { asOf, knownBy } = checked.reading;
        return { caseId, asOf, asKnownOn: knownBy, conditions: checked.conditions.map(capMoves) };
      }) as never;
    },
  );
}

/** GET what the dashboard needs first: the case's settings and conditions, and whether it is large. */
function outlineRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{caseId}/outline',
      summary: 'A case without its counts, quick on any size: settings, conditions, and whether it is large',
      tags: ['cases'],
      request: { params: caseParam },
      responses: jsonResponses('The case outline'),
    }),
    async (c) => {
      const { caseId } = c.req.valid('param');
      await requireCase(store, caseId);
      // Every dashboard view asks for it first: kept until the ledger changes, like the analyses.
      return deps.responses.json(c, `outline ${caseId}`, async () => {
        // The case row and its conditions only: the facilities and agreements are not read.
        const { filesHash: _h, sourceDir: _d, loadedAt: _l, ...info } = (await store.cases.info(caseId))!;
        const conditions = await store.cases.conditions(caseId);
        // Counted on the index up to one past the threshold (milliseconds), never to the end.
        const { exact } = await store.events.countUpTo({ caseId }, LARGE_CASE_EVENTS);
        return {
          ...info,
          large: !exact,
          indicators: await store.cases.indicatorCount(caseId),
          conditions: conditions.map((k) => ({ id: k.id, title: k.title, question: k.question ?? null })),
        };
      }) as never;
    },
  );
}

/** GET what a review decision would change, before it is made. */
function previewRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{caseId}/events/{eventId}/review/preview',
      summary: 'The verdicts a confirm or a reject of this event would change on a date (analyst); writes nothing',
      tags: ['events'],
      request: {
        params: caseParam.extend({
          eventId: z
            .string()
            .min(1)
            .max(200)
            .openapi({ param: { name: 'eventId', in: 'path' } }),
        }),
        query: z.object({ action: z.enum(['confirm', 'reject']), asOf: dateQuery.optional(), ...knowledgeQuery }),
      },
      responses: jsonResponses('Each condition before and after the decision'),
    }),
    async (c) => {
      requireRole(c, 'analyst', 'previewing a review');
      const { caseId, eventId } = c.req.valid('param');
      const q = c.req.valid('query');
      const frame = await frameOf(deps, caseId);
      const [event] = await store.events.find({ caseId, ids: [eventId], withoutSources: true });
      if (!event) throw new NotFoundError(`no event "${eventId}" in case ${caseId}`);
      const reading = chooseReading(frame.info.settings, { ...(q.asOf ? { asOf: q.asOf } : {}), ...knowledgeOf(q) });
      const conditions = await previewDecision(store, frame, event, q.action, reading);
      return c.json(
        { caseId, eventId, action: q.action, asOf: reading.asOf, asKnownOn: reading.knownBy, conditions },
        200,
      );
    },
  );
}
