import type { Role } from '../session.js';

export interface ViewEntry {
  path: string;
  label: string;
  /** The role a view needs; the server refuses the same to anyone below it. */
  role: Role;
}

export const VIEWS: ViewEntry[] = [
  { path: '/', label: 'Question', role: 'viewer' },
  { path: '/timeline', label: 'Timeline', role: 'viewer' },
  { path: '/reciprocity', label: 'Reciprocity', role: 'viewer' },
  { path: '/commitments', label: 'Commitments', role: 'viewer' },
  { path: '/facilities', label: 'Facilities', role: 'viewer' },
  { path: '/review', label: 'Review queue', role: 'analyst' },
  { path: '/read', label: 'Read', role: 'analyst' },
  { path: '/admin', label: 'Admin', role: 'admin' },
];
