import { userInfo } from 'node:os';
import { PermissionError } from '../model/errors.js';
import type { Role } from '../store/account-repository.js';
import type { AuditRoute, NewAuditEntry } from '../store/audit-repository.js';
import type { Store } from '../store/store.js';

/** Who is acting: an account of the team server, or the local user at the command line. */
export interface ActingUser {
  /** Account name, or `os:USER` at the command line. */
  name: string;
  accountId: string | null;
  role: Role;
}

/** What every application function is given: the store, who acts, and through which route. */
export interface Acting {
  store: Store;
  user: ActingUser;
  route: AuditRoute;
}

/** The person at the command line: the local OS user, with every right (they own the database file). */
export function localUser(): ActingUser {
  let name = process.env.USER ?? 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // No passwd entry (a container's anonymous uid): $USER, or unknown.
  }
  return { name: `os:${name}`, accountId: null, role: 'admin' };
}

export function cliActing(store: Store, route: AuditRoute = 'cli'): Acting {
  return { store, user: localUser(), route };
}

const RANK: Record<Role, number> = { viewer: 1, analyst: 2, admin: 3 };

export function hasRole(user: ActingUser, role: Role): boolean {
  return RANK[user.role] >= RANK[role];
}

/** Refuses an action the acting user's role does not allow. */
export function requireRole(acting: Acting, role: Role, what: string): void {
  if (!hasRole(acting.user, role))
    throw new PermissionError(`${what} needs the ${role} role; ${acting.user.name} is ${acting.user.role}`);
}

/** An audit entry for a change made by the acting user now, through their route. */
export function auditEntry(
  acting: Acting,
  entry: Pick<NewAuditEntry, 'kind' | 'action' | 'subject'> & Partial<NewAuditEntry>,
): NewAuditEntry {
  return {
    at: new Date().toISOString(),
    actor: acting.user.name,
    accountId: acting.user.accountId,
    route: acting.route,
    caseId: null,
    before: null,
    after: null,
    note: null,
    ...entry,
  };
}
