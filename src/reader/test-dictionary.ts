import type { ActorDictionary } from '../cameo/actor-dictionary-types.js';

/**
 * A small actor dictionary for the reader's tests, so they do not depend on the full data files.
 * Facts (codes, roles, dates) follow reference/actors.md and public records.
 */
export const TEST_DICTIONARY: ActorDictionary = {
  countries: [
    { code: 'USA', name: 'United States', names: ['U.S.', 'US', 'USA', 'America', 'United States of America'], adjectives: ['American', 'Americans', 'U.S.'], capitals: ['Washington', 'the White House'], source: 'test' },
    { code: 'PRK', name: 'North Korea', names: ['DPRK', "Democratic People's Republic of Korea"], adjectives: ['North Korean', 'North Koreans'], capitals: ['Pyongyang'], source: 'test' },
    { code: 'KOR', name: 'South Korea', names: ['Republic of Korea'], adjectives: ['South Korean', 'South Koreans'], capitals: ['Seoul'], source: 'test' },
    { code: 'CHN', name: 'China', names: ["People's Republic of China"], adjectives: ['Chinese'], capitals: ['Beijing'], source: 'test' },
    { code: 'RUS', name: 'Russia', names: ['Russian Federation'], adjectives: ['Russian', 'Russians'], capitals: ['Moscow', 'the Kremlin'], source: 'test' },
    { code: 'UKR', name: 'Ukraine', names: [], adjectives: ['Ukrainian'], capitals: ['Kiev', 'Kyiv'], source: 'test' },
    { code: 'JPN', name: 'Japan', names: [], adjectives: ['Japanese'], capitals: ['Tokyo'], source: 'test' },
    { code: 'IRN', name: 'Iran', names: [], adjectives: ['Iranian', 'Iranians'], capitals: ['Tehran'], source: 'test' },
    { code: 'SYR', name: 'Syria', names: [], adjectives: ['Syrian'], capitals: ['Damascus'], source: 'test' },
    { code: 'DEU', name: 'Germany', names: [], adjectives: ['German', 'Germans'], capitals: ['Berlin'], source: 'test' },
    { code: 'SGP', name: 'Singapore', names: [], adjectives: ['Singaporean'], capitals: [], source: 'test' },
    { code: 'AFG', name: 'Afghanistan', names: [], adjectives: ['Afghan'], capitals: ['Kabul'], source: 'test' },
  ],
  organisations: [
    { code: 'IGOUNOIAE', name: 'International Atomic Energy Agency', names: ['IAEA'], source: 'test' },
    { code: 'IGOUNO', name: 'United Nations', names: ['UN', 'U.N.'], source: 'test' },
    { code: 'IGOEUREEC', name: 'European Union', names: ['EU'], source: 'test' },
    { code: 'AFGINSTAL', name: 'Taliban', names: [], source: 'test' },
  ],
  people: [
    {
      id: 'mike-pompeo', kind: 'person', name: 'Mike Pompeo', aliases: ['Pompeo', 'Michael Pompeo'],
      roles: [
        { code: 'USAGOVSPY', title: 'Director of the CIA', from: '2017-01-23', to: '2018-04-26' },
        { code: 'USAGOV', title: 'Secretary of State', from: '2018-04-26', to: '2021-01-20' },
      ],
    },
    { id: 'kim-jong-un', kind: 'person', name: 'Kim Jong Un', aliases: ['Kim Jong-un', 'Kim'], roles: [{ code: 'PRKGOV', title: 'Supreme Leader', from: '2011-12-17' }] },
    { id: 'moon-jae-in', kind: 'person', name: 'Moon Jae-in', aliases: ['Moon'], roles: [{ code: 'KORGOV', title: 'President', from: '2017-05-10', to: '2022-05-10' }] },
    { id: 'donald-trump', kind: 'person', name: 'Donald Trump', aliases: ['Trump'], roles: [{ code: 'USAGOV', title: 'President', from: '2017-01-20', to: '2021-01-20' }] },
    { id: 'vladimir-putin', kind: 'person', name: 'Vladimir Putin', aliases: ['Putin'], roles: [{ code: 'RUSGOV', title: 'President', from: '2012-05-07' }] },
  ],
  agents: [
    { phrase: 'foreign minister', role: 'GOV', source: 'test' },
    { phrase: 'chancellor', role: 'GOV', source: 'test' },
    { phrase: 'president', role: 'GOV', source: 'test' },
    { phrase: 'leader', role: 'GOV', source: 'test' },
    { phrase: 'government', role: 'GOV', source: 'test' },
    { phrase: 'officials', role: 'GOV', source: 'test' },
    { phrase: 'troops', role: 'MIL', source: 'test' },
    { phrase: 'military', role: 'MIL', source: 'test' },
    { phrase: 'lawmakers', role: 'LEG', source: 'test' },
    { phrase: 'opposition lawmakers', role: 'OPP', source: 'test' },
    { phrase: 'inspectors', role: '', source: 'test' },
    { phrase: 'Secretary of State', role: 'GOV', source: 'test' },
    { phrase: 'fighters', role: 'REB', source: 'test' },
    { phrase: 'police', role: 'COP', source: 'test' },
    { phrase: 'journalist', role: 'MED', source: 'test' },
    { phrase: 'activists', role: 'CVL', source: 'test' },
  ],
};
