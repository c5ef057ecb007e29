import type { IsoDate } from './iso-date.js';
import type { LaterNote, Source } from './event.js';

/**
 * Peace Accords Matrix implementation scale: 0 not started, 1 minimal, 2 intermediate, 3 full;
 * `na` where the provision does not apply (yet).
 */
export const IMPLEMENTATION_LEVELS = [0, 1, 2, 3, 'na'] as const;
export type ImplementationLevel = (typeof IMPLEMENTATION_LEVELS)[number];
/** The levels a condition can require (`na` is no level to reach). */
export const REQUIRED_LEVELS = [0, 1, 2, 3] as const;
export type RequiredLevel = (typeof REQUIRED_LEVELS)[number];

const LEVEL_NAMES: Record<string, string> = {
  '0': 'not started',
  '1': 'minimal',
  '2': 'intermediate',
  '3': 'full',
  na: 'not applicable',
};

export function levelName(level: ImplementationLevel): string {
  return LEVEL_NAMES[String(level)]!;
}

export interface ProvisionStatus {
  date: IsoDate;
  level: ImplementationLevel;
  /** Ledger event ids that support this status. */
  events: string[];
  sources: Source[];
  note?: string;
  /**
   * When the status became known: the earliest date of its sources or of the events it cites,
   * else of the agreement's own sources; never before the status's date. Set on load.
   */
  known?: IsoDate;
  /** Parts of the note learned later. */
  later?: LaterNote[];
}

export interface Provision {
  /** Unique within its agreement, e.g. `denuclearization`. */
  id: string;
  text: string;
  theme: string;
  /** Actor ids that owe this provision. */
  owedBy: string[];
  statuses: ProvisionStatus[];
}

export interface Agreement {
  id: string;
  caseId: string;
  name: string;
  date: IsoDate;
  parties: string[];
  sources: Source[];
  provisions: Provision[];
}

/** The status in force on a date: the last one dated on or before it. */
export function provisionStatusOn(p: Provision, date: IsoDate): ProvisionStatus | undefined {
  let found: ProvisionStatus | undefined;
  for (const s of p.statuses) if (s.date <= date && (!found || s.date >= found.date)) found = s;
  return found;
}
