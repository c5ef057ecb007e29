import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MINI_CASE, runParley } from './test-support/run-parley.js';

const home = mkdtempSync(join(tmpdir(), 'parley-events-imported-'));
const db = join(home, 'parley.db');
const parley = (...args: string[]) => runParley(db, [...args, '--case', 'mini']);
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Issue 8, §2: `events` and `review` see imported rows, and never mix them with the case's own moves. */
describe('parley events and review with imported rows of the dyad', () => {
  it('counts them under the events, lists them on request, and marks the proposals they look like', () => {
    expect(runParley(db, ['case', 'load', MINI_CASE]).code).toBe(0);
    const csv = join(home, 'extract.csv');
    writeFileSync(
      csv,
      'id,date,source,target,code\nx1,2018-06-13,USAGOV,PRKGOV,057\nx2,2018-07-20,PRKGOV,USAGOV,111\nx3,2018-07-21,CHN,PRK,042\n',
    );
    expect(runParley(db, ['import', csv]).code).toBe(0);

    const events = parley('events', '--from', '2018-06-01', '--to', '2018-07-31');
    expect(events.stdout).not.toContain('csv:');
    expect(events.stderr).toContain('2 imported rows of USA–PRK (csv) match too');
    expect(events.stderr).toContain('`--imported` lists them');

    const rows = parley('events', '--imported', '--from', '2018-07-01');
    expect(rows.code).toBe(0);
    expect(rows.stdout.split('\n')[2]).toMatch(/^csv:x2 +2018-07-20 +PRKGOV +111 +USAGOV +-?\d+\.\d +#1/);
    expect(rows.stdout).not.toContain('csv:x1');
    expect(rows.stdout).not.toContain('csv:x3');
    expect(rows.stderr).toMatch(/^1 imported row of USA–PRK \(csv\): machine-coded reports/);
    const person = parley('events', '--imported', '--actor', 'envoy');
    expect(person.code).toBe(2);
    expect(person.stderr).toContain('imported rows name no people');

    expect(
      parley(
        'event',
        'add',
        '2018-07-20',
        'prk',
        '111',
        'usa',
        '--summary',
        'Criticism',
        '--publisher',
        'W',
        '--proposed',
      ).code,
    ).toBe(0);
    const queue = parley('review');
    expect(queue.stdout.split('\n')[0]).toMatch(/likely duplicate of +in imports +quote$/);
    expect(queue.stdout.split('\n')[2]).toMatch(/^2018-07-20-prk-111-usa +2018-07-20 .* +1 +Criticism$/);
    expect(queue.stderr).toBe(
      '2 imported rows of USA–PRK (csv) are kept apart from the case; 1 proposal looks like one ' +
        '(same direction and CAMEO root, within a day: "in imports"); `parley events --case mini --imported` lists them\n',
    );
  }, 180_000);
});
