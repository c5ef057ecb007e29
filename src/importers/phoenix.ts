import { eventCode, isEventCode } from '../cameo/event-codes.js';
import { isOrganisationCode, partyOf } from '../model/actor-code.js';
import { DateReader } from './dates.js';
import type { FormatParser, ParsedRow } from './format-parser.js';
import { ExtraBuilder } from './json-extra.js';
import { TabFields } from './tab-fields.js';

const WIDTH = 26;
const EVENT_ID = 0;
const DATE = 1;
const SOURCE_FULL = 5;
const SOURCE_ENTITY = 6;
const SOURCE_ROLE = 7;
const SOURCE_ATTRIBUTE = 8;
const TARGET_FULL = 9;
const TARGET_ENTITY = 10;
const TARGET_ROLE = 11;
const TARGET_ATTRIBUTE = 12;
const EVENT_CODE = 13;
const QUAD = 15;
const GOLDSTEIN = 16;
const ISSUES = 17;
const LAT = 18;
const LON = 19;
const LOCATION = 20;
const STATE = 21;
const COUNTRY = 22;
const SENTENCES = 23;
const URLS = 24;
const SOURCES = 25;

/** The entity (country) is the party; for an organisation (`IGO`) the organisation code is (`IGOUNOIAE`). */
function party(entity: string | null, full: string | null): string | null {
  if (full && (entity === null || isOrganisationCode(entity))) return partyOf(full);
  return entity;
}

/**
 * Phoenix (Open Event Data Alliance, PETRARCH-coded): 26 tab-separated columns, no header, by
 * position (openeventdata/phoenix_pipeline, `postprocess.py:create_strings`). Its QuadClass runs 0–4 with 0 a "neutral" class for roots 01–02 and 16 in
 * class 3: the row's quad class is therefore taken from the CAMEO code, as for every other
 * dataset, and Phoenix's own value is kept raw (`phoenixQuad`, with `neutral` for 0), never read as
 * a CAMEO quad.
 */
class PhoenixParser implements FormatParser {
  readonly format = 'phoenix' as const;
  readonly dataset = 'phoenix';
  readonly hasHeader = false;
  private readonly f = new TabFields(40);
  private readonly dates = new DateReader();
  private readonly extra = new ExtraBuilder();

  header(): void {}

  parse(line: string, row: ParsedRow): string | null {
    const f = this.f;
    const n = f.load(line);
    if (n !== WIDTH) return `expected ${WIDTH} tab-separated columns, found ${n}`;
    const id = f.get(EVENT_ID);
    if (id === '') return 'empty EventID';
    const rawDate = f.get(DATE);
    if (!this.dates.compact(rawDate)) return `bad Date "${rawDate}" (expected YYYYMMDD)`;
    const code = f.get(EVENT_CODE);
    if (!isEventCode(code)) return `unknown CAMEO event code "${code}"`;
    const info = eventCode(code)!;
    const sFull = f.opt(SOURCE_FULL);
    const tFull = f.opt(TARGET_FULL);
    row.key = id;
    row.date = this.dates.out.iso;
    row.day = this.dates.out.day;
    row.sourceCode = sFull;
    row.targetCode = tFull;
    row.sourceParty = party(f.opt(SOURCE_ENTITY), sFull);
    row.targetParty = party(f.opt(TARGET_ENTITY), tFull);
    row.code = code;
    row.quad = info.quadClass;
    const g = f.get(GOLDSTEIN);
    row.goldstein = g !== '' && Number.isFinite(Number(g)) ? Number(g) : info.goldstein;
    row.sourceName = null;
    row.targetName = null;
    const urls = f
      .get(URLS)
      .split(';')
      .filter((u) => u !== '');
    row.url = urls[0] ?? null;
    const quad = f.get(QUAD);
    row.extra = this.extra
      .num('phoenixQuad', quad)
      .str('quadLabel', quad === '0' ? 'neutral' : null)
      .str('sourceRole', f.opt(SOURCE_ROLE))
      .str('sourceAttribute', f.opt(SOURCE_ATTRIBUTE))
      .str('targetRole', f.opt(TARGET_ROLE))
      .str('targetAttribute', f.opt(TARGET_ATTRIBUTE))
      .str('issues', f.opt(ISSUES))
      .num('lat', f.get(LAT))
      .num('lon', f.get(LON))
      .str('place', f.opt(LOCATION))
      .str('state', f.opt(STATE))
      .str('country', f.opt(COUNTRY))
      .str('sentences', f.opt(SENTENCES))
      .list('urls', urls.length > 1 ? urls : [])
      .str('sources', f.opt(SOURCES))
      .done();
    return null;
  }
}

export function phoenixParser(): PhoenixParser {
  return new PhoenixParser();
}
