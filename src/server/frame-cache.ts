import type { CaseFrame } from '../store/case-repository.js';
import type { Store } from '../store/store.js';
import { LedgerCache } from './brief-cache.js';
import type { LedgerVersion } from './ledger-version.js';

/** Frames kept at once: one per case in use; a frame of 10,000 facilities weighs tens of MiB. */
const FRAMES_KEPT = 4;

/**
 * Case frames (settings, actors, agreements, facilities, conditions) kept until the ledger
 * changes. Reading one is the slow part of every analysis on a case with thousands of
 * facilities (most of a second for 10,000), and it changes only when the ledger does. The frames
 * handed out are shared: callers read them and derive new ones (`frameAsKnown`), never edit them.
 */
export class FrameCache {
  private readonly cache: LedgerCache<CaseFrame | undefined>;

  constructor(
    private readonly store: Store,
    version: LedgerVersion,
  ) {
    this.cache = new LedgerCache<CaseFrame | undefined>(version, { maxWeight: FRAMES_KEPT, weigh: () => 1 });
  }

  /** The case's frame as the ledger stands, or undefined when there is no such case. */
  async get(caseId: string): Promise<CaseFrame | undefined> {
    return (await this.cache.get(caseId, () => this.store.cases.readFrame(caseId))).value;
  }
}
