import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MINI_CASE, runParley } from './test-support/run-parley.js';

const home = mkdtempSync(join(tmpdir(), 'parley-review-'));
const db = join(home, 'parley.db');
const parley = (...args: string[]) => runParley(db, [...args, '--case', 'mini']);
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('parley event add --proposed and review', () => {
  it('queues a typed move, flags it as a likely repeat, corrects it and confirms it', () => {
    expect(runParley(db, ['case', 'load', MINI_CASE]).code).toBe(0);
    const add = parley(
      'event',
      'add',
      '2018-10-08',
      'envoy',
      '043',
      'prk',
      '--summary',
      'Envoy met',
      '--publisher',
      'W',
      '--proposed',
    );
    expect(add.stdout).toBe('added 2018-10-08-envoy-043-prk: 2018-10-08 USAGOV 043 PRK (proposed)\n');
    expect(add.stderr).toBe(
      'parley: 2018-10-08-envoy-043-prk likely repeats 2018-10-07-envoy-visit (confirmed, 2018-10-07, 042): The envoy visits again.\n',
    );
    const queue = parley('review');
    expect(queue.stdout.split('\n')[2]).toMatch(
      /^2018-10-08-envoy-043-prk +2018-10-08 +envoy \(USAGOV\) +043 +PRK +0\.80 +2018-10-07-envoy-visit +Envoy met$/,
    );
    expect(queue.stdout).toMatch(/^1 proposed, 1 likely repeating a move already recorded;/m);
    const edit = parley('review', 'edit', '2018-10-08-envoy-043-prk', '--date', '2018-11-20', '--code', '040');
    expect(edit.stdout).toBe(
      'edited 2018-10-08-envoy-043-prk: date 2018-10-08 → 2018-11-20; code 043 → 040 (still proposed)\n',
    );
    expect(edit.stderr).toBe('');
    expect(parley('review', 'confirm', '2018-10-08-envoy-043-prk').stdout).toBe('1 event confirmed\n');
  }, 180_000);
});
