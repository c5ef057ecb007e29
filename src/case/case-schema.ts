import { z } from 'zod';
import { isIsoDate, isoDateProblem } from '../model/iso-date.js';
import { REQUIREMENT_KINDS, type Requirement, type RequirementKind } from '../model/condition.js';
import { FACILITY_STATUSES } from '../model/facility.js';
import { OBSERVATION_FINDINGS } from '../model/condition.js';
import { COMMITMENT_STATUSES, PROVENANCES, REVIEW_STATUSES, VERIFICATIONS, VERIFIERS } from '../model/event.js';
import { ACTOR_KINDS } from '../model/actor.js';
import { IMPLEMENTATION_LEVELS, REQUIRED_LEVELS } from '../model/agreement.js';
import { INDICATOR_KINDS, LIMIT_TESTS, MEASUREMENT_VERIFICATIONS } from '../model/indicator.js';

/**
 * The shapes of a case folder's YAML files, checked on every load. Cross-references (actor ids,
 * facility ids, CAMEO codes) are checked after these shapes pass, in `cross-reference.ts`.
 *
 * CAMEO codes must be quoted in YAML: `042` unquoted is the number 42.
 */
/** Ids are short: a reference to a long one is compared with every known id when it is mistyped. */
export const MAX_ID_LENGTH = 120;

export const isoDate = z.string().check((ctx) => {
  const problem = isoDateProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});
const id = z
  .string()
  .max(MAX_ID_LENGTH, { message: `expected an id of at most ${MAX_ID_LENGTH} characters` })
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected an id of lower-case letters, digits and hyphens' });

/*
 * Every number in a case file is bounded here, so that nothing later (date arithmetic, windows,
 * counts) meets a value it cannot compute with: a window of 99999999999999 days does not load.
 */
/** Days a window, or the time to answer a concession, may span: a century. */
export const MAX_DAYS = 36_600;
/** A count of facilities a condition may require. */
const MAX_COUNT = 100_000;
const MAX_VERSION = 1_000_000;
const actorCode = z
  .string()
  .regex(/^(?:[A-Z]{3})+$/, { message: 'expected a CAMEO actor code of 3-letter parts (USA, PRKGOV, IGOUNOIAE)' });
const eventCode = z
  .string({ message: 'expected a CAMEO event code as a quoted string, such as "042"' })
  .regex(/^\d{2,4}$/, {
    message: 'expected a CAMEO event code of 2 to 4 digits, quoted, such as "042"',
  });

const sourceFields = z.strictObject({
  publisher: z.string().min(1),
  date: isoDate.optional(),
  title: z.string().min(1).optional(),
  link: z.string().min(1).optional(),
  quote: z.string().optional(),
  /** For a move read from text: the characters of `quote` it was coded from, [start, end). */
  span: z
    .tuple([z.number().int().min(0), z.number().int().min(0)])
    .refine(([start, end]) => start < end, { message: 'expected [start, end] with start before end' })
    .optional(),
});

export const sourceSchema = sourceFields.refine(
  (s) => !s.span || (s.quote !== undefined && s.span[1] <= s.quote.length),
  {
    message: "span: expected characters of the quote, [start, end] with end at most the quote's length",
    path: ['span'],
  },
);

/** What a condition cites for its argument: a source that may be dated to the month (`2018-09`). */
const citationSchema = sourceFields.extend({
  date: z
    .string()
    .refine((v) => isIsoDate(v) || /^\d{4}-(0[1-9]|1[0-2])$/.test(v), {
      message: 'expected a date in the form YYYY-MM-DD, or YYYY-MM when only the month is known',
    })
    .optional(),
});

/** When a fact became known, when its sources do not say it (see docs/cases.md). */
const known = isoDate.optional();

/** Parts of a note or summary learned after the fact, each with the date it became known. */
const later = z.array(z.strictObject({ known: isoDate, text: z.string().min(1) })).optional();

const commitment = z.strictObject({
  verifier: z.enum(VERIFIERS),
  by: z.string().min(1).optional(),
  status: z.enum(COMMITMENT_STATUSES),
  changes: z
    .array(
      z.strictObject({
        date: isoDate,
        status: z.enum(COMMITMENT_STATUSES),
        sources: z.array(sourceSchema).min(1, { message: 'a change of status needs a source' }),
        known,
        note: z.string().optional(),
      }),
    )
    .optional(),
});

export const caseFileSchema = z.strictObject({
  id,
  title: z.string().min(1),
  description: z.string().optional(),
  parties: z.tuple([actorCode, actorCode]),
  period: z.strictObject({ from: isoDate, to: isoDate }).optional(),
  reciprocitySince: isoDate.optional(),
  headlineCondition: id.optional(),
  defaultAsOf: isoDate.optional(),
  responseDays: z.number().int().positive().max(MAX_DAYS).optional(),
});

export const roleSchema = z.strictObject({
  code: actorCode,
  title: z.string().min(1),
  from: isoDate.optional(),
  to: isoDate.optional(),
  source: z.string().optional(),
  note: z.string().optional(),
});

export const actorSchema = z.strictObject({
  id,
  kind: z.enum(ACTOR_KINDS),
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  code: actorCode.optional(),
  roles: z.array(roleSchema).default([]),
  source: z.string().optional(),
  notes: z.string().optional(),
});

export const eventSchema = z.strictObject({
  id,
  date: isoDate,
  end: isoDate.optional(),
  source: id,
  target: id.optional(),
  // The CAMEO codes the sides acted under, when not the codes their actors have on the date: an
  // event read from text keeps the reader's finer code (USAGOV for an actor coded USA).
  codes: z.strictObject({ source: actorCode.optional(), target: actorCode.optional() }).optional(),
  code: eventCode,
  summary: z.string().min(1),
  // A set: read in one order, so that listing the same facilities in another order changes nothing.
  facilities: z
    .array(id)
    .default([])
    .transform((ids) => [...ids].sort()),
  sources: z.array(sourceSchema).min(1, { message: 'every event needs at least one source' }),
  status: z.enum(REVIEW_STATUSES).default('confirmed'),
  verification: z.enum(VERIFICATIONS).default('claimed'),
  confidence: z.number().min(0).max(1).default(0.8),
  goldstein: z.strictObject({ value: z.number().min(-10).max(10), reason: z.string().min(1) }).optional(),
  provenance: z.enum(PROVENANCES).default('typed'),
  notes: z.string().optional(),
  known,
  later,
  commitment: commitment.optional(),
});

const level = z.literal(IMPLEMENTATION_LEVELS, { message: 'expected an implementation level 0, 1, 2, 3 or na' });

export const provisionSchema = z.strictObject({
  id,
  text: z.string().min(1),
  theme: z.string().min(1),
  owedBy: z.array(id).min(1),
  status: z
    .array(
      z.strictObject({
        date: isoDate,
        level,
        events: z.array(id).default([]),
        sources: z.array(sourceSchema).default([]),
        note: z.string().optional(),
        known,
        later,
      }),
    )
    .default([]),
});

export const agreementSchema = z.strictObject({
  id,
  name: z.string().min(1),
  date: isoDate,
  parties: z.array(id).min(1),
  sources: z.array(sourceSchema).default([]),
  provisions: z.array(provisionSchema).min(1),
});

export const facilitySchema = z.strictObject({
  id,
  name: z.string().min(1),
  type: z.string().min(1),
  tags: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
  location: z.string().min(1),
  /** [longitude, latitude], for the map. */
  coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).optional(),
  country: actorCode,
  key: z.boolean().default(false),
  declared: z.boolean().optional(),
  status: z
    .array(
      z.strictObject({
        date: isoDate,
        status: z.enum(FACILITY_STATUSES),
        sources: z.array(sourceSchema).default([]),
        note: z.string().optional(),
        known,
        later,
      }),
    )
    .default([]),
  observations: z
    .array(
      z.strictObject({
        date: isoDate,
        by: z.string().min(1),
        verification: z.enum(VERIFICATIONS),
        finding: z.enum(OBSERVATION_FINDINGS),
        event: id.optional(),
        sources: z.array(sourceSchema).default([]),
        note: z.string().optional(),
        known,
        later,
      }),
    )
    .default([]),
  notes: z.string().optional(),
});

const actorFilter = z.strictObject({ code: actorCode.optional(), actor: id.optional(), title: z.string().optional() });
const window = z.strictObject({
  days: z.number().int().positive().max(MAX_DAYS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
const facilityFilter = z.strictObject({
  tags: z.array(z.string()).optional(),
  key: z.boolean().optional(),
  status: z.array(z.enum(FACILITY_STATUSES)).optional(),
  country: actorCode.optional(),
  ids: z.array(id).optional(),
});
const statusList = z.array(z.enum(REVIEW_STATUSES)).optional();
const eventFilter = z.strictObject({
  source: actorFilter.optional(),
  target: actorFilter.optional(),
  codes: z.array(eventCode).optional(),
  status: statusList,
  verification: z.enum(VERIFICATIONS).optional(),
  window: window.optional(),
  facilities: facilityFilter.optional(),
  verifiers: z.array(z.enum(VERIFIERS)).optional(),
  commitments: z.array(z.enum(COMMITMENT_STATUSES)).optional(),
});
const observationFilter = z.strictObject({
  facilities: facilityFilter.optional(),
  findings: z.array(z.enum(OBSERVATION_FINDINGS)).optional(),
  verification: z.enum(VERIFICATIONS).optional(),
  window: window.optional(),
});

/*
 * Indicators (indicators.yaml) and the leaves that read them. A limit and a leaf name their test
 * as a key (`atMost: 202.8`); a measurement names what it says of the quantity as a key (`value`,
 * `range`, `above`, `below`, `atMost`, `atLeast`). Exactly one of each must be given.
 */
const amount = z.number().finite();
const limitValue = z.union([amount, z.boolean()], { message: 'expected a number, or true or false' });

/** The one key of `keys` an object gives, or a problem at the object naming them all. */
function exactlyOne(keys: readonly string[], what: string) {
  return (v: Record<string, unknown>, ctx: z.core.$RefinementCtx<unknown>) => {
    const given = keys.filter((k) => v[k] !== undefined);
    if (given.length !== 1)
      ctx.addIssue({
        code: 'custom',
        message: `${given.length === 0 ? 'missing' : `${given.join(' and ')} given together`}: ${what} needs exactly one of ${keys.join(', ')}`,
      });
  };
}

const testKeys = {
  atMost: limitValue.optional(),
  atLeast: limitValue.optional(),
  equals: limitValue.optional(),
};

/** The test and value of an object that gives exactly one of atMost, atLeast, equals. */
function testOf(v: { atMost?: number | boolean; atLeast?: number | boolean; equals?: number | boolean }) {
  const test = LIMIT_TESTS.find((k) => v[k] !== undefined)!;
  return { test, value: v[test]! };
}

const indicatorLeaf = z
  .strictObject({
    id,
    ...testKeys,
    verification: z.enum(MEASUREMENT_VERIFICATIONS).optional(),
    window: z.strictObject({ days: z.number().int().positive().max(MAX_DAYS) }).optional(),
    ever: z.boolean().optional(),
  })
  .superRefine(exactlyOne(LIMIT_TESTS, 'an indicator requirement'))
  .transform(({ atMost: _m, atLeast: _l, equals: _e, ...rest }) => {
    const t = testOf({ atMost: _m, atLeast: _l, equals: _e } as Parameters<typeof testOf>[0]);
    return { ...rest, ...t };
  });

const FIGURE_KEYS = ['value', 'range', 'above', 'below', 'atMost', 'atLeast'] as const;

export const measurementSchema = z
  .strictObject({
    refersTo: isoDate,
    reported: isoDate,
    value: z.union([amount, z.boolean(), z.null()], { message: 'expected a number, true, false or null' }).optional(),
    range: z.tuple([amount, amount]).optional(),
    above: amount.optional(),
    below: amount.optional(),
    atMost: amount.optional(),
    atLeast: amount.optional(),
    verification: z.enum(MEASUREMENT_VERIFICATIONS),
    by: z.string().min(1),
    report: z.string().min(1).optional(),
    paragraph: z
      .union([z.string().min(1), z.number()])
      .transform(String)
      .optional(),
    reportSeen: z.boolean().optional(),
    sources: z.array(sourceSchema).default([]),
    note: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    // `value: null` is given on purpose (a report whose figure was not found), so it counts as given.
    const given = FIGURE_KEYS.filter((k) => v[k] !== undefined || (k === 'value' && 'value' in v));
    if (given.length !== 1)
      ctx.addIssue({
        code: 'custom',
        message: `${given.length === 0 ? 'missing' : `${given.join(' and ')} given together`}: a measurement needs exactly one of ${FIGURE_KEYS.join(', ')} (value: null for a report whose figure was not found)`,
      });
  });

export const indicatorSchema = z.strictObject({
  id,
  name: z.string().min(1),
  unit: z.string().min(1),
  kind: z.enum(INDICATOR_KINDS).default('quantity'),
  facility: id.optional(),
  limit: z
    .strictObject({
      ...testKeys,
      provision: z
        .string()
        .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, { message: 'expected agreement/provision' })
        .optional(),
      from: isoDate.optional(),
    })
    .superRefine(exactlyOne(LIMIT_TESTS, 'a limit'))
    .optional(),
  measurements: z.array(measurementSchema).default([]),
  note: z.string().optional(),
});

export type RequirementInput = z.infer<typeof requirementSchema>;
const label = z.string().optional();
const REQUIREMENT_MESSAGE =
  'expected one requirement: all, any, not, event, noEvent, facilities, provision, observed, notObserved or indicator (each with an optional label)';

/** Each kind of requirement as the files write it (one key naming its kind), tagged with that kind. */
const requirementKinds = {
  all: () =>
    z
      .strictObject({ all: z.array(requirementSchema).min(1), label })
      .transform((v) => ({ kind: 'all' as const, ...v })),
  any: () =>
    z
      .strictObject({ any: z.array(requirementSchema).min(1), label })
      .transform((v) => ({ kind: 'any' as const, ...v })),
  not: () => z.strictObject({ not: requirementSchema, label }).transform((v) => ({ kind: 'not' as const, ...v })),
  event: () => z.strictObject({ event: eventFilter, label }).transform((v) => ({ kind: 'event' as const, ...v })),
  noEvent: () => z.strictObject({ noEvent: eventFilter, label }).transform((v) => ({ kind: 'noEvent' as const, ...v })),
  facilities: () =>
    z
      .strictObject({
        facilities: z.strictObject({
          where: facilityFilter,
          coveredBy: eventFilter,
          atLeast: z.number().int().positive().max(MAX_COUNT),
        }),
        label,
      })
      .transform((v) => ({ kind: 'facilities' as const, ...v })),
  provision: () =>
    z
      .strictObject({
        provision: z.strictObject({ agreement: id, provision: id, atLeast: z.literal(REQUIRED_LEVELS) }),
        label,
      })
      .transform((v) => ({ kind: 'provision' as const, ...v })),
  observed: () =>
    z.strictObject({ observed: observationFilter, label }).transform((v) => ({ kind: 'observed' as const, ...v })),
  notObserved: () =>
    z
      .strictObject({ notObserved: observationFilter, label })
      .transform((v) => ({ kind: 'notObserved' as const, ...v })),
  indicator: () =>
    z.strictObject({ indicator: indicatorLeaf, label }).transform((v) => ({ kind: 'indicator' as const, ...v })),
} satisfies Record<RequirementKind, () => z.ZodType<Requirement, unknown>>;

/**
 * A requirement, read by the kind its key names: a mistake inside one is reported at its field
 * (`requires.notObserved.window.days`), not as "no kind of requirement matched".
 */
export const requirementSchema: z.ZodType<Requirement, unknown> = z.lazy(() =>
  z.unknown().transform((input, ctx) => {
    const kind = input !== null && typeof input === 'object' ? REQUIREMENT_KINDS.find((k) => k in input) : undefined;
    if (!kind) {
      ctx.addIssue({ code: 'custom', message: REQUIREMENT_MESSAGE, input });
      return z.NEVER;
    }
    const result = requirementKinds[kind]().safeParse(input);
    if (result.success) return result.data;
    for (const { input: _input, ...issue } of result.error.issues) ctx.addIssue(issue);
    return z.NEVER;
  }),
);

export const conditionSchema = z.strictObject({
  id,
  title: z.string().min(1),
  question: z.string().min(1).optional(),
  version: z.number().int().positive().max(MAX_VERSION).default(1),
  since: isoDate.optional(),
  description: z.string().optional(),
  sources: z.array(citationSchema).default([]),
  gates: z
    .array(
      z.strictObject({
        source: actorFilter.optional(),
        target: actorFilter.optional(),
        codes: z.array(eventCode).min(1),
        from: isoDate.optional(),
        to: isoDate.optional(),
        status: statusList,
      }),
    )
    .default([]),
  requires: requirementSchema,
});

/** The files of a case folder and the shape of each: a single object, or a list of entries. */
export const CASE_FILES = {
  'case.yaml': { schema: caseFileSchema, list: false },
  'actors.yaml': { schema: actorSchema, list: true },
  'events.yaml': { schema: eventSchema, list: true },
  'agreements.yaml': { schema: agreementSchema, list: true },
  'facilities.yaml': { schema: facilitySchema, list: true },
  'conditions.yaml': { schema: conditionSchema, list: true },
  'indicators.yaml': { schema: indicatorSchema, list: true },
} as const;

export type CaseFileName = keyof typeof CASE_FILES;
