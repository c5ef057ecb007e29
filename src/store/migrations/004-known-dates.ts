import { type Kysely, sql } from 'kysely';

/**
 * What was known when. Every fact gets the date it became known (`known_date`: the earliest
 * publication date of its sources, never before the fact) and the parts of its note or summary
 * learned later (`later`, JSON); events also get their `commitment` (JSON: who would verify an
 * offer to let outsiders in, and its status), and their sources a `title`.
 *
 * Rows already stored are carried over: an event is known from the earliest date of its sources
 * (a source with no date counts as published on the event's day); a facility status, an
 * observation and a provision status from the earliest date in their JSON sources.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').addColumn('known_date', 'text').execute();
  await db.schema.alterTable('events').addColumn('later', 'text').execute();
  await db.schema.alterTable('events').addColumn('commitment', 'text').execute();
  await db.schema.alterTable('event_sources').addColumn('title', 'text').execute();
  for (const table of ['facility_statuses', 'observations', 'provision_statuses']) {
    await db.schema.alterTable(table).addColumn('known_date', 'text').execute();
    await db.schema.alterTable(table).addColumn('later', 'text').execute();
  }
  // Known from a source dated on or before the event: the event's own day; else the earliest
  // later source; a source without a date counts as the event's day.
  await sql`
    UPDATE events SET known_date = CASE
      WHEN EXISTS (SELECT 1 FROM event_sources s WHERE s.case_id = events.case_id AND s.event_id = events.id
                   AND (s.date IS NULL OR s.date <= events.date)) THEN events.date
      ELSE COALESCE((SELECT min(s.date) FROM event_sources s
                     WHERE s.case_id = events.case_id AND s.event_id = events.id), events.date)
    END
  `.execute(db);
  await db.schema.createIndex('events_case_known').on('events').columns(['case_id', 'known_date']).execute();
  for (const table of ['facility_statuses', 'observations', 'provision_statuses'] as const)
    await carryKnownFromJsonSources(db, table);
}

/** Small tables: read each row's JSON sources and set its known date. */
async function carryKnownFromJsonSources(
  db: Kysely<unknown>,
  table: 'facility_statuses' | 'observations' | 'provision_statuses',
): Promise<void> {
  const key = sql.raw(
    table === 'observations'
      ? `case_id || '/' || facility_id || '/' || seq`
      : table === 'facility_statuses'
        ? `case_id || '/' || facility_id || '/' || date`
        : `case_id || '/' || agreement_id || '/' || provision_id || '/' || date`,
  );
  const rows = await sql<{ rid: string; date: string; sources: string }>`
    SELECT ${key} AS rid, date, sources FROM ${sql.table(table)}
  `.execute(db);
  for (const r of rows.rows) {
    let known = r.date;
    try {
      const dates = (JSON.parse(r.sources) as { date?: string }[]).map((s) => s.date ?? r.date);
      const earliest = dates.sort()[0];
      if (earliest !== undefined && earliest > r.date) known = earliest;
    } catch {
      // Unreadable sources: the fact's own date.
    }
    await sql`UPDATE ${sql.table(table)} SET known_date = ${known} WHERE ${key} = ${r.rid}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_case_known').ifExists().execute();
  for (const table of ['events', 'facility_statuses', 'observations', 'provision_statuses']) {
    await db.schema.alterTable(table).dropColumn('known_date').execute();
    await db.schema.alterTable(table).dropColumn('later').execute();
  }
  await db.schema.alterTable('events').dropColumn('commitment').execute();
  await db.schema.alterTable('event_sources').dropColumn('title').execute();
}
