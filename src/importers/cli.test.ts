import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../cli/main.js';
import { fixture } from './test-support/fixtures.js';

const RUN_CLI = fileURLToPath(new URL('./test-support/run-cli.ts', import.meta.url));
/** Tests that start real processes (each compiles the CLI through tsx) get more time on a busy machine. */
const SPAWNS_TIMEOUT = 180_000;

/** A real `parley` process with `input` on its stdin. */
function pipeInto(
  input: Buffer,
  args: string[],
  home: string,
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', RUN_CLI, ...args], {
    input,
    env: { ...process.env, PARLEY_HOME: home },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `parley import` and `parley sources` end to end on a SQLite file, output captured. */
describe('parley import / sources', () => {
  let dir: string;
  let db: string;
  let out: string;
  let err: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
    db = join(dir, 'parley.db');
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      out += String(s);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
      err += String(s);
      return true;
    });
    process.env.PARLEY_HOME = dir;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  const run = (...args: string[]): Promise<number> => main(['node', 'parley', ...args, '--db', db]);

  it('imports, lists, skips a re-import, and removes a source', async () => {
    expect(await run('import', fixture('20180612031500.export.CSV.zip'), fixture('20180713101500.export.CSV'))).toBe(0);
    expect(out).toContain(
      '20180612031500.export.CSV.zip (gdelt2): imported 7 rows: 7 kept, all new, 0 rejected; events from 2018-06-12 to 2018-09-20. Source 1 in case imports.',
    );
    expect(out).toContain(
      '20180713101500.export.CSV (gdelt2): imported 3 rows: 3 kept, 1 of them new and 2 already stored, 0 rejected',
    );
    expect(out).toContain('2 files: 10 rows read, 10 kept (8 new), 0 rejected.');
    out = '';
    expect(await run('import', fixture('20180612031500.export.CSV.zip'))).toBe(0);
    expect(out).toContain('already imported as source 1');
    out = '';
    expect(await run('sources')).toBe(0);
    expect(out).toMatch(
      /1\s+20180612031500\.export\.CSV\.zip\s+gdelt2\s+imports\s+7\s+7\s+0\s+2018-06-12 – 2018-09-20 .* complete/,
    );
    out = '';
    expect(await run('sources', 'remove', '2')).toBe(0);
    expect(out).toBe(
      'removed source 2 (20180713101500.export.CSV): 1 events and their daily aggregates; 2 events it also held stay, held by other sources\n',
    );
    expect(await run('sources', 'remove', '9')).toBe(2);
    expect(err).toContain('no imported file has id 9');
  });

  it(
    'reads a zip piped into stdin, recognises the same zip piped again, and keeps no copy',
    () => {
      const zip = readFileSync(fixture('20180612031500.export.CSV.zip'));
      const first = pipeInto(zip, ['import', '-', '--db', db], dir);
      expect(first.stderr).not.toContain('parley:');
      expect(first.status).toBe(0);
      expect(first.stdout).toContain('stdin.zip (gdelt2): imported 7 rows: 7 kept, all new, 0 rejected');
      const again = pipeInto(zip, ['import', '-', '--db', db], dir);
      expect(again.stdout).toContain('already imported as source 1');
      expect(readdirSync(join(dir, 'spool'))).toEqual([]);
      // Anything else on stdin is read as a stream, as before.
      const plain = pipeInto(readFileSync(fixture('20180713101500.export.CSV')), ['import', '-', '--db', db], dir);
      expect(plain.stdout).toContain('stdin (gdelt2): imported 3 rows: 3 kept, 1 of them new and 2 already stored');
    },
    SPAWNS_TIMEOUT,
  );

  it(
    'leaves no spool file behind when an import of a zip piped in is killed',
    async () => {
      const zip = readFileSync(fixture('20180612031500.export.CSV.zip'));
      const child = spawn(process.execPath, ['--import', 'tsx', RUN_CLI, 'import', '-', '--db', db], {
        env: { ...process.env, PARLEY_HOME: dir },
        stdio: ['pipe', 'ignore', 'ignore'],
      });
      // The head of the zip only: the child starts copying it, and waits for the rest.
      child.stdin.write(zip.subarray(0, 100));
      const spool = join(dir, 'spool');
      for (let waited = 0; !existsSync(spool); waited += 50) {
        if (waited > 50_000) throw new Error('the import never started copying stdin');
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 200));
      expect(readdirSync(spool)).toEqual([]);
      child.kill('SIGKILL');
      await once(child, 'exit');
      expect(readdirSync(spool)).toEqual([]);
    },
    SPAWNS_TIMEOUT,
  );

  it(
    'recognises the same plain file piped in twice as already imported',
    () => {
      const plain = readFileSync(fixture('us-dprk-moves.csv'));
      expect(pipeInto(plain, ['import', '-', '--db', db], dir).stdout).toContain('stdin (csv): imported 4 rows');
      const again = pipeInto(plain, ['import', '-', '--db', db], dir);
      expect(again.status).toBe(0);
      expect(again.stdout).toContain('stdin: already imported as source 1');
    },
    SPAWNS_TIMEOUT,
  );

  it('says an empty file is empty, goes on with the next, and exits non-zero', async () => {
    const empty = join(dir, 'empty.tsv');
    writeFileSync(empty, '');
    expect(await run('import', empty, fixture('us-dprk-moves.csv'))).toBe(2);
    expect(out).toContain('empty.tsv: empty; nothing to import.');
    expect(out).toContain('us-dprk-moves.csv (csv): imported 4 rows: 4 kept, all new');
    expect(out).toContain('2 files: 4 rows read, 4 kept (4 new), 0 rejected. 1 of the 2 inputs failed.');
  });

  it(
    'exits non-zero on empty stdin, so that a cron job does not look successful',
    () => {
      const r = pipeInto(Buffer.alloc(0), ['import', '-', '--db', db], dir);
      expect(r.status).toBe(2);
      expect(r.stdout).toContain('stdin: empty; nothing to import.');
    },
    SPAWNS_TIMEOUT,
  );

  it('exits non-zero when every row is rejected, and records no source', async () => {
    const rejects = join(dir, 'rejects.tsv');
    expect(await run('import', fixture('us-dprk-moves.csv'), '--format', 'gdelt2', '--rejects', rejects)).toBe(2);
    // The header is a row like any other to a format without one.
    expect(out).toContain('us-dprk-moves.csv (gdelt2): read 5 rows and kept none: every row was rejected as gdelt2');
    expect(readFileSync(rejects, 'utf8').trimEnd().split('\n')).toHaveLength(6);
    out = '';
    process.exitCode = undefined;
    expect(await run('sources')).toBe(0);
    expect(out).toContain('no imported files');
  });

  it('reports an unreadable zip in a folder and imports the other files', async () => {
    const folder = join(dir, 'incoming');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a-broken.zip'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]));
    copyFileSync(fixture('20180612031500.export.CSV.zip'), join(folder, 'b-20180612031500.export.CSV.zip'));
    expect(await run('import', folder)).toBe(2);
    expect(err).toContain('parley: a-broken.zip: not a readable zip');
    expect(out).toContain('b-20180612031500.export.CSV.zip (gdelt2): imported 7 rows');
    expect(out).toContain('1 of the 2 inputs failed.');
  });

  it('dry-runs with filters and stores nothing', async () => {
    expect(
      await run('import', fixture('20180612031500.export.CSV.zip'), '--dry-run', '--dyad', 'USA:PRK', '--codes', '04'),
    ).toBe(0);
    expect(out).toContain('read 7 rows: 2 would be kept, 5 left out by the filters, 0 rejected');
    expect(existsSync(db)).toBe(false);
  });

  it('says what is wrong in one sentence', async () => {
    expect(await run('import', fixture('us-dprk-moves.csv'), '--format', 'gdelt3')).toBe(2);
    expect(err).toContain('parley: --format "gdelt3" is not one of gdelt1, gdelt2, icews, polecat, phoenix, csv');
    err = '';
    expect(await run('import', fixture('us-dprk-moves.csv'), '--dyad', 'USA')).toBe(2);
    expect(err).toContain('--dyad takes two actor codes joined by a colon');
    err = '';
    expect(await run('import', fixture('broken.gdelt2.export.CSV'), '--strict')).toBe(2);
    expect(err).toContain(
      'broken.gdelt2.export.CSV:1: expected 61 tab-separated columns, found 40 (--strict: nothing of this file was kept)',
    );
  });
});
