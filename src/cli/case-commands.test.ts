import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_CASES_DIR } from '../case/builtin-cases.js';
import { describeCaseFolder, readCaseFolder } from '../case/read-case-folder.js';
import { MINI_CASE as MINI, runParley } from './test-support/run-parley.js';

let home: string;
const parley = (args: string[], input?: string) =>
  runParley(join(home, 'parley.db'), args, input === undefined ? {} : { input });

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'parley-case-cli-'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('parley case check', () => {
  it('says what a valid folder holds, and opens no store', () => {
    const r = parley(['case', 'check', MINI]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `case mini in ${MINI}: valid, would load (4 actors, 8 events, 1 agreement, 3 facilities, 2 conditions, 2 indicators (5 measurements))\n`,
    );
    expect(existsSync(join(home, 'parley.db'))).toBe(false);
  });

  it('counts the indicators of a case that follows some, and their measurements', () => {
    const dir = join(BUILTIN_CASES_DIR, 'iran-jcpoa');
    const folder = readCaseFolder(dir);
    const measurements = folder.data.indicators!.reduce((n, i) => n + i.measurements.length, 0);
    expect(folder.data.indicators!.length).toBeGreaterThanOrEqual(5);
    expect(describeCaseFolder(folder)).toMatch(
      new RegExp(`, ${folder.data.indicators!.length} indicators \\(${measurements} measurements\\)\\)$`),
    );
  });

  it('lists every problem of every file, with file, line and field, and exits 2', () => {
    const dir = join(home, 'broken');
    cpSync(MINI, dir, { recursive: true });
    const events = join(dir, 'events.yaml');
    writeFileSync(events, readFileSync(events, 'utf8').replace('code: "087"', 'code: "0879"'));
    const facilities = join(dir, 'facilities.yaml');
    writeFileSync(facilities, readFileSync(facilities, 'utf8').replace(/date: 2018-(\d\d)-\d\d/, 'date: 2018-$1-32'));
    const r = parley(['case', 'check', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/events\.yaml:19 \(field \[2\]\.code\): unknown CAMEO event code "0879"/);
    expect(r.stderr).toMatch(/facilities\.yaml:\d+ \(field \[\d+\]\.[a-z[\].0-9]*date\): not a real date/);
  });
});

describe('parley case export', () => {
  // Four runs of the CLI, each a few seconds on a loaded machine.
  it('writes events read from text so that they load back as they are, finer codes included', {
    timeout: 180_000,
  }, () => {
    expect(parley(['case', 'load', MINI]).code).toBe(0);
    const article = 'Secretary of State Mike Pompeo visited Pyongyang on Sunday and met Kim Jong Un.';
    expect(parley(['read', '-', '--date', '2018-10-08', '--into', 'mini'], article).code).toBe(0);
    const out = join(home, 'out');
    const r = parley(['case', 'export', 'mini', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^wrote 7 files to .*out \(comments and layout kept from /);
    const events = readFileSync(join(out, 'events.yaml'), 'utf8');
    expect(events).toMatch(/status: proposed/);
    expect(events).toMatch(/codes:\n {4}source: USAGOV/);
    expect(parley(['case', 'load', out]).stdout).toMatch(/^case mini loaded from .* \(no changes\)/);
  });
});
