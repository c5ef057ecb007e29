import { describe, expect, it } from 'vitest';
import { rootOfCode } from './score.js';
import {
  EVAL_DIR,
  loadEvalSet,
  parseArticle,
  parseSentences,
  splitSentences,
  REGIONS,
  SENTENCE_KINDS,
} from './eval-set.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidationProblem } from '../../model/errors.js';

describe('the held-out set', () => {
  it('loads (29 sentences and 2 articles), and shares no text with the main set', () => {
    const held = loadEvalSet(join(EVAL_DIR, 'holdout'));
    expect(held.sentences).toHaveLength(29);
    expect(held.articles).toHaveLength(2);
    const main = new Set(loadEvalSet().sentences.map((s) => s.text));
    for (const s of held.sentences) expect(main.has(s.text), s.id).toBe(false);
  });
});

describe('the broader set', () => {
  const tuning = loadEvalSet(join(EVAL_DIR, 'broad', 'tuning'));
  const untouched = loadEvalSet(join(EVAL_DIR, 'broad', 'untouched'));
  const sentences = [...tuning.sentences, ...untouched.sentences];
  const articles = [...tuning.articles, ...untouched.articles];
  const counted = (mode: string) => mode === 'asserted' || mode === 'reported';
  const countryFile = fileURLToPath(new URL('../../../data/actors/countries.tsv', import.meta.url));
  const countries = new Set(
    readFileSync(countryFile, 'utf8')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('code\t'))
      .map((l) => l.split('\t')[0]!),
  );

  it('has at least 300 sentences and 10 articles, a third of each untouched', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(300);
    expect(articles.length).toBeGreaterThanOrEqual(10);
    expect(untouched.sentences.length).toBeGreaterThanOrEqual(sentences.length / 3);
    expect(untouched.articles.length).toBeGreaterThanOrEqual(articles.length / 3);
    expect(articles.filter((a) => a.kind !== 'news').length).toBeGreaterThanOrEqual(4);
  });

  it('gives every sentence a kind, at least 20 of each, and keeps no-event sentences empty', () => {
    for (const k of SENTENCE_KINDS) expect(sentences.filter((x) => x.kind === k).length, k).toBeGreaterThanOrEqual(20);
    for (const x of sentences.filter((y) => y.kind === 'none')) expect(x.events, x.id).toEqual([]);
    expect(sentences.filter((x) => !x.events.some((e) => counted(e.mode))).length).toBeGreaterThanOrEqual(30);
  });

  it('covers at least 30 countries on every continent', () => {
    const seen = new Set<string>();
    for (const e of [...sentences, ...articles].flatMap((u) => u.events))
      for (const code of [e.source, e.target]) if (code && countries.has(code.slice(0, 3))) seen.add(code.slice(0, 3));
    expect(seen.size).toBeGreaterThanOrEqual(30);
    const regions = new Set(sentences.map((x) => x.region));
    const continents = [
      ['sub-saharan-africa', 'north-africa'],
      ['south-asia', 'east-asia', 'southeast-asia', 'central-asia', 'middle-east'],
      ['europe', 'russia-eurasia'],
      ['north-america', 'latin-america'],
      ['oceania'],
    ];
    for (const c of continents)
      expect(
        c.some((r) => regions.has(r as (typeof REGIONS)[number])),
        c[0],
      ).toBe(true);
  });

  it('has enough of each trap and mode the broader kind needs', () => {
    for (const t of ['first-name', 'mutual', 'unknown-person', 'ethnic-group', 'negation', 'hypothetical'] as const)
      expect(sentences.filter((x) => x.traps.includes(t)).length, t).toBeGreaterThanOrEqual(5);
    const modes = [...sentences, ...articles].flatMap((x) => x.events.map((e) => e.mode));
    for (const m of ['reported', 'intended', 'hypothetical', 'recommended', 'negated'])
      expect(modes.filter((x) => x === m).length, m).toBeGreaterThanOrEqual(4);
  });

  it('shares no id or text with the diplomacy set and its held-out part', () => {
    const ids = new Set(sentences.map((x) => x.id));
    expect(ids.size).toBe(sentences.length);
    const main = loadEvalSet();
    const held = loadEvalSet(join(EVAL_DIR, 'holdout'));
    const seenText = readFileSync(join(EVAL_DIR, 'holdout', 'seen.jsonl'), 'utf8');
    const old = [...main.sentences, ...held.sentences];
    for (const o of old) expect(ids.has(o.id), o.id).toBe(false);
    const texts = new Set(old.map((o) => o.text));
    for (const x of sentences) expect(texts.has(x.text) || seenText.includes(x.text), x.id).toBe(false);
  });

  it('uses dates within 2017-2026, with no counted event after its article', () => {
    for (const x of sentences) {
      expect(x.date >= '2017-01-01' && x.date <= '2026-12-31', x.id).toBe(true);
      for (const e of x.events) if (e.date && counted(e.mode)) expect(e.date <= x.date, x.id).toBe(true);
    }
    for (const a of articles)
      for (const e of a.events) if (e.date && counted(e.mode)) expect(e.date <= a.date, a.id).toBe(true);
  });
});

describe('the evaluation set', () => {
  const set = loadEvalSet();
  const counted = (mode: string) => mode === 'asserted' || mode === 'reported';

  it('has at least 300 sentences and 12 articles, 3 of them opinion or analysis', () => {
    expect(set.sentences.length).toBeGreaterThanOrEqual(300);
    expect(set.articles.length).toBeGreaterThanOrEqual(12);
    expect(set.articles.filter((a) => a.kind !== 'news').length).toBeGreaterThanOrEqual(3);
    for (const a of set.articles) {
      expect(a.sentences.length, a.id).toBeGreaterThanOrEqual(5);
      expect(a.sentences.length, a.id).toBeLessThanOrEqual(25);
    }
  });

  it('spreads sentences over all twenty roots, at least 8 each', () => {
    const per = new Map<string, number>();
    for (const s of set.sentences) per.set(s.root, (per.get(s.root) ?? 0) + 1);
    for (let r = 1; r <= 20; r++)
      expect(per.get(String(r).padStart(2, '0')) ?? 0, `root ${r}`).toBeGreaterThanOrEqual(8);
  });

  it('covers every region and has traps in at least 35% of sentences', () => {
    const regions = new Set(set.sentences.map((s) => s.region));
    for (const r of REGIONS) expect(regions.has(r), r).toBe(true);
    expect(set.sentences.filter((s) => s.traps.length > 0).length / set.sentences.length).toBeGreaterThanOrEqual(0.35);
  });

  it('keeps opinion pieces nearly free of counted events', () => {
    for (const a of set.articles.filter((x) => x.kind !== 'news')) {
      const n = a.events.filter((e) => counted(e.mode)).length;
      expect(n, a.id).toBeLessThanOrEqual(Math.ceil(a.sentences.length / 3));
    }
  });

  it('has sentences with no counted event (opinions, negations) for the false-event measure', () => {
    expect(set.sentences.filter((s) => !s.events.some((e) => counted(e.mode))).length).toBeGreaterThanOrEqual(30);
  });

  it('uses dates within 2017-2026', () => {
    for (const s of set.sentences) expect(s.date >= '2017-01-01' && s.date <= '2026-12-31', s.id).toBe(true);
    for (const s of set.sentences)
      for (const e of s.events)
        if (e.date) expect(e.date <= s.date || !counted(e.mode), `${s.id} ${e.code}`).toBe(true);
  });

  it('has one article on the US-DPRK 2018 story', () => {
    expect(
      set.articles.some(
        (a) =>
          a.date.startsWith('2018') && a.events.some((e) => e.source.startsWith('USA') && e.target?.startsWith('PRK')),
      ),
    ).toBe(true);
  });

  it('only uses real CAMEO roots', () => {
    for (const s of set.sentences)
      for (const e of s.events) expect(Number(rootOfCode(e.code))).toBeGreaterThanOrEqual(1);
  });
});

describe('eval-set parsing', () => {
  it('names file, line and field of a bad sentence', () => {
    const problems: ValidationProblem[] = [];
    const good = '{"id":"x1","date":"2019-01-01","text":"A.","region":"europe","root":"04","traps":[],"events":[]}';
    const bad =
      '{"id":"x2","date":"2019-01-01","text":"B.","region":"europe","root":"04","traps":[],"events":[{"source":"USA","target":"PRK","code":"999","mode":"asserted"}]}';
    const out = parseSentences('s.jsonl', `${good}\n${bad}\n`, problems);
    expect(out).toHaveLength(1);
    expect(problems[0]!.location).toMatchObject({ file: 's.jsonl', line: 2, field: 'code' });
  });

  it('rejects an event whose sentence index is outside the article', () => {
    const problems: ValidationProblem[] = [];
    const text = JSON.stringify(
      {
        id: 'z',
        date: '2019-01-01',
        kind: 'news',
        title: 't',
        sentences: ['One.', 'Two.'],
        events: [{ sentence: 2, source: 'USA', target: null, code: '010', mode: 'asserted' }],
      },
      null,
      2,
    );
    expect(parseArticle('z.json', text, problems)).toBeUndefined();
    expect(problems[0]!.location?.field).toBe('sentence');
  });

  it('joins the sentences of an article with one space', () => {
    const problems: ValidationProblem[] = [];
    const a = parseArticle(
      'z.json',
      JSON.stringify({
        id: 'z',
        date: '2019-01-01',
        kind: 'news',
        title: 't',
        sentences: ['One.', 'Two.'],
        events: [],
      }),
      problems,
    );
    expect(a?.text).toBe('One. Two.');
  });

  it('splits plain text on sentence ends', () => {
    expect(splitSentences('Kim met Moon. "We agreed," he said. U.S. officials left.')).toEqual([
      'Kim met Moon.',
      '"We agreed," he said.',
      'U.S. officials left.',
    ]);
  });
});
