import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { sessionUser } from '../app/sign-in.js';
import { tokenUser } from '../app/tokens.js';
import { AuthenticationError, PermissionError } from '../model/errors.js';
import type { Role } from '../store/account-repository.js';
import type { Store } from '../store/store.js';
import { hasRole } from '../app/acting.js';
import { HttpError } from './http-error.js';
import type { ServerEnv } from './server-env.js';

export const SESSION_COOKIE = 'parley_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Routes anyone may reach: the health check, and the ways to sign in. */
function isOpen(method: string, path: string): boolean {
  return path === '/healthz' || path === '/signin' || (path === '/api/session' && method === 'POST');
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Signs each request in, by `Authorization: Bearer` or by the session cookie, and refuses the
 * rest. A change asked for with the cookie must carry the session's CSRF token in a header, which
 * a page on another site cannot read, so it cannot make a signed-in browser change anything.
 */
export function authenticate(store: Store): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    if (isOpen(c.req.method, c.req.path)) return next();
    const auth = c.req.header('authorization');
    if (auth !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      if (!m) throw new AuthenticationError('the Authorization header should be "Bearer" and a token');
      c.set('user', await tokenUser(store, m[1]!));
      c.set('via', 'token');
      return next();
    }
    const secret = getCookie(c, SESSION_COOKIE);
    const session = secret ? await sessionUser(store, secret) : undefined;
    if (!session) {
      if (c.req.method === 'GET' && !c.req.path.startsWith('/api/'))
        return c.html(signInPage(secret ? 'Your session has ended; sign in again.' : ''), 401);
      throw new AuthenticationError(
        secret ? 'the session has expired; sign in again' : 'sign in first (a session cookie or a Bearer token)',
      );
    }
    if (!SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== session.csrfToken)
      throw new HttpError(
        403,
        `a change made with a session cookie needs the ${CSRF_HEADER} header of GET /api/session`,
      );
    c.set('user', session.user);
    c.set('via', 'cookie');
    return next();
  };
}

/** Refuses the request unless the signed-in user has at least `role`. */
export function requireRole(c: Context<ServerEnv>, role: Role, what: string): void {
  const user = c.get('user');
  if (!hasRole(user, role)) throw new PermissionError(`${what} needs the ${role} role; ${user.name} is ${user.role}`);
}

/** The sign-in page shown to a browser that is not signed in. */
export function signInPage(note: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parley: sign in</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.4rem;font:inherit}button{margin-top:1rem;padding:.4rem 1rem;font:inherit}#msg{color:#a00}</style>
</head><body><h1>Parley</h1><p id="msg" role="alert">${escapeHtml(note)}</p>
<form id="f"><label for="n">Name</label><input id="n" name="name" autocomplete="username" required>
<label for="p">Password</label><input id="p" name="password" type="password" autocomplete="current-password" required>
<button>Sign in</button></form>
<script>document.getElementById('f').addEventListener('submit',async(e)=>{e.preventDefault();
const r=await fetch('/api/session',{method:'POST',headers:{'content-type':'application/json'},
body:JSON.stringify({name:e.target.name.value,password:e.target.password.value})});
if(r.ok)location.reload();else document.getElementById('msg').textContent=(await r.json()).message;});</script>
</body></html>`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
