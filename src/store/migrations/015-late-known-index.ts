import { type Kysely, sql } from 'kysely';

/**
 * The events that became known after the day they happened: few in any case, yet a brief read
 * "as known on" a day asks for them on every reading (to take them out of the day's aggregates),
 * and without this index the planner walks every event up to that day to find none. A partial
 * index holds only those events; the query names `known_date > date` so that both engines may use it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('events_case_learned_late')
    .ifNotExists()
    .on('events')
    .columns(['case_id', 'date'])
    .where(sql.ref('known_date'), '>', sql.ref('date'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_case_learned_late').ifExists().execute();
}
