import type { Store } from '../store/store.js';

/**
 * Answers kept until the ledger changes: each is stored with the audit trail's newest id when it
 * was computed, and served again only while that id is still the newest. Every change writes an
 * audit entry (in any process, the CLI included), so nothing stale is served; the check is one
 * indexed read.
 */
export class LedgerCache<T> {
  private readonly entries = new Map<string, { version: number; value: Promise<T> }>();

  constructor(
    private readonly store: Store,
    private readonly capacity = 200,
  ) {}

  async get(key: string, compute: () => Promise<T>): Promise<{ value: T; version: number }> {
    const version = await this.store.audit.lastId();
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // Most recently used last, so the oldest is dropped first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return { value: await hit.value, version };
    }
    const value = compute();
    this.entries.set(key, { version, value });
    value.catch(() => this.entries.delete(key));
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return { value: await value, version };
  }
}
