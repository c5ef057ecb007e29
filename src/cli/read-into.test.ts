import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `parley read --into`: what the events' source records, and what is checked before reading. */
const ENTRY = fileURLToPath(new URL('./parley.ts', import.meta.url));

let home: string;
function parley(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
    env: { ...process.env, PARLEY_DB: join(home, 'parley.db'), NO_COLOR: '1' },
    encoding: 'utf8',
    input,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function sources(): Array<{ publisher: string; date: string; link: string | null }> {
  const db = new Database(join(home, 'parley.db'), { readonly: true });
  try {
    return db
      .prepare(
        "SELECT publisher, date, link FROM event_sources WHERE case_id = 'us-dprk-2018' AND event_id NOT LIKE '20%'",
      )
      .all() as Array<{ publisher: string; date: string; link: string | null }>;
  } finally {
    db.close();
  }
}

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'parley-read-into-'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('parley read --into', () => {
  it('records the publisher, link and date from the header and dateline, never the file path; --docs the document date', () => {
    const file = join(home, 'article.txt');
    writeFileSync(
      file,
      'Title: Pompeo in Pyongyang\nURL: https://example.org/pompeo\n\nSEOUL, Oct. 8 (Yonhap) -- U.S. Secretary of State Mike Pompeo met North Korean leader Kim Jong Un in Pyongyang on Sunday.\n',
    );
    const r = parley(['read', file, '--date', '2018-10-08', '--into', 'us-dprk-2018']);
    expect(r.stderr).toMatch(/2 events added to us-dprk-2018/);
    expect(sources()).toEqual([
      { publisher: 'Yonhap', date: '2018-10-08', link: 'https://example.org/pompeo' },
      { publisher: 'Yonhap', date: '2018-10-08', link: 'https://example.org/pompeo' },
    ]);
    // A document read with --docs is published on its own date, whatever its events' dates.
    const docs = join(home, 'docs.jsonl');
    const doc = {
      id: 'd1',
      date: '2018-10-09',
      text: 'Pompeo met Kim Jong Un in Pyongyang on Sunday.',
      publisher: 'AP',
    };
    writeFileSync(docs, `\uFEFF${JSON.stringify(doc)}\n`);
    expect(parley(['read', '--docs', docs, '--into', 'us-dprk-2018']).code).toBe(0);
    expect(
      sources()
        .filter((s) => s.publisher === 'AP')
        .map((s) => s.date),
    ).toEqual(['2018-10-09', '2018-10-09']);
  }, 60_000);

  it('checks the case before reading the article, and fails when every document is bad', () => {
    const folder = join(home, 'a-folder');
    mkdirSync(folder);
    const r = parley(['read', folder, '--date', '2018-10-08', '--into', 'no-such-case']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no case "no-such-case"/);
    const docs = join(home, 'bad.jsonl');
    writeFileSync(docs, 'not json\n{"id": 1}\n');
    const bad = parley(['read', '--docs', docs]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no document of .*bad\.jsonl could be read/);
  }, 60_000);
});
