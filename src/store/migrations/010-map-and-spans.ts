import type { Kysely } from 'kysely';

/**
 * Where each facility is, for the dashboard's map (nullable: some sites are not public), and the
 * span of a read move's quote its code came from, for the review queue. Existing rows keep
 * their values and get nulls.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('facilities').addColumn('longitude', 'real').execute();
  await db.schema.alterTable('facilities').addColumn('latitude', 'real').execute();
  await db.schema.alterTable('event_sources').addColumn('span', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('event_sources').dropColumn('span').execute();
  await db.schema.alterTable('facilities').dropColumn('latitude').execute();
  await db.schema.alterTable('facilities').dropColumn('longitude').execute();
}
