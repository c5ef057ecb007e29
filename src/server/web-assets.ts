import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { escapeHtml } from './auth.js';
import { acceptsGzip } from './response-cache.js';
import type { ServerEnv } from './server-env.js';

/** Where `npm run build:web` writes the dashboard: the same place from src/ (tests) and from dist/ (the package). */
export const WEB_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** A file inside the dashboard's folder, or undefined for a path that leaves it or names nothing. */
function assetPath(dir: string, urlPath: string): string | undefined {
  const rel = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  const full = join(dir, rel);
  if (!full.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return undefined;
  return existsSync(full) && statSync(full).isFile() ? full : undefined;
}

/** Types worth compressing: text. Images and fonts are compressed already. */
const TEXT = new Set(['.html', '.js', '.css', '.json', '.svg']);

interface Asset {
  body: Uint8Array<ArrayBuffer>;
  gzipped?: Uint8Array<ArrayBuffer>;
}

/**
 * An asset's bytes, and for text a gzipped copy, read and compressed once per file: hashed
 * assets never change under their name, and the dashboard's are about 1 MB raw, 300 kB packed.
 */
function loadAsset(cache: Map<string, Asset>, file: string): Asset {
  const known = cache.get(file);
  if (known) return known;
  const body = new Uint8Array(readFileSync(file));
  const packed = TEXT.has(extname(file)) && body.byteLength > 1024 ? gzipSync(body) : undefined;
  const asset: Asset = packed ? { body, gzipped: new Uint8Array(packed) } : { body };
  cache.set(file, asset);
  return asset;
}

/** The page shown at `/` when the dashboard was never built (a checkout that skipped `npm install`). */
function notBuiltPage(user: { name: string; role: string }): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parley</title></head>
<body style="font:16px system-ui,sans-serif;max-width:40rem;margin:3rem auto"><h1>Parley</h1>
<p>Signed in as <b>${escapeHtml(user.name)}</b> (${user.role}).</p>
<p>The dashboard is not built in this copy: run <code>npm run build:web</code> (part of <code>npm install</code>).</p>
<ul><li><a href="/api/docs">API reference</a></li><li><a href="/api/cases">Cases (JSON)</a></li></ul></body></html>`;
}

/**
 * The dashboard: its hashed assets (cached for a year, since a new build gives new names), and its
 * page for every other browser path, so a link to any view with its filters opens that view.
 * Registered last: the API and the sign-in routes answer first.
 */
export function registerWebRoutes(app: OpenAPIHono<ServerEnv>, dir = WEB_DIR): void {
  const assets = new Map<string, Asset>();
  app.get('*', (c) => {
    const path = c.req.path;
    if (path.startsWith('/api/')) return c.json({ status: 404, message: `Nothing at GET ${path}.` }, 404);
    const index = join(dir, 'index.html');
    if (!existsSync(index)) return c.html(notBuiltPage(c.get('user')));
    const file = path === '/' ? undefined : assetPath(dir, path);
    if (file) {
      c.header('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
      if (!path.startsWith('/assets/')) return c.body(new Uint8Array(readFileSync(file)));
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      const asset = loadAsset(assets, file);
      if (!asset.gzipped) return c.body(asset.body);
      c.header('Vary', 'Accept-Encoding');
      if (!acceptsGzip(c.req.header('accept-encoding'))) return c.body(asset.body);
      c.header('Content-Encoding', 'gzip');
      return c.body(asset.gzipped);
    }
    if (path.startsWith('/assets/')) return c.text('No such asset.', 404);
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(index, 'utf8'));
  });
}
