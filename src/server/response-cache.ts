import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Context } from 'hono';
import { LedgerCache } from './brief-cache.js';
import type { LedgerVersion } from './ledger-version.js';

const gzipAsync = promisify(gzip);

/** A response body as sent, with the headers that describe it. */
export interface CachedBody {
  /** Encoded once, so each response writes the stored bytes as they are. */
  body: Uint8Array<ArrayBuffer>;
  /** The same body gzipped once, for clients that accept it; absent when too small to gain. */
  gzipped?: Uint8Array<ArrayBuffer>;
  /** Content-Type, Content-Disposition and the like. */
  headers: Record<string, string>;
  /** Strong validator: a hash of the body, so an unchanged answer keeps its tag across ledger changes. */
  etag: string;
}

const JSON_TYPE = { 'Content-Type': 'application/json; charset=UTF-8' };

/** Below this a body is sent as it is: the gzip header and a compressor's start cost more than they save. */
const GZIP_FROM_BYTES = 1024;

/** Does an If-None-Match header name this tag (or `*`)? Either encoding's tag names the same answer. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === gzipTag(etag) || t === '*');
}

/** The tag of the gzipped copy: a representation of its own, so its tag differs (RFC 9110, 8.8.3). */
function gzipTag(etag: string): string {
  return `${etag.slice(0, -1)}-gz"`;
}

/** Does an Accept-Encoding header take gzip (named, or `*`, and not with q=0)? */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  let star = false;
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const refused = params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
    if (name === 'gzip' || name === 'x-gzip') return !refused;
    if (name === '*') star = !refused;
  }
  return star;
}

async function encode(r: { body: string; headers: Record<string, string> }): Promise<CachedBody> {
  const body = new TextEncoder().encode(r.body);
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  if (body.byteLength < GZIP_FROM_BYTES) return { body, headers: r.headers, etag };
  const packed = await gzipAsync(body);
  const gzipped = new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength) as Uint8Array<ArrayBuffer>;
  return { body, gzipped, headers: r.headers, etag };
}

/**
 * Read answers kept serialised until the ledger changes, so a repeated request costs a version
 * check and a write of the stored bytes: no query, no JSON encoding, no compression (a gzipped
 * copy is made once, beside the plain one). Each carries an ETag; a client that sends it back in
 * If-None-Match gets a 304 with no body. Bounded by the bytes kept.
 */
export class ResponseCache {
  private readonly cache: LedgerCache<CachedBody>;

  constructor(version: LedgerVersion, maxBytes = 32 * 1024 * 1024) {
    this.cache = new LedgerCache<CachedBody>(version, {
      maxWeight: maxBytes,
      weigh: (v) => v.body.byteLength + (v.gzipped?.byteLength ?? 0),
    });
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
    const { value } = await this.cache.get(key, async () => encode(await compute()));
    const packed = value.gzipped && acceptsGzip(c.req.header('accept-encoding')) ? value.gzipped : undefined;
    c.header('ETag', packed ? gzipTag(value.etag) : value.etag);
    // Private: answers depend on who may read them. no-cache: a client may keep one but asks again each time.
    c.header('Cache-Control', 'private, no-cache');
    if (value.gzipped) c.header('Vary', 'Accept-Encoding');
    if (matches(c.req.header('if-none-match'), value.etag)) return c.body(null, 304);
    for (const [name, v] of Object.entries(value.headers)) c.header(name, v);
    if (!packed) return c.body(value.body, 200);
    c.header('Content-Encoding', 'gzip');
    return c.body(packed, 200);
  }
}
