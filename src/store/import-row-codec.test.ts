import { describe, expect, it } from 'vitest';
import { decodeRows, encodeRows } from './import-row-codec.js';
import { ImportRowBuffer } from './import-rows.js';

describe('row codec (batches for the SQLite writer thread)', () => {
  it('round-trips values with tabs, newlines, backslashes, nulls and numbers', () => {
    const a = new ImportRowBuffer();
    a.push('k1', 17694, 'USAGOV', null, 'USA', null, '042', 1, -2.5, 'a\tb', 'c\nd\\e', null, '{"x":"\\\\"}');
    a.push('k2', 17695, 'PRK', 'USA', 'PRK', 'USA', '0841', 2, 7, null, '\\N', 'u', null);
    const b = new ImportRowBuffer();
    decodeRows(encodeRows(a), b);
    expect(b.count).toBe(2);
    expect(b.values.slice(0, 26)).toEqual(a.values.slice(0, 26));
  });
});
