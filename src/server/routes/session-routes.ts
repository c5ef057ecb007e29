import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { openSignInLink, type OpenedSession, signInWithPassword, signOut, sessionUser } from '../../app/sign-in.js';
import { SESSION_COOKIE, signInPage } from '../auth.js';
import type { ServerEnv } from '../server-env.js';
import { jsonResponses, type RouteDeps } from './route-kit.js';
import { getConnInfo } from '@hono/node-server/conninfo';

function setSessionCookie(c: Context, s: OpenedSession): void {
  setCookie(c, SESSION_COOKIE, s.secret, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: new URL(c.req.url).protocol === 'https:',
    expires: new Date(s.expiresAt),
  });
}

/** The client's address, for the per-address sign-in limit. */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function registerSessionRoutes(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  healthRoute(app);
  signInLinkRoute(app, deps);
  signInRoute(app, deps);
  sessionRoute(app, deps);
  signOutRoute(app, deps);
}

/** GET /healthz, for load balancers: answers without signing in. */
function healthRoute(app: OpenAPIHono<ServerEnv>): void {
  app.get('/healthz', (c) => c.json({ ok: true }));
}

/** GET a one-time sign-in link: sets the session cookie and goes to the dashboard. */
function signInLinkRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.get('/signin', async (c) => {
    const token = c.req.query('token');
    if (!token) return c.html(signInPage(''));
    try {
      setSessionCookie(c, await openSignInLink(store, token));
    } catch (err) {
      return c.html(signInPage((err as Error).message), 401);
    }
    return c.redirect('/', 303);
  });
}

/** POST a name and password. */
function signInRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/session',
      summary: 'Sign in with a name and password; sets the session cookie',
      tags: ['session'],
      request: {
        body: {
          content: {
            'application/json': {
              schema: z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(1024) }),
            },
          },
        },
      },
      responses: {
        ...jsonResponses('Signed in: the user and the CSRF token for changes'),
        429: { description: 'Locked after too many failed sign-ins' },
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const s = await signInWithPassword(store, { ...body, address: clientAddress(c) });
      setSessionCookie(c, s);
      return c.json({ user: { name: s.account.name, role: s.account.role }, csrfToken: s.csrfToken }, 200);
    },
  );
}

/** GET who is signed in. */
function sessionRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/session',
      summary: 'Who is signed in, and the CSRF token a page sends with its changes',
      tags: ['session'],
      responses: jsonResponses('The signed-in user'),
    }),
    async (c) => {
      const user = c.get('user');
      const secret = getCookie(c, SESSION_COOKIE);
      const session = c.get('via') === 'cookie' && secret ? await sessionUser(store, secret) : undefined;
      return c.json({ user: { name: user.name, role: user.role }, csrfToken: session?.csrfToken ?? null }, 200);
    },
  );
}

/** DELETE the session. */
function signOutRoute(app: OpenAPIHono<ServerEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/session',
      summary: 'Sign out',
      tags: ['session'],
      responses: jsonResponses('Signed out'),
    }),
    async (c) => {
      const secret = getCookie(c, SESSION_COOKIE);
      if (secret) await signOut(store, secret);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true }, 200);
    },
  );
}
