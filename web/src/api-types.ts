/** The shapes of the API answers the views read (the server's OpenAPI document has them all). */
/** `not-stated`: the date is before the condition was stated. */
export type Verdict = 'met' | 'unmet' | 'unknown' | 'not-stated';

export interface Source {
  publisher: string;
  date?: string;
  link?: string;
  quote?: string;
  span?: [number, number];
}

export interface CaseInfo {
  id: string;
  title: string;
  description?: string;
  settings: {
    parties: string[];
    defaultAsOf?: string;
    period?: { from: string; to: string };
    reciprocitySince?: string;
    responseDays?: number;
    headlineCondition?: string;
  };
  /** More than 100,000 events: the views leave out what takes minutes to work out. */
  large: boolean;
  /** How many indicators the case follows; the indicators view is offered when there are any. */
  indicators: number;
  conditions: { id: string; title: string; question: string | null }[];
}

export interface Evidence {
  kind: 'event' | 'observation' | 'provision-status' | 'facility';
  date: string;
  id: string;
  summary: string;
  verification?: string;
  sources?: Source[];
}

export interface PartResult {
  kind: string;
  label: string;
  verdict: Verdict;
  evidence: Evidence[];
  missing?: string;
  count?: { have: number; need: number };
  parts?: PartResult[];
}

export interface GatedMove {
  id: string;
  date: string;
  summary: string;
  code: string;
  sourceCode: string;
  targetCode?: string;
  verdict: Verdict;
  missing: string[];
  beforeStated: boolean;
}

export interface ConditionResult {
  id: string;
  title: string;
  question?: string;
  asOf: string;
  verdict: Verdict;
  missing: string[];
  result: PartResult;
  /** When this version was stated, and who argued for it. */
  stated?: string | null;
  sources?: Source[];
  gatedMoves: GatedMove[];
  /** Moves of the kind the condition gates, made before it was stated: not gated, shown apart. */
  movesBeforeStated?: GatedMove[];
  /** How many there are in all; the lists hold the latest 100. */
  gatedTotal?: number;
  movesBeforeStatedTotal?: number;
  gatedNoun?: string;
}

export interface VerdictInterval {
  from: string;
  to: string;
  verdict: Verdict;
  missing: string[];
  cause?: string[];
  gatedMoves: GatedMove[];
}

export interface VerdictTimeline {
  conditionId: string;
  title: string;
  from: string;
  to: string;
  intervals: VerdictInterval[];
}

export interface LedgerEvent {
  id: string;
  date: string;
  endDate?: string;
  sourceActor: string;
  targetActor?: string;
  sourceCode: string;
  targetCode?: string;
  code: string;
  goldstein: number;
  quadClass: 1 | 2 | 3 | 4;
  summary: string;
  facilities: string[];
  sources: Source[];
  provenance: 'typed' | 'read' | 'imported';
  status: 'proposed' | 'confirmed' | 'rejected';
  verification: 'verified' | 'observed' | 'claimed';
  confidence: number;
  notes?: string;
  revision: number;
}

export interface EventsPage {
  /** Exact when `totalExact`; otherwise a lower bound (the server stops counting at 10,000). */
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
  events: LedgerEvent[];
}
