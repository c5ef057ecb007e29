import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../model/errors.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../store/test-support/test-stores.js';
import { describeLoad, loadCaseFolder } from './load-case.js';
import { newEvent } from './new-event.js';
import { readCaseFolder } from './read-case-folder.js';
import { writeCaseFolder } from './write-case-folder.js';
import { copyMini, edit, loadError } from './test-support/case-folders.js';

describe('reading a case folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyMini();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('derives actor codes and titles from the role held on the date', () => {
    const { data } = readCaseFolder(dir);
    const visits = data.events.filter((e) => e.code === '042');
    expect(visits.map((e) => [e.date, e.sourceCode, e.sourceTitle])).toEqual([
      ['2018-03-31', 'USASPY', 'Intelligence Director'],
      ['2018-05-09', 'USAGOV', 'Secretary of State'],
      ['2018-10-07', 'USAGOV', 'Secretary of State'],
    ]);
    const demolition = data.events.find((e) => e.id === '2018-05-24-demolition')!;
    expect(demolition).toMatchObject({ goldstein: 9, quadClass: 2, verification: 'observed', targetCode: 'USA' });
  });

  it('names file, line and field for a wrong value', () => {
    edit(dir, 'events.yaml', 'verification: observed', 'verification: seen');
    const err = loadError(dir);
    expect(err.message).toMatch(/events\.yaml:22 \(field \[2\]\.verification\): .*"verified"/);
  });

  it('lists the nearest known codes for an unknown CAMEO code', () => {
    edit(dir, 'events.yaml', 'code: "0355"', 'code: "0359"');
    expect(loadError(dir).message).toMatch(
      /events\.yaml:\d+ \(field \[6\]\.code\): unknown CAMEO event code "0359"; nearest known: 035/,
    );
  });

  it('explains an unquoted code', () => {
    edit(dir, 'events.yaml', 'code: "087"', 'code: 087');
    expect(loadError(dir).message).toMatch(/code\): expected a CAMEO event code as a quoted string, such as "042"/);
  });

  it('reports unknown fields, unknown actors and roles not held', () => {
    edit(dir, 'events.yaml', 'summary: The envoy visits as intelligence director.', 'summery: x');
    edit(
      dir,
      'events.yaml',
      /source: prk\n {2}target: usa\n {2}code: "087"/,
      'source: prq\n  target: usa\n  code: "087"',
    );
    const err = loadError(dir);
    const all = err.describeAll();
    expect(all).toMatch(/unknown field "summery"/);
    expect(all).toMatch(/missing/);
    edit(dir, 'events.yaml', 'summery: x', 'summary: ok');
    const err2 = loadError(dir);
    expect(err2.describeAll()).toMatch(/unknown actor "prq".*did you mean "prk"/);
    edit(dir, 'events.yaml', 'source: prq', 'source: prk');
    edit(dir, 'events.yaml', 'date: 2018-03-31', 'date: 2016-03-31');
    expect(loadError(dir).message).toMatch(/"envoy" holds no role on 2016-03-31/);
  });

  it('reports YAML syntax errors with their line', () => {
    writeFileSync(join(dir, 'facilities.yaml'), '- id: x\n  name: [unclosed\n');
    expect(loadError(dir).message).toMatch(/facilities\.yaml:\d+:\d+: /);
  });

  it('checks references inside conditions', () => {
    edit(dir, 'conditions.yaml', 'codes: ["0355", "086"]', 'codes: ["0355", "99"]');
    expect(loadError(dir).message).toMatch(
      /conditions\.yaml:\d+ \(field \[0\]\.requires\.facilities\.coveredBy\.codes\[1\]\): no CAMEO event code starts with "99"/,
    );
  });
});

describe.each(TEST_DIALECTS)('loading a case into the store on %s', (dialect) => {
  let t: TestStore;
  let dir: string;
  beforeEach(async () => {
    t = await openTestStore(dialect);
    dir = copyMini();
  });
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads, then finds nothing to do on a second load', async () => {
    const first = await loadCaseFolder(t.store, dir);
    expect(first.unchanged).toBe(false);
    expect(first.changes.events).toEqual({ added: 8, changed: 0, removed: 0 });
    const second = await loadCaseFolder(t.store, dir);
    expect(second.unchanged).toBe(true);
    expect(describeLoad(second)).toBe(`case mini: unchanged since it was last loaded from ${dir}`);
    const copy = `${dir}-copy`;
    cpSync(dir, copy, { recursive: true });
    const elsewhere = await loadCaseFolder(t.store, copy);
    rmSync(copy, { recursive: true });
    expect(elsewhere.unchanged).toBe(true);
    expect(describeLoad(elsewhere)).toBe(
      `case mini: unchanged: ${copy} holds the same files as were last loaded, from another folder`,
    );
    const forced = await loadCaseFolder(t.store, dir, { force: true });
    expect(forced.changes.events).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(forced.changes.facilities).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(await t.store.events.count({ caseId: 'mini' })).toBe(8);
  });

  it('applies edits: changed, added and removed entries', async () => {
    await loadCaseFolder(t.store, dir);
    edit(dir, 'events.yaml', 'summary: Exercise suspended.', 'summary: Exercise suspended indefinitely.');
    edit(dir, 'events.yaml', /- id: 2018-10-07-envoy-visit[\s\S]*$/, '');
    const r = await loadCaseFolder(t.store, dir);
    expect(r.changes.events).toEqual({ added: 0, changed: 1, removed: 1 });
    const [halt] = await t.store.events.find({ caseId: 'mini', ids: ['2018-06-18-exercise-halt'] });
    expect(halt!.summary).toBe('Exercise suspended indefinitely.');
  });

  it('stores nothing from a folder that fails validation, and keeps what was there', async () => {
    await loadCaseFolder(t.store, dir);
    edit(dir, 'events.yaml', 'summary: Exercise suspended.', 'summary: Changed.');
    edit(dir, 'facilities.yaml', 'status: dismantled', 'status: gone');
    await expect(loadCaseFolder(t.store, dir)).rejects.toThrow(ValidationError);
    const [halt] = await t.store.events.find({ caseId: 'mini', ids: ['2018-06-18-exercise-halt'] });
    expect(halt!.summary).toBe('Exercise suspended.');
  });

  it('exports a case that loads back to the same thing', async () => {
    await loadCaseFolder(t.store, dir);
    const frame = (await t.store.cases.readFrame('mini'))!;
    const events = await t.store.events.find({ caseId: 'mini' });
    const out = mkdtempSync(join(tmpdir(), 'parley-export-'));
    writeCaseFolder({ ...frame, events }, out);
    const again = readCaseFolder(out).data;
    expect(again).toEqual({ ...frame, events });
    const r = await loadCaseFolder(t.store, out);
    expect(Object.values(r.changes).every((c) => c.added + c.changed + c.removed === 0)).toBe(true);
    rmSync(out, { recursive: true, force: true });
  });

  it('keeps versions of a condition', async () => {
    await loadCaseFolder(t.store, dir);
    edit(dir, 'conditions.yaml', /version: 1\n {2}since: 2018-09-20/, 'version: 2\n  since: 2018-09-20');
    edit(dir, 'conditions.yaml', 'atLeast: 2', 'atLeast: 3');
    await loadCaseFolder(t.store, dir);
    expect(await t.store.cases.conditionVersions('mini', 'envoy-visit')).toMatchObject([
      { version: 1, current: false },
      { version: 2, current: true },
    ]);
    const current = await t.store.cases.conditions('mini');
    expect(current.find((c) => c.id === 'envoy-visit')!.version).toBe(2);
  });

  async function addTyped(summary: string): Promise<string> {
    const actors = await t.store.cases.actors('mini');
    const e = newEvent(
      {
        caseId: 'mini',
        date: '2018-11-20',
        source: 'envoy',
        target: 'prk',
        code: '040',
        summary,
        sources: [{ publisher: 'Yonhap' }],
      },
      actors,
      new Set(),
      new Set(),
    );
    await t.store.events.insert([e], 'typed');
    return e.id;
  }

  it('keeps and lists events added outside the folder when it is loaded again, and removes them only with prune', async () => {
    await loadCaseFolder(t.store, dir);
    const typed = await addTyped('The envoy calls his counterpart.');
    await t.store.events.setStatus('mini', ['2018-06-18-exercise-halt'], 'rejected');
    edit(dir, 'events.yaml', /- id: 2018-06-18-exercise-halt[\s\S]*?(?=- id:)/, '');
    edit(dir, 'events.yaml', 'summary: Joint statement signed.', 'summary: Joint statement signed in Singapore.');
    const kept = await loadCaseFolder(t.store, dir);
    expect(kept.outside.kept.sort()).toEqual(['2018-06-18-exercise-halt', typed].sort());
    expect(kept.changes.events).toEqual({ added: 0, changed: 1, removed: 0 });
    expect(describeLoad(kept)).toMatch(/kept 2 events the folder does not hold .*--prune removes them/);
    expect(await t.store.events.count({ caseId: 'mini' })).toBe(9);
    const again = await loadCaseFolder(t.store, dir);
    expect(again.unchanged).toBe(true);
    expect(again.outside.kept).toHaveLength(2);
    const pruned = await loadCaseFolder(t.store, dir, { prune: true });
    expect(pruned.outside.pruned.sort()).toEqual(['2018-06-18-exercise-halt', typed].sort());
    expect(pruned.changes.events).toEqual({ added: 0, changed: 0, removed: 2 });
    expect(await t.store.events.count({ caseId: 'mini' })).toBe(7);
  });

  it('keeps an event typed in, exported and loaded back as typed: removing it from the folder needs prune', async () => {
    await loadCaseFolder(t.store, dir);
    const typed = await addTyped('The envoy calls his counterpart.');
    const frame = (await t.store.cases.readFrame('mini'))!;
    writeCaseFolder({ ...frame, events: await t.store.events.find({ caseId: 'mini' }) }, dir, { template: dir });
    expect(readFileSync(join(dir, 'events.yaml'), 'utf8')).toContain(typed);
    const loaded = await loadCaseFolder(t.store, dir);
    expect(loaded.changes.events).toEqual({ added: 0, changed: 0, removed: 0 });
    edit(dir, 'events.yaml', new RegExp(`- id: ${typed}[\\s\\S]*$`), '');
    const r = await loadCaseFolder(t.store, dir);
    expect(r.outside.kept).toEqual([typed]);
    expect(await t.store.events.count({ caseId: 'mini', ids: [typed] })).toBe(1);
  });
});
