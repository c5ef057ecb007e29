import { describe, expect, it } from 'vitest';
import { LedgerCache } from './brief-cache.js';

/** A cache over a version the test moves by hand, counting computations per key. */
function setup(maxWeight = 100) {
  let version = 1;
  const computed: string[] = [];
  const cache = new LedgerCache<string>(async () => version, { maxWeight, weigh: (v) => v.length });
  const get = (key: string, value = key) =>
    cache.get(key, async () => {
      computed.push(key);
      return value;
    });
  return { cache, get, computed, bump: () => version++ };
}

describe('LedgerCache', () => {
  it('computes once for requests that miss together, and again once the ledger moves', async () => {
    const { get, computed, bump } = setup();
    const [a, b] = await Promise.all([get('k'), get('k')]);
    expect([a.value, b.value]).toEqual(['k', 'k']);
    await get('k');
    expect(computed).toEqual(['k']);
    bump();
    expect((await get('k')).version).toBe(2);
    expect(computed).toEqual(['k', 'k']);
  });

  it('drops the least recently used values beyond its weight, and keeps no failure', async () => {
    const { cache, get, computed } = setup(10);
    await get('a', 'aaaa');
    await get('b', 'bbbb');
    await get('a', 'aaaa');
    await get('c', 'cccc');
    // a was used after b, so b went to make room for c.
    await get('a', 'aaaa');
    await get('b', 'bbbb');
    expect(computed).toEqual(['a', 'b', 'c', 'b']);
    await expect(cache.get('x', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect((await cache.get('x', async () => 'fine')).value).toBe('fine');
  });
});
