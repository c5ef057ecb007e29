import type { OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { HttpError } from '../http-error.js';
import { LIMITS } from '../limits.js';
import type { LiveHub, LiveMessage } from '../live-hub.js';
import type { ServerEnv } from '../server-env.js';
import type { VerdictWatch } from '../verdict-watch.js';
import { requireCase } from './case-routes.js';
import type { RouteDeps } from './route-kit.js';

const HEARTBEAT_MS = 20_000;

/**
 * A case's live stream (server-sent events): `change` for each audit entry of the case (new and
 * reviewed events, loads, imports), `verdict` when a condition's verdict moves, `import` for
 * import progress. A client that reconnects with Last-Event-ID gets the changes it missed.
 */
export function registerStreamRoutes(
  app: OpenAPIHono<ServerEnv>,
  deps: RouteDeps,
  hub: LiveHub,
  verdicts: VerdictWatch,
): void {
  const { store } = deps;
  app.get('/api/cases/:caseId/stream', async (c) => {
    const caseId = c.req.param('caseId');
    await requireCase(store, caseId);
    if (hub.clients >= LIMITS.streamClients)
      throw new HttpError(503, 'the server has as many live-stream clients as it takes; try again later');
    const lastSeen = Number(c.req.header('last-event-id') ?? 'NaN');
    const known = await verdicts.current(caseId);
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      const queue: LiveMessage[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = hub.subscribe(caseId, (m) => {
        queue.push(m);
        wake?.();
      });
      let open = true;
      stream.onAbort(() => {
        open = false;
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({ event: 'hello', data: JSON.stringify({ caseId, verdicts: Object.fromEntries(known) }) });
      if (Number.isInteger(lastSeen))
        for (const e of await store.audit.find({ caseId, afterId: lastSeen, limit: 1000 }))
          await stream.writeSSE({
            event: 'change',
            id: String(e.id),
            data: JSON.stringify({ ...e, before: undefined, after: undefined }),
          });
      while (open) {
        while (queue.length) {
          const m = queue.shift()!;
          await stream.writeSSE({ event: m.type, data: JSON.stringify(m.data), ...(m.id ? { id: String(m.id) } : {}) });
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, HEARTBEAT_MS).unref();
        });
        wake = undefined;
        if (open && queue.length === 0) await stream.write(': keep-alive\n\n');
      }
      unsubscribe();
    });
  });
}
