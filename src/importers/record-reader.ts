/** How far a record whose quoted field holds line breaks may run before it is taken as unclosed. */
export interface RecordLimits {
  lines: number;
  bytes: number;
}

/** A quoted field may span this many lines, and the record this many bytes; docs/limits.md. */
export const DEFAULT_RECORD_LIMITS: RecordLimits = { lines: 100, bytes: 1 << 20 };

/** Where whole records go. */
export interface RecordSink {
  /** Parses one record and keeps it when it is good; returns null, or why it is not good (and does nothing with it). */
  take(text: string, line: number): string | null;
  /** Counts a bad record and writes it to the rejects file, whole; false stops the file (--strict). */
  reject(line: number, reason: string, text: string): boolean;
}

interface OpenRecord {
  lines: string[];
  first: number;
  bytes: number;
}

/**
 * Joins the lines of records whose quoted fields hold line breaks (CSV), within bounds. A record
 * whose quote is still open after `limits` (or at the end of the input), or that closes into a
 * record the parser rejects, is not allowed to take the lines after it down with it: the line where
 * the quote opened is rejected, whole, and the lines after it are read again as records of their
 * own. So one stray quote costs one row, never the rows that follow it, and each line is scanned a
 * bounded number of times (at most `limits.lines`), never a quadratic number.
 */
export class RecordReader {
  private open: OpenRecord | null = null;

  constructor(
    private readonly lineEndsOpen: (line: string, startsInside: boolean) => boolean,
    private readonly limits: RecordLimits,
    private readonly sink: RecordSink,
  ) {}

  /** The first line of a record still open, which a resumed import must read again whole; 0 when none is. */
  get openSince(): number {
    return this.open?.first ?? 0;
  }

  /** One physical line and its number; false stops the file. */
  push(line: string, no: number): boolean {
    const o = this.open;
    if (!o) {
      if (line === '') return true;
      if (!this.lineEndsOpen(line, false)) return this.single(line, no);
      this.open = { lines: [line], first: no, bytes: Buffer.byteLength(line) };
      return true;
    }
    o.lines.push(line);
    o.bytes += Buffer.byteLength(line) + 1;
    if (this.lineEndsOpen(line, true)) {
      if (o.lines.length < this.limits.lines && o.bytes <= this.limits.bytes) return true;
      return this.giveUp(
        `a quoted field opened on line ${o.first} is still open after ${o.lines.length} lines ` +
          `(${o.bytes.toLocaleString('en-US')} bytes), past the limit of ${this.limits.lines} lines ` +
          `or ${this.limits.bytes.toLocaleString('en-US')} bytes`,
      );
    }
    this.open = null;
    const why = this.sink.take(o.lines.join('\n'), o.first);
    if (why === null) return true;
    this.open = o;
    return this.giveUp(
      `a quoted field opened on line ${o.first} closes on line ${o.first + o.lines.length - 1} into a bad record: ${why}`,
    );
  }

  /** At the end of the input: a record still open is not closed. */
  end(): boolean {
    // The lines read again may open another record, which the end cuts short too.
    for (let o = this.open; o; o = this.open)
      if (!this.giveUp(`a quoted field opened on line ${o.first} is not closed before the end of the file`))
        return false;
    return true;
  }

  /** A line that cannot be read (too long) interrupts the open record, which cannot be whole. */
  interrupt(no: number): boolean {
    for (let o = this.open; o; o = this.open)
      if (!this.giveUp(`a quoted field opened on line ${o.first} runs into line ${no}, which is too long to read`))
        return false;
    return true;
  }

  private single(line: string, no: number): boolean {
    const why = this.sink.take(line, no);
    return why === null || this.sink.reject(no, why, line);
  }

  /** Rejects the line where the quote opened, and reads the lines after it again as records of their own. */
  private giveUp(reason: string): boolean {
    const o = this.open!;
    this.open = null;
    if (!this.sink.reject(o.first, reason, o.lines[0]!)) return false;
    for (let k = 1; k < o.lines.length; k++) if (!this.push(o.lines[k]!, o.first + k)) return false;
    return true;
  }
}
