import { resolve } from 'node:path';
import type { CaseData } from '../model/case.js';
import type { Store } from '../store/store.js';
import { FILE_ORIGIN } from '../store/case-repository.js';
import { readCaseFolder } from './read-case-folder.js';

export interface ChangeCount {
  added: number;
  changed: number;
  removed: number;
}

export interface LoadReport {
  caseId: string;
  dir: string;
  /** True when the files were byte-for-byte what was loaded last time: nothing was written. */
  unchanged: boolean;
  changes: Record<'actors' | 'events' | 'agreements' | 'facilities' | 'conditions', ChangeCount>;
}

/**
 * Validates a case folder and writes it in one transaction. Loading the same folder twice
 * changes nothing; an edited folder replaces what came from the files before (events added by
 * `event add` or read from text are kept). A broken folder throws before anything is written.
 */
export async function loadCaseFolder(
  store: Store,
  dir: string,
  options: { force?: boolean; now?: Date } = {},
): Promise<LoadReport> {
  const folder = readCaseFolder(dir);
  const { data } = folder;
  const caseId = data.info.id;
  const empty = { added: 0, changed: 0, removed: 0 };
  const unchanged: LoadReport = {
    caseId,
    dir,
    unchanged: true,
    changes: { actors: empty, events: empty, agreements: empty, facilities: empty, conditions: empty },
  };
  const existing = await store.cases.info(caseId);
  if (existing && existing.filesHash === folder.hash && !options.force) return unchanged;
  const loadedAt = (options.now ?? new Date()).toISOString();
  const report = await store.transaction(async (tx): Promise<LoadReport> => {
    // Looked at again under the write lock: another process may have loaded the same files meanwhile.
    const current = await tx.cases.info(caseId);
    if (current && current.filesHash === folder.hash && !options.force) return unchanged;
    const before = current ? await readStoredFileCase(tx, caseId) : undefined;
    await tx.cases.writeFrame(data, { filesHash: folder.hash, sourceDir: resolve(dir) }, loadedAt);
    await tx.events.deleteWhereOrigin(caseId, FILE_ORIGIN);
    // An id now in the files replaces an event of the same id added by hand or by the reader.
    const clash = await tx.events.existingIds(
      caseId,
      data.events.map((e) => e.id),
    );
    if (clash.size) await tx.events.deleteIds(caseId, [...clash]);
    await tx.events.insert(data.events, FILE_ORIGIN);
    await tx.aggregates.rebuildCase(caseId);
    return {
      caseId,
      dir,
      unchanged: false,
      changes: {
        actors: diff(before?.actors, data.actors),
        events: diff(before?.events, data.events),
        agreements: diff(before?.agreements, data.agreements),
        facilities: diff(before?.facilities, data.facilities),
        conditions: diff(before?.conditions, data.conditions),
      },
    };
  });
  if (!report.unchanged) await store.analyze();
  return report;
}

async function readStoredFileCase(store: Store, caseId: string): Promise<Omit<CaseData, 'info'>> {
  const frame = await store.cases.readFrame(caseId);
  const events = await store.events.find({ caseId });
  return {
    actors: frame?.actors ?? [],
    agreements: frame?.agreements ?? [],
    facilities: frame?.facilities ?? [],
    conditions: frame?.conditions ?? [],
    events,
  };
}

function diff<T extends { id: string }>(before: readonly T[] | undefined, after: readonly T[]): ChangeCount {
  const old = new Map((before ?? []).map((x) => [x.id, canonical(x)]));
  let added = 0;
  let changed = 0;
  for (const x of after) {
    const prev = old.get(x.id);
    if (prev === undefined) added++;
    else if (prev !== canonical(x)) changed++;
    old.delete(x.id);
  }
  return { added, changed, removed: before ? old.size : 0 };
}

/** JSON with sorted keys, so two equal objects built in different key orders compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export function describeLoad(r: LoadReport): string {
  if (r.unchanged) return `case ${r.caseId}: unchanged since it was last loaded from ${r.dir}`;
  const parts = Object.entries(r.changes)
    .map(([kind, c]) => {
      const bits = [
        c.added && `${c.added} added`,
        c.changed && `${c.changed} changed`,
        c.removed && `${c.removed} removed`,
      ].filter(Boolean);
      return bits.length ? `${kind}: ${bits.join(', ')}` : '';
    })
    .filter(Boolean);
  return `case ${r.caseId} loaded from ${r.dir}${parts.length ? ` (${parts.join('; ')})` : ' (no changes)'}`;
}
