import type { ConditionVerdict, Verdict } from '../../model/condition.js';
import type { Source, Verification } from '../../model/event.js';
import type { MeasurementVerification } from '../../model/indicator.js';

/** One piece of evidence behind a part's verdict. */
export interface Evidence {
  kind: 'event' | 'observation' | 'provision-status' | 'facility' | 'measurement';
  date: string;
  /**
   * Event id, `facility/seq` for an observation, `agreement/provision` for a status, facility id,
   * `indicator/seq` for a measurement.
   */
  id: string;
  summary: string;
  verification?: Verification | MeasurementVerification;
  sources?: Source[];
}

/** The verdict of one part of a condition, with its evidence and what is still missing. */
export interface PartResult {
  kind:
    | 'all'
    | 'any'
    | 'not'
    | 'event'
    | 'noEvent'
    | 'facilities'
    | 'provision'
    | 'observed'
    | 'notObserved'
    | 'indicator';
  label: string;
  verdict: Verdict;
  evidence: Evidence[];
  /** For unmet or unknown parts: what would change the verdict, in plain words. */
  missing?: string;
  /** For the facilities part: how many count and how many are needed. */
  count?: { have: number; need: number };
  parts?: PartResult[];
}

/** A move a condition gates, taken while the condition was not met. */
export interface GatedMove {
  id: string;
  date: string;
  summary: string;
  code: string;
  sourceCode: string;
  targetCode?: string;
  /** The verdict on the day of the move: unmet or unknown; `not-stated` for a move before the condition was stated. */
  verdict: ConditionVerdict;
  /** What was missing on that day. */
  missing: string[];
  /** True when the move came before the condition was stated (`since`). */
  beforeStated: boolean;
}

export interface ConditionResult {
  id: string;
  title: string;
  question?: string;
  version: number;
  asOf: string;
  /** `not-stated` before the condition was stated (`since`); otherwise the verdict of its requirement. */
  verdict: ConditionVerdict;
  /** When this version of the condition was stated; null when the case does not say. */
  stated: string | null;
  /** Who argued for the condition (an op-ed, an agreement). */
  sources: Source[];
  /** Everything still missing, one sentence each (none before the condition was stated). */
  missing: string[];
  /** The requirement read on the date; before the condition was stated, read as if it applied. */
  result: PartResult;
  /** Moves the condition gates made while it was stated and not met, up to the date. */
  gatedMoves: GatedMove[];
  /** Moves of the same kind made before the condition was stated: not gated, counted apart. */
  movesBeforeStated: GatedMove[];
  /** What the gated moves are, as a singular noun (`visit`; `move` when the gates mix kinds). */
  gatedNoun: string;
}
