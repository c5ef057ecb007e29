import type { AuditEntry, AuditKind } from '../store/audit-repository.js';
import { type Acting, requireRole } from './acting.js';
import { endOfDay } from './recorded-store.js';

/** Which changes to list; days are UTC and both ends are included. */
export interface AuditTrailQuery {
  caseId?: string;
  kind?: AuditKind;
  subject?: string;
  actor?: string;
  from?: string;
  to?: string;
  limit: number;
}

/** The newest changes of the audit trail first (admin): `parley audit` and `GET /api/audit`. */
export async function auditTrail(acting: Acting, q: AuditTrailQuery): Promise<AuditEntry[]> {
  requireRole(acting, 'admin', 'reading the audit trail');
  return acting.store.audit.find({
    order: 'desc',
    limit: q.limit,
    ...(q.caseId ? { caseId: q.caseId } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.subject ? { subject: q.subject } : {}),
    ...(q.actor ? { actor: q.actor } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: endOfDay(q.to) } : {}),
  });
}
