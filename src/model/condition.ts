import type { IsoDate } from './iso-date.js';
import type { CommitmentStatus, ReviewStatus, Source, Verification, Verifier } from './event.js';
import type { FacilityStatus } from './facility.js';
import type { RequiredLevel } from './agreement.js';
import type { LimitTest, MeasurementVerification } from './indicator.js';
import { isOneOf } from './one-of.js';

/** Which actors an event side may have. All given fields must hold. */
export interface ActorFilter {
  /** CAMEO code the side acts under, matched on whole parts: `USA` covers `USAGOV`. */
  code?: string;
  /** A specific actor id. */
  actor?: string;
  /** Words the title of the role held on the event's date must contain (`Secretary of State`). */
  title?: string;
}

/** Days before the date asked about (`days`), or fixed bounds; both ends inclusive. */
export interface Window {
  days?: number;
  from?: IsoDate;
  to?: IsoDate;
}

export interface FacilityFilter {
  /** Every tag listed must be on the facility. */
  tags?: string[];
  key?: boolean;
  /** Status on the date asked about must be one of these. */
  status?: FacilityStatus[];
  country?: string;
  ids?: string[];
}

export interface EventFilter {
  source?: ActorFilter;
  target?: ActorFilter;
  /** CAMEO event code prefixes; any may match. */
  codes?: string[];
  /** Defaults to confirmed only. */
  status?: ReviewStatus[];
  /** The weakest verification that counts. */
  verification?: Verification;
  window?: Window;
  /** The event must concern at least one facility matching this. */
  facilities?: FacilityFilter;
  /** For commitments and offers: who would verify them (`inspecting-body` for the IAEA or an equivalent). */
  verifiers?: Verifier[];
  /** For commitments and offers: their status on the date asked about (`offered`, `accepted`). */
  commitments?: CommitmentStatus[];
}

export interface ObservationFilter {
  facilities?: FacilityFilter;
  findings?: ObservationFinding[];
  verification?: Verification;
  window?: Window;
}

export const OBSERVATION_FINDINGS = ['activity', 'no-activity', 'dismantling', 'inspection'] as const;
export type ObservationFinding = (typeof OBSERVATION_FINDINGS)[number];

/** The kinds of requirement, each a key in the case files (`all:`, `facilities:`, ...). */
export const REQUIREMENT_KINDS = [
  'all',
  'any',
  'not',
  'event',
  'noEvent',
  'facilities',
  'provision',
  'observed',
  'notObserved',
  'indicator',
] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

export interface FacilitiesRequirement {
  where: FacilityFilter;
  coveredBy: EventFilter;
  atLeast: number;
}

export interface ProvisionRequirement {
  agreement: string;
  provision: string;
  atLeast: RequiredLevel;
}

/**
 * The latest measurement of an indicator as of the date asked about, among those at the
 * verification level asked for (or stronger) and no older than the window, is at most / at
 * least / equal to a value. No such measurement is `unknown`, never `met`.
 */
export interface IndicatorRequirement {
  id: string;
  test: LimitTest;
  value: number | boolean;
  /** The weakest verification that counts; any when absent. */
  verification?: MeasurementVerification;
  /** The measurement must refer to one of the last `days` days up to the date asked about. */
  window?: { days: number };
  /**
   * Met once any measurement up to the date passed the test, and met from then on: for a step
   * verified once (the steps of an implementation day), not a limit kept over time.
   */
  ever?: boolean;
}

/**
 * What a condition requires, combined with all / any / not. `kind` names the one key each kind
 * carries, as written in the case files; `label` names the part in briefs.
 */
export type Requirement =
  | { kind: 'all'; all: Requirement[]; label?: string }
  | { kind: 'any'; any: Requirement[]; label?: string }
  | { kind: 'not'; not: Requirement; label?: string }
  | { kind: 'event'; event: EventFilter; label?: string }
  | { kind: 'noEvent'; noEvent: EventFilter; label?: string }
  | { kind: 'facilities'; facilities: FacilitiesRequirement; label?: string }
  | { kind: 'provision'; provision: ProvisionRequirement; label?: string }
  | { kind: 'observed'; observed: ObservationFilter; label?: string }
  | { kind: 'notObserved'; notObserved: ObservationFilter; label?: string }
  | { kind: 'indicator'; indicator: IndicatorRequirement; label?: string };

export type RequirementOf<K extends RequirementKind> = Extract<Requirement, { kind: K }>;

/** One handler per kind: a visitor that misses a kind does not compile. */
export type RequirementVisitor<T> = { [K in RequirementKind]: (r: RequirementOf<K>) => T };

/**
 * The one walk over a requirement's kinds, used by the evaluator, the case validator and the
 * brief's ledger collector. Composite handlers recurse by calling this again on their parts.
 */
export function visitRequirement<T>(r: Requirement, visit: RequirementVisitor<T>): T {
  switch (r.kind) {
    case 'all':
      return visit.all(r);
    case 'any':
      return visit.any(r);
    case 'not':
      return visit.not(r);
    case 'event':
      return visit.event(r);
    case 'noEvent':
      return visit.noEvent(r);
    case 'facilities':
      return visit.facilities(r);
    case 'provision':
      return visit.provision(r);
    case 'observed':
      return visit.observed(r);
    case 'notObserved':
      return visit.notObserved(r);
    case 'indicator':
      return visit.indicator(r);
    default:
      return unknownKind(r);
  }
}

function unknownKind(r: never): never {
  throw new Error(`unknown requirement kind in ${JSON.stringify(r)}`);
}

/**
 * A requirement as the case files write it (one key naming its kind, no `kind` field), or as
 * stored before kinds were recorded, with `kind` set on it and on every part. Requirements that
 * already carry `kind` come back unchanged. The shape must have been checked (case-schema.ts).
 */
export function requirementFromFile(raw: unknown): Requirement {
  const r = raw as Record<string, unknown>;
  const kind = typeof r.kind === 'string' ? r.kind : REQUIREMENT_KINDS.find((k) => k in r);
  if (!isOneOf(REQUIREMENT_KINDS, kind)) throw new Error(`a requirement of no known kind: ${JSON.stringify(raw)}`);
  const out = { ...r, kind } as Requirement;
  const same = (x: Requirement) => x;
  return visitRequirement<Requirement>(out, {
    all: (x) => ({ ...x, all: x.all.map(requirementFromFile) }),
    any: (x) => ({ ...x, any: x.any.map(requirementFromFile) }),
    not: (x) => ({ ...x, not: requirementFromFile(x.not) }),
    indicator: (x) => ('test' in x.indicator ? x : { ...x, indicator: indicatorRequirementFromFile(x.indicator) }),
    event: same,
    noEvent: same,
    facilities: same,
    provision: same,
    observed: same,
    notObserved: same,
  });
}

/** A requirement as the case files write it: the same object without `kind` fields. */
export function requirementToFile(r: Requirement): Record<string, unknown> {
  const { kind: _kind, ...rest } = r;
  const none = () => ({});
  const parts = visitRequirement<Record<string, unknown>>(r, {
    all: (x) => ({ all: x.all.map(requirementToFile) }),
    any: (x) => ({ any: x.any.map(requirementToFile) }),
    not: (x) => ({ not: requirementToFile(x.not) }),
    indicator: (x) => ({ indicator: indicatorRequirementToFile(x.indicator) }),
    event: none,
    noEvent: none,
    facilities: none,
    provision: none,
    observed: none,
    notObserved: none,
  });
  return { ...rest, ...parts };
}

/** An indicator leaf as the files write it (`atMost: 202.8`) to the model's test and value. */
function indicatorRequirementFromFile(raw: unknown): IndicatorRequirement {
  const { atMost, atLeast, equals, ...rest } = raw as Record<string, unknown>;
  const [test, value] = (
    atMost !== undefined ? ['atMost', atMost] : atLeast !== undefined ? ['atLeast', atLeast] : ['equals', equals]
  ) as [LimitTest, number | boolean];
  return { ...(rest as Omit<IndicatorRequirement, 'test' | 'value'>), test, value };
}

/** An indicator leaf as the files write it: the test as its own key (`atMost: 202.8`). */
function indicatorRequirementToFile(x: IndicatorRequirement): Record<string, unknown> {
  const out: Record<string, unknown> = { id: x.id, [x.test]: x.value };
  if (x.verification) out.verification = x.verification;
  if (x.window) out.window = x.window;
  if (x.ever) out.ever = x.ever;
  return out;
}

/** A pattern of moves a condition gates (`USA 042 PRK` by the Secretary of State). */
export interface MovePattern {
  source?: ActorFilter;
  target?: ActorFilter;
  codes: string[];
  from?: IsoDate;
  to?: IsoDate;
  /** Defaults to confirmed only. */
  status?: ReviewStatus[];
}

export interface Condition {
  id: string;
  caseId: string;
  title: string;
  /** The question a brief opens with when this is the case's headline ("Has North Korea met ...?"). */
  question?: string;
  version: number;
  /** When this version was set; gated moves are listed from here on unless `from` in a gate says otherwise. */
  since?: IsoDate;
  description?: string;
  /** Who argued for it. */
  sources: Source[];
  gates: MovePattern[];
  requires: Requirement;
}

export const VERDICTS = ['met', 'unmet', 'unknown'] as const;
export type Verdict = (typeof VERDICTS)[number];
/** A condition's verdict on a date: its requirement's, or `not-stated` before the condition was stated. */
export const CONDITION_VERDICTS = [...VERDICTS, 'not-stated'] as const;
export type ConditionVerdict = (typeof CONDITION_VERDICTS)[number];
