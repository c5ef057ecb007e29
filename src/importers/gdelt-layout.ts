import { isOrganisationCode, partyOf } from '../model/actor-code.js';
import { eventCode } from '../cameo/event-codes.js';
import { countryMaps } from './country-maps.js';
import { DateReader } from './dates.js';
import type { FormatParser, ImportFormat, ParsedRow } from './format-parser.js';
import { TabFields } from './tab-fields.js';

/**
 * Positions (0-based) of the GDELT event columns an import reads. Columns up to Actor1Geo_ADM1Code
 * (0–38) sit at the same place in 1.0 and 2.0; after it, 2.0 inserts an ADM2Code column after each
 * ADM1Code, shifting the rest by 1, 2 or 3 (GDELT Event Codebook V2.0, 2/19/2015; V1.03, 8/25/2013;
 * the column lists of linwoodc3/gdeltPyR agree).
 */
export interface GdeltLayout {
  format: ImportFormat;
  /** Accepted column counts. */
  widths: readonly number[];
  actor1GeoCountry: number;
  actor2GeoCountry: number;
  actionGeoFullName: number;
  actionGeoCountry: number;
  actionGeoLat: number;
  actionGeoLong: number;
  dateAdded: number;
  /** SOURCEURL, present when the row has it (1.0 daily files, 2.0). */
  sourceUrl: number;
}

const ID = 0;
const SQLDATE = 1;
const ACTOR1_CODE = 5;
const ACTOR1_NAME = 6;
const ACTOR1_COUNTRY = 7;
const ACTOR2_CODE = 15;
const ACTOR2_NAME = 16;
const ACTOR2_COUNTRY = 17;
const IS_ROOT = 25;
const EVENT_CODE = 26;
const QUAD = 29;
const GOLDSTEIN = 30;
const NUM_MENTIONS = 31;
const NUM_SOURCES = 32;
const NUM_ARTICLES = 33;
const AVG_TONE = 34;

/**
 * The raw GDELT values kept in an imported row's `extra`, in the order of its JSON array:
 * IsRootEvent, NumMentions, NumSources, NumArticles, AvgTone, ActionGeo_CountryCode (FIPS) and the
 * country it maps to, ActionGeo_FullName, ActionGeo_Lat, ActionGeo_Long, DATEADDED, and the FIPS
 * country codes of Actor1Geo and Actor2Geo.
 */
export const GDELT_EXTRA_FIELDS = [
  'root',
  'mentions',
  'sources',
  'articles',
  'tone',
  'geo',
  'geoCountry',
  'place',
  'lat',
  'lon',
  'added',
  'actor1Geo',
  'actor2Geo',
] as const;

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const NEEDS_JSON_ESCAPE = /["\\\u0000-\u001f]/;

function jsonNumber(v: string): string {
  return JSON_NUMBER.test(v) ? v : v === '' ? 'null' : Number.isFinite(Number(v)) ? String(Number(v)) : 'null';
}

function jsonText(v: string): string {
  if (v === '') return 'null';
  return NEEDS_JSON_ESCAPE.test(v) ? JSON.stringify(v) : `"${v}"`;
}

/** The party of a GDELT actor: its CAMEO country code, else an organisation code, else unknown. */
function party(code: string | null, country: string | null): string | null {
  if (country) return country;
  if (code && isOrganisationCode(code)) return partyOf(code);
  return null;
}

export class GdeltParser implements FormatParser {
  readonly hasHeader = false;
  readonly format: ImportFormat;
  readonly dataset: string;
  private readonly f = new TabFields(72);
  private readonly dates = new DateReader();
  private readonly fips = countryMaps().byFips;
  private readonly widthText: string;

  constructor(private readonly layout: GdeltLayout) {
    this.format = layout.format;
    this.dataset = layout.format;
    this.widthText = layout.widths.join(' or ');
  }

  header(): void {}

  /**
   * Raw extras as a JSON array in the order of `GDELT_EXTRA_FIELDS`, built in one template: this
   * runs for every row, and GDELT files are the largest an analyst imports. An array rather than
   * an object halves the bytes a row stores (the field names are in the code, not in every row),
   * and the bytes of each row are what SQLite's import time grows with. Numeric GDELT fields are
   * copied as written when they look like JSON numbers; text goes through JSON.stringify only when
   * it holds a character JSON would escape; empty fields are null.
   */
  private extraOf(f: TabFields, L: GdeltLayout): string {
    const geo = f.get(L.actionGeoCountry);
    const geoCountry = geo === '' ? undefined : this.fips.get(geo);
    return (
      `[${jsonNumber(f.get(IS_ROOT))},${jsonNumber(f.get(NUM_MENTIONS))},${jsonNumber(f.get(NUM_SOURCES))},` +
      `${jsonNumber(f.get(NUM_ARTICLES))},${jsonNumber(f.get(AVG_TONE))},${jsonText(geo)},` +
      `${geoCountry === undefined ? 'null' : `"${geoCountry}"`},${jsonText(f.get(L.actionGeoFullName))},` +
      `${jsonNumber(f.get(L.actionGeoLat))},${jsonNumber(f.get(L.actionGeoLong))},${jsonText(f.get(L.dateAdded))},` +
      `${jsonText(f.get(L.actor1GeoCountry))},${jsonText(f.get(L.actor2GeoCountry))}]`
    );
  }

  parse(line: string, row: ParsedRow): string | null {
    const f = this.f;
    const L = this.layout;
    const n = f.load(line);
    if (!L.widths.includes(n)) return `expected ${this.widthText} tab-separated columns, found ${n}`;
    const key = f.get(ID);
    if (key === '') return 'empty GLOBALEVENTID';
    const rawDate = f.get(SQLDATE);
    if (!this.dates.compact(rawDate)) return `bad SQLDATE "${rawDate}" (expected YYYYMMDD)`;
    const code = f.get(EVENT_CODE);
    const info = eventCode(code);
    if (!info) return `unknown CAMEO event code "${code}"`;
    row.key = key;
    row.date = this.dates.out.iso;
    row.day = this.dates.out.day;
    const c1 = f.opt(ACTOR1_CODE);
    const c2 = f.opt(ACTOR2_CODE);
    row.sourceCode = c1;
    row.targetCode = c2;
    row.sourceParty = party(c1, f.opt(ACTOR1_COUNTRY));
    row.targetParty = party(c2, f.opt(ACTOR2_COUNTRY));
    row.code = code;
    const quad = f.get(QUAD);
    row.quad = quad === '1' || quad === '2' || quad === '3' || quad === '4' ? quad.charCodeAt(0) - 48 : info.quadClass;
    const g = Number(f.get(GOLDSTEIN));
    row.goldstein = f.get(GOLDSTEIN) !== '' && Number.isFinite(g) ? g : info.goldstein;
    row.sourceName = f.opt(ACTOR1_NAME);
    row.targetName = f.opt(ACTOR2_NAME);
    row.url = n > L.sourceUrl ? f.opt(L.sourceUrl) : null;
    row.extra = this.extraOf(f, L);
    return null;
  }
}
