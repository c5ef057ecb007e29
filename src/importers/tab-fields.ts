/**
 * Field access into one tab-separated line without `split`: the tab positions go into a reused
 * Int32Array, and only the fields a parser reads are sliced out (a GDELT row has 61 fields; the
 * importer reads about 25).
 */
export class TabFields {
  private readonly tabs: Int32Array;
  private line = '';
  /** Number of fields on the current line (capped at the capacity + 1). */
  count = 0;

  constructor(capacity = 128) {
    this.tabs = new Int32Array(capacity);
  }

  /** Indexes `line`; returns the number of fields. */
  load(line: string, separator = '\t'): number {
    this.line = line;
    const tabs = this.tabs;
    const max = tabs.length;
    let n = 0;
    let p = line.indexOf(separator);
    while (p !== -1 && n < max) {
      tabs[n++] = p;
      p = line.indexOf(separator, p + 1);
    }
    this.count = n + 1;
    return this.count;
  }

  get(i: number): string {
    if (i >= this.count) return '';
    const start = i === 0 ? 0 : this.tabs[i - 1]! + 1;
    const end = i === this.count - 1 ? this.line.length : this.tabs[i]!;
    return this.line.slice(start, end);
  }

  /** The field, or null when it is empty. */
  opt(i: number): string | null {
    const v = this.get(i);
    return v === '' ? null : v;
  }
}
