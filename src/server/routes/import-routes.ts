import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { importInputs, removeSource } from '../../app/import-files.js';
import { parseFilters } from '../../importers/filters.js';
import { IMPORT_FORMATS } from '../../importers/format-parser.js';
import { describeResult } from '../../importers/import-summary.js';
import { expandInputs } from '../../importers/open-input.js';
import { ImportRepository } from '../../store/import-repository.js';
import { requireRole } from '../auth.js';
import { HttpError } from '../http-error.js';
import { LIMITS } from '../limits.js';
import type { ServerEnv } from '../server-env.js';
import { spoolUpload } from '../upload.js';
import { acting, dateQuery, jsonResponses, type RouteDeps } from './route-kit.js';

const importQuery = z.object({
  name: z.string().min(1).max(200).openapi({
    description: 'the file name; its ending (.zip, .gz) says how it is packed',
    example: '20181007150000.export.CSV.zip',
  }),
  format: z.enum(IMPORT_FORMATS).optional(),
  case: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .optional(),
  actors: z.string().max(500).optional(),
  dyad: z.string().max(100).optional(),
  codes: z.string().max(500).optional(),
  from: dateQuery.optional(),
  to: dateQuery.optional(),
  strict: z.enum(['true', 'false']).optional(),
});

/** Imports: upload a file (progress on the case's live stream), list the sources, remove one. */
export function registerImportRoutes(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  importFileRoute(app, deps);
  listSourcesRoute(app, deps);
  removeSourceRoute(app, deps);
}

/** POST a data file to import; progress goes to the live stream. */
function importFileRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/imports',
      summary:
        'Import an event data file sent as the body (analyst): GDELT, ICEWS, POLECAT, Phoenix or CSV, plain, .gz or .zip',
      tags: ['imports'],
      request: { query: importQuery },
      responses: {
        ...jsonResponses('What each file of the upload gave'),
        413: { description: 'Larger than the upload limit' },
      },
    }),
    (c) => importUpload(c, deps),
  );
}

/** GET the imported files. */
function listSourcesRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/imports',
      summary: 'Imported files (sources): name, format, rows, dates, status',
      tags: ['imports'],
      request: { query: z.object({ case: z.string().max(100).optional() }) },
      responses: jsonResponses('Sources'),
    }),
    async (c) => {
      const files = await new ImportRepository(store.db, store.opened).list(c.req.valid('query').case);
      return c.json({ sources: files.map(({ path: _p, rejectsPath: _r, ...f }) => f) }, 200);
    },
  );
}

/** DELETE an imported file's rows. */
function removeSourceRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/imports/{id}',
      summary: "Remove an imported file's rows and aggregates (analyst)",
      tags: ['imports'],
      request: {
        params: z.object({
          id: z.coerce
            .number()
            .int()
            .min(1)
            .openapi({ param: { name: 'id', in: 'path' } }),
        }),
      },
      responses: jsonResponses('Removed'),
    }),
    async (c) => {
      requireRole(c, 'analyst', 'removing imported sources');
      const removed = await removeSource(acting(c, store), c.req.valid('param').id);
      deps.changed();
      return c.json({ removed: removed.file.id, name: removed.file.name, rows: removed.rows }, 200);
    },
  );
}

/** Spools the upload, imports each file it holds and reports what each gave. */
async function importUpload(
  c: Context<ServerEnv, string, { out: { query: z.infer<typeof importQuery> } }>,
  deps: RouteDeps,
) {
  const { store } = deps;
  requireRole(c, 'analyst', 'importing files');
  const q = c.req.valid('query');
  const filters = parseFilters({
    ...(q.actors ? { actors: q.actors } : {}),
    ...(q.dyad ? { dyad: q.dyad } : {}),
    ...(q.codes ? { codes: q.codes } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
  });
  const upload = await spoolUpload(c, q.name, LIMITS.uploadBytes);
  try {
    let inputs: Awaited<ReturnType<typeof expandInputs>>;
    try {
      inputs = await expandInputs([upload.path], { displayNames: new Map([[upload.path, q.name]]) });
    } catch (err) {
      throw new HttpError(400, `the upload cannot be read: ${(err as Error).message}`, 'name');
    }
    const caseId = q.case ?? null;
    let last = 0;
    const run = await importInputs(acting(c, store, 'import'), inputs, {
      ...(q.format ? { format: q.format } : {}),
      filters,
      ...(q.case ? { caseId: q.case } : {}),
      strict: q.strict === 'true',
      dataDir: deps.dataDir,
      rejectsPath: `${upload.path}.rejects.tsv`,
      onProgress: (p) => {
        const now = Date.now();
        if (now - last < 250) return;
        last = now;
        deps.progress(caseId, { ...p, state: 'importing' });
      },
      onFile: (r) => deps.progress(caseId, { name: r.name, state: 'done', outcome: r.outcome, ...r.progress }),
    });
    deps.changed();
    // An upload none of whose files could be imported (a damaged zip, a format that cannot be
    // told) is the client's error; one that is partly readable reports the rest beside it.
    if (run.results.length === 0 && run.failed[0]) throw new HttpError(400, run.failed[0].error.message, 'name');
    return c.json(
      {
        failed: run.failed.map((f) => ({ name: f.name, message: f.error.message })),
        files: run.results.map((r) => ({
          name: r.name,
          format: r.format,
          outcome: r.outcome,
          sourceId: r.fileId,
          caseId: r.caseId,
          progress: r.progress,
          rejectSamples: r.rejectSamples,
          summary: describeResult(r).replace(upload.path, q.name),
        })),
      },
      200,
    );
  } finally {
    upload.remove();
  }
}
