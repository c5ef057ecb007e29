import type { Kysely } from 'kysely';
import type { Database } from './database.js';

import type { Role } from '../model/account.js';

export { ROLES, type Role } from '../model/account.js';

export interface Account {
  id: string;
  name: string;
  role: Role;
  hasPassword: boolean;
  createdAt: string;
}

/** Accounts of the team server. Password hashes are read only by `passwordHash`, never listed. */
export class AccountRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(a: {
    id: string;
    name: string;
    role: Role;
    passwordHash: string | null;
    createdAt: string;
  }): Promise<Account> {
    await this.db
      .insertInto('accounts')
      .values({ id: a.id, name: a.name, role: a.role, password_hash: a.passwordHash, created_at: a.createdAt })
      .execute();
    return { id: a.id, name: a.name, role: a.role, hasPassword: a.passwordHash !== null, createdAt: a.createdAt };
  }

  async list(): Promise<Account[]> {
    const rows = await this.db.selectFrom('accounts').selectAll().orderBy('name').execute();
    return rows.map(toAccount);
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async byName(name: string): Promise<Account | undefined> {
    const r = await this.db.selectFrom('accounts').selectAll().where('name', '=', name).executeTakeFirst();
    return r ? toAccount(r) : undefined;
  }

  async byId(id: string): Promise<Account | undefined> {
    const r = await this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toAccount(r) : undefined;
  }

  async passwordHash(id: string): Promise<string | null> {
    const r = await this.db.selectFrom('accounts').select('password_hash').where('id', '=', id).executeTakeFirst();
    return r?.password_hash ?? null;
  }

  async setRole(id: string, role: Role): Promise<void> {
    await this.db.updateTable('accounts').set({ role }).where('id', '=', id).execute();
  }

  async setPasswordHash(id: string, hash: string): Promise<void> {
    await this.db.updateTable('accounts').set({ password_hash: hash }).where('id', '=', id).execute();
  }

  /** Removes an account with its sessions and sign-in links. */
  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('account_id', '=', id).execute();
    await this.db.deleteFrom('accounts').where('id', '=', id).execute();
  }

  async countAdmins(): Promise<number> {
    const r = await this.db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

function toAccount(r: {
  id: string;
  name: string;
  role: Role;
  password_hash: string | null;
  created_at: string;
}): Account {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    hasPassword: r.password_hash !== null,
    createdAt: r.created_at,
  };
}
