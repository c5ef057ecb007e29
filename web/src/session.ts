import { computed, signal } from '@preact/signals';
import { api, setCsrfToken } from './api.js';

export type Role = 'viewer' | 'analyst' | 'admin';

export interface SessionUser {
  name: string;
  role: Role;
}

export const session = signal<SessionUser | null>(null);

const RANK: Record<Role, number> = { viewer: 1, analyst: 2, admin: 3 };

/** Whether the signed-in user may do what needs `role`; the server checks again on every change. */
export function can(role: Role): boolean {
  const u = session.value;
  return u !== null && RANK[u.role] >= RANK[role];
}

export const canWrite = computed(() => can('analyst'));

export async function loadSession(): Promise<void> {
  const s = await api<{ user: SessionUser; csrfToken: string | null }>('/api/session');
  setCsrfToken(s.csrfToken);
  session.value = s.user;
}

export async function signOut(): Promise<void> {
  await api('/api/session', { method: 'DELETE' });
  location.href = '/';
}
