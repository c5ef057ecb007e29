import { UsageError } from '../model/errors.js';
import { isIsoDate } from '../model/iso-date.js';
import { isActorCode } from '../model/actor-code.js';

/** Checks a date option and names the option when it is wrong. */
export function dateOption(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UsageError(`${option} "${value}" is not a calendar date in the form YYYY-MM-DD`);
  return value;
}

export function choiceOption<T extends string>(
  value: string | undefined,
  option: string,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`${option} "${value}" is not one of ${choices.join(', ')}`);
  }
  return value as T;
}

/** `USA:PRK` → ['USA', 'PRK'] */
export function dyadOption(value: string | undefined, option = '--dyad'): [string, string] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(':').map((p) => p.trim().toUpperCase());
  if (parts.length !== 2 || !parts.every(isActorCode)) {
    throw new UsageError(`${option} "${value}" should be two CAMEO actor codes joined by a colon, such as USA:PRK`);
  }
  return [parts[0]!, parts[1]!];
}

/** `USA,PRK` or repeated options → ['USA', 'PRK'] */
export function listOption(values: string | string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const list = (Array.isArray(values) ? values : [values])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return list.length ? list : undefined;
}

export function codeListOption(values: string | string[] | undefined, option: string): string[] | undefined {
  const list = listOption(values);
  for (const c of list ?? [])
    if (!/^\d{2,4}$/.test(c))
      throw new UsageError(`${option} "${c}" is not a CAMEO event code or prefix (2 to 4 digits, such as 04 or 0355)`);
  return list;
}

export function actorCodeListOption(values: string | string[] | undefined, option: string): string[] | undefined {
  const list = listOption(values)?.map((v) => v.toUpperCase());
  for (const c of list ?? [])
    if (!isActorCode(c))
      throw new UsageError(`${option} "${c}" is not a CAMEO actor code (3-letter parts, such as USA or PRKGOV)`);
  return list;
}

export function numberOption(value: string | undefined, option: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new UsageError(`${option} "${value}" should be a number from ${min} to ${max}`);
  return n;
}

/** Appended to every command's help: one worked example or more. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}
