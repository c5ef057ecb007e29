/** The API's error answer, thrown for every status that is not 2xx. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

/** Kept from GET /api/session: changes made with the session cookie must carry it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** A JSON request to the API; a 401 means the session ended, so the page reloads into the sign-in form. */
export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set('content-type', 'application/json');
  if (csrfToken && rest.method && rest.method !== 'GET') headers.set('x-csrf-token', csrfToken);
  const res = await fetch(path, {
    ...rest,
    headers,
    credentials: 'same-origin',
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  if (res.status === 401 && !path.startsWith('/api/session')) {
    location.reload();
    throw new ApiError(401, 'signed out');
  }
  const body = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const b = body as { message?: string; field?: string };
    throw new ApiError(res.status, b?.message ?? `HTTP ${res.status}`, b?.field);
  }
  return body as T;
}

/** A query string from the entries that have a value. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
