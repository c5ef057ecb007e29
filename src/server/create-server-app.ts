import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Store } from '../store/store.js';
import { authenticate, escapeHtml } from './auth.js';
import { errorResponse, HttpError } from './http-error.js';
import { LIMITS } from './limits.js';
import type { LiveHub } from './live-hub.js';
import { referencePage } from './reference-page.js';
import { registerAdminRoutes } from './routes/admin-routes.js';
import { registerAnalysisRoutes } from './routes/analysis-routes.js';
import { registerBriefFileRoutes } from './routes/brief-file-routes.js';
import { registerCaseRoutes } from './routes/case-routes.js';
import { registerEventRoutes } from './routes/event-routes.js';
import { registerImportRoutes } from './routes/import-routes.js';
import { registerReaderRoutes } from './routes/reader-routes.js';
import type { RouteDeps } from './routes/route-kit.js';
import { registerSessionRoutes } from './routes/session-routes.js';
import { registerStreamRoutes } from './routes/stream-routes.js';
import type { ServerEnv } from './server-env.js';
import { VerdictWatch } from './verdict-watch.js';

export interface ServerAppOptions {
  store: Store;
  hub: LiveHub;
  dataDir: string;
  /** One line per request and per failure; never a query string, a body, a cookie or a header. */
  log?: (line: string) => void;
  version?: string;
}

/** Routes that read their body as a stream, with the upload limit instead of the JSON one. */
function isUpload(method: string, path: string): boolean {
  return method === 'POST' && (path === '/api/imports' || path === '/api/cases');
}

/** The whole HTTP application: middleware, every route, the OpenAPI document and its reference page. */
export function createServerApp(options: ServerAppOptions): OpenAPIHono<ServerEnv> {
  const { store, hub } = options;
  const log = options.log ?? (() => undefined);
  const app = new OpenAPIHono<ServerEnv>({
    // A request that fails validation: 400 with the first problem and the field it is in.
    defaultHook: (result) => {
      if (result.success) return;
      const issue = result.error.issues[0]!;
      const field = issue.path.map(String).join('.');
      throw new HttpError(400, field ? `${field}: ${issue.message}` : issue.message, field || undefined);
    },
  });
  app.onError((err, c) => {
    if (err instanceof HTTPException && !(err.cause instanceof Error && err.status >= 500)) {
      const message = err.status === 400 && /JSON/i.test(err.message) ? 'the body is not valid JSON' : err.message;
      return errorResponse(c, new HttpError(err.status as ContentfulStatusCode, message || 'bad request'), log);
    }
    return errorResponse(c, err, log);
  });
  app.notFound((c) => c.json({ status: 404, message: `Nothing at ${c.req.method} ${c.req.path}.` }, 404));
  app.use(async (c, next) => {
    const start = performance.now();
    await next();
    log(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - start).toFixed(1)}ms`);
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
      },
    }),
  );
  const jsonLimit = bodyLimit({
    maxSize: LIMITS.bodyBytes,
    onError: () => {
      throw new HttpError(413, `the body is larger than the server's limit of ${LIMITS.bodyBytes / 1024} KiB`);
    },
  });
  app.use(async (c, next) => (isUpload(c.req.method, c.req.path) ? next() : jsonLimit(c, next)));
  app.use(authenticate(store));

  const deps: RouteDeps = {
    store,
    dataDir: options.dataDir,
    changed: () => hub.poke(),
    progress: (caseId, data) => hub.progress(caseId, data),
  };
  registerSessionRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerAnalysisRoutes(app, deps);
  registerBriefFileRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerReaderRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerStreamRoutes(app, deps, hub, new VerdictWatch(store, hub));

  const info = { title: 'Parley API', version: options.version ?? '1' };
  app.doc31('/api/openapi.json', { openapi: '3.1.0', info });
  app.get('/api/docs', (c) => c.html(referencePage(app.getOpenAPI31Document({ openapi: '3.1.0', info }) as never)));
  app.get('/', (c) => {
    const user = c.get('user');
    return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parley</title></head>
<body style="font:16px system-ui,sans-serif;max-width:40rem;margin:3rem auto"><h1>Parley</h1>
<p>Signed in as <b>${escapeHtml(user.name)}</b> (${user.role}).</p>
<ul><li><a href="/api/docs">API reference</a></li><li><a href="/api/cases">Cases (JSON)</a></li></ul></body></html>`);
  });
  return app;
}
