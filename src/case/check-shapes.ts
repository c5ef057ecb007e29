import type { z } from 'zod';
import type { ValidationProblem } from '../model/errors.js';
import type { CaseFilesRead } from './case-files.js';
import {
  actorSchema,
  agreementSchema,
  caseFileSchema,
  conditionSchema,
  eventSchema,
  facilitySchema,
  indicatorSchema,
  type CaseFileName,
} from './case-schema.js';
import type { YamlFile, YamlPath } from './yaml-file.js';

/** One entry of a list file that passed its shape check, with where it sits for later messages. */
export interface Entry<T> {
  value: T;
  file: YamlFile;
  path: YamlPath;
}

export type ListKind = 'actors' | 'events' | 'agreements' | 'facilities' | 'conditions' | 'indicators';

/**
 * Ids that exist in the folder but not in the checked entries: those of entries that failed their
 * shape check, or every id of a file that could not be read. A reference to one of them is not
 * reported as unknown, since the problem is already reported where the entry is.
 */
export interface IdGap {
  wholeFile: boolean;
  ids: Set<string>;
}

export interface ShapedCase {
  caseFile?: Entry<z.infer<typeof caseFileSchema>>;
  actors: Entry<z.infer<typeof actorSchema>>[];
  events: Entry<z.infer<typeof eventSchema>>[];
  agreements: Entry<z.infer<typeof agreementSchema>>[];
  facilities: Entry<z.infer<typeof facilitySchema>>[];
  conditions: Entry<z.infer<typeof conditionSchema>>[];
  indicators: Entry<z.infer<typeof indicatorSchema>>[];
  gaps: Record<ListKind, IdGap>;
}

/** Checks the shape of every file that was read, entry by entry, reporting every failing field. */
export function checkShapes(read: CaseFilesRead, problems: ValidationProblem[]): ShapedCase {
  const gaps = {} as Record<ListKind, IdGap>;
  const list = <S extends z.ZodType>(kind: ListKind, schema: S): Entry<z.infer<S>>[] => {
    const name: CaseFileName = `${kind}.yaml`;
    const gap: IdGap = { wholeFile: read.unreadable.has(name), ids: new Set() };
    gaps[kind] = gap;
    const file = read.files.get(name);
    if (!file) return [];
    return listEntries(file, schema, gap, problems);
  };
  const caseYaml = read.files.get('case.yaml');
  const caseValue = caseYaml ? checkShape(caseYaml, caseFileSchema, [], problems) : undefined;
  return {
    ...(caseYaml && caseValue ? { caseFile: { value: caseValue, file: caseYaml, path: [] } } : {}),
    actors: list('actors', actorSchema),
    events: list('events', eventSchema),
    agreements: list('agreements', agreementSchema),
    facilities: list('facilities', facilitySchema),
    conditions: list('conditions', conditionSchema),
    indicators: list('indicators', indicatorSchema),
    gaps,
  };
}

function listEntries<S extends z.ZodType>(
  file: YamlFile,
  schema: S,
  gap: IdGap,
  problems: ValidationProblem[],
): Entry<z.infer<S>>[] {
  if (file.data === null || file.data === undefined) return [];
  if (!Array.isArray(file.data)) {
    problems.push({ location: file.locate([]), message: 'expected a list of entries (each starting with "- ")' });
    gap.wholeFile = true;
    return [];
  }
  const out: Entry<z.infer<S>>[] = [];
  file.data.forEach((raw: unknown, i) => {
    const value = checkShape(file, schema, [i], problems);
    if (value !== undefined) out.push({ value, path: [i], file });
    else if (raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string')
      gap.ids.add((raw as { id: string }).id);
    else gap.wholeFile = true;
  });
  return out;
}

function checkShape<S extends z.ZodType>(
  file: YamlFile,
  schema: S,
  base: YamlPath,
  problems: ValidationProblem[],
): z.infer<S> | undefined {
  const result = schema.safeParse(valueAt(file.data, base));
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = [...base, ...(issue.path as (string | number)[])];
    problems.push({ location: file.locate(path), message: describeIssue(issue, valueAt(file.data, path)) });
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  const message = issue.message.replace(/^Invalid input: /, '');
  if (issue.code === 'invalid_type' && value === undefined) return `missing: ${message}`;
  if (value !== undefined && (typeof value !== 'object' || value === null))
    return `${message} (found ${shortJson(value)})`;
  return message;
}

/** A found value in a message, cut so that a 10 MB string does not become a 10 MB message. */
function shortJson(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let value = data;
  for (const p of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[p];
  }
  return value;
}
