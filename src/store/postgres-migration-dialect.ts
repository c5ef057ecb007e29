import {
  PostgresDialect,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type Kysely,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';

/**
 * What Kysely's migrator asks of the database (does the schema exist, which tables does it hold),
 * answered for the session's own schema only. Kysely's own PostgreSQL introspector reads every
 * schema's columns, through functions that fail when another session drops its schema meanwhile
 * ("schema ... does not exist"), and it can take another schema's migration tables for ours; with
 * a schema per test store, or per tenant, both happen.
 */
class CurrentSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const r = await sql<{ name: string }>`SELECT current_schema() AS name`.execute(this.db);
    return r.rows.filter((x) => x.name !== null);
  }

  async getTables(): Promise<TableMetadata[]> {
    const r = await sql<{ name: string; schema: string; kind: string }>`
      SELECT table_name AS name, table_schema AS schema, table_type AS kind
      FROM information_schema.tables WHERE table_schema = current_schema()`.execute(this.db);
    return r.rows.map((t) => ({ name: t.name, schema: t.schema, isView: t.kind === 'VIEW', columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

/** The PostgreSQL dialect for running the migrator: Kysely's, with the introspector above. */
export class PostgresMigrationDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}
