import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { openDatabase, type Dialect, type OpenedDatabase } from './open-store.js';
import { openReadOnlyDatabase } from './open-read-only.js';
import { CaseRepository } from './case-repository.js';
import { CaseExportRepository } from './case-export-repository.js';
import { EventRepository } from './event-repository.js';
import { AggregateRepository } from './aggregate-repository.js';
import { AccountRepository } from './account-repository.js';
import { AuditRepository } from './audit-repository.js';
import { SessionRepository } from './session-repository.js';
import { SignInAttemptRepository } from './sign-in-attempt-repository.js';
import { TokenRepository } from './token-repository.js';

/**
 * The store: one Kysely query layer over SQLite or PostgreSQL, with a repository per aggregate.
 * `transaction` hands the callback a Store bound to the transaction, so the same repositories
 * write inside it and a failure leaves nothing behind.
 */
export class Store {
  readonly cases: CaseRepository;
  readonly exports: CaseExportRepository;
  readonly events: EventRepository;
  readonly aggregates: AggregateRepository;
  readonly accounts: AccountRepository;
  readonly sessions: SessionRepository;
  readonly tokens: TokenRepository;
  readonly signIns: SignInAttemptRepository;
  readonly audit: AuditRepository;

  constructor(
    readonly db: Kysely<Database>,
    readonly opened: OpenedDatabase,
  ) {
    this.cases = new CaseRepository(db);
    this.exports = new CaseExportRepository(db);
    this.events = new EventRepository(db, opened.sqlite);
    this.aggregates = new AggregateRepository(db);
    this.accounts = new AccountRepository(db);
    this.sessions = new SessionRepository(db);
    this.tokens = new TokenRepository(db);
    this.signIns = new SignInAttemptRepository(db);
    this.audit = new AuditRepository(db, opened.dialect === 'postgres');
  }

  /** True when the store was opened for reading only: every write fails. */
  get readOnly(): boolean {
    return this.opened.readOnly === true;
  }

  get dialect(): Dialect {
    return this.opened.dialect;
  }

  /** Refreshes the planner's statistics after a bulk change, so prefix and dyad queries pick their indexes. */
  async analyze(): Promise<void> {
    if (this.opened.sqlite) this.opened.sqlite.exec('ANALYZE');
    else await sql`ANALYZE events`.execute(this.db);
  }

  /**
   * Inside a transaction, waits until no other transaction holds `key`, and holds it to the end.
   * SQLite needs nothing: its write transactions begin with the write lock (`BEGIN IMMEDIATE`). On
   * PostgreSQL, whose transactions run side by side, a transaction-scoped advisory lock: two that
   * both read "no such row" and then insert it would otherwise collide.
   */
  async lockForWrite(key: string): Promise<void> {
    if (this.opened.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(this.db);
  }

  async transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(new Store(trx, this.opened)));
  }

  async close(): Promise<void> {
    await this.opened.db.destroy();
  }
}

export interface OpenStoreOptions {
  /** A PostgreSQL schema to work in (the tests use a fresh one each). */
  searchPath?: string;
  /**
   * `read` opens for reading only when it can (nothing created, migrated or written, so a
   * read-only file can be read); a store that does not exist yet or needs migrating is opened for
   * writing. Default `write`.
   */
  access?: 'read' | 'write';
}

export async function openStore(location: string, options: OpenStoreOptions = {}): Promise<Store> {
  const { access, ...rest } = options;
  const opened =
    (access === 'read' ? await openReadOnlyDatabase(location, rest) : undefined) ??
    (await openDatabase(location, rest));
  return new Store(opened.db, opened);
}
