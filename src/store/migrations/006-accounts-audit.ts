import { type Kysely, sql } from 'kysely';

/**
 * The team server's tables: accounts, their sessions and one-time sign-in links, API tokens, the
 * sign-in attempts that rate-limit guessing, and the audit trail. Secrets (session and API
 * tokens, sign-in links) are stored only as SHA-256 hashes; passwords as argon2id hashes.
 *
 * Events gain `recorded_at` (when this version of the row was written) and `revision` (bumped on
 * every change, so two reviews of one event cannot both win). `event_history` keeps each version
 * an edit, a review or a removal replaced, and `frame_history` each case frame a load replaced,
 * so a brief can be rebuilt as the record stood on an earlier day. Existing events keep a null
 * `recorded_at`: recorded before history was kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // An ever-growing id: SQLite's integer key is its rowid; PostgreSQL needs a sequence.
  const serial = (await isPostgres(db)) ? 'serial' : 'integer';
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    // A sign-in link is a session that has not been opened yet: `kind` link, used once.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_account').on('sessions').column('account_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();

  await db.schema
    .createTable('sign_in_attempts')
    .addColumn('id', serial, (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('account_name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_attempts_name').on('sign_in_attempts').columns(['account_name', 'at']).execute();
  await db.schema.createIndex('sign_in_attempts_address').on('sign_in_attempts').columns(['address', 'at']).execute();

  await db.schema
    .createTable('audit')
    .addColumn('id', serial, (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('audit_case').on('audit').columns(['case_id', 'id']).execute();
  await db.schema.createIndex('audit_subject').on('audit').columns(['kind', 'subject']).execute();

  await db.schema.alterTable('events').addColumn('recorded_at', 'text').execute();
  await db.schema
    .alterTable('events')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('event_history')
    .addColumn('id', serial, (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('recorded_from', 'text')
    .addColumn('recorded_to', 'text', (c) => c.notNull())
    /** JSON of the whole LedgerEvent as it stood, sources and facilities included. */
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_history_case').on('event_history').columns(['case_id', 'recorded_to']).execute();

  await db.schema
    .createTable('frame_history')
    .addColumn('id', serial, (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('recorded_from', 'text', (c) => c.notNull())
    .addColumn('recorded_to', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('frame_history_case').on('frame_history').columns(['case_id', 'recorded_to']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['frame_history', 'event_history', 'audit', 'sign_in_attempts', 'api_tokens', 'sessions', 'accounts'])
    await db.schema.dropTable(t).ifExists().execute();
  await db.schema.alterTable('events').dropColumn('revision').execute();
  await db.schema.alterTable('events').dropColumn('recorded_at').execute();
}

async function isPostgres(db: Kysely<unknown>): Promise<boolean> {
  return (await sql`SELECT version()`.execute(db).catch(() => undefined)) !== undefined;
}
