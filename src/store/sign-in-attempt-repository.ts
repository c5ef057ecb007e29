import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** Sign-in attempts, counted per account name and per address to slow down guessing. */
export class SignInAttemptRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(accountName: string, address: string, ok: boolean, at: string): Promise<void> {
    await this.db
      .insertInto('sign_in_attempts')
      .values({ account_name: accountName, address, ok: ok ? 1 : 0, at })
      .execute();
  }

  /** Failed attempts since `since` for this account name, and the time of the latest. */
  async failuresForAccount(accountName: string, since: string): Promise<{ n: number; last: string | null }> {
    return this.failures('account_name', accountName, since);
  }

  async failuresFromAddress(address: string, since: string): Promise<{ n: number; last: string | null }> {
    return this.failures('address', address, since);
  }

  private async failures(
    column: 'account_name' | 'address',
    value: string,
    since: string,
  ): Promise<{ n: number; last: string | null }> {
    // Failures since the last success only: signing in clears the count.
    const lastOk = await this.db
      .selectFrom('sign_in_attempts')
      .select((eb) => eb.fn.max('at').as('at'))
      .where(column, '=', value)
      .where('ok', '=', 1)
      .where('at', '>=', since)
      .executeTakeFirst();
    const from = lastOk?.at && lastOk.at > since ? lastOk.at : since;
    const r = await this.db
      .selectFrom('sign_in_attempts')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('last')])
      .where(column, '=', value)
      .where('ok', '=', 0)
      .where('at', '>', from)
      .executeTakeFirstOrThrow();
    return { n: Number(r.n), last: r.last ?? null };
  }

  async removeBefore(at: string): Promise<void> {
    await this.db.deleteFrom('sign_in_attempts').where('at', '<', at).execute();
  }
}
