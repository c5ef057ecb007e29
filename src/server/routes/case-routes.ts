import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { briefCase, type CaseBriefOptions } from '../../app/build-brief.js';
import { conditionTimelines } from '../../app/condition-timelines.js';
import { loadCase } from '../../app/load-case.js';
import { builtinCaseIds, ensureBuiltinCase } from '../../case/builtin-cases.js';
import { CASE_FILES } from '../../case/case-schema.js';
import { writeCaseFolder } from '../../case/write-case-folder.js';
import { expandInputs, isUnreadable } from '../../importers/open-input.js';
import { NotFoundError } from '../../model/errors.js';
import type { Store } from '../../store/store.js';
import { requireRole } from '../auth.js';
import { HttpError } from '../http-error.js';
import { LIMITS } from '../limits.js';
import type { ServerEnv } from '../server-env.js';
import { spoolUpload } from '../upload.js';
import { zipFiles } from '../zip-writer.js';
import { knowledgeOf, knowledgeQuery } from './knowledge-query.js';
import { acting, caseParam, dateQuery, jsonResponses, type RouteDeps } from './route-kit.js';

const dyad = z
  .string()
  .regex(/^[A-Z]{3,}:[A-Z]{3,}$/, { message: 'expected two CAMEO actor codes joined by a colon, such as USA:PRK' });

export const briefQuery = z.object({
  asOf: dateQuery.optional(),
  from: dateQuery.optional(),
  to: dateQuery.optional(),
  dyad: dyad.optional().openapi({ example: 'USA:PRK' }),
  recordedOn: dateQuery.optional().openapi({ description: 'the record as it stood at the end of this day (UTC)' }),
  ...knowledgeQuery,
});

/**
 * Built-in cases brought up to date by this process, per store. Their files ship with the
 * package and do not change while it runs, so they are hashed once, not on every request.
 */
const ensured = new WeakMap<Store, Set<string>>();

/** The brief's options from its query, as `parley brief` takes them from its flags. */
export function briefOptionsOf(caseId: string, q: z.infer<typeof briefQuery>): CaseBriefOptions {
  // With only `to` given, the brief is read on that day.
  const day = q.asOf ?? q.to;
  return {
    caseId,
    ...(day ? { asOf: day } : {}),
    ...(q.dyad ? { dyad: q.dyad.split(':') as [string, string] } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.recordedOn ? { recordedOn: q.recordedOn } : {}),
    ...knowledgeOf(q),
  };
}

export async function requireCase(store: Store, caseId: string): Promise<void> {
  const done = ensured.get(store) ?? ensured.set(store, new Set()).get(store)!;
  const earlier = done.has(caseId);
  if (!earlier) {
    await ensureBuiltinCase(store, caseId);
    done.add(caseId);
  }
  if (await store.cases.info(caseId)) return;
  done.delete(caseId);
  // A built-in case removed since it was loaded comes back, as it does on the first request.
  if (earlier) return requireCase(store, caseId);
  throw new NotFoundError(`no case "${caseId}" in the store; GET /api/cases lists them`);
}

export function registerCaseRoutes(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  listCasesRoute(app, deps);
  oneCaseRoute(app, deps);
  briefRoute(app, deps);
  timelineRoute(app, deps);
  loadCaseRoute(app, deps);
  exportCaseRoute(app, deps);
}

/** GET the cases in the store, and the built-in ones not loaded yet. */
function listCasesRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases',
      summary: 'The cases in the store',
      tags: ['cases'],
      responses: jsonResponses('Cases'),
    }),
    async (c) => {
      const cases = await store.cases.list();
      const builtin = builtinCaseIds().filter((id) => !cases.some((k) => k.id === id));
      return c.json({ cases, notLoaded: builtin }, 200);
    },
  );
}

/** GET one case: settings, parties, conditions and counts. */
function oneCaseRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{caseId}',
      summary: 'One case: its settings, parties, conditions, and counts of what it holds',
      tags: ['cases'],
      request: { params: caseParam },
      responses: jsonResponses('The case'),
    }),
    async (c) => {
      const { caseId } = c.req.valid('param');
      await requireCase(store, caseId);
      // The whole frame is read (a large case's sites and their statuses): kept until the ledger changes.
      return deps.responses.json(c, `case ${caseId}`, async () => {
        const frame = (await store.cases.readFrame(caseId))!;
        const counts = (await store.cases.list()).find((k) => k.id === caseId);
        const byStatus = await store.aggregates.countByStatus(caseId);
        return {
          ...frame.info,
          counts: { ...counts, byStatus },
          conditions: frame.conditions.map((k) => ({
            id: k.id,
            title: k.title,
            question: k.question ?? null,
            version: k.version,
          })),
          actors: frame.actors.map((a) => ({ id: a.id, name: a.name, kind: a.kind, code: a.code ?? null })),
        };
      }) as never;
    },
  );
}

/** GET the brief of a case, cached until the ledger changes. */
function briefRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store, responses } = deps;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{caseId}/brief',
      summary: 'The brief of a case on a date: the same JSON as `parley brief --format json` (docs/brief-json.md)',
      description:
        'Read as known on the date asked about unless `hindsight` or `knownBy` asks for later knowledge. Cached until the ledger changes. `recordedOn` rebuilds it from the record as it stood on that day.',
      tags: ['analyses'],
      request: { params: caseParam, query: briefQuery },
      responses: jsonResponses('The brief'),
    }),
    async (c) => {
      const { caseId } = c.req.valid('param');
      const q = c.req.valid('query');
      const options = briefOptionsOf(caseId, q);
      // Typed as the JSON answer the route declares; the cache holds it serialised.
      return responses.json(c, `brief ${JSON.stringify(options)}`, async () => {
        await requireCase(store, caseId);
        return briefCase(store, options);
      }) as never;
    },
  );
}

/** GET each condition's verdict over time. */
function timelineRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store, responses } = deps;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{caseId}/conditions/timeline',
      summary:
        "Each condition's verdict over time: met, unmet and unknown intervals with the cause of each change and the gated moves in each; each day read as known on that day unless `hindsight` or `knownBy` asks for later knowledge",
      description:
        'Worked out on each day in the span where something the condition reads changes (its moves, the sites it can read, their observations), so the work grows with the span: on a 1,000,000-event case, expect seconds for a year. Cached until the ledger changes.',
      tags: ['analyses'],
      request: {
        params: caseParam,
        query: z.object({
          from: dateQuery.optional(),
          to: dateQuery.optional(),
          condition: z.string().max(100).optional(),
          ...knowledgeQuery,
        }),
      },
      responses: jsonResponses('Timelines, one per condition'),
    }),
    async (c) => {
      const { caseId } = c.req.valid('param');
      const q = c.req.valid('query');
      return responses.json(c, `timeline ${caseId} ${JSON.stringify(q)}`, async () => {
        await requireCase(store, caseId);
        const { hindsight: _h, knownBy: _k, ...span } = q;
        const options = { ...span, ...knowledgeOf(q) };
        return { caseId, timelines: await conditionTimelines(store, caseId, options, await deps.frames.get(caseId)) };
      }) as never;
    },
  );
}

/** POST a case folder to load: a zip as the body, or a folder on the server. */
function loadCaseRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases',
      summary:
        'Load a case folder (analyst): a zip of the folder as the body, or JSON {"dir"} naming a folder on the server',
      tags: ['cases'],
      request: { query: z.object({ force: z.enum(['true', 'false']).optional() }) },
      responses: jsonResponses('What the load changed'),
    }),
    async (c) => {
      requireRole(c, 'analyst', 'loading a case');
      const force = c.req.valid('query').force === 'true';
      const type = c.req.header('content-type') ?? '';
      if (type.startsWith('application/json')) {
        const body = (await c.req.json().catch(() => null)) as { dir?: unknown } | null;
        if (!body || typeof body.dir !== 'string')
          throw new HttpError(400, 'expected JSON {"dir": "<folder on the server>"}', 'dir');
        const report = await loadCase(acting(c, store), body.dir, { force });
        deps.changed();
        return c.json(report, 200);
      }
      const upload = await spoolUpload(c, 'case.zip', LIMITS.uploadBytes);
      try {
        const dir = await unzipCase(upload.path);
        const report = await loadCase(acting(c, store), dir, { force });
        deps.changed();
        return c.json({ ...report, dir: 'upload' }, 200);
      } finally {
        upload.remove();
      }
    },
  );
}

/** GET a case as a zip of its folder. */
function exportCaseRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.get('/api/cases/:caseId/export', async (c) => {
    const caseId = c.req.param('caseId');
    await requireCase(store, caseId);
    const frame = (await store.cases.readFrame(caseId))!;
    const events = await store.events.find({ caseId });
    const dir = join(await import('node:os').then((os) => os.tmpdir()), `parley-export-${process.pid}-${Date.now()}`);
    try {
      const names = writeCaseFolder({ ...frame, events }, dir).map((p) => p.split('/').pop()!);
      const zip = zipFiles(names.map((name) => ({ name: `${caseId}/${name}`, data: readFileSync(join(dir, name)) })));
      c.header('Content-Type', 'application/zip');
      c.header('Content-Disposition', `attachment; filename="${caseId}.zip"`);
      return c.body(new Uint8Array(zip));
    } finally {
      (await import('node:fs')).rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** Unpacks the case files of an uploaded zip (in a folder or at its root) beside it. */
async function unzipCase(zipPath: string): Promise<string> {
  const dir = join(zipPath, '..', 'case');
  mkdirSync(dir, { recursive: true });
  let entries: Awaited<ReturnType<typeof expandInputs>>;
  try {
    entries = await expandInputs([zipPath]);
  } catch (err) {
    throw new HttpError(400, `the upload is not a zip of a case folder: ${(err as Error).message}`);
  }
  for (const e of entries) {
    if (isUnreadable(e)) throw new HttpError(400, `the upload is not a zip of a case folder: ${e.error.message}`);
    const base = e.name.split(/[:/]/).pop()!;
    if (!(base in CASE_FILES)) continue;
    const opened = e.open();
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of opened.stream) chunks.push(chunk);
    } finally {
      opened.close();
    }
    writeFileSync(join(dir, base), Buffer.concat(chunks));
  }
  if (!readdirSync(dir).includes('case.yaml')) throw new HttpError(400, 'the zip holds no case.yaml', 'case.yaml');
  return dir;
}
