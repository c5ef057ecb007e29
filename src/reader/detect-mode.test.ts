import { describe, expect, it } from 'vitest';
import { readArticle, type ReadEvent } from './read-article.js';
import { TEST_DICTIONARY } from './test-dictionary.js';

const read = (text: string, date = '2019-07-02'): ReadEvent[] =>
  readArticle(text, { date, dictionary: TEST_DICTIONARY }).events;
const moves = (text: string): string[] =>
  read(text)
    .filter((e) => e.mode === 'asserted' || e.mode === 'reported')
    .map((e) => `${e.source} ${e.target ?? '-'} ${e.code}`);

describe('mode rules on threats, refusals and announcements', () => {
  it('a refusal read from the infinitive replaces the bare "refused"', () => {
    expect(moves('Iran refused to let inspectors visit the site.')).toEqual(['IRN - 1245']);
  });

  it('an announced act of defiance with "unless" is an ultimatum; without, a plain threat', () => {
    expect(moves('Iran said it would exceed the enrichment cap in ten days unless Europe acted.')).toEqual([
      'IRN - 139',
    ]);
    expect(moves('Iran breached the limit on enriched uranium.')).toEqual(['IRN - 128']);
  });

  it('a decision announced is not a threat; a third party relaying a conditional is none', () => {
    expect(moves('Trump announced that the United States would impose sanctions on Iran.')).toEqual([]);
    expect(moves('China would impose sanctions on Japan if Tokyo kept its tariffs, state media said.')).toEqual([]);
  });

  it('speculation ("analysts believe X could ...") is no report', () => {
    expect(moves('Some analysts believe that Japan could threaten to withdraw from the commission.')).toEqual([]);
  });

  it('a present-tense "before" clause looks ahead', () => {
    expect(moves('Sanctions will not be lifted before Iran gives up its weapons.')).toEqual([]);
  });

  it('threat codes follow what is threatened, not the condition', () => {
    expect(moves('Iran threatened to strike American bases.')).toEqual(['IRN USA 1384']);
    expect(moves('Japan warned China of consequences if it invaded Taiwan.')).toEqual(['JPN CHN 130']);
  });

  it('a hope for no known act is an optimistic comment; a hope for a visit is intent', () => {
    expect(moves('Putin said he hoped the ceasefire could be extended.')).toEqual(['RUSGOV - 013']);
    expect(moves('Putin hopes the German chancellor will visit Moscow soon.')).toEqual(['RUSGOV DEUGOV 036']);
  });

  it('a denial right before the act negates it', () => {
    expect(moves('Russia denied attacking the convoy.')).toEqual(['RUS - 016']);
  });

  it("a state's trailing warning about its own side is a threat even with a condition; a rights group's is not", () => {
    expect(moves('Unless Ukraine withdraws its troops, Russia will continue the offensive, Putin warned.')).toEqual([
      'RUSGOV - 130',
    ]);
    expect(
      moves('Unless Ukraine withdraws its troops, Russia will continue the offensive, Taliban fighters warned.'),
    ).toEqual([]);
  });

  it('in the passive, the auxiliaries between the noun and its verb decide the mode', () => {
    expect(moves('Sanctions on Iran were not lifted by the EU.')).toEqual([]);
    expect(moves('Sanctions on Iran will be lifted by the EU next year.')).toEqual([]);
    expect(moves('Sanctions on Iran should be lifted by the EU.')).toEqual([]);
    expect(moves('Sanctions on Iran were lifted by the EU.')).toEqual(['IGOEUREEC IRN 085']);
  });

  it("a passive act announced with no agent is the announcer's intent", () => {
    expect(moves('Putin said sanctions on Japan would be eased next month.')).toEqual(['RUSGOV JPN 0354']);
    expect(moves('Putin said sanctions on Japan had been eased.')).toEqual([]);
  });
});

describe('hearsay, "yet to" and "voted to"', () => {
  const modes = (text: string): string[] => read(text).map((e) => `${e.source} ${e.target ?? '-'} ${e.code} ${e.mode}`);

  it('"reportedly" and "is said to have" relay a report', () => {
    expect(
      modes('China reportedly detained two Japanese journalists.').map((m) => m.split(' ').slice(2).join(' ')),
    ).toEqual(['173 reported']);
    expect(modes('Iran is said to have supplied drones to Russia.')).toEqual(['IRN RUS 072 reported']);
  });

  it('"has yet to" is not done', () => {
    expect(modes('Germany has yet to send the tanks to Ukraine.')).toEqual(['DEU UKR 072 negated']);
  });

  it('"was preparing to strike" is a plan, not declared readiness', () => {
    expect(
      modes('Officials said Russia was preparing to strike Ukraine.').map((m) => m.split(' ').slice(2).join(' ')),
    ).toEqual(['195 intended']);
  });

  it('a body that voted to act has acted', () => {
    expect(moves('The UN General Assembly voted to suspend Russia from the Human Rights Council.')).toEqual([
      'IGOUNO RUS 160',
    ]);
  });

  it('an inverted condition ("Had X ...", "Were X to ...") is hypothetical', () => {
    expect(moves('Had Washington lifted sanctions, Pyongyang would have dismantled the site.')).toEqual([]);
    expect(moves('Washington had lifted sanctions on North Korea.')).toEqual(['USAGOV PRK 085']);
  });
});
