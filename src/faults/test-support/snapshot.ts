import { sql } from 'kysely';
import type { Store } from '../../store/store.js';

/** The tables whose content is the record: what a killed and finished run must leave as a clean run does. */
const TABLES = [
  'cases',
  'actors',
  'events',
  'event_sources',
  'event_facilities',
  'agreements',
  'provisions',
  'provision_statuses',
  'facilities',
  'facility_statuses',
  'observations',
  'conditions',
  'dyad_days',
  'event_days',
  'import_series',
  'imported_events',
  'imported_event_holders',
  'import_files',
] as const;

/**
 * Columns that say when or how a run went rather than what it recorded: times, where the rejects
 * went, and how far an import had read at its last commit (which depends on where it was killed).
 */
function incidental(column: string): boolean {
  return /_at$|^rejects_|^bytes_done$|^prefix_hash$|^path$|^revision$/.test(column);
}

/** Every row of the record's tables, as sorted text, without the incidental columns. */
export async function snapshotStore(store: Store): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(store.db);
    out[table] = rows.rows
      .map((r) =>
        JSON.stringify(
          Object.keys(r)
            .filter((k) => !incidental(k))
            .sort()
            .map((k) => [k, typeof r[k] === 'number' ? Number((r[k] as number).toPrecision(12)) : r[k]]),
        ),
      )
      .sort();
  }
  return out;
}
