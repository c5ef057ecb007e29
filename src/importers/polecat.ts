import { eventCode } from '../cameo/event-codes.js';
import { ROLE_PARTS } from '../model/actor-code.js';
import { countryMaps } from './country-maps.js';
import { DateReader } from './dates.js';
import type { FormatParser, ParsedRow } from './format-parser.js';
import { HeaderMap } from './header-map.js';
import { ExtraBuilder } from './json-extra.js';
import { PLOVER_TO_CAMEO_ROOT, quadOfLabel } from './plover.js';
import { TabFields } from './tab-fields.js';

/** POLECAT writes a literal `None` for missing values (seen by the public POLECAT readers, e.g. tkgl-polecat). */
function present(v: string): string | null {
  const t = v.trim();
  return t === '' || t === 'None' ? null : t;
}

/** A multi-valued POLECAT cell: `;`-separated, with `|` inside parts too; `None` dropped. */
export function splitMulti(v: string): string[] {
  const out: string[] = [];
  for (const part of v.split(/[;|]/)) {
    const p = present(part);
    if (p !== null) out.push(p);
  }
  return out;
}

/**
 * POLECAT (PLOVER-coded) events: tab-separated with a header that varies between releases
 * (`Intensity` or `Event Intensity`; archive files add `Headline`, `Event Text`, `Feed`,
 * `Story ID`), so every column is found by name. Actor and recipient countries and COW numbers
 * can hold several values; the first that maps to a CAMEO country is the party and all are kept.
 * The PLOVER category becomes a CAMEO root code (`plover.ts`) and is kept raw. Files that are not
 * valid UTF-8 are read as latin-1 by the line reader (the public POLECAT readers open them as latin-1).
 */
class PolecatParser implements FormatParser {
  readonly format = 'polecat' as const;
  readonly dataset = 'polecat';
  readonly hasHeader = true;
  private readonly f = new TabFields(96);
  private readonly dates = new DateReader();
  private readonly extra = new ExtraBuilder();
  private readonly maps = countryMaps();
  private width = 0;
  private c: Record<string, number> = {};
  private readonly actor = emptySide();
  private readonly recipient = emptySide();

  header(line: string): void {
    const fields = line.split('\t');
    const h = new HeaderMap(fields);
    this.width = fields.length;
    this.c = {
      id: h.require('Event ID', 'Event ID', 'event_id'),
      date: h.require('Event Date', 'Event Date', 'event_date'),
      type: h.require('Event Type', 'Event Type', 'event_type'),
      mode: h.find('Event Mode', 'event_mode'),
      intensity: h.find('Event Intensity', 'Intensity', 'event_intensity'),
      quad: h.find('Quad Code', 'quad_code', 'Quad Class'),
      contexts: h.find('Contexts', 'contexts', 'Context'),
      actorName: h.find('Actor Name', 'actor_name'),
      actorCountry: h.find('Actor Country', 'actor_country'),
      actorCow: h.find('Actor COW', 'actor_cow'),
      actorSector: h.find('Primary Actor Sector', 'primary_actor_sector'),
      actorSectors: h.find('Actor Sectors', 'actor_sectors'),
      actorTitle: h.find('Actor Title', 'actor_title'),
      actorRaw: h.find('Actor Name Raw', 'actor_name_raw'),
      actorWiki: h.find('Wikipedia Actor ID', 'wikipedia_actor_id'),
      recipientName: h.find('Recipient Name', 'recipient_name'),
      recipientCountry: h.find('Recipient Country', 'recipient_country'),
      recipientCow: h.find('Recipient COW', 'recipient_cow'),
      recipientSector: h.find('Primary Recipient Sector', 'primary_recipient_sector'),
      recipientSectors: h.find('Recipient Sectors', 'recipient_sectors'),
      recipientTitle: h.find('Recipient Title', 'recipient_title'),
      recipientRaw: h.find('Recipient Name Raw', 'recipient_name_raw'),
      recipientWiki: h.find('Wikipedia Recipient ID', 'wikipedia_recipient_id'),
      placename: h.find('Placename', 'placename'),
      country: h.find('Country', 'country'),
      lat: h.find('Latitude', 'latitude'),
      lon: h.find('Longitude', 'longitude'),
      source: h.find('Source', 'source'),
      published: h.find('Publication Date', 'publication_date'),
      language: h.find('Language', 'language'),
      version: h.find('Version', 'version'),
      eventText: h.find('Event Text', 'event_text'),
      headline: h.find('Headline', 'headline'),
      story: h.find('Story ID', 'story_id'),
    };
  }

  private raw(name: string): string {
    const i = this.c[name] ?? -1;
    return i === -1 ? '' : this.f.get(i);
  }

  private get(name: string): string | null {
    return present(this.raw(name));
  }

  /** The CAMEO country of an actor: the first of its country names that maps, else of its COW numbers. */
  private party(countries: readonly string[], cows: readonly string[]): string | null {
    for (const c of countries) {
      const code = this.maps.byName.get(c.toLowerCase());
      if (code) return code;
    }
    for (const c of cows) {
      const code = this.maps.byCow.get(c);
      if (code) return code;
    }
    return null;
  }

  parse(line: string, row: ParsedRow): string | null {
    const n = this.f.load(line);
    if (n !== this.width) return `expected ${this.width} tab-separated columns as in the header, found ${n}`;
    const id = this.get('id');
    if (id === null) return 'empty Event ID';
    const rawDate = this.raw('date').trim();
    if (!this.dates.iso(rawDate.slice(0, 10))) return `bad Event Date "${rawDate}" (expected YYYY-MM-DD)`;
    const category = (this.get('type') ?? '').toUpperCase();
    const root = PLOVER_TO_CAMEO_ROOT[category];
    if (!root) return category === '' ? 'empty Event Type' : `unknown PLOVER event type "${category}"`;
    const code = `${root}0`;
    const info = eventCode(code)!;
    const { actor, recipient } = this;
    this.readSide(actor, 'actorCountry', 'actorCow', 'actorSector');
    this.readSide(recipient, 'recipientCountry', 'recipientCow', 'recipientSector');
    row.key = id;
    row.date = this.dates.out.iso;
    row.day = this.dates.out.day;
    row.sourceParty = actor.party;
    row.targetParty = recipient.party;
    row.sourceCode = codeOfSide(actor);
    row.targetCode = codeOfSide(recipient);
    row.code = code;
    const quadLabel = this.get('quad');
    row.quad = (quadLabel !== null ? quadOfLabel(quadLabel) : undefined) ?? info.quadClass;
    const intensity = this.get('intensity');
    row.goldstein = intensity !== null && Number.isFinite(Number(intensity)) ? Number(intensity) : info.goldstein;
    row.sourceName = this.get('actorName');
    row.targetName = this.get('recipientName');
    row.url = null;
    row.extra = this.extraOf(category, quadLabel);
    return null;
  }

  /** Reads one side of the current row into `side`: its countries, COW numbers, party and sector. */
  private readSide(side: SideRead, country: string, cow: string, sector: string): void {
    side.countries = splitMulti(this.raw(country));
    side.cows = splitMulti(this.raw(cow));
    side.party = this.party(side.countries, side.cows);
    side.sector = this.get(sector);
  }

  /** What the row says beyond the ledger's columns, kept as JSON: every value POLECAT gave, as it gave it. */
  private extraOf(category: string, quadLabel: string | null): string | null {
    const { actor, recipient } = this;
    return this.extra
      .str('category', category)
      .str('mode', this.get('mode'))
      .list('contexts', splitMulti(this.raw('contexts')))
      .str('quad', quadLabel)
      .list('actorCountries', actor.countries)
      .list('actorCow', actor.cows)
      .str('actorSector', actor.sector)
      .list('actorSectors', splitMulti(this.raw('actorSectors')))
      .str('actorTitle', this.get('actorTitle'))
      .str('actorRaw', this.get('actorRaw'))
      .str('actorWiki', this.get('actorWiki'))
      .list('recipientCountries', recipient.countries)
      .list('recipientCow', recipient.cows)
      .str('recipientSector', recipient.sector)
      .list('recipientSectors', splitMulti(this.raw('recipientSectors')))
      .str('recipientTitle', this.get('recipientTitle'))
      .str('recipientRaw', this.get('recipientRaw'))
      .str('recipientWiki', this.get('recipientWiki'))
      .str('place', this.get('placename'))
      .list('country', splitMulti(this.raw('country')))
      .num('lat', this.get('lat'))
      .num('lon', this.get('lon'))
      .str('publisher', this.get('source'))
      .str('published', this.get('published'))
      .str('language', this.get('language'))
      .str('version', this.get('version'))
      .str('headline', this.get('headline'))
      .str('eventText', this.get('eventText'))
      .str('story', this.get('story'))
      .done();
  }
}

/** One side (actor or recipient) of the row being parsed; the parser keeps one of each and refills it per row. */
interface SideRead {
  countries: string[];
  cows: string[];
  party: string | null;
  sector: string | null;
}

function emptySide(): SideRead {
  return { countries: [], cows: [], party: null, sector: null };
}

/** The side's CAMEO code: its party, with its primary sector when that is a CAMEO role. */
function codeOfSide(side: SideRead): string | null {
  if (!side.party) return null;
  return side.party + (side.sector && ROLE_PARTS.has(side.sector) ? side.sector : '');
}

export function polecatParser(): PolecatParser {
  return new PolecatParser();
}
