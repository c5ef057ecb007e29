import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SentenceTrace } from '../explain.js';
import { readArticle } from '../read-article.js';
import { TEST_DICTIONARY } from '../test-dictionary.js';

/**
 * The reader's rules, each with the sentence that motivated it: reading the sentence must fire the
 * step (as a mention's rule, a step of a kept event, or the reason a candidate or an event was
 * dropped). Every step name written in the rules has an entry here, so that a new rule comes with
 * its sentence. The sentences come from the evaluation set and the tests the rules were written on.
 */
const TEST = 'test';
type Entry = [step: string, sentence: string, date: string, dictionary?: typeof TEST];

const CATALOGUE: Entry[] = [
  ['', 'Israel called up three hundred thousand reservists.', '2023-10-09'],
  [
    'article.author-of-force',
    "Hours after the signing, Russian missiles struck the port of Odesa, Ukrainian officials said. Washington condemned the strike, saying it cast serious doubt on Moscow's commitment.",
    '2022-07-23',
  ],
  [
    'article.meeting-told-again',
    'Trump met the Ukrainian president on the sidelines of the General Assembly. He said the two men discussed energy security.',
    '2019-09-25',
  ],
  [
    'article.same-event-twice',
    'It remains unclear whether Erdogan and Putin discussed the grain corridor when they spoke last week.',
    '2022-05-31',
  ],
  ['code.refined', 'India rejected US demands to stop buying Iranian oil.', '2018-06-26'],
  [
    'code.ultimatum',
    'Iran said it would exceed the uranium stockpile limit in ten days unless Europe acted.',
    '2019-06-17',
  ],
  [
    'convert.accusation',
    "UN investigators said Myanmar's army had carried out mass killings of Rohingya civilians with genocidal intent.",
    '2019-08-25',
  ],
  [
    'convert.agreed',
    'Turkey agreed to halt its offensive in northeast Syria for 150 hours under a deal with Moscow.',
    '2019-10-22',
  ],
  ['convert.agreement', 'Xi and Biden agreed in Woodside to resume military-to-military communications.', '2023-11-16'],
  ['convert.intent', 'Morocco said it would resume diplomatic relations with Israel.', '2020-12-10'],
  ['convert.refuse', 'Russia refused to extend the Black Sea grain deal, which expired on Monday.', '2023-07-17'],
  ['convert.threat', 'Israel will respond to any Iranian attack with force, the army chief said.', '2024-10-01'],
  ['dyads.both-ways', 'Armenia and Azerbaijan accused each other of shelling civilian areas.', '2020-10-01'],
  [
    'dyads.meeting-at-a-named-place',
    'Trump and Kim shook hands at the Capella hotel on Sentosa island before their summit.',
    '2018-06-12',
  ],
  [
    'dyads.meeting-in-a-party-country',
    'Trump and Putin met at a military base in Anchorage, Alaska, on Friday.',
    '2025-08-16',
  ],
  [
    'dyads.meeting-in-a-third-country',
    'Biden and Putin met for about three hours in Geneva, their first summit.',
    '2021-06-16',
  ],
  [
    'event.accusation-by-speaker',
    "UN investigators said Myanmar's army had carried out mass killings of Rohingya civilians with genocidal intent.",
    '2019-08-25',
  ],
  [
    'event.accusation-by-trailing-monitor',
    'The Rapid Support Forces killed hundreds of Masalit civilians in El Geneina, a Human Rights Watch report found.',
    '2024-04-30',
  ],
  [
    'event.brokered',
    'Armenia and Azerbaijan agreed to a Russian-brokered ceasefire in Nagorno-Karabakh.',
    '2020-11-10',
  ],
  ['event.same-party', 'Japan summoned the Chinese ambassador to protest the incursion.', '2019-06-05'],
  [
    'filter.force-without-target',
    'Al-Shabab fighters attacked a hotel complex in Nairobi, killing twenty-one people.',
    '2019-01-16',
  ],
  [
    'filter.hope-is-intent',
    'Moon said he hoped the Pope would visit North Korea, the presidential office said.',
    '2021-10-27',
  ],
  [
    'filter.protest-aims',
    "Protesters stormed the president's residence in Colombo demanding that he resign.",
    '2022-07-09',
  ],
  [
    'filter.refusal-replaces-bare',
    'Russia refused to extend the Black Sea grain deal, which expired on Monday.',
    '2023-07-17',
  ],
  [
    'guard.agree-to',
    'India and the United States signed a pact to share satellite data for military use.',
    '2020-10-27',
  ],
  ['guard.brokered-compound', 'Russia attacked Ukraine despite a German-brokered deal.', '2019-06-05', TEST],
  ['guard.governed-by-appeal', 'India rejected US demands to stop buying Iranian oil.', '2018-06-26'],
  ['guard.needs-target', 'Pompeo flew home from Pyongyang with the three freed Americans.', '2018-05-10'],
  ['guard.no-source', 'The OPCW confirmed that sarin had been used in the Khan Sheikhoun attack.', '2017-06-30'],
  ['guard.participle-after-actor', 'Iran released a German national convicted of spying.', '2019-06-05', TEST],
  ['guard.passive-visit', 'Pyongyang was visited by Pompeo.', '2018-08-03'],
  [
    'guard.reduced-relative',
    'Algeria released a French journalist jailed for more than a year, the Elysee said.',
    '2026-04-14',
  ],
  [
    'guard.relative-that',
    'Islamic State claimed a suicide bombing at Kabul airport that killed thirteen US troops.',
    '2021-08-26',
  ],
  [
    'match.gerund-after-aspect',
    'A team of IAEA inspectors began checking two Ukrainian sites after Moscow alleged that Kyiv was building a dirty bomb.',
    '2022-10-26',
  ],
  [
    'match.gerund-tagged-noun',
    'China and Pakistan began trading under a second-phase free trade agreement.',
    '2019-05-10',
  ],
  [
    'match.participle-tagged-noun',
    'Pakistan said on Wednesday that its air force had shot down two Indian military jets over Kashmir and captured a pilot. The clash came a day after Indian warplanes struck what New Delhi called a militant training camp near Balakot, inside Pakistan.',
    '2019-02-28',
  ],
  ['match.past-tagged-adjective', 'Burkinabe jihadists abducted forty villagers near Djibo.', '2020-03-11'],
  [
    'mention.adjective-before-name',
    'Chinese President Xi Jinping received US Secretary of State Antony Blinken in Beijing.',
    '2023-06-19',
  ],
  [
    'mention.adjective-capital',
    'Ethiopian Prime Minister Abiy Ahmed arrived in the Eritrean capital on Sunday, the first visit by an Ethiopian leader in twenty years. He was greeted at the airport by President Isaias Afwerki, and crowds lined the streets.',
    '2018-07-10',
  ],
  ['mention.agent-country-from-context', 'Burkinabe jihadists abducted forty villagers near Djibo.', '2020-03-11'],
  [
    'mention.agent-of-country',
    "Xi hosted the leaders of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan in Xi'an.",
    '2023-05-19',
  ],
  [
    'mention.agent-of-no-country',
    'Washington threatened new sanctions on any company that keeps buying Iranian oil after November.',
    '2018-10-05',
  ],
  [
    'mention.agent-same-body',
    "China's government criticized Japan. The government also warned the Japanese military.",
    '2019-06-05',
    TEST,
  ],
  [
    'mention.agent-same-title',
    'Putin hopes the chancellor will visit Moscow before the end of the year.',
    '2019-06-18',
  ],
  [
    'mention.author-of-force',
    'Israel will respond to any Iranian attack with force, the army chief said.',
    '2024-10-01',
  ],
  ['mention.capital', 'Critics say Seoul has been too quick to praise Pyongyang.', '2019-01-30'],
  [
    'mention.context-name',
    'Seoul has not threatened any retaliation against the North, the ministry stressed.',
    '2017-11-28',
  ],
  [
    'mention.count-of-states',
    'The United States and more than twenty European countries expelled Russian diplomats in solidarity with Britain.',
    '2018-03-26',
  ],
  [
    'mention.counterpart',
    'The Kremlin said the Russian president and his American counterpart had met for more than two hours in Hamburg.',
    '2017-07-07',
  ],
  [
    'mention.countries-share-agent',
    'US and Chinese officials traded sharp words as talks opened in Anchorage on Thursday.',
    '2021-03-19',
  ],
  ['mention.country', 'Israel called up three hundred thousand reservists.', '2023-10-09'],
  [
    'mention.named-before',
    "Tonga's Prime Minister Siaosi Sovaleni flew to Wellington on Monday. Sovaleni's government later accused the opposition of spreading rumours.",
    '2024-03-02',
  ],
  ['mention.ruling-name', "Cambodia's opposition accused the ruling CPP of rigging the vote.", '2018-07-20'],
  ['mention.country-agent', 'Burkinabe jihadists abducted forty villagers near Djibo.', '2020-03-11'],
  ['mention.country-people', 'India rejected US demands to stop buying Iranian oil.', '2018-06-26'],
  ['mention.country-shares-agent', 'Iranian and European diplomats met in Vienna.', '2019-06-05'],
  ['mention.family-name', 'Putin received Kim at the Vostochny space centre on Wednesday.', '2023-09-14'],
  ['mention.it', 'Morocco said it would resume diplomatic relations with Israel.', '2020-12-10'],
  ['mention.modifier', 'Kim called Trump a "mentally deranged US dotard" in a rare personal statement.', '2017-09-22'],
  ['mention.organisation', "Mali's junta rejected ECOWAS demands for elections within a year.", '2022-06-08'],
  [
    'mention.organisation-agent',
    "NATO leaders criticised China's military ambitions as a systemic challenge.",
    '2021-06-14',
  ],
  [
    'mention.owned-or-brokered',
    'Armenia and Azerbaijan agreed to a Russian-brokered ceasefire in Nagorno-Karabakh.',
    '2020-11-10',
  ],
  [
    'mention.pair',
    'Trump met the Ukrainian president on the sidelines of the General Assembly. He said the two men discussed energy security.',
    '2019-09-25',
  ],
  ['mention.person', '"He is a war criminal," Biden said of Putin.', '2022-03-16'],
  ['mention.person-pronoun', 'Moon thanked Kim Yo Jong for her visit, calling it a chance for dialogue.', '2018-02-11'],
  ['mention.place', 'Burkinabe jihadists abducted forty villagers near Djibo.', '2020-03-11'],
  ['mention.plural-demonym', 'Pompeo flew home from Pyongyang with the three freed Americans.', '2018-05-10'],
  ['mention.quote-speaker', '"I will go to India next week," Trump told a rally in Colorado.', '2020-02-21'],
  [
    'mention.the-body',
    "Finland formally joined NATO on Tuesday, doubling the alliance's border with Russia.",
    '2023-04-05',
  ],
  [
    'mention.the-country',
    'French unions blocked refineries across the country in protest at the pension reform.',
    '2023-03-07',
  ],
  [
    'mention.they',
    'Biden met NATO allies in Brussels. They agreed to treat attacks in space as grounds for collective defence.',
    '2021-06-14',
  ],
  [
    'mention.title-and-name',
    'Lee Jae-myung, the opposition leader, demanded the resignation of President Yoon Suk Yeol.',
    '2024-12-05',
  ],
  [
    'mention.title-before-name',
    'Chinese President Xi Jinping received US Secretary of State Antony Blinken in Beijing.',
    '2023-06-19',
  ],
  [
    'mode.according-to',
    'Sweden plans to apply for NATO membership by the summer, according to people briefed on the talks.',
    '2022-04-07',
  ],
  ['mode.advice', 'Washington should not ease sanctions until Tehran lets inspectors in.', '2019-07-10'],
  ['mode.advice-noun', 'It is important that Japan imposes sanctions on Russia.', '2019-06-05'],
  ['mode.appeal-frame', 'Egypt demanded that Qatar stop funding Islamist groups.', '2017-07-31'],
  [
    'mode.bare-infinitive',
    'Brussels ought to freeze its trade talks with Hanoi until labour rights improve.',
    '2019-06-30',
  ],
  ['mode.condition', 'The G7 warned Russia of massive consequences if it invaded Ukraine.', '2021-12-10'],
  [
    'mode.condition-after',
    'Iran said it would exceed the uranium stockpile limit in ten days unless Europe acted.',
    '2019-06-17',
  ],
  [
    'mode.denial-frame',
    'Iran denied on Thursday that a missile fired by its forces had brought down the Ukrainian airliner near Tehran.',
    '2020-01-10',
  ],
  ['mode.denied', 'Russia denied attacking the convoy.', '2019-06-05', TEST],
  ['mode.future', '"I will go to India next week," Trump told a rally in Colorado.', '2020-02-21'],
  ['mode.governed-appeal', 'India rejected US demands to stop buying Iranian oil.', '2018-06-26'],
  [
    'mode.governed-fail',
    'The Hanoi summit ended abruptly after Trump and Kim failed to agree on sanctions relief.',
    '2019-02-28',
  ],
  [
    'mode.governed-intent',
    'Xi and Biden agreed in Woodside to resume military-to-military communications.',
    '2023-11-16',
  ],
  [
    'mode.governed-plan',
    'Sweden plans to apply for NATO membership by the summer, according to people briefed on the talks.',
    '2022-04-07',
  ],
  ['mode.governed-prediction', 'Modi is expected to visit Kyiv later this month, Indian officials said.', '2024-08-23'],
  ['mode.governed-purpose', 'Critics say Seoul has been too quick to praise Pyongyang.', '2019-01-30'],
  [
    'mode.governed-realise',
    'China and Pakistan began trading under a second-phase free trade agreement.',
    '2019-05-10',
  ],
  ['mode.governed-refuse', 'Russia refused to extend the Black Sea grain deal, which expired on Monday.', '2023-07-17'],
  ['mode.governed-threat', 'North Korea threatened to fire missiles into the waters around Guam.', '2017-08-09'],
  [
    'mode.governor-before-subject',
    "Kazakhstan's president ordered troops to fire without warning on rioters in Almaty.",
    '2022-01-06',
  ],
  [
    'mode.hearsay-adverb',
    'Pyongyang has reportedly demanded a peace declaration before it hands over a list of its nuclear sites.',
    '2018-08-29',
  ],
  [
    'mode.hearsay-noun',
    'The Kremlin declined to comment on reports that a Russian delegation had met Taliban envoys in Doha.',
    '2019-03-04',
  ],
  ['mode.hearsay-passive', 'Russia is believed to have supplied missiles to Iran.', '2019-06-05'],
  [
    'mode.hope-frame',
    'Moon said he hoped the Pope would visit North Korea, the presidential office said.',
    '2021-10-27',
  ],
  [
    'mode.inverted-condition',
    'Had Washington lifted sanctions, Pyongyang would have dismantled the site.',
    '2019-06-05',
    TEST,
  ],
  [
    'mode.looking-ahead',
    'Pyongyang has reportedly demanded a peace declaration before it hands over a list of its nuclear sites.',
    '2018-08-29',
  ],
  ['mode.negated-noun', 'No sanctions were imposed on Iran by Japan.', '2019-06-05'],
  ['mode.negation', 'India has not moved additional troops to Ladakh, the army said.', '2020-06-23'],
  ['mode.not-yet', 'China has yet to send troops to Russia.', '2019-06-05'],
  ['mode.obligation', 'Brussels ought to freeze its trade talks with Hanoi until labour rights improve.', '2019-06-30'],
  [
    'mode.opinion-guess',
    'Some analysts believe that Tokyo could eventually threaten to withdraw from the whaling commission.',
    '2018-09-25',
  ],
  [
    'mode.outer-speaker',
    'Moon said he hoped the Pope would visit North Korea, the presidential office said.',
    '2021-10-27',
  ],
  ['mode.own-announcement', 'The Houthis said they had attacked two Saudi oil plants with ten drones.', '2019-09-14'],
  ['mode.planned-noun', 'The planned summit between Trump and Kim was cancelled.', '2018-08-03'],
  ['mode.possible', 'Iran could execute more protesters if the unrest continues, rights groups warned.', '2022-12-05'],
  ['mode.question', 'Will Washington and Pyongyang ever sit down again at the same table?', '2020-10-13'],
  [
    'mode.refusal-frame',
    'Iran has refused to let IAEA inspectors investigate the uranium particles found at undeclared sites.',
    '2025-06-20',
  ],
  [
    'mode.relayed',
    'According to state media, Israel will continue the offensive unless Hamas frees the hostages, Netanyahu warned.',
    '2024-01-10',
  ],
  ['mode.speech-frame', 'Critics say Seoul has been too quick to praise Pyongyang.', '2019-01-30'],
  ['mode.trailing-attribution', 'India has not moved additional troops to Ladakh, the army said.', '2020-06-23'],
  [
    'mode.warning-of-own-side',
    'Unless Ukraine withdraws its troops, Russia will continue the offensive, Putin warned.',
    '2019-06-05',
    TEST,
  ],
  ['mode.would', 'Morocco said it would resume diplomatic relations with Israel.', '2020-12-10'],
  [
    'passive.announced',
    "Azerbaijan's president said the rights of Armenians in the region would be guaranteed. France called for an emergency meeting of the UN Security Council.",
    '2023-09-21',
  ],
  ['passive.between', 'A new Brexit deal was agreed between London and Brussels on Thursday.', '2019-10-18'],
  ['passive.by-agent', 'Germany was asked by Poland for permission to send Leopard tanks to Ukraine.', '2023-01-18'],
  ['passive.undergoer', 'The OPCW confirmed that sarin had been used in the Khan Sheikhoun attack.', '2017-06-30'],
  [
    'source.blamed',
    "Hamas's political leader Ismail Haniyeh was assassinated in Tehran, Iran's Revolutionary Guards said, blaming Israel.",
    '2024-07-31',
  ],
  [
    'source.civilians-of-place',
    'Hundreds of thousands of people marched in Hong Kong on Sunday against the extradition bill.',
    '2019-06-17',
  ],
  [
    'source.holder-of-intent',
    'Russia refused to extend the Black Sea grain deal, which expired on Monday.',
    '2023-07-17',
  ],
  [
    'subject.after-and',
    'Saudi Arabia accused Canada of interfering in its internal affairs and expelled its ambassador.',
    '2018-08-10',
  ],
  [
    'subject.between',
    "Fighting broke out in Khartoum between Sudan's army and the Rapid Support Forces on Saturday.",
    '2023-04-16',
  ],
  [
    'subject.clash-with',
    'Twenty Indian soldiers were killed in a clash with Chinese troops in the Galwan valley on Monday night.',
    '2020-06-16',
  ],
  ['subject.coordinated', 'China and the Solomon Islands signed a security pact.', '2022-04-20'],
  [
    'subject.earlier-verb',
    "Residents of the capital reported heavy air strikes and artillery fire on Saturday morning. The UN's humanitarian chief welcomed the agreement and urged both sides to allow aid to reach civilians.",
    '2023-05-21',
  ],
  ['subject.inside-noun', 'The reimposition of US oil sanctions on Iran took effect on Monday.', '2018-11-05'],
  ['subject.nearest-left', 'Israel called up three hundred thousand reservists.', '2023-10-09'],
  ['subject.of-noun', "China began live-fire drills around Taiwan after Pelosi's visit.", '2022-08-04'],
  [
    'subject.pair-of-the-sentence',
    'US and Chinese officials traded sharp words as talks opened in Anchorage on Thursday.',
    '2021-03-19',
  ],
  [
    'subject.participle-clause',
    'Al-Shabab fighters attacked a hotel complex in Nairobi, killing twenty-one people.',
    '2019-01-16',
  ],
  [
    'subject.possessor',
    "North Korea released three American detainees during Pompeo's visit to Pyongyang.",
    '2018-05-09',
  ],
  [
    'subject.relative-antecedent',
    'A Ryanair flight was forced to land in Minsk by Belarusian authorities, who then arrested the dissident journalist Roman Protasevich.',
    '2021-05-24',
  ],
  [
    'target.author-of-criticised-act',
    'Japan criticized the seizure of the tanker by Iranian troops.',
    '2019-06-05',
    TEST,
  ],
  [
    'target.author-of-provocation',
    'Tehran vowed harsh revenge after a US drone strike killed General Qassem Soleimani in Baghdad.',
    '2020-01-04',
  ],
  [
    'target.civilians',
    'Turkish police detained dozens of people for criticising the military operation in Syria online.',
    '2019-10-09',
  ],
  [
    'target.condition',
    'Medvedev warned that Russia would deploy nuclear weapons in the Baltic if Sweden and Finland joined NATO.',
    '2022-04-14',
  ],
  [
    'target.condition-of-threat',
    'Iran said it would exceed the uranium stockpile limit in ten days unless Europe acted.',
    '2019-06-17',
  ],
  ['target.coordinated', 'A new Brexit deal was agreed between London and Brussels on Thursday.', '2019-10-18'],
  [
    'target.government-of-protesters',
    'Thousands of Cubans took to the streets in rare protests against food shortages.',
    '2021-07-12',
  ],
  ['target.inside-trigger', "Putin suspended Russia's participation in the New START treaty.", '2023-02-21'],
  ['target.not-own-side', "Putin suspended Russia's participation in the New START treaty.", '2023-02-21'],
  [
    'target.owner-of-object',
    'North Korea handed over the remains of American soldiers killed in the war.',
    '2019-06-05',
    TEST,
  ],
  ['target.shared-object', 'Russia fired on and seized three Ukrainian vessels.', '2019-06-05', TEST],
  ['target.slot', 'India rejected US demands to stop buying Iranian oil.', '2018-06-26'],
  ['target.addressee', 'Trump cancelled the summit in a letter to Kim Jong Un.', '2018-05-24'],
  [
    'code.attack-on-forces',
    "Jihadists killed at least fifty soldiers in an ambush near the border with Mali, Burkina Faso's army said on Saturday.",
    '2023-02-18',
  ],
  ['code.repression', 'Belarusian riot police beat dozens of protesters in Minsk.', '2020-08-11'],
  [
    'mention.country-group',
    'Congolese Tutsi leaders accused the army of arming militias that attack their villages.',
    '2024-03-04',
  ],
  ['mention.group-agent', 'Kurdish militants killed two Turkish soldiers in an attack on a border post.', '2021-05-03'],
  ['mention.group-people', 'Hindu mobs attacked Muslim homes and shops in northeast Delhi.', '2020-02-26'],
  [
    'mention.groups-share-agent',
    'Sunni and Shiite tribes in Kurram district agreed to a seven-day ceasefire.',
    '2024-11-25',
  ],
  [
    'mention.named-by-apposition',
    'US immigration agents arrested Ibrahim Diallo, a Guinean asylum seeker, after a court hearing in New York.',
    '2025-04-03',
  ],
  [
    'mention.object-pronoun',
    "Senegal's government dissolved the opposition party PASTEF on Monday, accusing it of calling its supporters to insurrection.",
    '2023-07-31',
  ],
  ['mention.unknown-name', 'Peruvian police detained Pedro Castillo in Lima on Wednesday.', '2022-12-07'],
  [
    'mention.members-of',
    "Ethiopia's prime minister received leaders of the opposition group Ginbot 7 in Addis Ababa.",
    '2018-09-12',
  ],
  [
    'mention.agent-and-unknown-name',
    "Mutinous soldiers detained Mali's President Ibrahim Boubacar Keita at a camp outside Bamako.",
    '2020-08-18',
  ],
  ['mention.unknown-name-and-agent', 'Police said Lenca activists blocked a highway in Honduras.', '2019-04-10'],
  [
    'mention.named-armed-group',
    "The Kachin Independence Army captured an outpost of Myanmar's army after days of fighting.",
    '2024-01-29',
  ],
  [
    'mention.body-thing',
    'Communist rebels ambushed an army patrol in Northern Samar, killing two soldiers.',
    '2022-06-14',
  ],
  [
    'filter.killing-in-attack',
    'Gunmen from the Jalisco New Generation Cartel ambushed a police convoy in Michoacan, killing thirteen officers.',
    '2021-10-15',
  ],
  [
    'target.place-of-aid',
    'Jordanian and French air force planes dropped food parcels over northern Gaza on Monday.',
    '2024-03-04',
  ],
  [
    'filter.strike-killing',
    'A Sudanese army air strike hit a market in Nyala, killing dozens of civilians, medics said.',
    '2025-02-04',
  ],
  [
    'code.by-protesters',
    'Demonstrators clashed with riot police in Quito over the end of fuel subsidies.',
    '2019-10-20',
  ],
  ['code.on-soft-targets', 'Gunmen attacked Christian homes in Plateau state, Nigerian police said.', '2023-12-26'],
  ['code.by-state-forces', "Myanmar's military bombed a village in Sagaing region.", '2023-04-12'],
];

/** Steps that compute what later steps read and never decide alone, so never show in a trace. */
const STRUCTURAL = new Set(['guard.own-subject', 'mode.detect', 'subject.remembered']);

function firedIn(t: SentenceTrace): string[] {
  const names: string[] = [];
  for (const m of t.mentions) names.push(...m.rule.split(', '));
  for (const c of t.candidates) names.push(c.reason, ...c.steps);
  for (const e of t.kept) {
    const [head, steps] = e.rule.split(': ');
    const conversion = head!.split('+')[1];
    if (conversion) names.push(`convert.${conversion}`);
    if (steps) names.push(...steps.split(', '));
  }
  for (const d of t.dropped) names.push(d.reason);
  return names;
}

function fired(sentence: string, date: string, dictionary?: typeof TEST): Set<string> {
  const names = new Set<string>();
  readArticle(sentence, {
    date,
    ...(dictionary ? { dictionary: TEST_DICTIONARY } : {}),
    explain: (t) => {
      for (const n of firedIn(t)) names.add(n);
    },
  });
  return names;
}

describe('every rule fires on the sentence that motivated it', () => {
  it.each(CATALOGUE)('%s: %s', (step, sentence, date, dictionary) => {
    expect([...fired(sentence, date, dictionary)]).toContain(step);
  });
});

/**
 * Refinements inside a step or in the word lists of `data/reader/` rather than a step of their own:
 * each with a sentence written for it and the counted events (asserted or reported) it must give,
 * as `SOURCE TARGET CODE` (target `-` when none).
 */
const REFINEMENTS: Array<[what: string, sentence: string, date: string, events: string[]]> = [
  [
    'quantity-phrases',
    'Bandits abducted more than thirty farmers in Zamfara state, Nigerian police said.',
    '2024-05-20',
    ['NGACRM NGAAGR 181'],
  ],
  [
    'emit: two sides of one country meet',
    "Kenya's president received leaders of the opposition in Nairobi on Monday.",
    '2024-05-20',
    ['KENGOV KENOPP 043'],
  ],
  [
    'patterns: a cessation of hostilities is a ceasefire',
    "Sudan's army and the Rapid Support Forces agreed to a cessation of hostilities in Jeddah.",
    '2023-05-20',
    ['SDNMIL SDNMILRSF 0871', 'SDNMILRSF SDNMIL 0871'],
  ],
  [
    'raw matches: "the military" with no noun after it is the body',
    "Kenya's opposition accused the military of harassing its candidates.",
    '2024-02-10',
    ['KENOPP KENMIL 112'],
  ],
  [
    'mention.ruling-name',
    "Cambodia's opposition accused the ruling CPP of rigging the vote.",
    '2018-07-20',
    ['KHMOPP KHMGOV 112'],
  ],
  [
    "mention.agent-country-from-context: a titled person's country is the article's, not the one acted on",
    'Floods hit Tonga last week. Prime Minister Siaosi Sovaleni asked Wellington for emergency aid.',
    '2024-03-02',
    ['TONGOV NZLGOV 023'],
  ],
  [
    'mention.it: an actor of its own sentence before it',
    'Russia massed troops near the border. NATO said it would send more troops to Lithuania.',
    '2024-03-02',
    ['RUS - 154', 'IGOWSTNAT LTU 0334'],
  ],
  [
    'mention.named-before',
    "Tonga's Prime Minister Siaosi Sovaleni flew to Wellington on Monday. Sovaleni's government later accused the opposition of spreading rumours.",
    '2024-03-02',
    ['TONGOV NZL 042', 'TONGOV TONOPP 112'],
  ],
  [
    'code.by-protesters, both-ways-codes: protesters and police clashing',
    'Demonstrators clashed with riot police in Quito over the end of fuel subsidies.',
    '2019-10-20',
    ['ECUCVL ECUCOP 145', 'ECUCOP ECUCVL 175'],
  ],
  [
    'own-protest-codes: a hunger strike names no government',
    "Jailed activists in Egypt's Tora prison went on hunger strike on Monday.",
    '2023-08-16',
    ['EGYCVL - 142'],
  ],
  [
    'mention.agent-same-body: a body named before is what another country acts on',
    "Mali's army retook Kidal on Tuesday. Algeria, which brokered talks between the army and Tuareg rebels in 2015, urged restraint.",
    '2023-11-15',
    ['DZA MLIMIL 045', 'DZA TMHREB 045', 'DZA - 0256'],
  ],
  [
    'mention.group-agent: a group acted on by a state is of that state',
    'Police in Turkey detained Kurdish activists at a rally.',
    '2022-03-21',
    ['TURCOP TURCVLKUR 173'],
  ],
  [
    'mention.group-agent: a place after an adverb places a group',
    'Buddhist mobs attacked Muslim shops in central Mandalay on Sunday.',
    '2022-03-21',
    ['MMRCVLBUD MMRMOS 180'],
  ],
  [
    'code.on-soft-targets',
    'Gunmen attacked Christian homes in Plateau state, Nigerian police said.',
    '2023-12-26',
    ['NGAREB NGACHR 180'],
  ],
  [
    'mention.agent-country-from-context: the state whose speaker closes the sentence',
    "Jihadists killed eleven soldiers near the border with Niger, Benin's army said on Sunday.",
    '2024-01-14',
    ['BENREB BENMIL 190'],
  ],
];

function countedEvents(sentence: string, date: string): string[] {
  return readArticle(sentence, { date })
    .events.filter((e) => e.mode === 'asserted' || e.mode === 'reported')
    .map((e) => `${e.source} ${e.target ?? '-'} ${e.code}`);
}

describe('refinements give the events their sentence holds', () => {
  it.each(REFINEMENTS)('%s: %s', (_list, sentence, date, events) => {
    expect(countedEvents(sentence, date)).toEqual(events);
  });
});

describe('the catalogue', () => {
  it('has a sentence for every step the rules name', () => {
    const dir = fileURLToPath(new URL('./', import.meta.url));
    const names = new Set<string>();
    const literal =
      /'((?:mention|mode|subject|target|passive|source|guard|code|event|filter|article|dyads|match)\.[a-z-]+)'/g;
    for (const dirOf of [dir, fileURLToPath(new URL('../', import.meta.url))])
      for (const f of readdirSync(dirOf).filter((x) => x.endsWith('.ts') && !x.endsWith('.test.ts')))
        for (const m of readFileSync(dirOf + f, 'utf8').matchAll(literal)) names.add(m[1]!);
    const listed = new Set(CATALOGUE.map((e) => e[0]));
    expect([...names].filter((n) => !listed.has(n) && !STRUCTURAL.has(n)).sort()).toEqual([]);
  });
});
