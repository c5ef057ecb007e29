import { evaluateCondition } from '../analysis/conditions/evaluate-condition.js';
import { collectConditionLedger } from '../brief/collect-condition-ledger.js';
import type { ConditionVerdict as Verdict } from '../model/condition.js';
import { todayIso } from '../model/iso-date.js';
import { frameAsKnown } from '../model/knowledge.js';
import type { AuditEntry } from '../store/audit-repository.js';
import type { Store } from '../store/store.js';
import type { LiveHub } from './live-hub.js';

/** Kinds of change that can move a verdict. */
const MOVES_VERDICTS = new Set(['event', 'provision', 'facility', 'condition', 'case']);

/**
 * Tells a case's stream when a change moves one of its conditions' verdicts on the case's
 * default date (the date its brief opens on): after each batch of changes to a case that has
 * clients, the verdicts are worked out again and compared with the last ones sent.
 */
export class VerdictWatch {
  private readonly last = new Map<string, Map<string, Verdict>>();

  constructor(
    private readonly store: Store,
    private readonly hub: LiveHub,
  ) {
    hub.onChanges((entries) => void this.changed(entries));
  }

  /** The verdicts a client sees when it connects, remembered as the ones it knows. */
  async current(caseId: string): Promise<Map<string, Verdict>> {
    const known = this.last.get(caseId);
    if (known) return known;
    const now = await this.evaluate(caseId);
    this.last.set(caseId, now.verdicts);
    return now.verdicts;
  }

  private async evaluate(caseId: string): Promise<{ asOf: string; verdicts: Map<string, Verdict> }> {
    const frame = await this.store.cases.readFrame(caseId);
    const verdicts = new Map<string, Verdict>();
    const asOf = frame?.info.settings.defaultAsOf ?? todayIso();
    if (!frame) return { asOf, verdicts };
    // As known on that date, as the brief reads it by default.
    const view = frameAsKnown(frame, asOf);
    for (const c of view.conditions) {
      const ledger = await collectConditionLedger(this.store, view, c, asOf, asOf);
      verdicts.set(c.id, evaluateCondition({ ...c, gates: [] }, asOf, ledger).verdict);
    }
    return { asOf, verdicts };
  }

  private async changed(entries: AuditEntry[]): Promise<void> {
    const cases = new Set(entries.filter((e) => e.caseId && MOVES_VERDICTS.has(e.kind)).map((e) => e.caseId!));
    for (const caseId of cases) {
      const before = this.last.get(caseId);
      if (!before) continue;
      try {
        const { asOf, verdicts } = await this.evaluate(caseId);
        this.last.set(caseId, verdicts);
        for (const [id, verdict] of verdicts) {
          const was = before.get(id);
          if (was !== verdict)
            this.hub.deliver(
              { type: 'verdict', caseId, data: { conditionId: id, asOf, verdict, before: was ?? null } },
              false,
            );
        }
      } catch {
        // A case removed meanwhile, or the store closing: nothing to tell.
      }
    }
  }
}
