/**
 * One chunk of parsed rows on their way into the store, kept as one flat array (ROW_WIDTH values a
 * row) so that a chunk of 50,000 rows is one array rather than 50,000 objects, and a multi-row
 * INSERT binds a slice of it directly.
 */
export const ROW_COLUMNS = [
  'event_key',
  'day',
  'source_code',
  'target_code',
  'source_party',
  'target_party',
  'code',
  'quad_class',
  'goldstein',
  'source_name',
  'target_name',
  'url',
  'extra',
] as const;

export const ROW_WIDTH = ROW_COLUMNS.length;

/** Column offsets inside a row, for the writers. */
const COL = {
  key: 0,
  day: 1,
  sourceCode: 2,
  targetCode: 3,
  sourceParty: 4,
  targetParty: 5,
  code: 6,
  quad: 7,
  goldstein: 8,
  sourceName: 9,
  targetName: 10,
  url: 11,
  extra: 12,
} as const;

export type RowValue = string | number | null;

export class ImportRowBuffer {
  values: RowValue[] = [];
  count = 0;

  push(
    key: string,
    day: number,
    sourceCode: string | null,
    targetCode: string | null,
    sourceParty: string | null,
    targetParty: string | null,
    code: string,
    quad: number,
    goldstein: number,
    sourceName: string | null,
    targetName: string | null,
    url: string | null,
    extra: string | null,
  ): void {
    const v = this.values;
    let i = this.count * ROW_WIDTH;
    v[i++] = key;
    v[i++] = day;
    v[i++] = sourceCode;
    v[i++] = targetCode;
    v[i++] = sourceParty;
    v[i++] = targetParty;
    v[i++] = code;
    v[i++] = quad;
    v[i++] = goldstein;
    v[i++] = sourceName;
    v[i++] = targetName;
    v[i++] = url;
    v[i] = extra;
    this.count++;
  }

  clear(): void {
    // Keep the array's capacity for the next chunk; stale values past count*ROW_WIDTH are never read.
    this.count = 0;
  }
}

/** Where a file's import stands; written with each chunk so that a killed import resumes from it. */
export interface FileProgress {
  linesDone: number;
  rowsRead: number;
  rowsKept: number;
  rowsRejected: number;
  rowsNew: number;
  firstDate: string | null;
  lastDate: string | null;
  rejectsBytes: number;
  /** Bytes of the input as stored read by the time of the commit, and their MD5. */
  bytesDone: number;
  prefixHash: string | null;
}

/** Each column of `import_files` a commit writes, with the field of `FileProgress` it holds. */
const PROGRESS_FIELDS = [
  ['lines_done', 'linesDone'],
  ['rows_read', 'rowsRead'],
  ['rows_kept', 'rowsKept'],
  ['rows_rejected', 'rowsRejected'],
  ['rows_new', 'rowsNew'],
  ['first_date', 'firstDate'],
  ['last_date', 'lastDate'],
  ['rejects_bytes', 'rejectsBytes'],
  ['bytes_done', 'bytesDone'],
  ['prefix_hash', 'prefixHash'],
] as const satisfies readonly (readonly [string, keyof FileProgress])[];

/**
 * The UPDATE that writes a file's progress, its parameters numbered by `placeholder` (`?` on
 * SQLite, `$1` … on PostgreSQL) in the order `progressValues` gives them.
 */
export function progressUpdateSql(placeholder: (n: number) => string): string {
  const sets = PROGRESS_FIELDS.map(([column], i) => `${column} = ${placeholder(i + 1)}`).join(', ');
  return `UPDATE import_files SET ${sets} WHERE id = ${placeholder(PROGRESS_FIELDS.length + 1)}`;
}

export function progressValues(progress: FileProgress, fileId: number): (string | number | null)[] {
  return [...PROGRESS_FIELDS.map(([, field]) => progress[field]), fileId];
}

/**
 * Daily dyad sums of one chunk, accumulated in memory and written with one upsert per key.
 * Parties are interned to small integers so that the key of a row is a number, not a new string.
 */
export class DyadDayAccumulator {
  private readonly partyIds = new Map<string, number>();
  private readonly parties: string[] = [];
  private readonly index = new Map<number | string, number>();
  day: number[] = [];
  source: string[] = [];
  target: string[] = [];
  quad: number[] = [];
  n: number[] = [];
  sum: number[] = [];
  pos: number[] = [];
  neg: number[] = [];
  size = 0;

  private idOf(p: string): number {
    let id = this.partyIds.get(p);
    if (id === undefined) {
      id = this.parties.length;
      this.parties.push(p);
      this.partyIds.set(p, id);
    }
    return id;
  }

  add(day: number, source: string, target: string, quad: number, goldstein: number): void {
    const s = this.idOf(source);
    const t = this.idOf(target);
    // 2^16 parties each way and quad < 8 keep a numeric key below 2^53 for days up to 2^18 (year
    // 2687); past 65,536 distinct parties a string key takes over.
    const key: number | string =
      s < 65536 && t < 65536 ? ((day * 65536 + s) * 65536 + t) * 8 + quad : `${day}|${source}|${target}|${quad}`;
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.size++;
      this.index.set(key, i);
      this.day[i] = day;
      this.source[i] = source;
      this.target[i] = target;
      this.quad[i] = quad;
      this.n[i] = 0;
      this.sum[i] = 0;
      this.pos[i] = 0;
      this.neg[i] = 0;
    }
    this.n[i]! += 1;
    this.sum[i]! += goldstein;
    if (goldstein > 0) this.pos[i]! += goldstein;
    else if (goldstein < 0) this.neg[i]! += goldstein;
  }

  /** Adds one buffered row if both parties are known (aggregates are of dyads). */
  addRow(values: readonly RowValue[], row: number): void {
    const o = row * ROW_WIDTH;
    const s = values[o + COL.sourceParty];
    const t = values[o + COL.targetParty];
    if (typeof s !== 'string' || typeof t !== 'string') return;
    this.add(values[o + COL.day] as number, s, t, values[o + COL.quad] as number, values[o + COL.goldstein] as number);
  }

  clear(): void {
    this.index.clear();
    this.size = 0;
  }
}
