import { resolve } from 'node:path';
import type { CaseData } from '../model/case.js';
import type { LedgerEvent } from '../model/event.js';
import type { Store } from '../store/store.js';
import { FILE_ORIGIN } from '../store/case-repository.js';
import { canonical } from './edit-yaml.js';
import { readCaseFolder } from './read-case-folder.js';

export interface ChangeCount {
  added: number;
  changed: number;
  removed: number;
}

type Kind = 'actors' | 'events' | 'agreements' | 'facilities' | 'conditions' | 'indicators';

/** Events of the store that a load did not simply take from the folder, by id. */
export interface EventsOutsideFolder {
  /** In the store, not in the folder, and kept: added by `event add`, `read --into`, or changed by review since loaded. */
  kept: string[];
  /** The same, removed because `--prune` was given. */
  pruned: string[];
  /** In the folder with other values than the store's version, which had been added or changed outside the files. */
  overwritten: string[];
}

export interface LoadReport {
  caseId: string;
  dir: string;
  /** True when the files were byte-for-byte what was loaded last time: nothing was written. */
  unchanged: boolean;
  /** When unchanged: the same files were last loaded from another folder. */
  loadedElsewhere?: boolean;
  changes: Record<Kind, ChangeCount>;
  outside: EventsOutsideFolder;
}

export interface LoadOptions {
  /** Write even when the files are unchanged. */
  force?: boolean;
  /** Remove the events the folder does not hold, even those added outside the files. */
  prune?: boolean;
  now?: Date;
  /** Called inside the load's transaction before anything is written, and after everything is (the audit trail). */
  beforeWrite?: (tx: Store, caseId: string) => Promise<void>;
  afterWrite?: (tx: Store, caseId: string) => Promise<void>;
}

/** What the store knows of one event before a load: where it came from and whether it changed since. */
interface StoredOrigin {
  origin: string | null;
  revision: number;
}

/**
 * Validates a case folder and writes it in one transaction. Loading the same folder twice changes
 * nothing. An edited folder replaces what came from the files before; an event that came in
 * another way (`event add`, `read --into`) or was changed since it was loaded (review) is never
 * removed because the folder lacks it: it is kept and listed, and removed only with `prune`. A
 * broken folder throws before anything is written.
 */
export async function loadCaseFolder(store: Store, dir: string, options: LoadOptions = {}): Promise<LoadReport> {
  const folder = readCaseFolder(dir);
  const { data } = folder;
  const caseId = data.info.id;
  const existing = await store.cases.info(caseId);
  const same = (info: { filesHash: string | null } | undefined): boolean =>
    info !== undefined && info.filesHash === folder.hash && !options.force && !options.prune;
  if (existing && same(existing)) return unchangedReport(store, existing, dir, data.events);
  const loadedAt = (options.now ?? new Date()).toISOString();
  const report = await store.transaction(async (tx): Promise<LoadReport> => {
    // Looked at again under the write lock: another process may have loaded the same files meanwhile.
    await tx.lockForWrite(`parley.case.${caseId}`);
    const current = await tx.cases.info(caseId);
    if (current && same(current)) return unchangedReport(tx, current, dir, data.events);
    await options.beforeWrite?.(tx, caseId);
    const before = current ? await readStoredCase(tx, caseId) : undefined;
    const origins = await tx.events.originsOf(caseId);
    await tx.cases.writeFrame(data, { filesHash: folder.hash, sourceDir: resolve(dir) }, loadedAt);
    const plan = planEvents(data.events, before?.events ?? [], origins, Boolean(options.prune));
    await tx.events.deleteIds(caseId, plan.remove);
    for (const [origin, events] of plan.insert) await tx.events.insert(events, origin);
    await tx.aggregates.rebuildCase(caseId);
    await options.afterWrite?.(tx, caseId);
    const keptEvents = (before?.events ?? []).filter((e) => plan.outside.kept.includes(e.id));
    return {
      caseId,
      dir,
      unchanged: false,
      changes: {
        actors: diff(before?.actors, data.actors),
        events: diff(before?.events, [...data.events, ...keptEvents]),
        agreements: diff(before?.agreements, data.agreements),
        facilities: diff(before?.facilities, data.facilities),
        conditions: diff(before?.conditions, data.conditions),
        indicators: diff(before?.indicators, data.indicators ?? []),
      },
      outside: plan.outside,
    };
  });
  if (!report.unchanged) await store.analyze();
  return report;
}

/** The report of a load that found the store already holding these files: nothing written. */
async function unchangedReport(
  store: Store,
  stored: { id: string; sourceDir: string | null },
  dir: string,
  folderEvents: readonly LedgerEvent[],
): Promise<LoadReport> {
  const caseId = stored.id;
  const origins = await store.events.originsOf(caseId);
  const empty = { added: 0, changed: 0, removed: 0 };
  return {
    caseId,
    dir,
    ...(stored.sourceDir && stored.sourceDir !== resolve(dir) ? { loadedElsewhere: true } : {}),
    unchanged: true,
    changes: {
      actors: empty,
      events: empty,
      agreements: empty,
      facilities: empty,
      conditions: empty,
      indicators: empty,
    },
    outside: { kept: protectedIdsOutside(origins, folderEvents), pruned: [], overwritten: [] },
  };
}

/** Whether an event came from the files and is as they had it: the folder decides whether it stays. */
function fromFilesAsLoaded(s: StoredOrigin): boolean {
  return s.origin === FILE_ORIGIN && s.revision <= 1;
}

function protectedIdsOutside(
  origins: ReadonlyMap<string, StoredOrigin>,
  folderEvents: readonly LedgerEvent[],
): string[] {
  const inFolder = new Set(folderEvents.map((e) => e.id));
  return [...origins].filter(([id, s]) => !inFolder.has(id) && !fromFilesAsLoaded(s)).map(([id]) => id);
}

/**
 * Which events to remove and which to write: an event whose values are already in the store is
 * left alone; one that changed is written again under its origin (so that an event read from an
 * article stays known as read from it); one the folder lacks goes only when it came from the files
 * as loaded, or when `prune` is asked.
 */
function planEvents(
  folderEvents: readonly LedgerEvent[],
  storedEvents: readonly LedgerEvent[],
  origins: ReadonlyMap<string, StoredOrigin>,
  prune: boolean,
): { remove: string[]; insert: Map<string, LedgerEvent[]>; outside: EventsOutsideFolder } {
  const stored = new Map(storedEvents.map((e) => [e.id, canonical(e)]));
  const outside: EventsOutsideFolder = { kept: [], pruned: [], overwritten: [] };
  const remove: string[] = [];
  const insert = new Map<string, LedgerEvent[]>();
  for (const e of folderEvents) {
    const before = stored.get(e.id);
    if (before === canonical(e)) continue;
    const s = origins.get(e.id);
    if (before !== undefined) remove.push(e.id);
    if (before !== undefined && s && !fromFilesAsLoaded(s)) outside.overwritten.push(e.id);
    const origin = s?.origin && s.origin !== FILE_ORIGIN ? s.origin : FILE_ORIGIN;
    insert.set(origin, [...(insert.get(origin) ?? []), e]);
  }
  for (const id of protectedIdsOutside(origins, folderEvents)) (prune ? outside.pruned : outside.kept).push(id);
  const inFolder = new Set(folderEvents.map((e) => e.id));
  for (const [id, s] of origins) if (!inFolder.has(id) && (prune || fromFilesAsLoaded(s))) remove.push(id);
  return { remove, insert, outside };
}

async function readStoredCase(store: Store, caseId: string): Promise<Omit<CaseData, 'info'>> {
  const frame = await store.cases.readFrame(caseId);
  const events = await store.events.find({ caseId });
  return {
    actors: frame?.actors ?? [],
    agreements: frame?.agreements ?? [],
    facilities: frame?.facilities ?? [],
    conditions: frame?.conditions ?? [],
    indicators: frame?.indicators ?? [],
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

const LISTED = 10;

/** Ids, the first ten of them, then how many more. */
function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, LISTED).join(', ');
  return ids.length > LISTED ? `${shown} … and ${ids.length - LISTED} more` : shown;
}

export function describeLoad(r: LoadReport): string {
  const lines = [describeChanges(r)];
  const { kept, pruned, overwritten } = r.outside;
  if (kept.length)
    lines.push(
      `kept ${kept.length} event${kept.length > 1 ? 's' : ''} the folder does not hold (added by event add, read --into or review; --prune removes them): ${listIds(kept)}`,
    );
  if (pruned.length)
    lines.push(
      `removed ${pruned.length} event${pruned.length > 1 ? 's' : ''} the folder does not hold (--prune): ${listIds(pruned)}`,
    );
  if (overwritten.length)
    lines.push(
      `replaced ${overwritten.length} event${overwritten.length > 1 ? 's' : ''} added or changed outside the files with the folder's version: ${listIds(overwritten)}`,
    );
  return lines.join('\n');
}

function describeChanges(r: LoadReport): string {
  if (r.unchanged)
    return r.loadedElsewhere
      ? `case ${r.caseId}: unchanged: ${r.dir} holds the same files as were last loaded, from another folder`
      : `case ${r.caseId}: unchanged since it was last loaded from ${r.dir}`;
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
