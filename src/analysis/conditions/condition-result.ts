import type { Verdict } from '../../model/condition.js';
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
  /** The verdict on the day of the move (unmet, or unknown). */
  verdict: Verdict;
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
  verdict: Verdict;
  /** Everything still missing, one sentence each. */
  missing: string[];
  result: PartResult;
  gatedMoves: GatedMove[];
}
