import { describe, expect, it } from 'vitest';
import { isDocumentError, readDocuments, type DocumentError, type DocumentResult } from './read-documents.js';
import { TEST_DICTIONARY } from './test-dictionary.js';

async function* lines(xs: string[]): AsyncGenerator<string> {
  for (const x of xs) yield x;
}

describe('readDocuments', () => {
  it('reads every good document and reports each bad line without stopping', async () => {
    const input = [
      JSON.stringify({ id: 'a', date: '2018-10-08', text: 'Japan criticized China.' }),
      '{not json',
      JSON.stringify({ id: 'b', text: 'no date' }),
      JSON.stringify({ id: 'c', date: '2018-02-30', text: 'bad date' }),
      '',
      JSON.stringify({ id: 'd', date: '2018-10-08', text: 42 }),
      JSON.stringify({ id: 'e', date: '2018-10-08', text: 'Sanctions were imposed on Iran by the EU.' }),
    ];
    const out: Array<DocumentResult | DocumentError> = [];
    for await (const r of readDocuments(lines(input), { dictionary: TEST_DICTIONARY })) out.push(r);
    const good = out.filter((r): r is DocumentResult => !isDocumentError(r));
    const bad = out.filter(isDocumentError);
    expect(good.map((r) => [r.id, r.events.map((e) => e.code), r.events[0]?.doc])).toEqual([
      ['a', ['111'], 'a'],
      ['e', ['163'], 'e'],
    ]);
    expect(bad.map((r) => [r.line, r.id])).toEqual([
      [2, null],
      [3, 'b'],
      [4, 'c'],
      [6, 'd'],
    ]);
    expect(bad[0]!.error).toMatch(/JSON/);
    expect(bad[1]!.error).toMatch(/date/);
    expect(bad[3]!.error).toMatch(/text/);
  });
});
