import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Store } from '../store/store.js';
import { authenticate } from './auth.js';
import { FrameCache } from './frame-cache.js';
import { errorResponse, HttpError } from './http-error.js';
import { LIMITS } from './limits.js';
import { ledgerVersion } from './ledger-version.js';
import { ResponseCache } from './response-cache.js';
import type { LiveHub } from './live-hub.js';
import { referencePage } from './reference-page.js';
import { registerAdminRoutes } from './routes/admin-routes.js';
import { registerAnalysisRoutes } from './routes/analysis-routes.js';
import { registerBriefFileRoutes } from './routes/brief-file-routes.js';
import { registerCaseRoutes } from './routes/case-routes.js';
import { registerConditionRoutes } from './routes/condition-routes.js';
import { registerEventRoutes } from './routes/event-routes.js';
import { registerImportRoutes } from './routes/import-routes.js';
import { registerImportedRowsRoute } from './routes/imported-rows-routes.js';
import { registerIndicatorRoutes } from './routes/indicator-routes.js';
import { registerMoveViewRoutes } from './routes/move-view-routes.js';
import { registerReaderRoutes } from './routes/reader-routes.js';
import { registerReciprocityWindowRoutes } from './routes/reciprocity-window-routes.js';
import type { RouteDeps } from './routes/route-kit.js';
import { registerSessionRoutes } from './routes/session-routes.js';
import { registerStreamRoutes } from './routes/stream-routes.js';
import type { ServerEnv } from './server-env.js';
import { VerdictWatch } from './verdict-watch.js';
import { registerWebRoutes } from './web-assets.js';

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
  answerErrors(app, log);
  useMiddleware(app, options.store, log);
  registerRoutes(app, options);
  const info = { title: 'Parley API', version: options.version ?? '1' };
  app.doc31('/api/openapi.json', { openapi: '3.1.0', info });
  app.get('/api/docs', (c) => c.html(referencePage(app.getOpenAPI31Document({ openapi: '3.1.0', info }) as never)));
  registerWebRoutes(app);
  return app;
}

/** Every failure as a JSON answer: Hono's own (a bad JSON body, a limit) with its status, the rest as `errorResponse` says. */
function answerErrors(app: OpenAPIHono<ServerEnv>, log: (line: string) => void): void {
  app.onError((err, c) => {
    if (err instanceof HTTPException && !(err.cause instanceof Error && err.status >= 500)) {
      const message = err.status === 400 && /JSON/i.test(err.message) ? 'the body is not valid JSON' : err.message;
      return errorResponse(c, new HttpError(err.status as ContentfulStatusCode, message || 'bad request'), log);
    }
    return errorResponse(c, err, log);
  });
  app.notFound((c) => c.json({ status: 404, message: `Nothing at ${c.req.method} ${c.req.path}.` }, 404));
}

/** What runs before every route: the request log, security headers, the body limit, sign-in. */
function useMiddleware(app: OpenAPIHono<ServerEnv>, store: Store, log: (line: string) => void): void {
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
  // GET and HEAD carry no body: skipping the check also spares building a full Request per read.
  app.use(async (c, next) =>
    isUpload(c.req.method, c.req.path) || c.req.method === 'GET' || c.req.method === 'HEAD'
      ? next()
      : jsonLimit(c, next),
  );
  app.use(authenticate(store));
}

/** Every API route, sharing one ledger version and the caches keyed by it. */
function registerRoutes(app: OpenAPIHono<ServerEnv>, { store, hub, dataDir }: ServerAppOptions): void {
  const version = ledgerVersion(store);
  const deps: RouteDeps = {
    store,
    dataDir,
    version,
    responses: new ResponseCache(version),
    frames: new FrameCache(store, version),
    changed: () => hub.poke(),
    progress: (caseId, data) => hub.progress(caseId, data),
  };
  registerSessionRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerAnalysisRoutes(app, deps);
  registerIndicatorRoutes(app, deps);
  registerBriefFileRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerImportedRowsRoute(app, deps);
  registerConditionRoutes(app, deps);
  registerMoveViewRoutes(app, deps);
  registerReciprocityWindowRoutes(app, deps);
  registerReaderRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerStreamRoutes(app, deps, hub, new VerdictWatch(store, hub));
}
