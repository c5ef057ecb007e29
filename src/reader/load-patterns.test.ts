import { describe, expect, it } from 'vitest';
import { compilePatterns, loadPatterns } from './load-patterns.js';

describe('action patterns', () => {
  it('cover all twenty CAMEO roots', () => {
    const roots = new Set(loadPatterns().all.map((p) => p.code.slice(0, 2)));
    const want = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0'));
    expect(want.filter((r) => !roots.has(r))).toEqual([]);
  });

  it('are indexed by the lemma of their head, most specific first', () => {
    const byHead = loadPatterns().byHead;
    const hold = byHead.get('hold')!.map((p) => p.items.length);
    expect(hold).toEqual([...hold].sort((a, b) => b - a));
    expect(byHead.get('impose')!.some((p) => p.code === '163')).toBe(true);
  });

  it('reject unknown codes and bad refinements with file and line', () => {
    expect(() => compilePatterns('x.y\t999\tdo\tobj\tV\t-\t-\tnote\n', 'p.tsv')).toThrow(/p\.tsv:1.*999/);
    expect(() => compilePatterns('x.y\t010\tdo\tobj\tV\tfoo\t-\tnote\n', 'p.tsv')).toThrow(/refinement/);
  });
});
