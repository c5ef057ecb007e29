import { type LoadReport, loadCaseFolder } from '../case/load-case.js';
import type { Agreement } from '../model/agreement.js';
import type { LedgerEvent } from '../model/event.js';
import type { AuditKind, NewAuditEntry } from '../store/audit-repository.js';
import type { CaseFrame } from '../store/case-repository.js';
import type { Store } from '../store/store.js';
import { type Acting, auditEntry, requireRole } from './acting.js';

/** Above this many events, a load's event changes are audited as one summary entry rather than one each. */
const EVENTS_AUDITED_ONE_BY_ONE = 5000;

/**
 * Loads a case folder (validated, in one transaction) and writes the audit trail of what it
 * changed: each provision, facility and condition added, changed or removed, with its value
 * before and after, the same for events on ordinary cases, and a summary entry for the load.
 */
export async function loadCase(
  acting: Acting,
  dir: string,
  options: { force?: boolean; prune?: boolean } = {},
): Promise<LoadReport> {
  requireRole(acting, 'analyst', 'loading a case');
  const { store } = acting;
  let before: Snapshot | undefined;
  const report = await loadCaseFolder(store, dir, {
    ...options,
    beforeWrite: async (tx: Store, caseId: string) => {
      before = await snapshot(tx, caseId);
    },
    afterWrite: async (tx: Store, caseId: string) => {
      const after = await snapshot(tx, caseId);
      const entries = changes(acting, caseId, before, after);
      entries.push(auditEntry(acting, { kind: 'case', action: 'load', caseId, subject: caseId, note: dir }));
      await tx.audit.record(entries);
    },
  });
  return report;
}

interface Snapshot {
  frame: CaseFrame | undefined;
  events: LedgerEvent[] | undefined;
}

async function snapshot(tx: Store, caseId: string): Promise<Snapshot> {
  const n = await tx.events.count({ caseId });
  return {
    frame: await tx.cases.readFrame(caseId),
    events: n <= EVENTS_AUDITED_ONE_BY_ONE ? await tx.events.find({ caseId }) : undefined,
  };
}

function provisions(agreements: readonly Agreement[] | undefined): { id: string }[] {
  return (agreements ?? []).flatMap((a) => a.provisions.map((p) => ({ ...p, id: `${a.id}/${p.id}` })));
}

function changes(acting: Acting, caseId: string, before: Snapshot | undefined, after: Snapshot): NewAuditEntry[] {
  const out: NewAuditEntry[] = [];
  const compare = (kind: AuditKind, old: readonly { id: string }[], now: readonly { id: string }[]) => {
    const was = new Map(old.map((x) => [x.id, x]));
    for (const x of now) {
      const prev = was.get(x.id);
      was.delete(x.id);
      if (prev && JSON.stringify(prev) === JSON.stringify(x)) continue;
      out.push(
        auditEntry(acting, {
          kind,
          action: prev ? 'update' : 'create',
          caseId,
          subject: x.id,
          before: prev ?? null,
          after: x,
        }),
      );
    }
    for (const [id, prev] of was)
      out.push(auditEntry(acting, { kind, action: 'remove', caseId, subject: id, before: prev }));
  };
  compare('provision', provisions(before?.frame?.agreements), provisions(after.frame?.agreements));
  compare('facility', before?.frame?.facilities ?? [], after.frame?.facilities ?? []);
  compare('condition', before?.frame?.conditions ?? [], after.frame?.conditions ?? []);
  if (after.events && (before?.events || !before?.frame)) compare('event', before?.events ?? [], after.events);
  return out;
}
