import { type BriefOptions, buildBrief } from '../brief/build-brief.js';
import type { Brief } from '../brief/brief.js';
import { ensureBuiltinCase } from '../case/builtin-cases.js';
import { withRecordedStore } from './recorded-store.js';
import type { Store } from '../store/store.js';

export interface CaseBriefOptions extends BriefOptions {
  /** Rebuild the brief from the record as it stood at the end of this day (UTC), not as it stands now. */
  recordedOn?: string;
}

/** The brief of a case on a date, from the record as it stands or as it stood on an earlier day. */
export async function briefCase(store: Store, options: CaseBriefOptions): Promise<Brief> {
  await ensureBuiltinCase(store, options.caseId);
  const { recordedOn, ...briefOptions } = options;
  if (recordedOn === undefined) return buildBrief(store, briefOptions);
  return withRecordedStore(
    store,
    options.caseId,
    recordedOn,
    (past) => buildBrief(past, briefOptions),
    options.dyad ? { dyad: options.dyad } : {},
  );
}
