/** JSON text columns: written with stable formatting, read back typed. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  // Most list columns are empty; skip the parser for them.
  if (text === '[]') return [] as T;
  return JSON.parse(text) as T;
}

/** Splits rows into chunks small enough for both engines' bound-parameter limits. */
export function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * The half-open range [lo, hi) of strings that start with a code prefix (`03` → [`03`, `04`)),
 * so a prefix test can use an ordinary index on both engines (SQLite's LIKE cannot, by default).
 * Codes are letters and digits; bumping the last character gives the first string past them.
 */
export function prefixRange(prefix: string): [string, string] {
  if (!/^[A-Za-z0-9]+$/.test(prefix)) throw new Error(`not a code prefix: "${prefix}"`);
  const last = prefix.charCodeAt(prefix.length - 1);
  return [prefix, prefix.slice(0, -1) + String.fromCharCode(last + 1)];
}
