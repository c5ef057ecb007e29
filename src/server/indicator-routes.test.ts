import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../store/test-support/test-stores.js';
import { openTestServer, type TestServer } from './test-support/test-server.js';

interface Answer {
  asOf: string;
  knownBy: string | null;
  indicators: {
    id: string;
    unit: string;
    limit?: { test: string; value: number; words: string };
    latest: { date: string; known: string; words: string; reportWords: string; withinLimit: boolean | null } | null;
    trend: { direction: string } | null;
    measurements: { date: string; plot: { low: number | null; high: number | null } }[];
  }[];
}

describe.each(TEST_DIALECTS)('GET /api/cases/{caseId}/indicators on %s', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openTestServer(dialect);
  });
  afterAll(async () => {
    await s.close();
  });

  const get = async (query: string): Promise<Answer> => {
    const r = await s.call(`/api/cases/iran-jcpoa/indicators${query}`, { token: s.tokens.viewer });
    expect(r.status).toBe(200);
    return (await r.json()) as Answer;
  };

  it('gives each indicator its limit, its latest figure as known on the date, and its trend', async () => {
    const a = await get('?asOf=2019-07-01');
    expect(a).toMatchObject({ asOf: '2019-07-01', knownBy: '2019-07-01' });
    const stock = a.indicators.find((i) => i.id === 'enriched-uranium-stockpile')!;
    expect(stock.limit).toMatchObject({ test: 'atMost', value: 202.8, words: 'at most 202.8 kg U' });
    expect(stock.latest).toMatchObject({
      date: '2019-07-01',
      words: 'above 202.8 kg U',
      reportWords: 'GOV/INF/2019/8, reported 2019-07-01',
      withinLimit: false,
    });
    expect(stock.trend).toMatchObject({ direction: 'up' });
    expect(stock.measurements.at(-1)?.plot).toEqual({ low: 202.8, high: null });
    expect(stock.measurements.every((m) => m.date <= '2019-07-01')).toBe(true);
  });

  it('leaves out figures reported after the date unless hindsight is asked for', async () => {
    const heavy = (a: Answer) => a.indicators.find((i) => i.id === 'heavy-water-stock')!;
    expect(heavy(await get('?asOf=2016-02-20')).latest).toMatchObject({ date: '2016-01-16', withinLimit: true });
    const later = heavy(await get('?asOf=2016-02-20&hindsight=true'));
    expect(later.latest).toMatchObject({ date: '2016-02-17', words: '130.9 t', withinLimit: false });
    expect((await s.call('/api/cases/iran-jcpoa/indicators?asOf=2016-02', { token: s.tokens.viewer })).status).toBe(
      400,
    );
  });
});
