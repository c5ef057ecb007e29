import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { IMPORT_ORIGIN, type ImportDatabase } from './import-tables.js';

export interface RecordedImportsQuery {
  /** The cases whose imported rows are read. */
  cases: readonly string[];
  /** The dyad's two country parties (`USA`, `PRK`): the rows between them, either direction. */
  a: string;
  b: string;
  /** The moment (ISO timestamp): only imports complete by then count. */
  at: string;
}

/** Rows copied per statement: 15 columns each, well under SQLite's limit on bound values. */
const PAGE = 1000;

/**
 * Copies from one store into another the imported rows of a dyad as the first held them at a
 * moment: the rows of the imports that were complete by then (a row counts if any file that holds
 * it was), with their files' and series' records, and rebuilds their daily dyad aggregates there.
 * A dyad's rows are a small part of a dataset, and they are read a page at a time, so memory stays
 * bounded. Rows of a source removed since are gone from the record and cannot be brought back.
 */
export async function copyRecordedImports(
  fromDb: Kysely<Database>,
  toDb: Kysely<Database>,
  q: RecordedImportsQuery,
): Promise<number> {
  const from = fromDb as unknown as Kysely<ImportDatabase>;
  const to = toDb as unknown as Kysely<ImportDatabase>;
  const files = await from
    .selectFrom('import_files')
    .selectAll()
    .where('case_id', 'in', [...q.cases])
    .where('status', '=', 'complete')
    .where('finished_at', '<=', q.at)
    .execute();
  if (files.length === 0) return 0;
  const series = await from
    .selectFrom('import_series')
    .selectAll()
    .where('case_id', 'in', [...q.cases])
    .execute();
  await to.insertInto('import_files').values(files).execute();
  await to.insertInto('import_series').values(series).execute();
  const fileIds = files.map((f) => Number(f.id));
  let copied = 0;
  let after: { series: number; key: string } | null = null;
  for (;;) {
    const page = await dyadRowsOf(from, q, fileIds, after);
    if (page.length === 0) break;
    await to.insertInto('imported_events').values(page).execute();
    copied += page.length;
    const last = page[page.length - 1]!;
    after = { series: Number(last.series), key: last.event_key };
  }
  await sql`
    INSERT INTO dyad_days (case_id, origin, day, source, target, quad_class, n, goldstein_sum, positive_sum, negative_sum)
    SELECT s.case_id, ${IMPORT_ORIGIN}, e.day, e.source_party, e.target_party, e.quad_class, count(*), sum(e.goldstein),
           sum(CASE WHEN e.goldstein > 0 THEN e.goldstein ELSE 0 END), sum(CASE WHEN e.goldstein < 0 THEN e.goldstein ELSE 0 END)
    FROM imported_events e JOIN import_series s ON s.id = e.series
    GROUP BY s.case_id, e.day, e.source_party, e.target_party, e.quad_class`.execute(to);
  return copied;
}

/** One page of the dyad's rows held by one of `fileIds`, in key order after `after`. */
function dyadRowsOf(
  db: Kysely<ImportDatabase>,
  q: RecordedImportsQuery,
  fileIds: readonly number[],
  after: { series: number; key: string } | null,
) {
  return db
    .selectFrom('imported_events as e')
    .selectAll('e')
    .where('e.series', 'in', (eb) =>
      eb
        .selectFrom('import_series')
        .select('id')
        .where('case_id', 'in', [...q.cases]),
    )
    .where((eb) =>
      eb.or([
        eb.and([eb('e.source_party', '=', q.a), eb('e.target_party', '=', q.b)]),
        eb.and([eb('e.source_party', '=', q.b), eb('e.target_party', '=', q.a)]),
      ]),
    )
    .where((eb) =>
      eb.or([
        eb('e.file_id', 'in', [...fileIds]),
        eb.exists(
          eb
            .selectFrom('imported_event_holders as h')
            .select('h.file_id')
            .whereRef('h.series', '=', 'e.series')
            .whereRef('h.event_key', '=', 'e.event_key')
            .where('h.file_id', 'in', [...fileIds]),
        ),
      ]),
    )
    .$if(after !== null, (x) =>
      x.where((eb) =>
        eb.or([
          eb('e.series', '>', after!.series),
          eb.and([eb('e.series', '=', after!.series), eb('e.event_key', '>', after!.key)]),
        ]),
      ),
    )
    .orderBy('e.series')
    .orderBy('e.event_key')
    .limit(PAGE)
    .execute();
}
