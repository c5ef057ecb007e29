import type { Role } from '../session.js';

export interface ViewEntry {
  path: string;
  label: string;
  /** The role a view needs; the server refuses the same to anyone below it. */
  role: Role;
  /** Offered only for a case that has what the view shows. */
  needs?: 'indicators';
}

export const VIEWS: ViewEntry[] = [
  { path: '/', label: 'Question', role: 'viewer' },
  { path: '/timeline', label: 'Timeline', role: 'viewer' },
  { path: '/reciprocity', label: 'Reciprocity', role: 'viewer' },
  { path: '/commitments', label: 'Commitments', role: 'viewer' },
  { path: '/facilities', label: 'Facilities', role: 'viewer' },
  { path: '/indicators', label: 'Indicators', role: 'viewer', needs: 'indicators' },
  { path: '/review', label: 'Review queue', role: 'analyst' },
  { path: '/read', label: 'Read', role: 'analyst' },
  { path: '/admin', label: 'Admin', role: 'admin' },
];
