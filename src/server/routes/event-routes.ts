import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { countImportedRows, type ImportedRowsInput, importedLike } from '../../app/imported-rows.js';
import { EVENT_CSV_COLUMNS, eventCsvRows } from '../../app/event-csv.js';
import { recordMove } from '../../app/record-move.js';
import { reviewEvent } from '../../app/review-event.js';
import { isoDate, sourceSchema } from '../../case/case-schema.js';
import { NotFoundError } from '../../model/errors.js';
import { oneOf } from '../../model/one-of.js';
import { PROVENANCES, REVIEW_STATUSES, VERIFICATIONS } from '../../model/event.js';
import type { EventQuery } from '../../store/event-repository.js';
import type { Store } from '../../store/store.js';
import { formatCsv } from '../../util/format-table.js';
import { requireRole } from '../auth.js';
import { LIMITS } from '../limits.js';
import type { ServerEnv } from '../server-env.js';
import { acting, caseParam, dateQuery, jsonResponses, type RouteDeps } from './route-kit.js';
import { requireCase } from './case-routes.js';

const list = (pattern: RegExp, what: string) =>
  z
    .string()
    .max(500)
    .refine((v) => v.split(',').every((x) => pattern.test(x.trim())), { message: `expected ${what}, comma-separated` });
const actorCodes = list(/^(?:[A-Za-z]{3})+$/, 'CAMEO actor codes such as USA or PRKGOV');
const enumList = (values: readonly string[]) =>
  list(new RegExp(`^(${values.join('|')})$`), `some of ${values.join(', ')}`);

export const eventsQuery = z.object({
  from: dateQuery.optional(),
  to: dateQuery.optional(),
  actor: actorCodes.optional().openapi({ description: 'either side under one of these actor codes' }),
  source: actorCodes.optional(),
  target: actorCodes.optional(),
  code: list(/^\d{2,4}$/, 'CAMEO event codes or prefixes such as 04 or 0355').optional(),
  status: enumList(REVIEW_STATUSES).optional(),
  verification: enumList(VERIFICATIONS).optional(),
  provenance: enumList(PROVENANCES).optional(),
  q: z.string().max(200).optional().openapi({ description: 'words the summary contains' }),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(100),
  order: z.enum(['asc', 'desc']).default('asc'),
  format: z.enum(['json', 'csv']).default('json'),
});

const split = (v: string | undefined) =>
  v
    ?.split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export function toQuery(caseId: string, q: z.infer<typeof eventsQuery>): EventQuery {
  const query: EventQuery = { caseId, order: q.order };
  if (q.from) query.from = q.from;
  if (q.to) query.to = q.to;
  const upper = (v: string | undefined) => split(v)?.map((x) => x.toUpperCase());
  if (q.actor) query.eitherCodes = upper(q.actor)!;
  if (q.source) query.sourceCodes = upper(q.source)!;
  if (q.target) query.targetCodes = upper(q.target)!;
  if (q.code) query.codes = split(q.code)!;
  // The schema has checked each value against its list; the guards only narrow the type.
  if (q.status) query.statuses = split(q.status)!.filter(oneOf(REVIEW_STATUSES));
  if (q.verification) query.verifications = split(q.verification)!.filter(oneOf(VERIFICATIONS));
  if (q.provenance) query.provenances = split(q.provenance)!.filter(oneOf(PROVENANCES));
  if (q.q?.trim()) query.text = q.q.trim();
  return query;
}

/** The filters imported rows have too (dates, actor codes, event codes), as the app takes them. */
export function toImportedRowsInput(
  caseId: string,
  q: Pick<z.infer<typeof eventsQuery>, 'from' | 'to' | 'actor' | 'source' | 'target' | 'code'>,
): ImportedRowsInput {
  const input: ImportedRowsInput = { caseId };
  const upper = (v: string | undefined) => split(v)?.map((x) => x.toUpperCase());
  if (q.from) input.from = q.from;
  if (q.to) input.to = q.to;
  if (q.actor) input.actors = upper(q.actor)!;
  if (q.source) input.sources = upper(q.source)!;
  if (q.target) input.targets = upper(q.target)!;
  if (q.code) input.codes = split(q.code)!;
  return input;
}

const newEventBody = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .max(120)
      .optional(),
    date: isoDate,
    end: isoDate.optional(),
    source: z.string().min(1).max(120),
    target: z.string().min(1).max(120).optional(),
    code: z.string().regex(/^\d{2,4}$/, { message: 'expected a CAMEO event code of 2 to 4 digits, such as "042"' }),
    summary: z.string().min(1).max(2000),
    sources: z.array(sourceSchema).min(1, { message: 'every event needs at least one source' }).max(50),
    facilities: z.array(z.string().max(120)).max(200).optional(),
    verification: z.enum(VERIFICATIONS).optional(),
    confidence: z.number().min(0).max(1).optional(),
    status: z.enum(['confirmed', 'proposed']).optional(),
    notes: z.string().max(5000).optional(),
  })
  .strict()
  .openapi('NewEvent');

const reviewBody = z
  .object({
    action: z.enum(['confirm', 'reject', 'edit']),
    reason: z.string().max(2000).optional(),
    revision: z
      .number()
      .int()
      .min(1)
      .optional()
      .openapi({ description: 'the revision the reviewer saw; a change since is a 409' }),
    changes: newEventBody
      .partial()
      .omit({ id: true, status: true, end: true, target: true, notes: true })
      .extend({
        end: isoDate.nullable().optional(),
        target: z.string().min(1).max(120).nullable().optional(),
        notes: z.string().max(5000).nullable().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .openapi('Review');

const eventParams = caseParam.extend({
  eventId: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'eventId', in: 'path' } }),
});

export function registerEventRoutes(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  listEventsRoute(app, deps);
  oneEventRoute(app, deps);
  recordMoveRoute(app, deps);
  reviewEventRoute(app, deps);
}

/** GET the events of a case, filtered and paged, as JSON or CSV. */
function listEventsRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{caseId}/events',
      summary: 'Events of a case, filtered and paged, as JSON or CSV',
      tags: ['events'],
      request: { params: caseParam, query: eventsQuery },
      responses: jsonResponses(
        'A page of events, with the total that match: exact up to 10,000 (`totalExact`), a lower bound beyond. ' +
          "`imported` counts the imported dataset rows of the case's dyad with the same dates, actors and codes " +
          '(listed apart, by /imported-rows); proposed events carry `importedLike`, the rows that look like them.',
      ),
    }),
    async (c) => {
      const { caseId } = c.req.valid('param');
      const q = c.req.valid('query');
      // Typed as the JSON answer the route declares; the cache holds it serialised, and CSV is its other form.
      return deps.responses.respond(c, `events ${caseId} ${JSON.stringify(q)}`, async () => {
        await requireCase(store, caseId);
        return eventsPage(store, caseId, q);
      }) as never;
    },
  );
}

/** GET one event with its revision and history. */
function oneEventRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{caseId}/events/{eventId}',
      summary: 'One event with its revision and its earlier versions',
      tags: ['events'],
      request: { params: eventParams },
      responses: jsonResponses('The event'),
    }),
    async (c) => {
      const { caseId, eventId } = c.req.valid('param');
      const [event] = await store.events.find({ caseId, ids: [eventId] });
      if (!event) throw new NotFoundError(`no event "${eventId}" in case ${caseId}`);
      const revision = (await store.events.revisions(caseId, [eventId])).get(eventId)!;
      const history = await store.events.history.versionsOf(caseId, eventId);
      return c.json({ ...event, revision: revision.revision, recordedAt: revision.recordedAt, history }, 200);
    },
  );
}

/** POST a move typed by an analyst. */
function recordMoveRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{caseId}/events',
      summary: 'Record a move (analyst); checked as a case file is',
      tags: ['events'],
      request: {
        params: caseParam,
        body: { content: { 'application/json': { schema: newEventBody } }, required: true },
      },
      responses: { ...jsonResponses('The event recorded'), 201: { description: 'Recorded' } },
    }),
    async (c) => {
      requireRole(c, 'analyst', 'recording a move');
      const { caseId } = c.req.valid('param');
      const b = c.req.valid('json');
      const { event: e, duplicates } = await recordMove(acting(c, store), {
        caseId,
        date: b.date,
        source: b.source,
        code: b.code,
        summary: b.summary,
        sources: b.sources,
        ...(b.id ? { id: b.id } : {}),
        ...(b.end ? { endDate: b.end } : {}),
        ...(b.target ? { target: b.target } : {}),
        ...(b.facilities ? { facilities: b.facilities } : {}),
        ...(b.verification ? { verification: b.verification } : {}),
        ...(b.confidence !== undefined ? { confidence: b.confidence } : {}),
        ...(b.status ? { status: b.status } : {}),
        ...(b.notes ? { notes: b.notes } : {}),
      });
      deps.changed();
      return c.json({ ...e, revision: 1, likelyDuplicates: duplicates }, 201);
    },
  );
}

/** POST a review: confirm, reject with a reason, or edit. */
function reviewEventRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{caseId}/events/{eventId}/review',
      summary: 'Confirm, edit, or reject with a reason (analyst); a review of a stale copy is a 409',
      tags: ['events'],
      request: {
        params: eventParams,
        body: { content: { 'application/json': { schema: reviewBody } }, required: true },
      },
      responses: {
        ...jsonResponses('The event after the review'),
        409: { description: 'Someone changed it first: nothing was written' },
      },
    }),
    async (c) => {
      requireRole(c, 'analyst', 'reviewing events');
      const { caseId, eventId } = c.req.valid('param');
      const b = c.req.valid('json');
      const decision =
        b.action === 'confirm'
          ? ({ action: 'confirm' } as const)
          : b.action === 'reject'
            ? ({ action: 'reject', reason: b.reason ?? '' } as const)
            : ({ action: 'edit', changes: editChanges(b.changes ?? {}) } as const);
      const r = await reviewEvent(acting(c, store), caseId, eventId, decision, b.revision);
      deps.changed();
      return c.json({ ...r.event, revision: r.revision }, 200);
    },
  );
}

/**
 * Matches are counted exactly up to this many; beyond, the page says "at least" (`totalExact`
 * false), as search pages do: counting all of a million events would cost more than the page.
 */
const TOTAL_CAP = 10_000;

/** One page of events as the route answers it: JSON with the total that match, or CSV. */
async function eventsPage(
  store: Store,
  caseId: string,
  q: z.infer<typeof eventsQuery>,
): Promise<{ body: string; headers: Record<string, string> }> {
  const query = toQuery(caseId, q);
  const total = await store.events.countUpTo(query, TOTAL_CAP);
  const events = await store.events.find({
    ...query,
    dense: !total.exact,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  if (q.format === 'csv')
    return {
      body: formatCsv(EVENT_CSV_COLUMNS, eventCsvRows(events)),
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${caseId}-events.csv"`,
      },
    };
  const revisions = await store.events.revisions(
    caseId,
    events.map((e) => e.id),
  );
  // Imported rows have no review status, verification or words to search: those filters leave them as they are.
  const imported = await countImportedRows(store, toImportedRowsInput(caseId, q));
  const like = await importedLike(
    store,
    events.filter((e) => e.status === 'proposed'),
  );
  const page = {
    caseId,
    page: q.page,
    pageSize: q.pageSize,
    total: total.count,
    totalExact: total.exact,
    ...(imported ? { imported } : {}),
    events: events.map((e) => ({
      ...e,
      revision: revisions.get(e.id)?.revision ?? 1,
      ...(e.status === 'proposed' ? { importedLike: like.get(e.id) ?? 0 } : {}),
    })),
  };
  return { body: JSON.stringify(page), headers: { 'Content-Type': 'application/json; charset=UTF-8' } };
}

function editChanges(c: NonNullable<z.infer<typeof reviewBody>['changes']>) {
  const { end, verification, ...rest } = c;
  return {
    ...rest,
    ...(end !== undefined ? { endDate: end } : {}),
    ...(verification ? { verification } : {}),
  };
}
