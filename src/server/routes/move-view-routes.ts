import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Store } from '../../store/store.js';
import { stream } from 'hono/streaming';
import type { ServerEnv } from '../server-env.js';
import { requireCase } from './case-routes.js';
import { EVENT_CSV_COLUMNS, eventCsvRows } from '../../app/event-csv.js';
import { formatCsv as toCsv } from '../../util/format-table.js';
import { eventsQuery, toQuery } from './event-routes.js';
import { caseParam, jsonResponses, type RouteDeps } from './route-kit.js';

/** Up to this many moves a chart gets each one; beyond it, counts by week or month. */
export const POINTS_LIMIT = 2000;
/** Rows read per step of an export, so a million-event export never holds the ledger in memory. */
const EXPORT_BATCH = 5000;

const filters = eventsQuery.omit({ page: true, pageSize: true, order: true, format: true });

/** Directions drawn as lanes of their own when the moves are counted; the rest share one. */
export const COUNTED_LANES = 6;

/** Counts by day for a span of up to this many days, else by month (at most a few thousand rows either way). */
export function periodFor(first: string, last: string): 'day' | 'month' {
  return (Date.parse(last) - Date.parse(first)) / 86_400_000 <= 400 ? 'day' : 'month';
}

/**
 * The timeline's chart data and its export. The chart gets the filtered moves one by one while
 * they are few, and counts per bin when they are many (a browser never receives a million
 * points); the export streams every filtered move as CSV or JSON, in batches.
 */
export function registerMoveViewRoutes(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{caseId}/timeline',
      summary: `The filtered moves for a chart: each move while there are at most ${POINTS_LIMIT}, else counts by day or month, by direction (the ${COUNTED_LANES} busiest; the rest as other) and quad class`,
      tags: ['events'],
      request: { params: caseParam, query: filters },
      responses: jsonResponses('Moves or bins, with the total'),
    }),
    async (c) => {
      const { caseId } = c.req.valid('param');
      const q = c.req.valid('query');
      // Counting a million moves by period takes seconds: kept until the ledger changes.
      return deps.responses.json(c, `moves ${caseId} ${JSON.stringify(q)}`, () => chartData(store, caseId, q)) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{caseId}/export/events',
      summary: 'Every filtered move (no paging) as CSV or JSON, for download',
      tags: ['events'],
      request: { params: caseParam, query: filters.extend({ format: eventsQuery.shape.format }) },
      responses: jsonResponses('The moves'),
    }),
    async (c) => {
      const { caseId } = c.req.valid('param');
      await requireCase(store, caseId);
      const q = c.req.valid('query');
      const query = toQuery(caseId, { ...q, page: 1, pageSize: 1, order: 'asc' });
      const csv = q.format === 'csv';
      c.header('Content-Type', csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${caseId}-moves.${csv ? 'csv' : 'json'}"`);
      return stream(c, async (out) => {
        await out.write(csv ? toCsv(EVENT_CSV_COLUMNS, []) : `{"caseId":${JSON.stringify(caseId)},"events":[`);
        for (let offset = 0, first = true; ; offset += EXPORT_BATCH) {
          const batch = await store.events.find({ ...query, limit: EXPORT_BATCH, offset });
          if (csv && batch.length)
            await out.write(toCsv(EVENT_CSV_COLUMNS, eventCsvRows(batch)).slice(csvHeaderLength));
          else if (batch.length) {
            await out.write(`${first ? '' : ','}${batch.map((e) => JSON.stringify(e)).join(',')}`);
            first = false;
          }
          if (batch.length < EXPORT_BATCH) break;
        }
        if (!csv) await out.write(']}\n');
      }) as never;
    },
  );
}

/** The moves one by one while they are few, else their counts by period, lane and quad class. */
async function chartData(store: Store, caseId: string, q: z.infer<typeof filters>) {
  await requireCase(store, caseId);
  const query = toQuery(caseId, { ...q, page: 1, pageSize: 1, order: 'asc', format: 'json' });
  // Counted on the index up to one past the limit: tells the two cases apart without reading a move.
  const { exact } = await store.events.countUpTo(query, POINTS_LIMIT);
  if (exact) {
    const events = await store.events.find({ ...query, bare: true });
    return { caseId, total: events.length, mode: 'moves', moves: events.map(compactMove) };
  }
  // The settings only: the case row, not its frame of facilities and agreements.
  const { settings } = (await store.cases.info(caseId))!;
  const first =
    query.from ?? settings.period?.from ?? (await store.events.find({ ...query, bare: true, limit: 1 }))[0]!.date;
  const last = query.to ?? settings.period?.to ?? settings.defaultAsOf ?? first;
  const period = periodFor(first, last);
  const lanes = await store.events.topDirections(query, COUNTED_LANES);
  const bins = await store.events.countsByPeriod(query, period, lanes);
  return { caseId, total: bins.reduce((n, b) => n + b.count, 0), mode: 'bins', period, bins };
}

/** The CSV header line, which each batch's rows are written without. */
const csvHeaderLength = toCsv(EVENT_CSV_COLUMNS, []).length;

function compactMove(e: {
  id: string;
  date: string;
  sourceCode: string;
  targetCode?: string;
  code: string;
  goldstein: number;
  quadClass: number;
  verification: string;
  status: string;
  provenance: string;
  summary: string;
}) {
  return {
    id: e.id,
    date: e.date,
    sourceCode: e.sourceCode,
    targetCode: e.targetCode ?? null,
    code: e.code,
    goldstein: e.goldstein,
    quadClass: e.quadClass,
    verification: e.verification,
    status: e.status,
    provenance: e.provenance,
    summary: e.summary,
  };
}
