/** The formats `parley import` reads. */
export const IMPORT_FORMATS = ['gdelt1', 'gdelt2', 'icews', 'polecat', 'phoenix', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * One parsed event. A parser fills the same object for every line (no object per row); the
 * importer copies the values it keeps into the chunk buffer.
 */
export interface ParsedRow {
  /** The dataset's own event id (ICEWS: `id|date`). */
  key: string;
  date: string;
  day: number;
  sourceCode: string | null;
  targetCode: string | null;
  /** Country-level parties (`USAGOV` → `USA`), null when unknown. */
  sourceParty: string | null;
  targetParty: string | null;
  /** CAMEO event code, a string with its leading zero. */
  code: string;
  /** CAMEO quad class 1–4. */
  quad: number;
  goldstein: number;
  sourceName: string | null;
  targetName: string | null;
  url: string | null;
  /** Raw values kept beside the mapped ones, as JSON text. */
  extra: string | null;
}

export function newParsedRow(): ParsedRow {
  return {
    key: '',
    date: '',
    day: 0,
    sourceCode: null,
    targetCode: null,
    sourceParty: null,
    targetParty: null,
    code: '',
    quad: 0,
    goldstein: 0,
    sourceName: null,
    targetName: null,
    url: null,
    extra: null,
  };
}

/** Thrown by `header()` when a header lacks what the format needs; the importer names the file. */
export class HeaderError extends Error {}

export interface FormatParser {
  readonly format: ImportFormat;
  /** Namespace of the event keys: rows of the same dataset dedupe against each other. */
  readonly dataset: string;
  /** Whether the first line is a header (read by `header`, not `parse`). */
  readonly hasHeader: boolean;
  header(line: string): void;
  /** Fills `row` from one record; returns null when the row is good, else the reason it is rejected. */
  parse(line: string, row: ParsedRow): string | null;
  /**
   * For formats whose records may span lines (quoted CSV fields with line breaks): whether a
   * quoted field is still open at the end of this line, given whether one was open at its start;
   * the next line then continues the record.
   */
  lineEndsOpen?(line: string, startsInside: boolean): boolean;
}
