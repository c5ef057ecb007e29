import type { LedgerVersion } from './ledger-version.js';

interface Entry<T> {
  version: number;
  value: Promise<T>;
  /** Counted once the value is ready; a value still being computed weighs nothing. */
  weight: number;
}

export interface CacheLimits<T> {
  /** The most the kept values may weigh together; the least recently used go first. */
  maxWeight: number;
  weigh(value: T): number;
}

/**
 * Answers kept until the ledger changes: each is stored with the audit trail's newest id when it
 * was computed, and served again only while that id is still the newest. Every change writes an
 * audit entry (in any process, the CLI included), so nothing stale is served. Requests that miss
 * together share one computation.
 */
export class LedgerCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private weight = 0;

  constructor(
    private readonly version: LedgerVersion,
    private readonly limits: CacheLimits<T> = { maxWeight: 20, weigh: () => 1 },
  ) {}

  async get(key: string, compute: () => Promise<T>): Promise<{ value: T; version: number }> {
    const version = await this.version();
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // Most recently used last, so the oldest is dropped first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return { value: await hit.value, version };
    }
    if (hit) this.drop(key, hit);
    const entry: Entry<T> = { version, value: compute(), weight: 0 };
    this.entries.set(key, entry);
    entry.value.then(
      (value) => {
        if (this.entries.get(key) !== entry) return;
        entry.weight = this.limits.weigh(value);
        this.weight += entry.weight;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.drop(key, entry);
      },
    );
    return { value: await entry.value, version };
  }

  private drop(key: string, entry: Entry<T>): void {
    this.entries.delete(key);
    this.weight -= entry.weight;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.weight <= this.limits.maxWeight) return;
      this.drop(key, entry);
    }
  }
}
