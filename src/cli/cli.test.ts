import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ENTRY = fileURLToPath(new URL('./parley.ts', import.meta.url));
const MINI = fileURLToPath(new URL('../case/fixtures/mini/', import.meta.url));

let home: string;
function parley(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
    env: { ...process.env, PARLEY_DB: join(home, 'parley.db'), NO_COLOR: '1' },
    encoding: 'utf8',
    input,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'parley-cli-'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('parley brief on the built-in case', () => {
  it('opens with the op-ed question answered, with evidence and gated moves', () => {
    const r = parley(['brief', '--as-of', '2018-10-07']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/brief as of 2018-10-07, as known on 2018-10-07$/);
    expect(lines[3]).toMatch(/precondition for another visit to Pyongyang by the Secretary of State/);
    expect(lines[4]).toMatch(/^The condition as argued in "Mike Pompeo must not visit Pyongyang/);
    expect(lines[5]).toMatch(
      /^UNMET +No: unmet on 2018-10-07\. Missing: 5 of the 5 key operational sites still missing: covered none; not covered .*; covered but not counted: .*Punggye-ri.*dismantled/,
    );
    expect(r.stdout).toMatch(/gated moves made while it was not met since it was stated on 2018-09-20 \(1\)/);
    expect(r.stdout).toMatch(/moves of the same kind before it was stated on 2018-09-20, not gated \(2\)/);
    expect(r.stdout).toMatch(/Reciprocity USA ↔ PRK, 2018-06-12 to 2018-10-07/);
    expect(r.stdout).toMatch(/Commitments \(Peace Accords Matrix/);
    expect(r.stdout).toMatch(/Facilities/);
    expect(r.stdout).toMatch(/\nPace\n/);
  });

  it('emits the documented JSON', () => {
    const r = parley(['brief', '--format', 'json', '--as-of', '2019-03-01', '--hindsight']);
    expect(r.code).toBe(0);
    const b = JSON.parse(r.stdout);
    expect(b.schema).toBe('parley.brief/1');
    expect(b.case.id).toBe('us-dprk-2018');
    expect(b.asKnownOn).toBeNull();
    expect(b.hindsight.notYetKnown.length).toBeGreaterThan(0);
    expect(b.headline.conditionId).toBe('pompeo-visit-precondition');
    expect(b.headline.verdict).toBe('unmet');
    expect(b.headline.gatedMoves.map((m: { date: string }) => m.date)).toEqual(['2018-10-07']);
    expect(b.headline.movesBeforeStated.map((m: { date: string }) => m.date)).toEqual(['2018-05-09', '2018-07-06']);
    const summit = b.conditions.find((c: { id: string }) => c.id === 'no-second-summit-while-production');
    expect(summit.verdict).toBe('unmet');
    expect(summit.gatedMoves.map((m: { date: string }) => m.date)).toContain('2019-02-27');
    expect(b.reciprocity.window).toMatchObject({ from: '2018-06-12', to: '2019-03-01' });
    expect(b.scorecard.agreements.length).toBeGreaterThanOrEqual(3);
    expect(b.facilities.key.find((f: { id: string }) => f.id === 'punggye-ri').status).toBe('dismantled');
  });

  it('gives one clear sentence and exit 2 on a bad option', () => {
    const r = parley(['brief', '--as-of', '2018-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('parley: --as-of "2018-02-30" is not a calendar date in the form YYYY-MM-DD');
    const f = parley(['brief', '--format', 'odt']);
    expect(f.stderr.trim()).toBe('parley: --format "odt" is not one of text, md, json, html, docx, pdf');
    expect(parley(['brief', '--case', 'nope']).stderr).toMatch(
      /^parley: no case "nope" in the store; cases: us-dprk-2018/,
    );
  });

  it('writes the HTML brief to the file named, and says so', () => {
    const out = join(home, 'brief.html');
    const r = parley(['brief', '--as-of', '2018-10-07', '--format', 'html', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^wrote ${out} \\([\\d,]+ bytes\\)\\n$`));
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Has North Korea met the precondition');
    expect(html).toContain('<svg');
  });

  it('renders Markdown', () => {
    const r = parley(['brief', '--format', 'md']);
    expect(r.stdout.startsWith('# US')).toBe(true);
    expect(r.stdout).toMatch(/\n## Reciprocity/);
    expect(r.stdout).toMatch(/\n\| {2}\| USA→PRK \| PRK→USA \|/);
  });
});

describe('parley check', () => {
  it('exits 1 when a condition is unmet and 0 when all asked are met, on the date and knowledge it prints', () => {
    const unmet = parley(['check', '--as-of', '2019-03-01']);
    expect(unmet.code).toBe(1);
    expect(unmet.stdout.split('\n')[0]).toBe('Conditions of us-dprk-2018 as of 2019-03-01, as known on 2019-03-01.');
    expect(unmet.stdout).toMatch(/^UNMET {2}No visit to North Korea/m);
    const met = parley(['check', '--as-of', '2019-03-01', '--condition', 'sanctions-relief-after-remains']);
    expect(met.code).toBe(0);
    expect(met.stdout).toMatch(/^MET {2}/m);
    // Before it was stated, a condition is not unmet: nothing fails.
    const early = parley(['check', '--as-of', '2018-09-19', '--condition', 'pompeo-visit-precondition']);
    expect(early.stdout).toMatch(/^NOT YET STATED {2}No visit to North Korea/m);
    expect(early.code).toBe(0);
    const byDefault = parley(['check', '--hindsight']);
    expect(byDefault.stdout.split('\n')[0]).toBe(
      "Conditions of us-dprk-2018 as of 2019-03-01 (the case's default date; give --as-of for another), in hindsight, with everything on record.",
    );
    expect(parley(['check', '--condition', 'nope']).code).toBe(2);
  });
});

describe('parley events and event add', () => {
  it('filters and prints CSV', () => {
    const r = parley(['events', '--source', 'PRK', '--code', '0355', '--format', 'csv']);
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trim().split('\r\n');
    expect(header).toBe('id,date,source,code,target,goldstein,status,verification,summary');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/^[^,]+,\d{4}-\d\d-\d\d,PRK[A-Z]*,0355,/);
  });

  it('records a move with its source, and refuses a bad one with the nearest codes', () => {
    const bad = parley([
      'event',
      'add',
      '2018-11-20',
      'mike-pompeo',
      '0433',
      'prk',
      '--summary',
      'x',
      '--publisher',
      'Wire',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown CAMEO event code "0433"; nearest known: 043 /);
    const ok = parley([
      'event',
      'add',
      '2018-11-20',
      'mike-pompeo',
      '040',
      'prk',
      '--summary',
      'Pompeo calls Kim Yong Chol',
      '--publisher',
      'Test Wire',
      '--link',
      'https://example.org/x',
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^added 2018-11-20-mike-pompeo-040-prk: 2018-11-20 USAGOV 040 PRK/);
    const listed = parley(['events', '--from', '2018-11-20', '--to', '2018-11-20', '--format', 'json']);
    const events = JSON.parse(listed.stdout);
    expect(events.find((e: { id: string }) => e.id === '2018-11-20-mike-pompeo-040-prk')).toMatchObject({
      sourceTitle: 'Secretary of State',
      sources: [{ publisher: 'Test Wire', link: 'https://example.org/x' }],
    });
  });
});

describe('parley case', () => {
  it('loads a folder, finds nothing to do the second time, exports and reloads', () => {
    const dir = join(home, 'mini');
    cpSync(MINI, dir, { recursive: true });
    expect(parley(['case', 'load', dir]).stdout).toMatch(
      /^case mini loaded from .* \(actors: 4 added; events: 8 added/,
    );
    expect(parley(['case', 'load', dir]).stdout).toMatch(/^case mini: unchanged/);
    const out = join(home, 'mini-export');
    expect(parley(['case', 'export', 'mini', '--out', out]).code).toBe(0);
    expect(readFileSync(join(out, 'events.yaml'), 'utf8')).toMatch(/code: "042"/);
    // The export keeps the loaded folder's bytes, so loading it finds the very files loaded before.
    expect(readFileSync(join(out, 'events.yaml'), 'utf8')).toBe(readFileSync(join(dir, 'events.yaml'), 'utf8'));
    expect(parley(['case', 'load', out]).stdout).toMatch(/^case mini: unchanged/);
    expect(parley(['case', 'list']).stdout).toMatch(/^mini +Mini case +8 /m);
  });

  it('names file, line and field of a broken case, and keeps what was stored', () => {
    const dir = join(home, 'mini-broken');
    cpSync(MINI, dir, { recursive: true });
    const path = join(dir, 'events.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('code: "087"', 'code: "0879"'));
    const r = parley(['case', 'load', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /events\.yaml:19 \(field \[2\]\.code\): unknown CAMEO event code "0879"; nearest known: 087 /,
    );
    expect(parley(['events', '--case', 'mini', '--code', '087', '--format', 'csv']).stdout).toMatch(
      /2018-05-24-demolition/,
    );
  });
});

describe('parley read --into and review', () => {
  const article =
    'Secretary of State Mike Pompeo visited Pyongyang on Sunday and met Kim Jong Un. Washington should not ease sanctions until Pyongyang lets inspectors in.';

  it('adds asserted events as proposed once, and review confirms them', () => {
    expect(parley(['case', 'load', MINI]).code).toBe(0);
    const first = parley(['read', '-', '--date', '2018-10-08', '--into', 'mini', '--format', 'jsonl'], article);
    expect(first.code).toBe(0);
    const read = first.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    expect(
      read.some(
        (e) =>
          e.source.startsWith('USA') &&
          e.target?.startsWith('PRK') &&
          e.code.startsWith('04') &&
          e.date === '2018-10-07',
      ),
    ).toBe(true);
    expect(read.filter((e) => e.mode === 'asserted' && e.code.startsWith('08'))).toEqual([]);
    const added = Number(/(\d+) events? added to mini/.exec(first.stderr)?.[1]);
    expect(added).toBeGreaterThan(0);
    const again = parley(['read', '-', '--date', '2018-10-08', '--into', 'mini', '--format', 'jsonl'], article);
    expect(again.stderr).toMatch(/0 events added to mini/);
    const review = parley(['review', '--case', 'mini']);
    expect(review.stdout).toMatch(new RegExp(`${added} proposed`));
    const id = review.stdout.split('\n')[2]!.split(/\s+/)[0]!;
    expect(parley(['review', 'confirm', id, '--case', 'mini']).stdout).toBe('1 event confirmed\n');
    expect(parley(['review', 'reject', 'no-such-id', '--case', 'mini']).code).toBe(2);
  });
});

describe('parley brief over imported rows', () => {
  it('reads an imported GDELT extract with the hand-kept case for a dyad', () => {
    const fixture = fileURLToPath(new URL('../importers/fixtures/20180612031500.export.CSV.zip', import.meta.url));
    const before = JSON.parse(
      parley(['brief', '--dyad', 'USA:PRK', '--from', '2018-01-01', '--to', '2019-03-01', '--format', 'json']).stdout,
    );
    const imported = parley(['import', fixture]);
    expect(imported.code).toBe(0);
    const after = JSON.parse(
      parley(['brief', '--dyad', 'USA:PRK', '--from', '2018-01-01', '--to', '2019-03-01', '--format', 'json']).stdout,
    );
    expect(after.ledger.imported).toBeGreaterThan(0);
    const moves = (b: {
      reciprocity: { aToB: { sums: { total: { count: number } } }; bToA: { sums: { total: { count: number } } } };
    }) => b.reciprocity.aToB.sums.total.count + b.reciprocity.bToA.sums.total.count;
    // The case's own moves are counted as before; the imported rows apart, never added to them.
    expect(moves(after)).toBe(moves(before));
    expect(after.importedReciprocity.rows).toBe(after.ledger.imported);
    expect(moves(after.importedReciprocity)).toBe(after.ledger.imported);
    const alone = parley([
      'brief',
      '--case',
      'imports',
      '--dyad',
      'USA:PRK',
      '--from',
      '2018-01-01',
      '--to',
      '2019-03-01',
      '--format',
      'json',
    ]);
    expect(JSON.parse(alone.stdout).importedReciprocity.reciprocity.source).toBe('aggregates');
    expect(parley(['brief', '--case', 'imports']).stderr).toMatch(/names no two parties; give them with --dyad/);
  });
});

describe('help', () => {
  it.each(['brief', 'check', 'events', 'case load', 'case export', 'event add', 'read', 'review'])(
    '%s --help shows an example',
    (cmd) => {
      const r = parley([...cmd.split(' '), '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples?:/);
    },
  );
});
