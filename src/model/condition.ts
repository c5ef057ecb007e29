import type { IsoDate } from './iso-date.js';
import type { ReviewStatus, Source, Verification } from './event.js';
import type { FacilityStatus } from './facility.js';
import type { RequiredLevel } from './agreement.js';

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
}

export interface ObservationFilter {
  facilities?: FacilityFilter;
  findings?: ObservationFinding[];
  verification?: Verification;
  window?: Window;
}

export const OBSERVATION_FINDINGS = ['activity', 'no-activity', 'dismantling', 'inspection'] as const;
export type ObservationFinding = (typeof OBSERVATION_FINDINGS)[number];

/** What a condition requires, combined with all / any / not. `label` names the part in briefs. */
export type Requirement =
  | { all: Requirement[]; label?: string }
  | { any: Requirement[]; label?: string }
  | { not: Requirement; label?: string }
  | { event: EventFilter; label?: string }
  | { noEvent: EventFilter; label?: string }
  | { facilities: { where: FacilityFilter; coveredBy: EventFilter; atLeast: number }; label?: string }
  | { provision: { agreement: string; provision: string; atLeast: RequiredLevel }; label?: string }
  | { observed: ObservationFilter; label?: string }
  | { notObserved: ObservationFilter; label?: string };

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

export type Verdict = 'met' | 'unmet' | 'unknown';
