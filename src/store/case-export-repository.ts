import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** The hash of the files each case was last exported as, per folder. */
export class CaseExportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(caseId: string, dir: string, filesHash: string, exportedAt: string): Promise<void> {
    await this.db.deleteFrom('case_exports').where('case_id', '=', caseId).where('dir', '=', dir).execute();
    await this.db
      .insertInto('case_exports')
      .values({ case_id: caseId, dir, files_hash: filesHash, exported_at: exportedAt })
      .execute();
  }

  /** The hash of the files last exported to `dir`, if this store exported the case there. */
  async lastHash(caseId: string, dir: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('case_exports')
      .select('files_hash')
      .where('case_id', '=', caseId)
      .where('dir', '=', dir)
      .executeTakeFirst();
    return row?.files_hash;
  }
}
