/**
 * Narrowing a value to one of a list declared `as const` (the model's enums), so that code reading
 * strings from a file, a database row or a request checks them against the one list instead of
 * casting.
 */

/** Whether `value` is one of `list`; as a type guard, it narrows to the list's element type. */
export function isOneOf<T extends string | number>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}

/** A type guard for `list`, for `filter`: `texts.filter(oneOf(VERIFICATIONS))`. */
export function oneOf<T extends string | number>(list: readonly T[]): (value: unknown) => value is T {
  return (value): value is T => isOneOf(list, value);
}

/** `"x" is not one of a, b, c`: the message for a value outside its list. */
export function notOneOf(list: readonly (string | number)[], value: unknown): string {
  return `"${String(value)}" is not one of ${list.join(', ')}`;
}
