import { describe, expect, it } from 'vitest';
import { loadActorDictionary } from '../cameo/actor-dictionary.js';
import { readArticle } from './read-article.js';

/** A first name never identifies a person: people match on full names, aliases and family names only. */
const dict = loadActorDictionary();

function mentionRules(text: string, date: string): Array<{ words: string; rule: string }> {
  const out: Array<{ words: string; rule: string }> = [];
  readArticle(text, { date, explain: (t) => out.push(...t.mentions) });
  return out;
}

describe('first names', () => {
  it('"John Kerry met Javad Zarif" and "John Smith met Javad Zarif" are no act of Ghana\'s president', () => {
    for (const text of ['John Kerry met Javad Zarif.', 'John Smith met Javad Zarif.']) {
      const events = readArticle(text, { date: '2016-06-01' }).events;
      expect(events.some((e) => e.source.startsWith('GHA') || e.target?.startsWith('GHA'))).toBe(false);
    }
  });

  it('no first name of anyone in the dictionary is read as that person', () => {
    const wrong: string[] = [];
    for (const p of dict.people) {
      const words = p.name.split(/\s+/);
      const first = words[0]!;
      if (words.length < 2 || !/^[A-Z][a-z]+$/.test(first) || dict.familyNames?.get(p.id) === first) continue;
      const date = p.roles[0]?.from ?? '2019-01-01';
      for (const m of mentionRules(`${first} Smith met the German foreign minister in Berlin.`, date))
        if (m.words.startsWith(first) && /person|family-name/.test(m.rule))
          wrong.push(`${p.name}: ${m.words} by ${m.rule}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a declared family name still finds its bearer', () => {
    const events = readArticle('Kim Jong Un met Moon Jae-in. Kim praised Moon.', { date: '2018-04-27' }).events;
    expect(events.filter((e) => e.sentence === 1).map((e) => `${e.source} ${e.target} ${e.code}`)).toEqual([
      'PRKGOV KORGOV 051',
    ]);
  });
});
