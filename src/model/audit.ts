/** Through which door a change came in. */
export const AUDIT_ROUTES = ['cli', 'api', 'reader', 'import'] as const;
export type AuditRoute = (typeof AUDIT_ROUTES)[number];

/** What a change touched. */
export const AUDIT_KINDS = [
  'event',
  'provision',
  'facility',
  'condition',
  'account',
  'token',
  'case',
  'source',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
