import type { Kysely } from 'kysely';
import type { Source } from '../model/event.js';
import type { Figure, Indicator, IndicatorLimit, Measurement } from '../model/indicator.js';
import type { Database } from './database.js';
import { chunks, fromJson, toJson } from './json-column.js';

/** A case's indicators and their measurements: written whole with the case's frame, read back in file order. */
export class IndicatorRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Replaces every indicator of a case. */
  async write(caseId: string, indicators: readonly Indicator[]): Promise<void> {
    await this.db.deleteFrom('indicator_measurements').where('case_id', '=', caseId).execute();
    await this.db.deleteFrom('indicators').where('case_id', '=', caseId).execute();
    const rows = indicators.map((i, seq) => ({
      case_id: caseId,
      id: i.id,
      seq,
      name: i.name,
      unit: i.unit,
      kind: i.kind,
      facility_id: i.facility ?? null,
      limit_json: i.limit ? toJson(i.limit) : null,
      note: i.note ?? null,
    }));
    for (const batch of chunks(rows, 100)) await this.db.insertInto('indicators').values(batch).execute();
    const measurements = indicators.flatMap((i) =>
      i.measurements.map((m, seq) => ({
        case_id: caseId,
        indicator_id: i.id,
        seq,
        date: m.date,
        known_date: m.known,
        figure: toJson(m.figure),
        verification: m.verification,
        by: m.by,
        report: m.report ?? null,
        paragraph: m.paragraph ?? null,
        report_seen: m.reportSeen === undefined ? null : m.reportSeen ? 1 : 0,
        sources: toJson(m.sources),
        note: m.note ?? null,
      })),
    );
    for (const batch of chunks(measurements, 100))
      await this.db.insertInto('indicator_measurements').values(batch).execute();
  }

  /** The indicators of a case, in file order, each with its measurements oldest first. */
  async read(caseId: string): Promise<Indicator[]> {
    const rows = await this.db
      .selectFrom('indicators')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();
    if (rows.length === 0) return [];
    const ms = await this.db
      .selectFrom('indicator_measurements')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('indicator_id')
      .orderBy('seq')
      .execute();
    const byIndicator = new Map<string, Measurement[]>();
    for (const r of ms) {
      const m: Measurement = {
        date: r.date,
        known: r.known_date,
        figure: fromJson<Figure>(r.figure, { is: 'none' }),
        verification: r.verification,
        by: r.by,
        sources: fromJson<Source[]>(r.sources, []),
      };
      if (r.report !== null) m.report = r.report;
      if (r.paragraph !== null) m.paragraph = r.paragraph;
      if (r.report_seen !== null) m.reportSeen = Number(r.report_seen) === 1;
      if (r.note !== null) m.note = r.note;
      (byIndicator.get(r.indicator_id) ?? byIndicator.set(r.indicator_id, []).get(r.indicator_id)!).push(m);
    }
    return rows.map((r) => {
      const i: Indicator = {
        id: r.id,
        caseId,
        name: r.name,
        unit: r.unit,
        kind: r.kind,
        measurements: byIndicator.get(r.id) ?? [],
      };
      if (r.facility_id !== null) i.facility = r.facility_id;
      if (r.limit_json !== null)
        i.limit = fromJson<IndicatorLimit>(r.limit_json, undefined as unknown as IndicatorLimit);
      if (r.note !== null) i.note = r.note;
      return i;
    });
  }
}
