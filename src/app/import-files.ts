import { ensureBuiltinCase } from '../case/builtin-cases.js';
import type { ImportFilters } from '../importers/filters.js';
import type { ImportFormat } from '../importers/format-parser.js';
import { type FileResult, type ImportProgress, importFile } from '../importers/import-file.js';
import type { InputSource } from '../importers/open-input.js';
import { ImportRepository, type RemovedFile } from '../store/import-repository.js';
import { type Acting, auditEntry, requireRole } from './acting.js';

export interface ImportInputsOptions {
  format?: ImportFormat;
  filters: ImportFilters;
  caseId?: string;
  strict?: boolean;
  rejectsPath?: string;
  chunkRows?: number;
  dataDir: string;
  onProgress?: (p: ImportProgress) => void;
  /** Called after each file, before the next starts. */
  onFile?: (r: FileResult) => void;
}

/**
 * Imports event data files into the store, one after another, and writes an audit entry for
 * each file that added rows (route import, whoever asked).
 */
export async function importInputs(
  acting: Acting,
  inputs: readonly InputSource[],
  options: ImportInputsOptions,
): Promise<FileResult[]> {
  requireRole(acting, 'analyst', 'importing files');
  const { store } = acting;
  if (options.caseId !== undefined) await ensureBuiltinCase(store, options.caseId);
  const results: FileResult[] = [];
  for (const input of inputs) {
    const { onFile: _f, ...opts } = options;
    const result = await importFile(input, store, opts);
    results.push(result);
    if (result.fileId !== null && result.outcome !== 'already')
      await store.audit.record([
        auditEntry(
          { ...acting, route: 'import' },
          {
            kind: 'source',
            action: result.outcome === 'resumed' ? 'resume' : 'create',
            caseId: result.caseId,
            subject: String(result.fileId),
            after: { name: result.name, format: result.format, progress: result.progress },
          },
        ),
      ]);
    options.onFile?.(result);
  }
  return results;
}

/** Takes an imported file's rows and their daily aggregates out of the store, with an audit entry. */
export async function removeSource(acting: Acting, id: number): Promise<RemovedFile> {
  requireRole(acting, 'analyst', 'removing imported sources');
  const { store } = acting;
  const removed = await new ImportRepository(store.db, store.opened).remove(id);
  await store.audit.record([
    auditEntry(acting, {
      kind: 'source',
      action: 'remove',
      caseId: removed.file.caseId,
      subject: String(id),
      before: { name: removed.file.name, format: removed.file.format, rows: removed.rows },
    }),
  ]);
  return removed;
}
