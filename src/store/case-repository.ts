import { type Kysely, sql } from 'kysely';
import type { Actor, ActorRole } from '../model/actor.js';
import type { Agreement, ImplementationLevel, Provision } from '../model/agreement.js';
import type { CaseData, CaseInfo, CaseSettings } from '../model/case.js';
import { type Condition, requirementFromFile } from '../model/condition.js';
import type { LaterNote, Source } from '../model/event.js';
import { type KnowableFact, knownFrom, knownOf } from '../model/knowledge.js';
import type { Facility, Observation } from '../model/facility.js';
import type { Indicator } from '../model/indicator.js';
import type { Database } from './database.js';
import { IndicatorRepository } from './indicator-repository.js';
import { chunks, fromJson, toJson } from './json-column.js';

/** Origin key of events that come from a case's files; a reload replaces exactly these. */
export const FILE_ORIGIN = 'file';

export interface CaseSummary {
  id: string;
  title: string;
  loadedAt: string;
  events: number;
  actors: number;
  agreements: number;
  facilities: number;
  conditions: number;
  /** The quantities the case follows (indicators.yaml). */
  indicators: number;
}

/** The tables of a case's non-event parts, which a write of its frame empties first. */
const FRAME_TABLES = [
  'actors',
  'agreements',
  'provisions',
  'provision_statuses',
  'facilities',
  'facility_statuses',
  'observations',
] as const;

/** Everything of a case except its events, which are read by query. */
export type CaseFrame = Omit<CaseData, 'events'>;

export class CaseRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async info(
    caseId: string,
  ): Promise<(CaseInfo & { filesHash: string | null; sourceDir: string | null; loadedAt: string }) | undefined> {
    const r = await this.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
    if (!r) return undefined;
    const info: CaseInfo & { filesHash: string | null; sourceDir: string | null; loadedAt: string } = {
      id: r.id,
      title: r.title,
      settings: fromJson<CaseSettings>(r.settings, { parties: ['', ''] }),
      filesHash: r.files_hash,
      sourceDir: r.source_dir,
      loadedAt: r.loaded_at,
    };
    if (r.description) info.description = r.description;
    return info;
  }

  async list(): Promise<CaseSummary[]> {
    const cases = await this.db.selectFrom('cases').selectAll().orderBy('id').execute();
    const out: CaseSummary[] = [];
    for (const c of cases) {
      const count = async (table: 'actors' | 'agreements' | 'facilities' | 'indicators'): Promise<number> => {
        const r = await this.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('case_id', '=', c.id)
          .executeTakeFirstOrThrow();
        return Number(r.n);
      };
      const conditions = await this.db
        .selectFrom('conditions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('case_id', '=', c.id)
        .where('current', '=', 1)
        .executeTakeFirstOrThrow();
      // Events from the daily counts every write keeps (as the brief's ledger counts are): a count
      // of the events themselves walks an index of the whole case, half a second on a million.
      const events = await this.db
        .selectFrom('event_days')
        .select(sql<number>`coalesce(sum(n), 0)`.as('n'))
        .where('case_id', '=', c.id)
        .executeTakeFirstOrThrow();
      out.push({
        id: c.id,
        title: c.title,
        loadedAt: c.loaded_at,
        events: Number(events.n),
        actors: await count('actors'),
        agreements: await count('agreements'),
        facilities: await count('facilities'),
        conditions: Number(conditions.n),
        indicators: await count('indicators'),
      });
    }
    return out;
  }

  /** Adds actors to a case (those the reader meets that the case did not have yet). */
  async insertActors(caseId: string, actors: readonly Actor[]): Promise<void> {
    for (const batch of chunks(actors, 100)) {
      await this.db
        .insertInto('actors')
        .values(
          batch.map((a) => ({
            case_id: caseId,
            id: a.id,
            kind: a.kind,
            name: a.name,
            code: a.code ?? null,
            aliases: toJson(a.aliases),
            roles: toJson(a.roles),
            source: a.source ?? null,
            notes: a.notes ?? null,
          })),
        )
        .execute();
    }
  }

  /** Writes the case row and every non-event part, replacing what the case had. */
  async writeFrame(
    frame: CaseFrame,
    origin: { filesHash: string | null; sourceDir: string | null },
    loadedAt: string,
  ): Promise<void> {
    const caseId = frame.info.id;
    await this.archiveFrame(caseId, loadedAt);
    await this.writeCaseRow(frame.info, origin, loadedAt);
    for (const t of FRAME_TABLES) await this.db.deleteFrom(t).where('case_id', '=', caseId).execute();
    await this.insertActors(caseId, frame.actors);
    for (const ag of frame.agreements) await this.insertAgreement(caseId, ag);
    for (const batch of chunks(frame.facilities, 100)) await this.insertFacilities(caseId, batch);
    await this.writeConditions(caseId, frame.conditions, loadedAt);
    await new IndicatorRepository(this.db).write(caseId, frame.indicators ?? []);
  }

  private async writeCaseRow(
    info: CaseInfo,
    origin: { filesHash: string | null; sourceDir: string | null },
    loadedAt: string,
  ): Promise<void> {
    await this.db.deleteFrom('cases').where('id', '=', info.id).execute();
    await this.db
      .insertInto('cases')
      .values({
        id: info.id,
        title: info.title,
        description: info.description ?? null,
        settings: toJson(info.settings),
        files_hash: origin.filesHash,
        source_dir: origin.sourceDir,
        loaded_at: loadedAt,
      })
      .execute();
  }

  /** An agreement, its provisions in order, and each provision's dated statuses. */
  private async insertAgreement(caseId: string, ag: Agreement): Promise<void> {
    await this.db
      .insertInto('agreements')
      .values({
        case_id: caseId,
        id: ag.id,
        name: ag.name,
        date: ag.date,
        parties: toJson(ag.parties),
        sources: toJson(ag.sources),
      })
      .execute();
    for (const [seq, p] of ag.provisions.entries()) {
      await this.db
        .insertInto('provisions')
        .values({
          case_id: caseId,
          agreement_id: ag.id,
          id: p.id,
          seq,
          text: p.text,
          theme: p.theme,
          owed_by: toJson(p.owedBy),
        })
        .execute();
      if (p.statuses.length === 0) continue;
      await this.db
        .insertInto('provision_statuses')
        .values(
          p.statuses.map((s) => ({
            case_id: caseId,
            agreement_id: ag.id,
            provision_id: p.id,
            date: s.date,
            level: s.level === 'na' ? -1 : s.level,
            events: toJson(s.events),
            sources: toJson(s.sources),
            note: s.note ?? null,
            ...knownColumns(s),
          })),
        )
        .execute();
    }
  }

  /** A batch of facilities, then their statuses and observations in batches of 100 rows. */
  private async insertFacilities(caseId: string, batch: readonly Facility[]): Promise<void> {
    await this.db
      .insertInto('facilities')
      .values(
        batch.map((f) => ({
          case_id: caseId,
          id: f.id,
          name: f.name,
          type: f.type,
          tags: toJson(f.tags),
          location: f.location,
          longitude: f.coordinates?.[0] ?? null,
          latitude: f.coordinates?.[1] ?? null,
          country: f.country,
          key: f.key ? 1 : 0,
          declared: f.declared === undefined ? null : f.declared ? 1 : 0,
          notes: f.notes ?? null,
        })),
      )
      .execute();
    const statuses = batch.flatMap((f) =>
      f.statuses.map((s) => ({
        case_id: caseId,
        facility_id: f.id,
        date: s.date,
        status: s.status,
        sources: toJson(s.sources),
        note: s.note ?? null,
        ...knownColumns(s),
      })),
    );
    for (const sb of chunks(statuses, 100)) await this.db.insertInto('facility_statuses').values(sb).execute();
    const observations = batch.flatMap((f) =>
      f.observations.map((o, seq) => ({
        case_id: caseId,
        facility_id: f.id,
        seq,
        date: o.date,
        by: o.by,
        verification: o.verification,
        finding: o.finding,
        event_id: o.event ?? null,
        sources: toJson(o.sources),
        note: o.note ?? null,
        ...knownColumns(o),
      })),
    );
    for (const ob of chunks(observations, 100)) await this.db.insertInto('observations').values(ob).execute();
  }

  /**
   * Conditions are versioned: a new version is added beside the old ones, which stay on record
   * but stop being current; a condition no longer in the files stops being current.
   */
  private async writeConditions(caseId: string, conditions: readonly Condition[], loadedAt: string): Promise<void> {
    await this.db.updateTable('conditions').set({ current: 0 }).where('case_id', '=', caseId).execute();
    for (const c of conditions) {
      const existing = await this.db
        .selectFrom('conditions')
        .select('definition')
        .where('case_id', '=', caseId)
        .where('id', '=', c.id)
        .where('version', '=', c.version)
        .executeTakeFirst();
      const definition = toJson(c);
      if (existing) {
        await this.db
          .updateTable('conditions')
          .set({
            current: 1,
            definition,
            title: c.title,
            since: c.since ?? null,
            ...(existing.definition === definition ? {} : { loaded_at: loadedAt }),
          })
          .where('case_id', '=', caseId)
          .where('id', '=', c.id)
          .where('version', '=', c.version)
          .execute();
      } else {
        await this.db
          .insertInto('conditions')
          .values({
            case_id: caseId,
            id: c.id,
            version: c.version,
            title: c.title,
            since: c.since ?? null,
            definition,
            current: 1,
            loaded_at: loadedAt,
          })
          .execute();
      }
    }
  }

  /**
   * Keeps the frame a case has now (actors, agreements, facilities, conditions), valid until
   * `until`, before a load or an edit replaces it: the record of an earlier day reads it back.
   */
  async archiveFrame(caseId: string, until: string): Promise<void> {
    const frame = await this.readFrame(caseId);
    if (!frame) return;
    await this.db
      .insertInto('frame_history')
      .values({
        case_id: caseId,
        recorded_from: await this.frameRecordedFrom(caseId),
        recorded_to: until,
        data: toJson(frame),
      })
      .execute();
  }

  /** When the case's current frame was written: its last archived change, else its load. */
  private async frameRecordedFrom(caseId: string): Promise<string> {
    const last = await this.db
      .selectFrom('frame_history')
      .select((eb) => eb.fn.max('recorded_to').as('to'))
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    const info = await this.info(caseId);
    const to = last?.to ?? null;
    return to !== null && (!info || to > info.loadedAt) ? to : (info?.loadedAt ?? '');
  }

  /** The frame of a case as recorded at `at` (ISO timestamp), or undefined when it was not in the store then. */
  async frameAsRecordedAt(caseId: string, at: string): Promise<CaseFrame | undefined> {
    const old = await this.db
      .selectFrom('frame_history')
      .select('data')
      .where('case_id', '=', caseId)
      .where('recorded_from', '<=', at)
      .where('recorded_to', '>', at)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (old) return fromJson<CaseFrame>(old.data, undefined as unknown as CaseFrame);
    const info = await this.info(caseId);
    if (!info || (await this.frameRecordedFrom(caseId)) > at) return undefined;
    return this.readFrame(caseId);
  }

  async readFrame(caseId: string): Promise<CaseFrame | undefined> {
    const info = await this.info(caseId);
    if (!info) return undefined;
    const { filesHash: _h, sourceDir: _d, loadedAt: _l, ...plainInfo } = info;
    return {
      info: plainInfo,
      actors: await this.actors(caseId),
      agreements: await this.agreements(caseId),
      facilities: await this.facilities(caseId),
      conditions: await this.conditions(caseId),
      ...(await this.indicatorsOf(caseId)),
    };
  }

  /** A case's indicators as a frame holds them: absent when it follows none. */
  private async indicatorsOf(caseId: string): Promise<{ indicators?: Indicator[] }> {
    const indicators = await new IndicatorRepository(this.db).read(caseId);
    return indicators.length ? { indicators } : {};
  }

  async actors(caseId: string): Promise<Actor[]> {
    const rows = await this.db.selectFrom('actors').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
    return rows.map((r) => {
      const a: Actor = {
        id: r.id,
        kind: r.kind,
        name: r.name,
        aliases: fromJson<string[]>(r.aliases, []),
        roles: fromJson<ActorRole[]>(r.roles, []),
      };
      if (r.code) a.code = r.code;
      if (r.source) a.source = r.source;
      if (r.notes) a.notes = r.notes;
      return a;
    });
  }

  async agreements(caseId: string): Promise<Agreement[]> {
    const ags = await this.db
      .selectFrom('agreements')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('date')
      .orderBy('id')
      .execute();
    const provs = await this.db
      .selectFrom('provisions')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();
    const stats = await this.db
      .selectFrom('provision_statuses')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('date')
      .execute();
    return ags.map((a) => ({
      id: a.id,
      caseId,
      name: a.name,
      date: a.date,
      parties: fromJson<string[]>(a.parties, []),
      sources: fromJson<Source[]>(a.sources, []),
      provisions: provs
        .filter((p) => p.agreement_id === a.id)
        .map(
          (p): Provision => ({
            id: p.id,
            text: p.text,
            theme: p.theme,
            owedBy: fromJson<string[]>(p.owed_by, []),
            statuses: stats
              .filter((s) => s.agreement_id === a.id && s.provision_id === p.id)
              .map((s) => {
                const level: ImplementationLevel = s.level === -1 ? 'na' : s.level;
                return {
                  date: s.date,
                  level,
                  events: fromJson<string[]>(s.events, []),
                  sources: fromJson<Source[]>(s.sources, []),
                  ...(s.note ? { note: s.note } : {}),
                  ...knownFields(s),
                };
              }),
          }),
        ),
    }));
  }

  async facilities(caseId: string): Promise<Facility[]> {
    const fs = await this.db.selectFrom('facilities').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
    // Ordered as their primary keys are, so the rows come straight off the index with no sort.
    const stats = await this.db
      .selectFrom('facility_statuses')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('facility_id')
      .orderBy('date')
      .execute();
    const obs = await this.db
      .selectFrom('observations')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('facility_id')
      .orderBy('seq')
      .execute();
    const statusBy = groupBy(stats, (s) => s.facility_id);
    const obsBy = groupBy(obs, (o) => o.facility_id);
    return fs.map((f) => {
      const fac: Facility = {
        id: f.id,
        caseId,
        name: f.name,
        type: f.type,
        tags: fromJson<string[]>(f.tags, []),
        location: f.location,
        country: f.country,
        key: Number(f.key) === 1,
        statuses: (statusBy.get(f.id) ?? []).map((s) => ({
          date: s.date,
          status: s.status,
          sources: fromJson<Source[]>(s.sources, []),
          ...(s.note ? { note: s.note } : {}),
          ...knownFields(s),
        })),
        observations: (obsBy.get(f.id) ?? []).map((o) => {
          const ob: Observation = {
            date: o.date,
            by: o.by,
            verification: o.verification,
            finding: o.finding,
            sources: fromJson<Source[]>(o.sources, []),
          };
          if (o.event_id) ob.event = o.event_id;
          if (o.note) ob.note = o.note;
          return { ...ob, ...knownFields(o) };
        }),
      };
      if (f.longitude !== null && f.latitude !== null) fac.coordinates = [Number(f.longitude), Number(f.latitude)];
      if (f.declared !== null) fac.declared = Number(f.declared) === 1;
      if (f.notes) fac.notes = f.notes;
      return fac;
    });
  }

  /** The current version of each condition. */
  /** How many indicators a case follows: one indexed count, for the dashboard's outline. */
  async indicatorCount(caseId: string): Promise<number> {
    const r = await this.db
      .selectFrom('indicators')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async conditions(caseId: string): Promise<Condition[]> {
    const rows = await this.db
      .selectFrom('conditions')
      .select('definition')
      .where('case_id', '=', caseId)
      .where('current', '=', 1)
      .orderBy('id')
      .execute();
    // Definitions stored before requirements carried their kind get it on the way out.
    return rows.map((r) => {
      const c = fromJson<Condition>(r.definition, undefined as unknown as Condition);
      return { ...c, requires: requirementFromFile(c.requires) };
    });
  }

  /** Every stored version of one condition, oldest first. */
  async conditionVersions(
    caseId: string,
    id: string,
  ): Promise<{ version: number; loadedAt: string; current: boolean }[]> {
    const rows = await this.db
      .selectFrom('conditions')
      .select(['version', 'loaded_at', 'current'])
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .orderBy('version')
      .execute();
    return rows.map((r) => ({ version: Number(r.version), loadedAt: r.loaded_at, current: Number(r.current) === 1 }));
  }
}

/** The known-date columns of a dated fact (see 004-known-dates). */
function knownColumns(fact: KnowableFact & { later?: LaterNote[] }): { known_date: string; later: string | null } {
  return { known_date: knownOf(fact), later: fact.later?.length ? toJson(fact.later) : null };
}

/** `known` where the sources would not give it (see knowledge.ts), and the later parts of the note. */
function knownFields(row: { date: string; sources: string; known_date: string | null; later: string | null }): {
  known?: string;
  later?: LaterNote[];
} {
  const out: { known?: string; later?: LaterNote[] } = {};
  if (row.known_date && row.known_date !== knownFrom(row.date, fromJson<Source[]>(row.sources, [])))
    out.known = row.known_date;
  if (row.later) out.later = fromJson<LaterNote[]>(row.later, []);
  return out;
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}
