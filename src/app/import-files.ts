import { ensureBuiltinCase } from '../case/builtin-cases.js';
import { type ImportEachOptions, type ImportRun, importEach } from '../importers/import-each.js';
import type { SourceChange } from '../importers/import-file.js';
import type { InputSource, UnreadableInput } from '../importers/open-input.js';
import { ImportRepository, type RemovedFile } from '../store/import-repository.js';
import type { Store } from '../store/store.js';
import { type Acting, auditEntry, requireRole } from './acting.js';

export type ImportInputsOptions = Omit<ImportEachOptions, 'onSourceChange' | 'dryRun'>;

/**
 * Imports event data files into the store, one after another (an input that cannot be imported is
 * reported through `onFailure` and the others go on). Each change to a file's record (made when
 * reading starts, completed, taken out again) is written to the audit trail in the transaction
 * that makes it (route import, whoever asked), so no source exists without its entry.
 */
export async function importInputs(
  acting: Acting,
  inputs: readonly (InputSource | UnreadableInput)[],
  options: ImportInputsOptions,
): Promise<ImportRun> {
  requireRole(acting, 'analyst', 'importing files');
  const { store } = acting;
  if (options.caseId !== undefined) await ensureBuiltinCase(store, options.caseId);
  const audited = { ...acting, route: 'import' as const };
  return importEach(inputs, store, {
    ...options,
    onSourceChange: (tx, change) => recordSourceChange(tx, audited, change),
  });
}

function recordSourceChange(tx: Store, acting: Acting, change: SourceChange): Promise<void> {
  const { file, result } = change;
  const resumed = change.action === 'complete' && result.outcome === 'resumed';
  return tx.audit.record([
    auditEntry(acting, {
      kind: 'source',
      action: change.action,
      caseId: file.caseId,
      subject: String(file.id),
      ...(change.action === 'create' ? {} : { before: { name: file.name, format: file.format, status: 'importing' } }),
      ...(change.action === 'remove'
        ? {}
        : { after: { name: file.name, format: file.format, status: file.status, progress: file.progress } }),
      note: change.why ?? (resumed ? 'an interrupted import, resumed and completed' : null),
    }),
  ]);
}

/** Takes an imported file's rows and their daily aggregates out of the store, with its audit entry, in one transaction. */
export async function removeSource(acting: Acting, id: number): Promise<RemovedFile> {
  requireRole(acting, 'analyst', 'removing imported sources');
  return acting.store.transaction(async (tx) => {
    const removed = await new ImportRepository(tx.db, tx.opened).remove(id);
    await tx.audit.record([
      auditEntry(acting, {
        kind: 'source',
        action: 'remove',
        caseId: removed.file.caseId,
        subject: String(id),
        before: { name: removed.file.name, format: removed.file.format, rows: removed.rows, kept: removed.kept },
      }),
    ]);
    return removed;
  });
}
