import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EVAL_DIR, loadEvalSet } from './eval-set.js';
import { BROAD_SPLIT_SEED, seededShuffle, splitStratified, UNTOUCHED_SHARE, writeSplit } from './split-set.js';

interface Item {
  id: string;
  kind: string;
}

const items = (kind: string, n: number, from = 0): Item[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${kind}${String(from + i).padStart(3, '0')}`, kind }));

const opts = { id: (x: Item) => x.id, stratum: (x: Item) => x.kind, seed: 7, share: 1 / 3 };

describe('seededShuffle', () => {
  const ids = items('a', 20).map((x) => x.id);

  it('gives the same order for the same seed, and a permutation of the input', () => {
    const once = seededShuffle(ids, 42);
    expect(seededShuffle(ids, 42)).toEqual(once);
    expect([...once].sort()).toEqual(ids);
    expect(once).not.toEqual(ids);
  });

  it('gives another order for another seed', () => {
    expect(seededShuffle(ids, 43)).not.toEqual(seededShuffle(ids, 42));
  });
});

describe('splitStratified', () => {
  const all = [...items('a', 10), ...items('b', 3), ...items('c', 1)];
  const split = splitStratified(all, opts);

  it('puts at least the share of every stratum, rounded up, in the untouched part', () => {
    const count = (list: Item[], kind: string) => list.filter((x) => x.kind === kind).length;
    expect([count(split.untouched, 'a'), count(split.untouched, 'b'), count(split.untouched, 'c')]).toEqual([4, 1, 1]);
    expect(split.tuning.length + split.untouched.length).toBe(all.length);
    expect(new Set([...split.tuning, ...split.untouched]).size).toBe(all.length);
  });

  it('is the same whatever the input order, and returns both parts sorted by id', () => {
    const again = splitStratified([...all].reverse(), opts);
    expect(again.untouched.map((x) => x.id)).toEqual(split.untouched.map((x) => x.id));
    expect(split.tuning.map((x) => x.id)).toEqual(split.tuning.map((x) => x.id).sort());
  });

  it('does not reshuffle a stratum when another one grows', () => {
    const grown = splitStratified([...all, ...items('b', 5, 3)], opts);
    const inA = (list: Item[]) => list.filter((x) => x.kind === 'a').map((x) => x.id);
    expect(inA(grown.untouched)).toEqual(inA(split.untouched));
  });
});

describe('writeSplit', () => {
  const root = mkdtempSync(join(tmpdir(), 'parley-split-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('copies sentence lines and article files unchanged into the two parts', () => {
    const from = join(root, 'all');
    mkdirSync(join(from, 'articles'), { recursive: true });
    const line = (id: string, kind: string) =>
      JSON.stringify({
        id,
        date: '2020-01-01',
        text: `Text ${id}.`,
        region: 'europe',
        root: '00',
        kind,
        traps: [],
        events: [],
      });
    const lines = [...['x1', 'x2', 'x3'].map((id) => line(id, 'protest')), line('y1', 'none')];
    writeFileSync(join(from, 'sentences.jsonl'), `${lines.join('\n')}\n`);
    const article = { id: 'art1', date: '2020-01-01', kind: 'news', title: 't', sentences: ['One.'], events: [] };
    writeFileSync(join(from, 'articles', 'art1.json'), JSON.stringify(article));
    const report = writeSplit(from, join(root, 'tuning'), join(root, 'untouched'), 1);
    expect(report).toMatch(/tuning: 2 sentences, 0 articles/);
    expect(report).toMatch(/untouched: 2 sentences, 1 articles/);
    const written = [join(root, 'tuning'), join(root, 'untouched')].flatMap((d) =>
      readFileSync(join(d, 'sentences.jsonl'), 'utf8').trim().split('\n'),
    );
    expect(written.sort()).toEqual([...lines].sort());
    expect(readFileSync(join(root, 'untouched', 'articles', 'art1.json'), 'utf8')).toBe(JSON.stringify(article));
  });
});

describe('the broader set', () => {
  it('is split exactly as the seed says: the parts are the seeded split of their union', () => {
    const tuning = loadEvalSet(join(EVAL_DIR, 'broad', 'tuning'));
    const untouched = loadEvalSet(join(EVAL_DIR, 'broad', 'untouched'));
    const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();
    const resplit = <T extends { id: string; kind?: string }>(list: T[]) =>
      splitStratified(list, {
        id: (x) => x.id,
        stratum: (x) => x.kind ?? '',
        seed: BROAD_SPLIT_SEED,
        share: UNTOUCHED_SHARE,
      });
    const s = resplit([...tuning.sentences, ...untouched.sentences]);
    expect(ids(s.untouched)).toEqual(ids(untouched.sentences));
    const a = resplit([...tuning.articles, ...untouched.articles]);
    expect(ids(a.untouched)).toEqual(ids(untouched.articles));
  });
});
