import type { Kysely, Selectable } from 'kysely';
import type { ApiTokensTable, Database } from './database.js';
import type { Role } from './account-repository.js';

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** API tokens for scripts, found by the hash of their secret; the secret itself is never stored. */
export class TokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(t: Omit<ApiToken, 'revokedAt' | 'lastUsedAt'>, tokenHash: string): Promise<ApiToken> {
    await this.db
      .insertInto('api_tokens')
      .values({
        id: t.id,
        token_hash: tokenHash,
        name: t.name,
        role: t.role,
        created_by: t.createdBy,
        created_at: t.createdAt,
        expires_at: t.expiresAt,
        revoked_at: null,
        last_used_at: null,
      })
      .execute();
    return { ...t, revokedAt: null, lastUsedAt: null };
  }

  async list(): Promise<ApiToken[]> {
    const rows = await this.db.selectFrom('api_tokens').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toToken);
  }

  async byId(id: string): Promise<ApiToken | undefined> {
    const r = await this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toToken(r) : undefined;
  }

  async byHash(tokenHash: string): Promise<ApiToken | undefined> {
    const r = await this.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return r ? toToken(r) : undefined;
  }

  async revoke(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}

function toToken(r: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  };
}
