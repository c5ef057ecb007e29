import type { Kysely } from 'kysely';
import type { Database } from './database.js';

import type { SessionKind } from '../model/account.js';

export type { SessionKind } from '../model/account.js';

export interface StoredSession {
  accountId: string;
  kind: SessionKind;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

/** Browser sessions and one-time sign-in links, found by the hash of their secret. */
export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(tokenHash: string, s: StoredSession): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        token_hash: tokenHash,
        account_id: s.accountId,
        kind: s.kind,
        csrf_token: s.csrfToken,
        created_at: s.createdAt,
        expires_at: s.expiresAt,
      })
      .execute();
  }

  /** The session or link with this hash, if it has not expired at `now`. */
  async find(tokenHash: string, now: string): Promise<StoredSession | undefined> {
    const r = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      accountId: r.account_id,
      kind: r.kind,
      csrfToken: r.csrf_token,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
    };
  }

  /** Deletes one session or link; true when it was there (a link is used once: the second use finds nothing). */
  async remove(tokenHash: string): Promise<boolean> {
    const r = await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async removeExpired(now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }
}
