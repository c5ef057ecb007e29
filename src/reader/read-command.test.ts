import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ENTRY = fileURLToPath(new URL('./test-cli-entry.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function parley(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const ARTICLE =
  'North Korean leader Kim Jong Un held talks with U.S. Secretary of State Mike Pompeo in Pyongyang on Sunday. Washington should not ease sanctions until Tehran lets inspectors in.';

describe('parley read', () => {
  it('prints one JSON object per event and nothing else (stdin)', () => {
    const r = parley(['read', '--date', '2018-10-08', '--format', 'jsonl'], ARTICLE);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(lines[0]!)).toEqual([
      'sentence',
      'date',
      'source',
      'target',
      'code',
      'mode',
      'quote',
      'span',
      'confidence',
      'rule',
    ]);
    expect(lines[0]).toMatchObject({
      sentence: 0,
      date: '2018-10-07',
      source: 'PRKGOV',
      target: 'USAGOV',
      code: '046',
      mode: 'asserted',
    });
    expect(
      lines
        .filter((l) => l.mode === 'asserted' || l.mode === 'reported')
        .map((l) => `${l.source} ${l.target} ${l.code}`),
    ).toEqual(['PRKGOV USAGOV 046', 'USAGOV PRKGOV 046']);
  }, 30_000);

  it('explains, per sentence, the actors found, the rules that fired and what was kept or dropped', () => {
    const r = parley(['read', '--date', '2018-10-08', '--explain'], ARTICLE);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sentence 0: North Korean leader Kim Jong Un held talks');
    expect(r.stdout).toMatch(/mention {2}U\.S\. Secretary of State Mike Pompeo = USAGOV .*mention\.title-before-name/);
    expect(r.stdout).toMatch(/kept {5}PRKGOV USAGOV 046 asserted 0\.85 {2}meet\.hold_talks: subject\.nearest-left/);
    expect(r.stdout).toMatch(/kept {5}USAGOV - 085 recommended .*mode\.advice/);
  }, 30_000);

  it('reads a file and prints a table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-read-'));
    const file = join(dir, 'a.txt');
    writeFileSync(file, ARTICLE);
    const r = parley(['read', file, '--date', '2018-10-08', '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sent\s+date\s+source/);
    expect(r.stdout).toContain('[held talks]');
  }, 30_000);

  it('--docs reads every good line and reports the bad one on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-read-'));
    const file = join(dir, 'docs.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'one', date: '2018-10-08', text: 'Japan criticized China.' }),
        JSON.stringify({ id: 'two', text: 'no date' }),
        JSON.stringify({ id: 'three', date: '2018-10-08', text: 'China criticized Japan.' }),
      ].join('\n'),
    );
    const r = parley(['read', '--docs', file, '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const docs = r.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { doc: string }).doc);
    expect(docs).toEqual(['one', 'three']);
    expect(r.stderr).toMatch(/docs\.jsonl:2 \(id two\): missing "date"/);
  }, 30_000);

  it('bad options give one clear sentence and exit code 2', () => {
    expect(parley(['read'], 'x')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--date YYYY-MM-DD is required/),
    });
    expect(parley(['read', '--date', '2018-02-31'], 'x')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/not a calendar date/),
    });
    expect(parley(['read', '--date', '2018-02-01', '--format', 'xml'], 'x')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--format must be jsonl or table/),
    });
    expect(parley(['read', 'nope.txt', '--date', '2018-02-01'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/does not exist/),
    });
  }, 60_000);

  it('--help shows an example', () => {
    const r = parley(['read', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/parley read article\.txt --date/);
  }, 30_000);
});
