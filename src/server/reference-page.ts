import { escapeHtml } from './auth.js';

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown; description?: string }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
}

/**
 * The API reference as one self-contained page, drawn from the OpenAPI document: no script, no
 * CDN, nothing fetched. Each operation shows its method, path, summary, parameters and body.
 */
export function referencePage(doc: {
  info: { title: string; version: string };
  paths?: Record<string, Record<string, Operation>>;
}): string {
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(doc.paths ?? {}))
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags?.[0] ?? 'other';
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<li><code>${escapeHtml(p.name)}</code> (${p.in}${p.required ? ', required' : ''})${p.description ? `: ${escapeHtml(p.description)}` : ''}</li>`,
        )
        .join('');
      const body = Object.entries(op.requestBody?.content ?? {})
        .map(
          ([type, c]) =>
            `<details><summary>Body: ${escapeHtml(type)}</summary><pre>${escapeHtml(JSON.stringify(c.schema, null, 2))}</pre></details>`,
        )
        .join('');
      const html = `<section><h3><span class="m">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(op.summary ?? '')}</p>${op.description ? `<p>${escapeHtml(op.description)}</p>` : ''}${params ? `<ul>${params}</ul>` : ''}${body}</section>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  const sections = [...byTag]
    .map(([tag, ops]) => `<h2 id="${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${ops.join('\n')}`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.info.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}h3{font-size:1rem;margin:1.2rem 0 .2rem}
.m{display:inline-block;min-width:4.5rem;font-family:monospace}pre{background:#f4f4f4;padding:.5rem;overflow:auto;font-size:12px}section{border-top:1px solid #ddd}</style>
</head><body><h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)}</small></h1>
<p>Every route answers JSON; errors have the shape <code>{"status", "message", "field"}</code>. Sign in with the session cookie
(changes then need the <code>x-csrf-token</code> header from <code>GET /api/session</code>) or send <code>Authorization: Bearer TOKEN</code>.
The machine-readable document is at <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<nav>${[...byTag.keys()].map((t) => `<a href="#${escapeHtml(t)}">${escapeHtml(t)}</a>`).join(' · ')}</nav>
${sections}</body></html>`;
}
