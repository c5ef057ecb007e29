import { daysInMonth } from '../model/iso-date.js';

const MS_PER_DAY = 86_400_000;

/** A date read from a file: the ISO text and its day number. Reused; read it before the next call. */
export interface DateOut {
  iso: string;
  day: number;
}

function valid(y: number, m: number, d: number): boolean {
  return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Parses dates with a one-entry cache: rows of an event file come in runs of the same date (a
 * GDELT daily file is one or a few days), so most rows cost one string comparison.
 */
export class DateReader {
  private lastRaw = '';
  private lastOk = false;
  readonly out: DateOut = { iso: '', day: 0 };

  private set(y: number, m: number, d: number): boolean {
    if (!valid(y, m, d)) return false;
    this.out.iso = `${y}-${pad2(m)}-${pad2(d)}`;
    this.out.day = Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
    return true;
  }

  /** `YYYYMMDD` (GDELT SQLDATE, Phoenix Date). */
  compact(raw: string): boolean {
    if (raw === this.lastRaw) return this.lastOk;
    this.lastRaw = raw;
    this.lastOk =
      raw.length === 8 &&
      /^\d{8}$/.test(raw) &&
      this.set(Number(raw.slice(0, 4)), Number(raw.slice(4, 6)), Number(raw.slice(6, 8)));
    return this.lastOk;
  }

  /** `YYYY-MM-DD`. */
  iso(raw: string): boolean {
    if (raw === this.lastRaw) return this.lastOk;
    this.lastRaw = raw;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
    this.lastOk = m !== null && this.set(Number(m[1]), Number(m[2]), Number(m[3]));
    return this.lastOk;
  }

  /** `M/D/YYYY` (ICEWS 2017 files, Cline Phoenix story_date). */
  mdy(raw: string): boolean {
    if (raw === this.lastRaw) return this.lastOk;
    this.lastRaw = raw;
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
    this.lastOk = m !== null && this.set(Number(m[3]), Number(m[1]), Number(m[2]));
    return this.lastOk;
  }

  /** Any of the three, told apart by shape. */
  any(raw: string): boolean {
    if (raw.includes('/')) return this.mdy(raw);
    if (raw.includes('-')) return this.iso(raw.length > 10 ? raw.slice(0, 10) : raw);
    return this.compact(raw);
  }
}
