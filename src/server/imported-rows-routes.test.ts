import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../importers/import-file.js';
import { inputsOf } from '../importers/test-support/fixtures.js';
import { TEST_DIALECTS } from '../store/test-support/test-stores.js';
import { CASE, openTestServer, type TestServer } from './test-support/test-server.js';

interface EventsPage {
  imported?: { dyad: string[]; datasets: string[]; total: number };
  events: { id: string; status: string; importedLike?: number }[];
}

interface RowsPage {
  total: number;
  dyad: string[];
  rows: { id: string; date: string; sourceCode: string; code: string; targetCode: string }[];
}

/** Issue 8, §2: the API behind `events` and `review` says how many imported rows there are and lists them apart. */
describe.each(TEST_DIALECTS)('imported rows through the API (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openTestServer(dialect);
    const dir = mkdtempSync(join(tmpdir(), 'parley-imported-api-'));
    const csv = join(dir, 'extract.csv');
    writeFileSync(
      csv,
      'id,date,source,target,code\n' +
        'x1,2018-10-08,USAGOV,PRKGOV,042\n' +
        'x2,2018-10-20,PRKGOV,USAGOV,111\n' +
        'x3,2018-10-21,CHN,PRK,042\n',
    );
    await importFile((await inputsOf([csv]))[0]!, s.t.store, { filters: {}, dataDir: dir });
  });
  afterAll(async () => s?.close());

  const get = async <T>(path: string): Promise<T> => {
    const r = await s.call(path, { token: s.tokens.viewer });
    expect(r.status, path).toBe(200);
    return (await r.json()) as T;
  };

  it('counts the rows of the dyad beside the events page, never among its events', async () => {
    const page = await get<EventsPage>(`/api/cases/${CASE}/events?from=2018-10-01&to=2018-10-31`);
    expect(page.imported).toEqual({ dyad: ['USA', 'PRK'], datasets: ['csv'], total: 2 });
    expect(page.events.length).toBeGreaterThan(0);
    expect(page.events.some((e) => e.id.startsWith('csv:'))).toBe(false);
    const after = await get<EventsPage>(`/api/cases/${CASE}/events?from=2018-10-21`);
    expect(after.imported?.total).toBe(0);
  });

  it('lists them, paged and filtered as the events are, as JSON or CSV', async () => {
    const all = await get<RowsPage>(`/api/cases/${CASE}/imported-rows`);
    expect(all).toMatchObject({ total: 2, dyad: ['USA', 'PRK'] });
    expect(all.rows.map((r) => [r.id, r.date, r.sourceCode, r.code, r.targetCode])).toEqual([
      ['csv:x1', '2018-10-08', 'USAGOV', '042', 'PRKGOV'],
      ['csv:x2', '2018-10-20', 'PRKGOV', '111', 'USAGOV'],
    ]);
    const second = await get<RowsPage>(`/api/cases/${CASE}/imported-rows?pageSize=1&page=2`);
    expect(second.rows.map((r) => r.id)).toEqual(['csv:x2']);
    const bySource = await get<RowsPage>(`/api/cases/${CASE}/imported-rows?source=PRK&code=11`);
    expect(bySource.rows.map((r) => r.id)).toEqual(['csv:x2']);
    const csv = await s.call(`/api/cases/${CASE}/imported-rows?format=csv`, { token: s.tokens.viewer });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect((await csv.text()).split('\r\n')[1]).toBe('csv:x1,2018-10-08,USAGOV,042,PRKGOV,1.9,1,,,,1');
  });

  it('marks each proposed move with the imported rows that look like it', async () => {
    const r = await s.call(`/api/cases/${CASE}/events`, {
      method: 'POST',
      token: s.tokens.analyst,
      json: {
        date: '2018-10-20',
        source: 'PRK',
        target: 'USA',
        code: '111',
        summary: 'North Korea criticises the talks.',
        sources: [{ publisher: 'Test Wire' }],
        status: 'proposed',
      },
    });
    expect(r.status).toBe(201);
    const queue = await get<EventsPage>(`/api/cases/${CASE}/events?status=proposed&from=2018-10-20&to=2018-10-20`);
    expect(queue.events.map((e) => [e.status, e.importedLike])).toEqual([['proposed', 1]]);
  });
});
