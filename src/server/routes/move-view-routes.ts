import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import type { DailyCount } from '../../store/event-repository.js';
import type { ServerEnv } from '../server-env.js';
import { requireCase } from './case-routes.js';
import { CSV_COLUMNS, csvRow, eventsQuery, toCsv, toQuery } from './event-routes.js';
import { caseParam, jsonResponses, type RouteDeps } from './route-kit.js';

/** Up to this many moves a chart gets each one; beyond it, counts by week or month. */
export const POINTS_LIMIT = 2000;
/** Rows read per step of an export, so a million-event export never holds the ledger in memory. */
const EXPORT_BATCH = 5000;

const filters = eventsQuery.omit({ page: true, pageSize: true, order: true, format: true });

/** Bins of `days` days from the first date: counts and Goldstein sums by direction and quad class. */
export function binCounts(rows: readonly DailyCount[], days: number) {
  const bins = new Map<
    string,
    { start: string; source: string; target: string; quadClass: number; count: number; goldstein: number }
  >();
  if (rows.length === 0) return [];
  const origin = Date.parse(`${rows[0]!.date}T00:00:00Z`);
  const span = days * 86_400_000;
  for (const r of rows) {
    const i = Math.floor((Date.parse(`${r.date}T00:00:00Z`) - origin) / span);
    const start = new Date(origin + i * span).toISOString().slice(0, 10);
    const key = `${start}|${r.source}|${r.target}|${r.quadClass}`;
    const bin = bins.get(key) ?? {
      start,
      source: r.source,
      target: r.target,
      quadClass: r.quadClass,
      count: 0,
      goldstein: 0,
    };
    bin.count += r.count;
    bin.goldstein += r.goldstein;
    bins.set(key, bin);
  }
  return [...bins.values()].map((b) => ({ ...b, goldstein: Math.round(b.goldstein * 10) / 10 }));
}

/** A bin width that keeps a chart of `spanDays` days at about 150 bins or fewer. */
export function binDaysFor(spanDays: number): number {
  if (spanDays <= 150) return 1;
  if (spanDays <= 1050) return 7;
  return 30;
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
      summary: `The filtered moves for a chart: each move while there are at most ${POINTS_LIMIT}, else counts per bin`,
      tags: ['events'],
      request: { params: caseParam, query: filters },
      responses: jsonResponses('Moves or bins, with the total'),
    }),
    async (c) => {
      const { caseId } = c.req.valid('param');
      await requireCase(store, caseId);
      const query = toQuery(caseId, { ...c.req.valid('query'), page: 1, pageSize: 1, order: 'asc', format: 'json' });
      const total = await store.events.count(query);
      if (total <= POINTS_LIMIT) {
        const events = await store.events.find({ ...query, bare: true });
        return c.json({ caseId, total, mode: 'moves', moves: events.map(compactMove) }, 200);
      }
      const daily = await store.events.dailyCounts(query);
      const first = daily[0]?.date ?? '';
      const last = daily.at(-1)?.date ?? first;
      const spanDays = first ? (Date.parse(last) - Date.parse(first)) / 86_400_000 + 1 : 0;
      const binDays = binDaysFor(spanDays);
      return c.json({ caseId, total, mode: 'bins', binDays, bins: binCounts(daily, binDays) }, 200);
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
        await out.write(csv ? toCsv(CSV_COLUMNS, []) : `{"caseId":${JSON.stringify(caseId)},"events":[`);
        for (let offset = 0, first = true; ; offset += EXPORT_BATCH) {
          const batch = await store.events.find({ ...query, limit: EXPORT_BATCH, offset });
          if (csv && batch.length) await out.write(toCsv(CSV_COLUMNS, batch.map(csvRow)).slice(csvHeaderLength));
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

/** The CSV header line, which each batch's rows are written without. */
const csvHeaderLength = toCsv(CSV_COLUMNS, []).length;

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
