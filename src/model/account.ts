/** What an account or API token may do on the team server: read, record and review, or also manage accounts. */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in browser session, or a one-time sign-in link not used yet. */
export const SESSION_KINDS = ['session', 'link'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
