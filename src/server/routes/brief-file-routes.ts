import { existsSync } from 'node:fs';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { BRIEF_FILE_FORMATS, type BriefFile } from '../../app/brief-file-format.js';
import { chromiumPath } from '../../brief/chromium.js';
import { HttpError } from '../http-error.js';
import type { ServerEnv } from '../server-env.js';
import { briefOptionsOf, briefQuery, requireCase } from './case-routes.js';
import { caseParam, jsonResponses, type RouteDeps } from './route-kit.js';

/** One brief file at a time: a PDF or a Word file starts a Chromium, which two cores cannot run many of. */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime(work: () => Promise<BriefFile>): Promise<BriefFile> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * The brief as a file to download, for the dashboard's buttons: HTML (self-contained, charts as
 * SVG), Word (charts as PNG) or PDF, for the same date, dyad, window and knowledge as the JSON brief.
 */
export function registerBriefFileRoutes(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{caseId}/brief/{format}',
      summary: 'The brief as an HTML, Word or PDF file with its charts, or as Markdown',
      description:
        'Takes the query of GET /api/cases/{caseId}/brief. PDF, and the charts in the Word file, are drawn by the Chromium installed on the server; without it a PDF is refused with 503.',
      tags: ['analyses'],
      request: {
        params: caseParam.extend({
          format: z.enum(BRIEF_FILE_FORMATS).openapi({ param: { name: 'format', in: 'path' } }),
        }),
        query: briefQuery,
      },
      responses: {
        ...jsonResponses('The brief file'),
        200: {
          description: 'The brief file, as an attachment',
          content: {
            'text/html': { schema: z.string() },
            'text/markdown': { schema: z.string() },
            'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
              schema: z.string().openapi({ format: 'binary' }),
            },
          },
        },
      },
    }),
    async (c) => {
      const { caseId, format } = c.req.valid('param');
      await requireCase(store, caseId);
      if (format === 'pdf' && !existsSync(chromiumPath()))
        throw new HttpError(503, `PDF briefs need Chromium, which is not installed at ${chromiumPath()} on the server`);
      // The renderers (Word, charts, the world outline) load on the first file asked for, not with the server.
      const { briefFile } = await import('../../app/brief-files.js');
      const file = await oneAtATime(() => briefFile(store, briefOptionsOf(caseId, c.req.valid('query')), format));
      c.header('Content-Type', file.contentType);
      c.header('Content-Disposition', `attachment; filename="${file.fileName}"`);
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200);
    },
  );
}
