import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRY, MINI_CASE, runParley, TSX } from './test-support/run-parley.js';

let home: string;
let db: string;
const parley = (args: string[], input?: string) => runParley(db, args, input === undefined ? {} : { input });

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'parley-output-'));
  chmodSync(home, 0o755);
  db = join(home, 'parley.db');
  // A case whose summaries carry what a terminal or a spreadsheet would obey.
  const dir = join(home, 'hostile');
  cpSync(MINI_CASE, dir, { recursive: true });
  const events = join(dir, 'events.yaml');
  writeFileSync(
    events,
    readFileSync(events, 'utf8')
      .replace('summary: Exercise suspended.', 'summary: "Exercise\\0 suspended\\e[2J\\nnext \\u202Eline"')
      .replace(
        'summary: Joint statement signed.\n  sources',
        'summary: \'=HYPERLINK("http://evil.example","click")\'\n  sources',
      ),
  );
  expect(runParley(db, ['case', 'load', dir]).code).toBe(0);
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('what reaches a terminal or a spreadsheet', () => {
  it('escapes NUL, ESC, newlines and bidi overrides in table cells', () => {
    for (const args of [
      ['events', '--case', 'mini', '--code', '087'],
      ['brief', '--case', 'mini', '--dyad', 'USA:PRK', '--as-of', '2018-06-30'],
    ]) {
      const r = parley(args);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/[\0\x1b\u202e]/);
    }
    const table = parley(['events', '--case', 'mini', '--code', '087']).stdout;
    expect(table).toContain('Exercise\\0 suspended\\x1b[2J\\nnext \\u202eline');
    expect(table.split('\n').filter((l) => l.startsWith('2018-'))).toHaveLength(2);
  });
  it('neutralises formulas in CSV and keeps the bytes of other fields', () => {
    const csv = parley(['events', '--case', 'mini', '--code', '057', '--format', 'csv']).stdout;
    expect(csv).toContain(',"\'=HYPERLINK(""http://evil.example"",""click"")"\r\n');
    expect(csv).not.toMatch(/,=/);
    const json = JSON.parse(parley(['events', '--case', 'mini', '--code', '057', '--format', 'json']).stdout);
    expect(json[0].summary).toBe('=HYPERLINK("http://evil.example","click")');
  });
  it('shows who acted and never cuts an id', () => {
    const r = parley(['events', '--case', 'mini', '--actor', 'envoy']);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('2018-'));
    expect(rows.map((l) => l.split(/\s{2,}/).slice(0, 3))).toEqual([
      ['2018-03-31-envoy-visit', '2018-03-31', 'envoy (USASPY)'],
      ['2018-05-09-envoy-visit', '2018-05-09', 'envoy (USAGOV)'],
      ['2018-10-07-envoy-visit', '2018-10-07', 'envoy (USAGOV)'],
    ]);
    const long = `a-very-long-id-of-our-own-${'x'.repeat(60)}`;
    const add = ['event', 'add', '2018-11-20', 'envoy', '040', 'prk', '--case', 'mini', '--summary', 's'];
    expect(parley([...add, '--publisher', 'Wire', '--id', long]).code).toBe(0);
    expect(parley(['events', '--case', 'mini', '--from', '2018-11-20']).stdout).toContain(long);
  });
});

describe('output that cannot be written', () => {
  it('ends quietly when the reader of a pipe goes away', () => {
    const r = spawnSync(
      'bash',
      [
        '-c',
        `"$0" --import "$1" "$2" events --format json | true; echo "exit \${PIPESTATUS[0]}" >&2`,
        process.execPath,
        TSX,
        ENTRY,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, PARLEY_DB: db },
      },
    );
    expect(r.stderr).toBe('exit 0\n');
  });
  it('says a failed write in one sentence and exits 2, never 1', () => {
    if (!existsSync('/dev/full')) return;
    const full = openSync('/dev/full', 'w');
    try {
      const r = runParley(db, ['check', '--as-of', '2019-03-01'], { stdio: ['ignore', full, 'pipe'] });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('parley: could not write the output: no space left on the device (ENOSPC)\n');
    } finally {
      closeSync(full);
    }
  });
  it('prints its version', () => {
    const r = parley(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version}\n`,
    );
  });
});

describe('the database named with --db', () => {
  it('refuses a URL of another database instead of making a file of it', () => {
    const cwd = mkdtempSync(join(home, 'cwd-'));
    const r = runParley(db, ['case', 'list', '--db', 'mysql://user:secret@localhost/parley'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'parley: --db "mysql://user:***@localhost/parley" is a mysql:// URL; Parley stores its data in a SQLite file ' +
        '(give its path) or in PostgreSQL (give a postgres:// or postgresql:// URL)\n',
    );
    expect(existsSync(join(cwd, 'mysql:'))).toBe(false);
    const env = runParley('sqlite://x.db', ['case', 'list'], { cwd });
    expect(env.stderr).toMatch(/^parley: \$PARLEY_DB "sqlite:\/\/x\.db" is a sqlite:\/\/ URL/);
  });
});

/** Another user than root, for whom file modes count: `nobody`, when it can read this checkout. */
function readOnlyUser(): { uid: number; gid: number } | undefined | null {
  if (process.getuid?.() !== 0) return undefined;
  const nobody = { uid: 65534, gid: 65534 };
  const r = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(ENTRY)})`], nobody);
  return r.status === 0 ? nobody : null;
}

describe('a read-only database', () => {
  const user = readOnlyUser();
  const as = user ?? {};

  let loaded: string;
  beforeAll(() => {
    loaded = join(home, 'loaded.db');
    expect(runParley(loaded, ['events', '--limit', '1']).code).toBe(0);
  }, 120_000);

  /** A copy of a database with the built-in case loaded, made read-only; `dirWritable` says whether its folder is. */
  function readOnlyDb(dirWritable: boolean): string {
    const dir = mkdtempSync(join(home, 'ro-'));
    const file = join(dir, 'parley.db');
    copyFileSync(loaded, file);
    chmodSync(file, 0o444);
    chmodSync(dir, dirWritable ? 0o755 : 0o555);
    if (user && dirWritable) chownSync(dir, user.uid, user.gid);
    return file;
  }

  it.skipIf(user === null).each([true, false])(
    'reads it (its folder writable: %s), and says why a write is refused',
    (dirWritable) => {
      const file = readOnlyDb(dirWritable);
      const run = (args: string[]) => runParley(file, args, { ...as, env: { HOME: home } });
      expect(run(['case', 'list']).stdout).toMatch(/^us-dprk-2018 /m);
      expect(run(['events', '--actor', 'mike-pompeo', '--limit', '2']).code).toBe(0);
      const brief = run(['brief', '--as-of', '2018-10-07']);
      expect(brief.stderr).toBe('');
      expect(brief.stdout).toMatch(/^UNMET /m);
      const add = run([
        'event',
        'add',
        '2018-11-20',
        'mike-pompeo',
        '040',
        'prk',
        '--summary',
        's',
        '--publisher',
        'W',
      ]);
      expect(add.code).toBe(2);
      expect(add.stderr).toBe(
        `parley: cannot write to the database ${file}: it is read-only, and this command changes it; nothing was changed\n`,
      );
      chmodSync(join(file, '..'), 0o755);
    },
  );

  it.skipIf(user === null)(
    'says so when a read needs the built-in case loaded first',
    () => {
      const dir = mkdtempSync(join(home, 'ro-empty-'));
      const file = join(dir, 'parley.db');
      expect(runParley(file, ['case', 'list']).code).toBe(0);
      chmodSync(file, 0o444);
      if (user) chownSync(dir, user.uid, user.gid);
      const r = runParley(file, ['brief'], { ...as, env: { HOME: home } });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `parley: cannot write to the database ${file}: it is read-only, and the built-in case us-dprk-2018 must first be loaded into it; nothing was changed\n`,
      );
    },
    60_000,
  );
});
