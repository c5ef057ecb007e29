import { closeSync, openSync, writeSync } from 'node:fs';
import { eventCodes } from '../cameo/event-codes.js';
import { GDELT1_LAYOUT } from './gdelt1.js';
import type { ImportFormat } from './format-parser.js';
import { seededRandom } from '../util/seeded-random.js';

/**
 * Large synthetic event files in each import layout, for benchmarks and the kill test. Rows are
 * deterministic (seeded), about as wide as real ones (a GDELT 2.0 row is ~400 bytes), with a few
 * dozen countries where USA, PRK, KOR, CHN and JPN are common, so that the daily dyad aggregates
 * see realistic repetition.
 */
export interface SyntheticOptions {
  seed?: number;
  /**
   * First event day (YYYY-MM-DD) and how many days the rows spread over. The default, 7, makes a
   * million rows about a week of GDELT 2.0 (on the order of 10^5 events a day): a file's rows cluster in a few days, which is what the daily dyad aggregates see.
   */
  start?: string;
  days?: number;
  /** First event id (GDELT ids are consecutive integers). */
  firstId?: number;
}

const COUNTRIES = [
  ['USA', 'UNITED STATES', 'US', 'United States', 2],
  ['PRK', 'NORTH KOREA', 'KN', 'North Korea', 731],
  ['KOR', 'SOUTH KOREA', 'KS', 'South Korea', 732],
  ['CHN', 'CHINA', 'CH', 'China', 710],
  ['JPN', 'JAPAN', 'JA', 'Japan', 740],
  ['RUS', 'RUSSIA', 'RS', 'Russia', 365],
  ['GBR', 'UNITED KINGDOM', 'UK', 'United Kingdom', 200],
  ['FRA', 'FRANCE', 'FR', 'France', 220],
  ['DEU', 'GERMANY', 'GM', 'Germany', 255],
  ['IRN', 'IRAN', 'IR', 'Iran', 630],
  ['ISR', 'ISRAEL', 'IS', 'Israel', 666],
  ['IND', 'INDIA', 'IN', 'India', 750],
  ['PAK', 'PAKISTAN', 'PK', 'Pakistan', 770],
  ['SYR', 'SYRIA', 'SY', 'Syria', 652],
  ['TUR', 'TURKEY', 'TU', 'Turkey', 640],
  ['UKR', 'UKRAINE', 'UP', 'Ukraine', 369],
  ['BRA', 'BRAZIL', 'BR', 'Brazil', 140],
  ['MEX', 'MEXICO', 'MX', 'Mexico', 70],
  ['CAN', 'CANADA', 'CA', 'Canada', 20],
  ['AUS', 'AUSTRALIA', 'AS', 'Australia', 900],
  ['EGY', 'EGYPT', 'EG', 'Egypt', 651],
  ['SAU', 'SAUDI ARABIA', 'SA', 'Saudi Arabia', 670],
  ['NGA', 'NIGERIA', 'NI', 'Nigeria', 475],
  ['ZAF', 'SOUTH AFRICA', 'SF', 'South Africa', 560],
] as const;
const ROLES = ['', 'GOV', 'MIL', 'OPP', 'BUS', 'MED', 'COP'];
const PLOVER = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
];
const QUAD_LABELS = ['VERBAL COOPERATION', 'MATERIAL COOPERATION', 'VERBAL CONFLICT', 'MATERIAL CONFLICT'];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Writes `rows` synthetic rows in `format` to `path`; returns the bytes written. */
export function writeSyntheticEvents(
  path: string,
  format: ImportFormat,
  rows: number,
  o: SyntheticOptions = {},
): number {
  const rnd = seededRandom(o.seed ?? 42);
  const codes = [...eventCodes().values()].filter((c) => c.code.length >= 3);
  const startMs = Date.parse(`${o.start ?? '2018-01-01'}T00:00:00Z`);
  const days = o.days ?? 7;
  const firstId = o.firstId ?? 800_000_000;
  const pick = (): (typeof COUNTRIES)[number] => {
    // A skew: half the actors come from the first five countries.
    const r = rnd();
    return r < 0.5 ? COUNTRIES[Math.floor(rnd() * 5)]! : COUNTRIES[Math.floor(rnd() * COUNTRIES.length)]!;
  };
  const fd = openSync(path, 'w');
  let bytes = 0;
  let out = '';
  const flush = (): void => {
    bytes += writeSync(fd, out);
    out = '';
  };
  try {
    if (format === 'icews')
      out +=
        'Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n';
    if (format === 'polecat')
      out +=
        'Event ID\tEvent Date\tEvent Type\tEvent Mode\tIntensity\tQuad Code\tContexts\tActor Name\tActor Country\tActor COW\tPrimary Actor Sector\tRecipient Name\tRecipient Country\tRecipient COW\tPrimary Recipient Sector\tPlacename\tCountry\tLatitude\tLongitude\tSource\tLanguage\tVersion\n';
    if (format === 'csv') out += 'id,date,source,target,code,goldstein,source_name,target_name,url\n';
    for (let i = 0; i < rows; i++) {
      const id = firstId + i;
      const d = new Date(startMs + Math.floor(rnd() * days) * 86_400_000);
      const y = d.getUTCFullYear();
      const m = d.getUTCMonth() + 1;
      const dd = d.getUTCDate();
      const ymd = `${y}${pad2(m)}${pad2(dd)}`;
      const iso = `${y}-${pad2(m)}-${pad2(dd)}`;
      const a = pick();
      let b = pick();
      if (b === a) b = COUNTRIES[(COUNTRIES.indexOf(a) + 1) % COUNTRIES.length]!;
      const r1 = ROLES[Math.floor(rnd() * ROLES.length)]!;
      const r2 = ROLES[Math.floor(rnd() * ROLES.length)]!;
      const c = codes[Math.floor(rnd() * codes.length)]!;
      const lat = (rnd() * 180 - 90).toFixed(4);
      const lon = (rnd() * 360 - 180).toFixed(4);
      const tone = (rnd() * 20 - 10).toFixed(6);
      const mentions = 1 + Math.floor(rnd() * 20);
      const url = `https://news.example.com/${y}/${pad2(m)}/${pad2(dd)}/story-${id.toString(36)}-${a[0].toLowerCase()}-${b[0].toLowerCase()}.html`;
      if (format === 'gdelt2' || format === 'gdelt1') {
        const g = (t: (typeof COUNTRIES)[number], adm2: boolean): string[] => {
          const cols = ['4', `${t[3]} Capital, ${t[3]}`, t[2], `${t[2]}01`];
          if (adm2) cols.push(`${t[2]}01${Math.floor(rnd() * 90 + 10)}`);
          cols.push(lat, lon, String(-Math.floor(rnd() * 2_000_000)));
          return cols;
        };
        const v2 = format === 'gdelt2';
        const cols = [
          String(id),
          ymd,
          ymd.slice(0, 6),
          String(y),
          (y + (m * 30 + dd) / 365).toFixed(4),
          a[0] + r1,
          a[1],
          a[0],
          '',
          '',
          '',
          '',
          r1,
          '',
          '',
          b[0] + r2,
          b[1],
          b[0],
          '',
          '',
          '',
          '',
          r2,
          '',
          '',
          rnd() < 0.6 ? '1' : '0',
          c.code,
          c.code.slice(0, 3),
          c.code.slice(0, 2),
          String(c.quadClass),
          c.goldstein.toFixed(1),
          String(mentions),
          String(1 + (mentions >> 2)),
          String(mentions),
          tone,
          ...g(a, v2),
          ...g(b, v2),
          ...g(rnd() < 0.5 ? a : b, v2),
          v2 ? `${ymd}${pad2(Math.floor(rnd() * 24))}${pad2(Math.floor(rnd() * 4) * 15)}00` : ymd,
        ];
        // GDELT 1.0: the backfile (before 2013-04-01) has no SOURCEURL column.
        if (v2 || iso >= '2013-04-01') cols.push(url);
        if (!v2 && cols.length !== 57 && cols.length !== 58)
          throw new Error(`gdelt1 row has ${cols.length} columns (${GDELT1_LAYOUT.widths.join('/')})`);
        out += `${cols.join('\t')}\n`;
      } else if (format === 'phoenix') {
        out += `${[
          `${id}_1.0`,
          ymd,
          String(y),
          pad2(m),
          pad2(dd),
          a[0] + r1,
          a[0],
          r1,
          '',
          b[0] + r2,
          b[0],
          r2,
          '',
          c.code,
          c.code.slice(0, 2),
          String(c.quadClass),
          c.goldstein.toFixed(1),
          '',
          lat,
          lon,
          `${b[3]} Capital`,
          '',
          b[0],
          `s${id}-1`,
          url,
          'wire',
        ].join('\t')}\n`;
      } else if (format === 'icews') {
        out += `${[
          String(id),
          iso,
          `${r1 || 'Citizen'} (${a[3]})`,
          r1 === 'MIL' ? 'Military' : 'Government,Executive',
          a[3],
          c.name,
          c.code,
          c.goldstein.toFixed(1),
          `${r2 || 'Citizen'} (${b[3]})`,
          r2 === 'MIL' ? 'Military' : 'Government',
          b[3],
          String(id * 3),
          '1',
          'Wire',
          'NA',
          'NA',
          'NA',
          b[3],
          lat,
          lon,
        ].join('\t')}\n`;
      } else if (format === 'polecat') {
        const cat = PLOVER[Math.floor(rnd() * PLOVER.length)]!;
        out += `${[
          `${id.toString(16)}_1`,
          iso,
          cat,
          '',
          c.goldstein.toFixed(1),
          QUAD_LABELS[c.quadClass - 1]!,
          'diplomatic',
          `${a[3]} official`,
          a[3],
          String(a[4]),
          r1 || 'GOV',
          `${b[3]} official`,
          rnd() < 0.1 ? `${b[3]};None` : b[3],
          String(b[4]),
          r2 || 'GOV',
          `${b[3]} Capital`,
          b[3],
          lat,
          lon,
          'Wire',
          'en',
          '1.0',
        ].join('\t')}\n`;
      } else {
        out += `${[String(id), iso, a[0] + r1, b[0] + r2, c.code, c.goldstein.toFixed(1), a[1], b[1], url].join(',')}\n`;
      }
      if (out.length > 1 << 20) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}
