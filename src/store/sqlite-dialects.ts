import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';

/**
 * Kysely's SQLite driver with transactions that take SQLite's write lock when they begin
 * (`BEGIN IMMEDIATE`). A deferred `BEGIN` takes it at the first write, and in WAL mode a transaction
 * that has read before another writer committed cannot take it at all (SQLITE_BUSY at once, the busy
 * timeout does not help): two `event add` processes would both read the free ids, and one would
 * fail. The store's transactions are for writing, so they all begin as writers and queue on the
 * busy timeout instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config);
  }
}

/**
 * For running Kysely's migrator inside a transaction its caller already holds (`BEGIN IMMEDIATE`
 * on the raw handle): the migrator's own transaction becomes a savepoint, and closing this Kysely
 * instance leaves the shared connection open.
 */
class NestedSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('savepoint kysely_migration'));
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('release kysely_migration'));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback to kysely_migration'));
    await connection.executeQuery(CompiledQuery.raw('release kysely_migration'));
  }

  override async destroy(): Promise<void> {}
}

export class NestedSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }

  override createDriver(): Driver {
    return new NestedSqliteDriver(this.config);
  }
}
