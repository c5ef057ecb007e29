import type { ActingUser } from '../app/acting.js';

/** What the middleware puts on each request's context for the routes. */
export interface ServerEnv {
  Variables: {
    user: ActingUser;
    /** How the request was signed in: the session cookie or a Bearer token. */
    via: 'cookie' | 'token';
  };
}
