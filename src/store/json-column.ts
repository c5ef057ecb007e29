/** JSON text columns: written with stable formatting, read back typed. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  return JSON.parse(text) as T;
}

/** Splits rows into chunks small enough for both engines' bound-parameter limits. */
export function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * A LIKE pattern for a code prefix. Codes are validated to letters and digits before they get
 * here, so no wildcard needs escaping (and SQLite's LIKE has no default escape character).
 */
export function likePrefix(prefix: string): string {
  if (!/^[A-Za-z0-9]*$/.test(prefix)) throw new Error(`not a code prefix: ${prefix}`);
  return prefix + '%';
}
