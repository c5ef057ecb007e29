import { describe, expect, it } from 'vitest';
import { readArticle, type ReadEvent } from './read-article.js';
import { TEST_DICTIONARY } from './test-dictionary.js';

/** Who did it to whom: lists, passives, metonyms, generic agents and references across sentences. */
const read = (text: string, date = '2020-01-04'): ReadEvent[] =>
  readArticle(text, { date, dictionary: TEST_DICTIONARY }).events;
const brief = (e: ReadEvent): string => `${e.source} ${e.target ?? '-'} ${e.code} ${e.mode}`;
const pairs = (events: ReadEvent[]): string[] => events.map((e) => `${e.source} ${e.target ?? '-'}`);

describe('lists and coordination', () => {
  it('examples after "including" stand where the list stands', () => {
    expect(pairs(read('Several countries, including Japan and Germany, imposed sanctions on Iran.')).sort()).toEqual([
      'DEU IRN',
      'JPN IRN',
    ]);
    expect(pairs(read('Japan criticized several countries, including Russia and China.'))).toEqual([
      'JPN RUS',
      'JPN CHN',
    ]);
  });

  it('an adjective with a plural noun covers the noun, so a second conjunct is seen', () => {
    expect(pairs(read('Iran released two Japanese sailors and three German tourists.'))).toEqual([
      'IRN JPN',
      'IRN DEU',
    ]);
  });
});

describe('passives', () => {
  it('a preposition of the pattern inside the subject names the target', () => {
    expect(read('Sanctions on the Iranian bank were eased by the EU.').map(brief)).toEqual([
      'IGOEUREEC IRN 085 asserted',
    ]);
  });
});

describe('places and generic agents', () => {
  it('a capital before an event noun is a place, not an actor', () => {
    const events = read('After the Singapore summit, the two leaders exchanged letters.');
    expect(events).toEqual([]);
  });

  it('agents of several countries or of an unknown employer take no country', () => {
    expect(read('Western officials criticized Iran.').map(brief)).toEqual([]);
    expect(pairs(read('Iran arrested a reporter for the Daily Planet.'))).toEqual(['IRN -']);
  });
});

describe('references across sentences', () => {
  it('"both sides" are the two actors of the last act that ran both ways', () => {
    const events = read(
      'Russia and Ukraine held talks in Geneva, mediated by Japan. The UN urged both sides to show restraint.',
    );
    expect(pairs(events.filter((e) => e.sentence === 1))).toEqual(['IGOUNO RUS', 'IGOUNO UKR']);
  });

  it('a person named after leaving office is still of the state served last', () => {
    expect(pairs(read('Mike Pompeo criticized China.', '2022-05-01'))).toEqual(['USA CHN']);
  });
});

describe('threats', () => {
  it('retaliation is aimed at the author of what provoked it', () => {
    expect(
      pairs(read('Iran vowed revenge after American troops killed an Iranian general.')).filter((p) =>
        p.startsWith('IRN'),
      ),
    ).toEqual(['IRN USAMIL']);
  });
});

describe('acts referred to by a noun', () => {
  it('"condemned the attack" is aimed at whoever the article last reported using force', () => {
    const events = read('Russian troops attacked Kyiv on Monday. Japan condemned the attack.');
    expect(pairs(events.filter((e) => e.sentence === 1))).toEqual(['JPN RUSMIL']);
  });

  it("a meeting that is its clause's subject is between the pair the sentence names together", () => {
    const events = read('The summit ended abruptly after Trump and Kim failed to agree.', '2019-02-28');
    expect(pairs(events.filter((e) => e.code.startsWith('04')))).toEqual(['USAGOV PRKGOV', 'PRKGOV USAGOV']);
  });
});

describe('brokers named in a compound', () => {
  it('"a Russian-brokered ceasefire" is mediation between the parties that agree to it', () => {
    const events = read('Japan and China agreed to a Russian-brokered ceasefire.');
    expect(pairs(events.filter((e) => e.code === '045'))).toEqual(['RUS JPN', 'RUS CHN']);
    expect(read('Russia attacked Ukraine despite a German-brokered deal.').filter((e) => e.code === '045')).toEqual([]);
  });
});

describe('private people and monitors', () => {
  it('a journalist or activists take no country from the state that acts on them', () => {
    expect(pairs(read('Iranian police arrested a journalist.'))).toEqual(['IRNCOP -']);
    expect(pairs(read('Police arrested dozens of activists in Tehran.'))).toEqual(['IRNCOP IRNCVL']);
  });

  it('a monitor named after the act accuses its author; a state relaying it does not', () => {
    const un = read('Russian troops attacked Kyiv, the UN said.');
    expect(pairs(un.filter((e) => e.code.startsWith('112')))).toEqual(['IGOUNO RUSMIL']);
    expect(read('Russian troops attacked Kyiv, Japan said.').filter((e) => e.code.startsWith('11'))).toEqual([]);
  });
});

describe('attribution and authors of force', () => {
  it('a country adjective before an act of force names its author', () => {
    expect(pairs(read('Japan condemned the Russian invasion.'))).toEqual(['JPN RUS']);
  });

  it('a trailing speaker belongs to the state the sentence is about', () => {
    const events = read('Japan criticized China, the foreign minister said.');
    expect(pairs(events)).toEqual(['JPN CHN']);
    const m = read('Japan criticized the Chinese military, the foreign minister said.');
    expect(m.map((e) => e.source)).toEqual(['JPN']);
  });
});

describe('definite descriptions', () => {
  it('"the president" is the last person named with that title, not the last official', () => {
    const events = read(
      'President Donald Trump met Kim Jong Un. North Korean Foreign Minister Ri Yong Ho criticized the President.',
      '2019-03-01',
    );
    expect(pairs(events.filter((e) => e.sentence === 1))).toEqual(['PRKGOV USAGOV']);
  });
});

describe('agents placed by the words after them', () => {
  it('"the generals in Sudan\'s war", "officials in Tokyo": the place after the agent gives its country', () => {
    expect(pairs(read("Japan's president urged the troops in Syria to withdraw."))).toEqual(['JPNGOV SYRMIL']);
  });
});

describe('places that are not capitals', () => {
  it('a meeting in a city of one party is a visit and its hosting; a city is never an actor', () => {
    const events = readArticle('Biden met Mohammed bin Salman in Jeddah. Jeddah welcomed the visit.', {
      date: '2022-07-15',
    }).events;
    expect(events.filter((e) => e.sentence === 0).map(brief)).toEqual([
      'USAGOV SAU 042 asserted',
      'SAUGOV USAGOV 043 asserted',
    ]);
    expect(events.filter((e) => e.sentence === 1)).toEqual([]);
  });
});

describe('authors named with "by"', () => {
  it('criticism of an act is aimed at the author its object names', () => {
    expect(pairs(read('Japan criticized the seizure of the tanker by Iranian troops.'))).toEqual(['JPN IRNMIL']);
  });

  it('a country used as a modifier lends no country to an agent before it', () => {
    expect(read('Officials observed a minute of silence for the victims of the Japan earthquake.')).toEqual([]);
  });
});

describe('bodies named again', () => {
  it('"the government" opening a later sentence is the body named before, not the next country', () => {
    const events = read("China's government criticized Japan. The government also warned the Japanese military.");
    expect(events.filter((e) => e.sentence === 1).map((e) => e.source)).toEqual(['CHNGOV']);
  });
});

describe('the scene of an article', () => {
  it('a sentence whose actors are referred back to keeps the day of the last dated sentence', () => {
    const events = read(
      'Putin met Kim Jong Un in Moscow on Sunday. The two men held talks for three hours.',
      '2018-10-08',
    );
    expect(events.filter((e) => e.sentence === 1).map((e) => e.date)).toEqual(['2018-10-07', '2018-10-07']);
  });

  it('the same meeting told again through "the two leaders" is no new event', () => {
    const events = read('Putin met Kim Jong Un in Singapore on Sunday. The two leaders shook hands.', '2018-10-08');
    expect(events.filter((e) => e.sentence === 1)).toEqual([]);
  });

  it('an alias that starts a full name takes the whole name ("leader Kim Jong Un")', () => {
    const events = read('Putin met North Korean leader Kim Jong Un.', '2018-10-08');
    expect(pairs(events)).toEqual(['RUSGOV PRKGOV', 'PRKGOV RUSGOV']);
  });
});

describe('sides of a clash', () => {
  it('"killed in a clash with X": the clause subject and X fight each other', () => {
    const events = read('Twenty Chinese troops were killed in a clash with Russian troops.', '2020-06-16');
    expect(pairs(events.filter((e) => e.code.startsWith('19')))).toEqual(['CHNMIL RUSMIL', 'RUSMIL CHNMIL']);
  });
});

describe('shared agents', () => {
  it('"Iranian and European officials": a country adjective shares the agent of the name after "and"', () => {
    const dict = {
      ...TEST_DICTIONARY,
      organisations: [
        ...TEST_DICTIONARY.organisations,
        { code: 'IGOEUREEC', name: 'European officials', names: [], source: 'test' },
      ].filter((o, k, all) => all.findIndex((x) => x.name === o.name) === k),
    };
    const events = readArticle('Iranian and European officials criticized Russia.', {
      date: '2024-09-12',
      dictionary: dict,
    }).events;
    expect(pairs(events)).toEqual(['IRNGOV RUS', 'IGOEUREEC RUS']);
  });
});

describe('actors inside object phrases and modifiers', () => {
  it('an adjective actor after an article or inside an "of" phrase is the target', () => {
    expect(pairs(read('Iran seized a German tanker in the Gulf.'))).toEqual(['IRN DEU']);
    expect(pairs(read('China banned imports of Japanese seafood.'))).toEqual(['CHN JPN']);
    expect(pairs(read('Washington raised tariffs on Chinese goods worth $200 billion.'))).toEqual(['USAGOV CHN']);
  });

  it('a participle after an actor in an object phrase describes that actor', () => {
    const events = read('North Korea handed over the remains of American soldiers killed in the war.');
    expect(events.map(brief)).toEqual(['PRK USA 0842 asserted']);
  });

  it('a verb inside a hyphenated modifier is no act, and the preposition before it is kept', () => {
    expect(
      read('Japan sent relief supplies to earthquake-hit Syria.').map((e) => `${e.source} ${e.target ?? '-'}`),
    ).toEqual(['JPN SYR']);
  });

  it('a second verb after "and" keeps the first verb\'s subject, not its object', () => {
    expect(pairs(read('Washington expelled ten Russian diplomats and imposed sanctions on Iran.'))).toEqual([
      'USAGOV RUS',
      'USAGOV IRN',
    ]);
  });

  it('a gerund after a verb and "by" is how the subject acted', () => {
    expect(read('Moscow retaliated by expelling ten American diplomats.').map(brief)).toEqual([
      'RUSGOV USA 166 asserted',
    ]);
  });
});

describe('prepositions before possessed actors', () => {
  it('"with his Chinese counterpart" keeps the preposition past the possessive', () => {
    expect(pairs(read('Pompeo held talks with his Chinese counterpart in Singapore.', '2018-08-03')).sort()).toEqual([
      'CHNGOV USAGOV',
      'USAGOV CHNGOV',
    ]);
  });
});

describe('participles after actors, continued', () => {
  it('a person noun tagged as an adjective still names the country; its participle is no act', () => {
    expect(read('Iran released a German national convicted of spying.').map(brief)).toEqual(['IRN DEU 0841 asserted']);
  });

  it('a participle with its agent inside an object phrase describes the noun', () => {
    expect(read('Germany demanded the release of hostages seized by Iran.').map((e) => e.code)).not.toContain('171');
  });
});

describe('verbs joined by "and"', () => {
  it('two verbs joined by "and" share the object after the second', () => {
    expect(pairs(read('Russia fired on and seized three Ukrainian vessels.'))).toEqual(['RUS UKR', 'RUS UKR']);
  });
});
