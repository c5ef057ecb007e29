import { createHash } from 'node:crypto';
import { eventCode, isEventCode } from '../cameo/event-codes.js';
import { partyOf } from '../model/actor-code.js';
import { csvLineEndsOpen, splitCsvLine } from './csv-line.js';
import { DateReader } from './dates.js';
import type { FormatParser, ParsedRow } from './format-parser.js';
import { HeaderMap } from './header-map.js';
import { ExtraBuilder } from './json-extra.js';

/**
 * Plain CSV with a header, for event lists kept by hand or exported from other tools.
 *
 * Required columns: `date`, `source`, `code` (CAMEO event code, leading zero kept); `target` is
 * read when present. Optional: `id` (the row's own id; without it the key is a hash of the row, so
 * the same row imported twice is still one event), `goldstein`, `quad_class`, `source_name`,
 * `target_name`, `url`. Other names are accepted for each (`event_date`, `story_date`, `eid`,
 * `actor1code`, `event_code`, `cameo_code`, ...; see the aliases below), which covers the Cline
 * Center Historical Phoenix files (`eid`, `story_date`, `source`, `target`, `code`, `goldstein`).
 * Dates may be `YYYY-MM-DD`, `YYYYMMDD` or `M/D/YYYY`. Actor codes are upper-cased and cleared of
 * punctuation (Cline writes concatenated 3-letter codes with punctuation). Quoted fields may hold
 * commas, doubled quotes and line breaks. Columns not listed are kept in `extra`.
 */
class CsvParser implements FormatParser {
  readonly format = 'csv' as const;
  readonly dataset = 'csv';
  readonly hasHeader = true;
  private readonly dates = new DateReader();
  private readonly extra = new ExtraBuilder();
  private readonly fields: string[] = [];
  private names: readonly string[] = [];
  private used = new Set<number>();
  private c = {
    id: -1,
    date: -1,
    source: -1,
    target: -1,
    code: -1,
    goldstein: -1,
    quad: -1,
    sourceName: -1,
    targetName: -1,
    url: -1,
  };

  header(line: string): void {
    const names = splitCsvLine(line.replace(/^\uFEFF/, ''), []);
    const h = new HeaderMap(names);
    this.names = names;
    this.c = {
      id: h.find('id', 'event_id', 'eid', 'globaleventid'),
      date: h.require('date', 'date', 'event_date', 'story_date', 'sqldate', 'day'),
      source: h.require('source', 'source', 'source_code', 'actor1code', 'actor1_code'),
      target: h.find('target', 'target_code', 'actor2code', 'actor2_code'),
      code: h.require('code', 'code', 'event_code', 'cameo_code', 'eventcode'),
      goldstein: h.find('goldstein', 'goldstein_scale', 'goldsteinscale', 'intensity'),
      quad: h.find('quad_class', 'quadclass', 'quad'),
      sourceName: h.find('source_name', 'actor1name'),
      targetName: h.find('target_name', 'actor2name'),
      url: h.find('url', 'source_url', 'sourceurl', 'link'),
    };
    this.used = new Set(Object.values(this.c).filter((i) => i >= 0));
  }

  lineEndsOpen(line: string, startsInside: boolean): boolean {
    // Most lines hold no quote at all, and begin no record's continuation: no scan needed.
    return (startsInside || line.includes('"')) && csvLineEndsOpen(line, startsInside);
  }

  private get(i: number): string | null {
    if (i === -1) return null;
    const v = (this.fields[i] ?? '').trim();
    return v === '' ? null : v;
  }

  parse(line: string, row: ParsedRow): string | null {
    const f = splitCsvLine(line, this.fields);
    if (f.length !== this.names.length)
      return `expected ${this.names.length} comma-separated columns as in the header, found ${f.length}`;
    const c = this.c;
    const rawDate = this.get(c.date) ?? '';
    if (!this.dates.any(rawDate)) return `bad date "${rawDate}" (expected YYYY-MM-DD, YYYYMMDD or M/D/YYYY)`;
    const source = (this.get(c.source) ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
    if (source === '') return 'empty source';
    const target = (this.get(c.target) ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
    const code = this.get(c.code) ?? '';
    if (!isEventCode(code)) return code === '' ? 'empty code' : `unknown CAMEO event code "${code}"`;
    const info = eventCode(code)!;
    row.key = this.get(c.id) ?? createHash('md5').update(line).digest('hex').slice(0, 20);
    row.date = this.dates.out.iso;
    row.day = this.dates.out.day;
    row.sourceCode = source;
    row.targetCode = target === '' ? null : target;
    row.sourceParty = partyOf(source);
    row.targetParty = target === '' ? null : partyOf(target);
    row.code = code;
    const q = this.get(c.quad);
    row.quad = q === '1' || q === '2' || q === '3' || q === '4' ? Number(q) : info.quadClass;
    const g = this.get(c.goldstein);
    row.goldstein = g !== null && Number.isFinite(Number(g)) ? Number(g) : info.goldstein;
    row.sourceName = this.get(c.sourceName);
    row.targetName = this.get(c.targetName);
    row.url = this.get(c.url);
    for (let i = 0; i < f.length; i++) if (!this.used.has(i)) this.extra.str(this.names[i]!, this.get(i));
    row.extra = this.extra.done();
    return null;
  }
}

export function csvParser(): CsvParser {
  return new CsvParser();
}
