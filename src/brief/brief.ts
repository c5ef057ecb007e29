import type { ConditionResult, Evidence, GatedMove } from '../analysis/conditions/condition-result.js';
import type { IndicatorSummary } from '../analysis/indicator-summary.js';
import type { PaceResult } from '../analysis/pace.js';
import type { ReciprocityResult } from '../analysis/reciprocity.js';
import type { Scorecard } from '../analysis/scorecard.js';
import type { ConditionVerdict, ObservationFinding } from '../model/condition.js';
import type { Source, Verification } from '../model/event.js';
import type { FacilityStatus } from '../model/facility.js';
import type { LateFact } from '../model/knowledge.js';

/**
 * The state of a case on a date: what `parley brief` prints and `--format json` emits. The JSON
 * shape is versioned by `schema`; fields are only ever added within a version.
 */
export interface Brief {
  schema: 'parley.brief/1';
  case: { id: string; title: string; description?: string };
  asOf: string;
  /** Where `asOf` came from: --as-of, the case's default date, or today. */
  asOfChosenBy: 'option' | 'case' | 'today';
  /**
   * The last day whose knowledge the brief uses: `asOf` by default (what was known then); a
   * later date with --known-by; null with --hindsight (everything on record).
   */
  asKnownOn: string | null;
  /** What hindsight adds, when the brief uses knowledge from after `asOf`; null otherwise. */
  hindsight: Hindsight | null;
  /** Set when `asOf` is after the last day the case's record covers. */
  recordNote: string | null;
  /** The question the case opens with (its headline condition), answered. Null when the case names none. */
  headline: Headline | null;
  /** Every current condition of the case, the headline's included. */
  conditions: ConditionResult[];
  reciprocity: ReciprocityResult;
  /** How the reciprocity window was chosen and what it counts. */
  reciprocityWindow: ReciprocityWindow;
  /**
   * Reciprocity over imported dataset rows of the dyad in the same window, apart from the case's
   * own moves (`reciprocity`), which it never adds to. Absent when no imported row falls there.
   */
  importedReciprocity?: ImportedReciprocity;
  scorecard: Scorecard;
  facilities: FacilitiesSummary;
  /**
   * The case's indicators with their limit, latest figure and trend, as known on the date (the
   * measurements reported by then); absent when the case follows none.
   */
  indicators?: IndicatorSummary[];
  pace: PaceResult;
  /** What the pace's steps are, in words. */
  paceCounted: string;
  ledger: LedgerCounts;
}

/** The facts dated by the brief's date that were not yet known on it. */
export interface Hindsight {
  knownBy: string | null;
  notYetKnown: LateFact[];
}

export interface Headline {
  conditionId: string;
  question: string;
  /** `not-stated` when the date asked about is before the condition was stated. */
  verdict: ConditionVerdict;
  /** When the condition was stated; null when the case does not say. */
  stated: string | null;
  /** Who argued for the condition: the brief cites them under the question. */
  sources: Source[];
  /** One-sentence answer. */
  answer: string;
  evidence: Evidence[];
  missing: string[];
  /** Gated moves made while the condition was stated and not met. */
  gatedMoves: GatedMove[];
  /** Moves of the same kind made before the condition was stated, counted apart. */
  movesBeforeStated: GatedMove[];
}

export interface FacilityLine {
  id: string;
  name: string;
  type: string;
  key: boolean;
  declared: boolean | null;
  status: FacilityStatus;
  statusSince: string | null;
  statusNote: string | null;
  lastObservation: { date: string; by: string; finding: ObservationFinding; verification: Verification } | null;
  /** The strongest verification of any observation up to the date; null when never observed. */
  bestVerification: Verification | null;
}

export interface FacilitiesSummary {
  total: number;
  byStatus: Partial<Record<FacilityStatus, number>>;
  /** Key sites, each with its status on the date. */
  key: FacilityLine[];
  /** Facilities not in `key` (not marked key): `total` − `key.length`. */
  omitted: number;
}

export interface LedgerCounts {
  events: number;
  confirmed: number;
  proposed: number;
  rejected: number;
  /** Imported dataset rows the reciprocity read: the dyad's, in the window. */
  imported: number;
}

/** Imported rows of the dyad, read apart from the case's own moves. */
export interface ImportedReciprocity {
  /** Imported rows of the dyad in the window. */
  rows: number;
  /** The datasets they come from (`gdelt2`, `icews`, ...). */
  datasets: string[];
  /** How many of them look like a move the case holds (same direction and CAMEO root, within a day). */
  alsoInCase: number;
  /** What the counts are over, in words. */
  counted: string;
  reciprocity: ReciprocityResult;
}

/** The reciprocity window: where its start came from, and what its counts count. */
export interface ReciprocityWindow {
  from: string;
  to: string;
  /** `option`: --from; `reciprocitySince`: the case setting; `period`: the case period's start; `yearBefore`: a year before `to`. */
  fromChosenBy: 'option' | 'reciprocitySince' | 'period' | 'yearBefore';
  /** What the counts and sums are over, in words. */
  counted: string;
  /** Why the window is not the case's usual one (the date asked about is before it, or before the record); null otherwise. */
  note: string | null;
}
