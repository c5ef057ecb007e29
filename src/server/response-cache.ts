import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { LedgerCache } from './brief-cache.js';
import type { LedgerVersion } from './ledger-version.js';

/** A response body as sent, with the headers that describe it. */
export interface CachedBody {
  /** Encoded once, so each response writes the stored bytes as they are. */
  body: Uint8Array<ArrayBuffer>;
  /** Content-Type, Content-Disposition and the like. */
  headers: Record<string, string>;
  /** Strong validator: a hash of the body, so an unchanged answer keeps its tag across ledger changes. */
  etag: string;
}

const JSON_TYPE = { 'Content-Type': 'application/json; charset=UTF-8' };

/** Does an If-None-Match header name this tag (or `*`)? */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

/**
 * Read answers kept serialised until the ledger changes, so a repeated request costs a version
 * check and a write of the stored bytes: no query, no JSON encoding. Each carries an ETag; a
 * client that sends it back in If-None-Match gets a 304 with no body. Bounded by the bytes kept.
 */
export class ResponseCache {
  private readonly cache: LedgerCache<CachedBody>;

  constructor(version: LedgerVersion, maxBytes = 32 * 1024 * 1024) {
    this.cache = new LedgerCache<CachedBody>(version, { maxWeight: maxBytes, weigh: (v) => v.body.byteLength });
  }

  /** JSON for `key`: the stored copy while the ledger is unchanged, else `compute` run once and stored. */
  json(c: Context, key: string, compute: () => Promise<unknown>): Promise<Response> {
    return this.respond(c, key, async () => ({ body: JSON.stringify(await compute()), headers: JSON_TYPE }));
  }

  /** Any body for `key`, with its headers. */
  async respond(
    c: Context,
    key: string,
    compute: () => Promise<{ body: string; headers: Record<string, string> }>,
  ): Promise<Response> {
    const { value } = await this.cache.get(key, async () => {
      const r = await compute();
      const body = new TextEncoder().encode(r.body);
      return { body, headers: r.headers, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    });
    c.header('ETag', value.etag);
    // Private: answers depend on who may read them. no-cache: a client may keep one but asks again each time.
    c.header('Cache-Control', 'private, no-cache');
    if (matches(c.req.header('if-none-match'), value.etag)) return c.body(null, 304);
    for (const [name, v] of Object.entries(value.headers)) c.header(name, v);
    return c.body(value.body, 200);
  }
}
