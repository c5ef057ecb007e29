import { describe, expect, it } from 'vitest';
import { readArticle, type ReadEvent } from './read-article.js';
import { TEST_DICTIONARY } from './test-dictionary.js';

const read = (text: string, date = '2018-10-08'): ReadEvent[] =>
  readArticle(text, { date, dictionary: TEST_DICTIONARY }).events;
const moves = (events: ReadEvent[]): ReadEvent[] =>
  events.filter((e) => e.mode === 'asserted' || e.mode === 'reported');
const brief = (e: ReadEvent): string => `${e.source} ${e.target ?? '-'} ${e.code} ${e.mode}`;

describe('modes', () => {
  it('asserted: a plain past event', () => {
    expect(read('Japan imposed sanctions on Iran.').map(brief)).toEqual(['JPN IRN 163 asserted']);
  });

  it('reported: a trailing attribution relays the fact', () => {
    // a meeting in one party's capital is a visit plus its hosting
    expect(read('Pompeo met Kim Jong Un in Pyongyang, Moon said.').map(brief)).toEqual([
      'USAGOV PRK 042 reported',
      'PRKGOV USAGOV 043 reported',
    ]);
  });

  it('reported: according to', () => {
    expect(read('According to officials, China criticized Japan.').map((e) => e.mode)).toEqual(['reported']);
  });

  it('intended: a future act is intended, not a visit', () => {
    const events = read('The Japanese foreign minister will fly to Beijing next week.');
    expect(moves(events)).toEqual([]);
    expect(events.map(brief)[0]).toBe('JPNGOV CHN 042 intended');
    expect(events[0]!.date).toBe('2018-10-15');
  });

  it('intent declared by its holder is an intent event (03x)', () => {
    const events = read('Japan said its foreign minister would fly to Beijing.');
    expect(moves(events).map((e) => e.code)).toEqual(['036']);
    expect(events[0]!.rule).toMatch(/^visit\.fly\+intent: .*mode\.would/);
    expect(read('China pledged to provide aid to Syria.').map(brief)).toEqual(['CHN SYR 033 asserted']);
  });

  it('intended: "Putin hopes the chancellor will visit Moscow soon" is RUS 036 DEU', () => {
    expect(read('Putin hopes the German chancellor will visit Moscow soon.').map(brief)).toEqual([
      'RUSGOV DEUGOV 036 asserted',
    ]);
  });

  it("intended: someone else's expectation stays an intended event, not a move", () => {
    const events = read('Pompeo is expected to visit Pyongyang next month.');
    expect(moves(events)).toEqual([]);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.mode === 'intended')).toBe(true);
  });

  it('hypothetical: if / unless / could', () => {
    expect(moves(read('If Iran expels the inspectors, Japan will impose sanctions on Iran.'))).toEqual([]);
    expect(read('China could attack Japan.').map((e) => e.mode)).toEqual(['hypothetical']);
  });

  it('recommended: op-ed advice holds no event', () => {
    const events = read('Washington should not ease sanctions until Tehran lets inspectors in.');
    expect(moves(events)).toEqual([]);
    expect(events.map((e) => e.mode).sort()).toEqual(['hypothetical', 'recommended']);
    expect(moves(read('It is time for Japan to impose sanctions on Russia.'))).toEqual([]);
  });

  it('negated: did not, failed to', () => {
    expect(read('China did not attend talks with Japan.').every((e) => e.mode !== 'asserted')).toBe(true);
    expect(read('Russia and Ukraine failed to sign an agreement.').map((e) => e.mode)).toEqual(['negated', 'negated']);
    expect(read('Japan never criticized China.').map((e) => e.mode)).toEqual(['negated']);
  });

  it('a warning of what could happen is a threat, asserted', () => {
    const events = read('Iran warned that it could leave the treaty.');
    const threat = events.find((e) => e.code.startsWith('13'));
    expect(threat && brief(threat)).toMatch(/^IRN - 13\d+ asserted$/);
    expect(moves(events)).toHaveLength(1);
  });

  it('refused to let inspectors in is a refusal (1245), asserted', () => {
    expect(moves(read('North Korea refused to let inspectors visit the site.')).map((e) => e.code)).toEqual(['1245']);
  });
});

describe('actors', () => {
  it('gives a person the role held on the article date', () => {
    expect(read('Pompeo met Kim Jong Un in Pyongyang.', '2018-03-31')[0]!.source).toBe('USAGOVSPY');
    expect(read('Pompeo met Kim Jong Un in Pyongyang.', '2018-05-09')[0]!.source).toBe('USAGOV');
  });

  it('uses the project dictionary by default (dated roles from data/actors)', () => {
    const before = readArticle('Pompeo met Kim Jong Un in Pyongyang.', { date: '2018-03-31' }).events;
    const after = readArticle('Pompeo met Kim Jong Un in Pyongyang.', { date: '2018-05-09' }).events;
    expect(before[0]!.source).toMatch(/^USA(GOV)?SPY$/);
    expect(after[0]!.source).toBe('USAGOV');
  });

  it('joins country words and titles', () => {
    expect(read('North Korean leader Kim Jong Un held talks with the Japanese foreign minister.').map(brief)).toEqual([
      'PRKGOV JPNGOV 046 asserted',
      'JPNGOV PRKGOV 046 asserted',
    ]);
    // (force by a state's troops on its own opposition is repression, 175)
    expect(read('Syrian troops attacked opposition lawmakers.').map(brief)).toEqual(['SYRMIL SYROPP 175 asserted']);
    expect(read("The foreign minister of Japan praised Germany's chancellor.").map(brief)).toEqual([
      'JPNGOV DEUGOV 051 asserted',
    ]);
  });

  it('reads capitals as governments', () => {
    expect(read('Washington criticized Pyongyang.').map(brief)).toEqual(['USAGOV PRKGOV 111 asserted']);
  });

  it('resolves he/she to the last subject person', () => {
    const events = read('Trump praised Kim. He also criticized China.');
    expect(events.map(brief)).toEqual(['USAGOV PRKGOV 051 asserted', 'USAGOV CHN 111 asserted']);
  });

  it('keeps an apposition as the same actor', () => {
    expect(read('Pompeo, the Secretary of State, praised Japan.', '2018-10-08').map(brief)).toEqual([
      'USAGOV JPN 051 asserted',
    ]);
  });
});

describe('who did what to whom', () => {
  it('meetings run both ways; where they happen decides visit, hosting or third place', () => {
    expect(read('Putin met Kim Jong Un.').map(brief)).toEqual([
      'RUSGOV PRKGOV 040 asserted',
      'PRKGOV RUSGOV 040 asserted',
    ]);
    expect(read('Putin met Kim Jong Un in Singapore.').map(brief)).toEqual([
      'RUSGOV PRKGOV 044 asserted',
      'PRKGOV RUSGOV 044 asserted',
    ]);
    expect(read('Trump hosted Moon.').map(brief)).toEqual(['USAGOV KORGOV 043 asserted']);
    expect(read('Japan and China accused each other of spying.').map(brief)).toEqual([
      'JPN CHN 1125 asserted',
      'CHN JPN 1125 asserted',
    ]);
  });

  it('"both sides" and "the two men" refer back to the last two parties or people', () => {
    const events = read('Russia attacked Ukraine. Japan urged both sides to show restraint.');
    expect(events.filter((e) => e.code.startsWith('02')).map((e) => `${e.source} ${e.target}`)).toEqual([
      'JPN RUS',
      'JPN UKR',
    ]);
    // (talks are a new act; "the two men discussed Syria" would be the same meeting told again)
    const men = read('Trump met Putin in Finland. The two men held talks on Syria.');
    expect(
      men
        .filter((e) => e.sentence === 1)
        .map((e) => `${e.source} ${e.target}`)
        .sort(),
    ).toEqual(['RUSGOV USAGOV', 'USAGOV RUSGOV']);
  });

  it('announced force is a threat; an analyst\'s "could" is not', () => {
    expect(moves(read('Russia said it would attack Ukraine.')).map(brief)).toEqual(['RUS UKR 138 asserted']);
    expect(moves(read('China could attack Japan.'))).toEqual([]);
  });

  it('parties that agree to do something together reach an agreement', () => {
    expect(read('Japan and China agreed to resume talks.').map(brief)).toEqual([
      'JPN CHN 057 asserted',
      'CHN JPN 057 asserted',
    ]);
  });

  it('"I" in a quote is the speaker named after it', () => {
    expect(read('"I am ready to meet the Japanese foreign minister," Putin said.').map(brief)).toEqual([
      'RUSGOV JPNGOV 036 asserted',
    ]);
  });

  it('a that-clause names the target of a demand', () => {
    expect(read('Japan demanded that China release the fishermen.').map(brief)).toEqual(['JPN CHN 1053 asserted']);
  });

  it('a possessive noun names the visitor; as the object of another act it is only background', () => {
    expect(moves(read("Japan released two prisoners during Putin's visit to Japan.")).map(brief)).toContain(
      'RUSGOV JPN 042 asserted',
    );
    expect(moves(read("China condemned Putin's visit to Japan.")).map(brief)).toEqual(['CHN RUSGOV 111 asserted']);
  });

  it('passive voice', () => {
    expect(read('Sanctions were imposed on Iran by the EU.').map(brief)).toEqual(['IGOEUREEC IRN 163 asserted']);
    expect(read('Japan was criticized by China.').map(brief)).toEqual(['CHN JPN 111 asserted']);
  });

  it('coordination on the target gives one event each', () => {
    const events = read('Japan urged Russia and Ukraine to hold talks.');
    expect(events.map(brief)).toEqual(['JPN RUS 026 asserted', 'JPN UKR 026 asserted']);
  });

  it('coordination on the subject gives one event each', () => {
    expect(read('China and Russia criticized Japan.').map(brief).sort()).toEqual([
      'CHN JPN 111 asserted',
      'RUS JPN 111 asserted',
    ]);
  });

  it('light verbs and particles', () => {
    expect(read('Japan paid a visit to Germany.').map(brief)).toEqual(['JPN DEU 042 asserted']);
    expect(read('China struck a deal with Russia.').map(brief)).toEqual([
      'CHN RUS 057 asserted',
      'RUS CHN 057 asserted',
    ]);
    expect(read('Japan called off joint exercises with China.').map((e) => e.code)).toEqual(['087']);
    expect(read('North Korea handed over the remains to the United States.').map(brief)).toEqual([
      'PRK USA 0842 asserted',
    ]);
  });

  it('relative clauses do not steal the subject', () => {
    const events = read('Kim, who met Trump in Singapore, praised Moon.');
    expect(events.map(brief)).toContain('PRKGOV KORGOV 051 asserted');
  });

  it('spans point at the matched words in the cleaned text', () => {
    const text = 'Japan imposed new sanctions on Iran.';
    const [e] = read(text);
    expect(text.slice(e!.span[0], e!.span[1])).toBe('imposed new sanctions');
    expect(e!.quote).toBe(text);
  });
});

describe('dates of events', () => {
  it('resolves weekdays back for past events and forward for plans', () => {
    // 2018-10-08 is a Monday.
    expect(read('Japan criticized China on Sunday.')[0]!.date).toBe('2018-10-07');
    expect(read('Japan criticized China yesterday.')[0]!.date).toBe('2018-10-07');
    expect(read('Japan criticized China on May 9.')[0]!.date).toBe('2018-05-09');
    expect(read('Japan criticized China last month.')[0]!.date).toBe('2018-09-01');
  });

  it('dates an invitation or offer made in the past back, though its code is an intent to cooperate', () => {
    // An 03 move asserted in the past tense happened on the day named, not on the next such day.
    const [e] = read('Kim Jong Un invited international inspectors to the test site on Sunday.');
    expect(e!.code.startsWith('03')).toBe(true);
    expect(e!.date).toBe('2018-10-07');
  });
});
