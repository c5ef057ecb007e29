import { Option } from '@commander-js/extra-typings';
import { isActorCode } from '../model/actor-code.js';
import { UsageError } from '../model/errors.js';
import { type IsoDate, isoDateProblem } from '../model/iso-date.js';
import { isOneOf, notOneOf } from '../model/one-of.js';

/*
 * Option parsers for commander's `.argParser()`: each turns the text typed into the value the
 * command uses, or throws a UsageError of one sentence naming the option. Commander calls them
 * while parsing, so an action only ever sees checked, typed values.
 */

/** `--as-of <date>` → `--as-of` */
function nameOf(flags: string): string {
  return /--[a-z][\w-]*/i.exec(flags)?.[0] ?? flags;
}

export function parseDate(name: string): (value: string) => IsoDate {
  return (value) => {
    const problem = isoDateProblem(value);
    if (problem === undefined) return value;
    // A year out of range is a date in the right form: saying "not in the form" would mislead.
    if (problem.includes('year')) throw new UsageError(`${name} "${value}" is ${problem}`);
    throw new UsageError(`${name} "${value}" is not a calendar date in the form YYYY-MM-DD`);
  };
}

export function parseChoice<T extends string>(name: string, choices: readonly T[]): (value: string) => T {
  return (value) => {
    if (!isOneOf(choices, value)) throw new UsageError(`${name} ${notOneOf(choices, value)}`);
    return value;
  };
}

export function parseNumber(
  name: string,
  min: number,
  max: number,
  options: { integer?: boolean } = {},
): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max || (options.integer && !Number.isInteger(n)))
      throw new UsageError(
        `${name} "${value}" should be ${options.integer ? 'a whole number' : 'a number'} from ${min} to ${max}`,
      );
    return n;
  };
}

/** `USA:PRK` → ['USA', 'PRK'] */
export function parseDyad(name: string): (value: string) => [string, string] {
  return (value) => {
    const parts = value.split(':').map((p) => p.trim().toUpperCase());
    if (parts.length !== 2 || !parts.every(isActorCode))
      throw new UsageError(`${name} "${value}" should be two CAMEO actor codes joined by a colon, such as USA:PRK`);
    return [parts[0]!, parts[1]!];
  };
}

export function parseEventCode(name: string): (value: string) => string {
  return (value) => {
    if (!/^\d{2,4}$/.test(value))
      throw new UsageError(
        `${name} "${value}" is not a CAMEO event code or prefix (2 to 4 digits, such as 04 or 0355)`,
      );
    return value;
  };
}

/**
 * A list option: repeated (`--code 04 --code 08`), space-separated after a variadic flag
 * (`--code 04 08`) or comma-separated (`--code 04,08`); each item checked by `parseOne`.
 */
export function parseList<T>(parseOne: (value: string) => T): (value: string, previous: T[] | undefined) => T[] {
  return (value, previous) => [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean)
      .map(parseOne),
  ];
}

export function dateOption<const F extends string>(flags: F, description: string) {
  return new Option(flags, description).argParser(parseDate(nameOf(flags)));
}

export function choiceOption<const F extends string, const T extends readonly string[]>(
  flags: F,
  description: string,
  choices: T,
) {
  return new Option(flags, description).choices(choices).argParser(parseChoice<T[number]>(nameOf(flags), choices));
}

/** A list option whose items are one of `choices`. */
export function choicesOption<const F extends string, const T extends readonly string[]>(
  flags: F,
  description: string,
  choices: T,
) {
  return new Option(flags, description)
    .choices(choices)
    .argParser(parseList(parseChoice<T[number]>(nameOf(flags), choices)));
}

export function listOption<const F extends string>(flags: F, description: string) {
  return new Option(flags, description).argParser(parseList((v) => v));
}

/** Appended to every command's help: one worked example or more. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}
