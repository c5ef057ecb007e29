import { isIsoDate } from '../model/iso-date.js';
import { AuthenticationError, NotFoundError, ValidationError } from '../model/errors.js';
import type { ApiToken } from '../store/token-repository.js';
import { type Acting, type ActingUser, auditEntry, requireRole } from './acting.js';
import { checkRole } from './accounts.js';
import { endOfDay } from './recorded-store.js';
import { hashSecret, newId, newSecret } from './secrets.js';
import type { Store } from '../store/store.js';

/** Every API token starts with this, so a leaked one is easy to recognise and search for. */
export const TOKEN_PREFIX = 'parley_';

export interface CreatedToken {
  token: ApiToken;
  /** The secret, shown once: only its hash is kept. */
  secret: string;
}

/** Creates an API token for scripts (admin), valid through the end of `expires` (UTC) when given. */
export async function createToken(
  acting: Acting,
  input: { role: string; name?: string; expires?: string },
): Promise<CreatedToken> {
  requireRole(acting, 'admin', 'creating API tokens');
  const role = checkRole(input.role);
  if (input.expires !== undefined && !isIsoDate(input.expires))
    throw new ValidationError([
      {
        location: { file: 'token', field: 'expires' },
        message: `"${input.expires}" is not a date in the form YYYY-MM-DD`,
      },
    ]);
  const name = (input.name ?? `${role} token`).trim().slice(0, 100);
  const secret = `${TOKEN_PREFIX}${newSecret()}`;
  return acting.store.transaction(async (tx) => {
    const token = await tx.tokens.create(
      {
        id: newId('tok'),
        name,
        role,
        createdBy: acting.user.name,
        createdAt: new Date().toISOString(),
        expiresAt: input.expires ? endOfDay(input.expires) : null,
      },
      hashSecret(secret),
    );
    await tx.audit.record([auditEntry(acting, { kind: 'token', action: 'create', subject: token.id, after: token })]);
    return { token, secret };
  });
}

export async function listTokens(acting: Acting): Promise<ApiToken[]> {
  requireRole(acting, 'admin', 'listing API tokens');
  return acting.store.tokens.list();
}

export async function revokeToken(acting: Acting, id: string): Promise<ApiToken> {
  requireRole(acting, 'admin', 'revoking API tokens');
  return acting.store.transaction(async (tx) => {
    const before = await tx.tokens.byId(id);
    if (!before) throw new NotFoundError(`no API token ${id}; \`parley token list\` lists them`);
    if (before.revokedAt) return before;
    const at = new Date().toISOString();
    await tx.tokens.revoke(id, at);
    const after = { ...before, revokedAt: at };
    await tx.audit.record([auditEntry(acting, { kind: 'token', action: 'revoke', subject: id, before, after })]);
    return after;
  });
}

/** The user a Bearer token acts as; refuses unknown, revoked and expired tokens, each with its reason. */
export async function tokenUser(store: Store, secret: string): Promise<ActingUser> {
  const token = await store.tokens.byHash(hashSecret(secret));
  if (!token) throw new AuthenticationError('the API token is not known');
  if (token.revokedAt)
    throw new AuthenticationError(`the API token "${token.name}" was revoked on ${token.revokedAt.slice(0, 10)}`);
  const now = new Date().toISOString();
  if (token.expiresAt && token.expiresAt <= now)
    throw new AuthenticationError(`the API token "${token.name}" expired on ${token.expiresAt.slice(0, 10)}`);
  // Last use to the minute: enough for "is this token still used?", and one write a minute at most.
  if (!token.lastUsedAt || token.lastUsedAt.slice(0, 16) !== now.slice(0, 16)) await store.tokens.touch(token.id, now);
  return { name: `token:${token.name}`, accountId: null, role: token.role };
}
