import { eventCode, isEventCode } from '../cameo/event-codes.js';
import { countryMaps } from './country-maps.js';
import { DateReader } from './dates.js';
import { codeOfEventText } from './event-text-codes.js';
import { HeaderError, type FormatParser, type ParsedRow } from './format-parser.js';
import { HeaderMap } from './header-map.js';
import { ExtraBuilder } from './json-extra.js';
import { roleOfSectors, splitSectors } from './sectors.js';
import { TabFields } from './tab-fields.js';

/** Strips one level of surrounding quotes: Dataverse's derived `.tab` quotes strings, the original `.tsv` does not. */
function unquote(v: string): string {
  return v.length >= 2 && v.charCodeAt(0) === 34 && v.charCodeAt(v.length - 1) === 34 ? v.slice(1, -1) : v;
}

/** ICEWS writes a literal `NA` for missing values (andybega/icews sample files). */
function value(v: string): string | null {
  const u = unquote(v);
  return u === '' || u === 'NA' ? null : u;
}

/**
 * ICEWS coded event data (Dataverse "events" files): tab-separated with a header, read by name so
 * that both the Dataverse names (`Event ID`) and andybega/icews's snake_case (`event_id`) work.
 * Per file: the date format (`YYYY-MM-DD`, or `M/D/YYYY` in the 2017 files) is taken from the first
 * row; a missing CAMEO Code column is recovered from Event Text; the key is (Event ID, Event Date),
 * since ICEWS ids repeat across dates (andybega/icews, `inst/extdata/events.2018.sample.tab`).
 */
class IcewsParser implements FormatParser {
  readonly format = 'icews' as const;
  readonly dataset = 'icews';
  readonly hasHeader = true;
  private readonly f = new TabFields(64);
  private readonly dates = new DateReader();
  private readonly extra = new ExtraBuilder();
  private readonly countries = countryMaps().byName;
  private dateStyle: 'iso' | 'mdy' | undefined;
  /** The CAMEO event code of the row being parsed, set by `readCode`. */
  private code = '';
  private width = 0;
  private c = {
    id: -1,
    date: -1,
    sourceName: -1,
    sourceSectors: -1,
    sourceCountry: -1,
    eventText: -1,
    code: -1,
    intensity: -1,
    targetName: -1,
    targetSectors: -1,
    targetCountry: -1,
    story: -1,
    sentence: -1,
    publisher: -1,
    city: -1,
    district: -1,
    province: -1,
    country: -1,
    lat: -1,
    lon: -1,
  };

  header(line: string): void {
    const fields = line.split('\t').map(unquote);
    const h = new HeaderMap(fields);
    this.width = fields.length;
    this.c = {
      id: h.require('Event ID', 'Event ID', 'event_id'),
      date: h.require('Event Date', 'Event Date', 'event_date'),
      sourceName: h.find('Source Name', 'source_name'),
      sourceSectors: h.find('Source Sectors', 'source_sectors'),
      sourceCountry: h.require('Source Country', 'Source Country', 'source_country'),
      eventText: h.find('Event Text', 'event_text'),
      code: h.find('CAMEO Code', 'cameo_code'),
      intensity: h.find('Intensity', 'intensity'),
      targetName: h.find('Target Name', 'target_name'),
      targetSectors: h.find('Target Sectors', 'target_sectors'),
      targetCountry: h.require('Target Country', 'Target Country', 'target_country'),
      story: h.find('Story ID', 'story_id'),
      sentence: h.find('Sentence Number', 'sentence_number'),
      publisher: h.find('Publisher', 'publisher'),
      city: h.find('City', 'city'),
      district: h.find('District', 'district'),
      province: h.find('Province', 'province'),
      country: h.find('Country', 'country'),
      lat: h.find('Latitude', 'latitude'),
      lon: h.find('Longitude', 'longitude'),
    };
    if (this.c.code === -1 && this.c.eventText === -1)
      throw new HeaderError('the header has neither a CAMEO Code nor an Event Text column');
  }

  private get(i: number): string | null {
    return i === -1 ? null : value(this.f.get(i));
  }

  /** Reads the Event Date into `this.dates.out`, in the style the file's first row set; says what is wrong, or null. */
  private readDate(raw: string): string | null {
    this.dateStyle ??= raw.includes('/') ? 'mdy' : 'iso';
    const ok = this.dateStyle === 'mdy' ? this.dates.mdy(raw) : this.dates.iso(raw);
    if (ok) return null;
    return `bad Event Date "${raw}" (this file's dates are ${this.dateStyle === 'mdy' ? 'M/D/YYYY' : 'YYYY-MM-DD'})`;
  }

  /**
   * Sets `this.code` from the CAMEO Code column, or without one from the Event Text; says what is
   * wrong when neither gives a CAMEO event code, or null.
   */
  private readCode(rawCode: string | null, text: string | null): string | null {
    if (rawCode !== null) {
      // A code read through a spreadsheet loses its leading zero (`40` for `040`).
      const code = isEventCode(rawCode) ? rawCode : isEventCode(`0${rawCode}`) ? `0${rawCode}` : undefined;
      if (!code) return `unknown CAMEO event code "${rawCode}"`;
      this.code = code;
      return null;
    }
    if (text === null) return 'no CAMEO Code and no Event Text';
    const code = codeOfEventText(text);
    if (!code) return `no CAMEO Code, and Event Text "${text}" names no CAMEO event`;
    this.code = code;
    return null;
  }

  parse(line: string, row: ParsedRow): string | null {
    const n = this.f.load(line);
    if (n !== this.width) return `expected ${this.width} tab-separated columns as in the header, found ${n}`;
    const c = this.c;
    const id = this.get(c.id);
    if (id === null) return 'empty Event ID';
    const dateProblem = this.readDate(this.get(c.date) ?? '');
    if (dateProblem !== null) return dateProblem;
    const rawCode = this.get(c.code);
    const text = this.get(c.eventText);
    const codeProblem = this.readCode(rawCode, text);
    if (codeProblem !== null) return codeProblem;
    const code = this.code;
    const info = eventCode(code)!;
    row.key = `${id}|${this.dates.out.iso}`;
    row.date = this.dates.out.iso;
    row.day = this.dates.out.day;
    const sCountry = this.get(c.sourceCountry);
    const tCountry = this.get(c.targetCountry);
    const sSectors = splitSectors(this.get(c.sourceSectors) ?? '');
    const tSectors = splitSectors(this.get(c.targetSectors) ?? '');
    const sParty = sCountry ? (this.countries.get(sCountry.toLowerCase()) ?? null) : null;
    const tParty = tCountry ? (this.countries.get(tCountry.toLowerCase()) ?? null) : null;
    row.sourceParty = sParty;
    row.targetParty = tParty;
    row.sourceCode = sParty ? sParty + roleOfSectors(sSectors) : null;
    row.targetCode = tParty ? tParty + roleOfSectors(tSectors) : null;
    row.code = code;
    row.quad = info.quadClass;
    const intensity = this.get(c.intensity);
    // ICEWS's own intensity is kept as the weight: it differs from GDELT's Goldstein on 016, 022, 164, 165.
    row.goldstein = intensity !== null && Number.isFinite(Number(intensity)) ? Number(intensity) : info.goldstein;
    row.sourceName = this.get(c.sourceName);
    row.targetName = this.get(c.targetName);
    row.url = null;
    row.extra = this.extra
      .str('eventId', id)
      .str('sourceCountry', sCountry)
      .list('sourceSectors', sSectors)
      .str('targetCountry', tCountry)
      .list('targetSectors', tSectors)
      .str('eventText', text)
      .str('codeFrom', rawCode === null ? 'Event Text' : rawCode !== code ? rawCode : null)
      .num('story', this.get(c.story))
      .num('sentence', this.get(c.sentence))
      .str('publisher', this.get(c.publisher))
      .str('city', this.get(c.city))
      .str('district', this.get(c.district))
      .str('province', this.get(c.province))
      .str('country', this.get(c.country))
      .num('lat', this.get(c.lat))
      .num('lon', this.get(c.lon))
      .done();
    return null;
  }
}

export function icewsParser(): IcewsParser {
  return new IcewsParser();
}
