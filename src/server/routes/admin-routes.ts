import { createRoute, type OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import { auditTrail } from '../../app/audit-trail.js';
import { addUser, listUsers, removeUser, setPassword, setUserRole } from '../../app/accounts.js';
import { createToken, listTokens, revokeToken } from '../../app/tokens.js';
import { isoDate } from '../../case/case-schema.js';
import { AUDIT_KINDS } from '../../store/audit-repository.js';
import { ROLES } from '../../store/account-repository.js';
import type { ServerEnv } from '../server-env.js';
import { acting, jsonResponses, type RouteDeps } from './route-kit.js';

const role = z.enum(ROLES);
const nameParam = z.object({
  name: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'name', in: 'path' } }),
});

/** An admin route: its answer and the usual errors, described by its summary. */
function route<
  M extends 'get' | 'post' | 'put' | 'delete',
  P extends string,
  R extends NonNullable<RouteConfig['request']>,
>(method: M, path: P, summary: string, request: R = {} as R) {
  return createRoute({ method, path, summary, tags: ['admin'], request, responses: jsonResponses(summary) });
}

/** Accounts, API tokens and the audit trail: admins only (and anyone for their own password). */
export function registerAdminRoutes(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  listUsersRoute(app, deps);
  addUserRoute(app, deps);
  setRoleRoute(app, deps);
  setPasswordRoute(app, deps);
  removeUserRoute(app, deps);
  listTokensRoute(app, deps);
  createTokenRoute(app, deps);
  revokeTokenRoute(app, deps);
  auditRoute(app, deps);
}

/** GET the accounts. */
function listUsersRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(route('get', '/api/users', 'Accounts (admin)'), async (c) =>
    c.json({ users: await listUsers(acting(c, store)) }, 200),
  );
}

/** POST a new account. */
function addUserRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    route('post', '/api/users', 'Add an account (admin); without a password it signs in by a link', {
      body: {
        content: {
          'application/json': {
            schema: z
              .object({ name: z.string().min(1).max(64), role, password: z.string().max(1024).optional() })
              .strict(),
          },
        },
        required: true,
      },
    }),
    async (c) => {
      const user = await addUser(acting(c, store), c.req.valid('json'));
      deps.changed();
      return c.json(user, 200);
    },
  );
}

/** PUT an account's role. */
function setRoleRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    route('put', '/api/users/{name}/role', "Change an account's role (admin)", {
      params: nameParam,
      body: { content: { 'application/json': { schema: z.object({ role }).strict() } }, required: true },
    }),
    async (c) => {
      const user = await setUserRole(acting(c, store), c.req.valid('param').name, c.req.valid('json').role);
      deps.changed();
      return c.json(user, 200);
    },
  );
}

/** PUT a password. */
function setPasswordRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    route('put', '/api/users/{name}/password', "Set a password: your own, or anyone's (admin)", {
      params: nameParam,
      body: {
        content: { 'application/json': { schema: z.object({ password: z.string().max(1024) }).strict() } },
        required: true,
      },
    }),
    async (c) => {
      await setPassword(acting(c, store), c.req.valid('param').name, c.req.valid('json').password);
      return c.json({ ok: true }, 200);
    },
  );
}

/** DELETE an account. */
function removeUserRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(route('delete', '/api/users/{name}', 'Remove an account (admin)', { params: nameParam }), async (c) => {
    const user = await removeUser(acting(c, store), c.req.valid('param').name);
    deps.changed();
    return c.json({ removed: user.name }, 200);
  });
}

/** GET the API tokens. */
function listTokensRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(route('get', '/api/tokens', 'API tokens (admin); their secrets are never shown again'), async (c) =>
    c.json({ tokens: await listTokens(acting(c, store)) }, 200),
  );
}

/** POST a new API token. */
function createTokenRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    route('post', '/api/tokens', 'Create an API token (admin); the answer holds its secret, shown once', {
      body: {
        content: {
          'application/json': {
            schema: z
              .object({ role, name: z.string().min(1).max(100).optional(), expires: isoDate.optional() })
              .strict(),
          },
        },
        required: true,
      },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const t = await createToken(acting(c, store), {
        role: b.role,
        ...(b.name ? { name: b.name } : {}),
        ...(b.expires ? { expires: b.expires } : {}),
      });
      deps.changed();
      return c.json({ ...t.token, token: t.secret }, 200);
    },
  );
}

/** DELETE (revoke) an API token. */
function revokeTokenRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    route('delete', '/api/tokens/{id}', 'Revoke an API token (admin)', {
      params: z.object({
        id: z
          .string()
          .min(1)
          .max(64)
          .openapi({ param: { name: 'id', in: 'path' } }),
      }),
    }),
    async (c) => {
      const t = await revokeToken(acting(c, store), c.req.valid('param').id);
      deps.changed();
      return c.json(t, 200);
    },
  );
}

/** GET the audit trail. */
function auditRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    route(
      'get',
      '/api/audit',
      'The audit trail (admin): who changed what, when, through which route, before and after',
      {
        query: z.object({
          case: z.string().max(100).optional(),
          kind: z.enum(AUDIT_KINDS).optional(),
          subject: z.string().max(200).optional(),
          actor: z.string().max(100).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
      },
    ),
    async (c) => {
      const { case: caseId, ...q } = c.req.valid('query');
      const entries = await auditTrail(acting(c, store), { ...q, ...(caseId ? { caseId } : {}) });
      return c.json({ entries }, 200);
    },
  );
}
