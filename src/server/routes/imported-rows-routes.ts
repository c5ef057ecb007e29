import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { IMPORTED_ROW_CSV_COLUMNS, importedRowCsvRow } from '../../app/imported-row-csv.js';
import { listImportedRows } from '../../app/imported-rows.js';
import { UsageError } from '../../model/errors.js';
import { formatCsv } from '../../util/format-table.js';
import type { ServerEnv } from '../server-env.js';
import { caseParam, jsonResponses, type RouteDeps } from './route-kit.js';
import { requireCase } from './case-routes.js';
import { eventsQuery, toImportedRowsInput } from './event-routes.js';

/** The events route's filters that imported rows have too: no review status, verification or text. */
export const importedRowsQuery = eventsQuery.pick({
  from: true,
  to: true,
  actor: true,
  source: true,
  target: true,
  code: true,
  page: true,
  pageSize: true,
  format: true,
});

/**
 * GET the imported dataset rows of a case's dyad, paged: kept apart from the case's own events
 * (whose page says how many there are), as `parley events --imported` lists them.
 */
export function registerImportedRowsRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{caseId}/imported-rows',
      summary: "Imported dataset rows between the case's two parties, apart from its own events",
      tags: ['events'],
      request: { params: caseParam, query: importedRowsQuery },
      responses: jsonResponses('A page of imported rows, with how many match in all'),
    }),
    async (c) => {
      const { caseId } = c.req.valid('param');
      const q = c.req.valid('query');
      const answer = async (): Promise<{ body: string; headers: Record<string, string> }> => {
        await requireCase(store, caseId);
        const page = await listImportedRows(store, {
          ...toImportedRowsInput(caseId, q),
          limit: q.pageSize,
          offset: (q.page - 1) * q.pageSize,
        });
        if (!page) throw new UsageError(`case ${caseId} names no two parties, so it has no imported rows to list`);
        if (q.format === 'csv')
          return {
            body: formatCsv(IMPORTED_ROW_CSV_COLUMNS, page.rows.map(importedRowCsvRow)),
            headers: {
              'Content-Type': 'text/csv; charset=utf-8',
              'Content-Disposition': `attachment; filename="${caseId}-imported-rows.csv"`,
            },
          };
        const body = { caseId, page: q.page, pageSize: q.pageSize, ...page };
        return { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json; charset=UTF-8' } };
      };
      return deps.responses.respond(c, `imported-rows ${caseId} ${JSON.stringify(q)}`, answer) as never;
    },
  );
}
