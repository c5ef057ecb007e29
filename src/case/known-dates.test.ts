import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../model/errors.js';
import { knownOf } from '../model/knowledge.js';
import { roleOn } from '../model/actor.js';
import { provisionStatusOn } from '../model/agreement.js';
import { readCaseFolder } from './read-case-folder.js';
import { BUILTIN_CASES_DIR } from './builtin-cases.js';

const MINI = fileURLToPath(new URL('./fixtures/mini/', import.meta.url));

function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit did not apply to ${file}`);
  writeFileSync(path, next);
}

function problems(dir: string): string[] {
  try {
    readCaseFolder(dir);
  } catch (e) {
    if (e instanceof ValidationError) return e.describeAll().split('\n');
    throw e;
  }
  return [];
}

describe('when the facts of a case folder became known', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parley-known-'));
    cpSync(MINI, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('requires a date on the sources of site statuses, observations and provision statuses, with file, line and field', () => {
    edit(
      dir,
      'facilities.yaml',
      '{ date: 2018-05-24, status: dismantled, note: unverified }',
      '{ date: 2018-05-24, status: dismantled, note: unverified, sources: [{ publisher: Reuters }] }',
    );
    edit(
      dir,
      'facilities.yaml',
      '{ date: 2018-07-30, by: imagery, verification: observed, finding: activity }',
      '{ date: 2018-07-30, by: imagery, verification: observed, finding: activity, sources: [{ publisher: NPR }] }',
    );
    edit(
      dir,
      'agreements.yaml',
      '{ date: 2018-07-27, level: 2, events: [2018-06-12-summit-b] }',
      '{ date: 2018-07-27, level: 2, events: [2018-06-12-summit-b], sources: [{ publisher: CAP }] }',
    );
    const found = problems(dir);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /facilities\.yaml:\d+ \(field \[1\]\.status\[1\]\.sources\[0\]\.date\): missing: the date Reuters published this; a site status is dated when it began, not when it was reported/,
        ),
        expect.stringMatching(
          /facilities\.yaml:\d+ \(field \[2\]\.observations\[0\]\.sources\[0\]\.date\): missing: the date NPR published this; an observation is dated when the imagery or visit was made/,
        ),
        expect.stringMatching(
          /agreements\.yaml:\d+ \(field \[0\]\.provisions\[1\]\.status\[1\]\.sources\[0\]\.date\): missing: the date CAP published this/,
        ),
      ]),
    );
    expect(found).toHaveLength(3);
  });

  it('accepts an undated event source as published on the event’s day, and a stated known date instead of dated sources', () => {
    edit(
      dir,
      'facilities.yaml',
      '{ date: 2018-05-24, status: dismantled, note: unverified }',
      '{ date: 2018-05-24, status: dismantled, note: unverified, known: 2018-06-01, sources: [{ publisher: Reuters }] }',
    );
    const site = readCaseFolder(dir).data.facilities.find((f) => f.id === 'site-b')!;
    expect(knownOf(site.statuses[1]!)).toBe('2018-06-01');
  });

  it('refuses a known date before the fact, and a later part dated before the fact became known', () => {
    edit(
      dir,
      'facilities.yaml',
      '{ date: 2018-05-24, status: dismantled, note: unverified }',
      '{ date: 2018-05-24, status: dismantled, note: unverified, known: 2018-05-01, later: [{ known: 2018-05-02, text: x }] }',
    );
    const found = problems(dir).join('\n');
    expect(found).toMatch(
      /\(field \[1\]\.status\[1\]\.known\): known 2018-05-01 is before the fact itself \(2018-05-24\)/,
    );
    expect(found).toMatch(
      /\(field \[1\]\.status\[1\]\.later\[0\]\.known\): a later part known on 2018-05-02 is dated before the fact became known/,
    );
  });

  it('dates a provision status by the events it cites when it has no sources', () => {
    const data = readCaseFolder(dir).data;
    const remains = data.agreements[0]!.provisions.find((p) => p.id === 'remains')!;
    expect(knownOf(remains.statuses[1]!)).toBe('2018-07-27');
  });
});

describe('the built-in us-dprk-2018 case: corrected facts', () => {
  const data = readCaseFolder(join(BUILTIN_CASES_DIR, 'us-dprk-2018')).data;
  const actor = (id: string) => data.actors.find((a) => a.id === id)!;

  it('Kim Hyok Chol is special representative from 2019-01-22, when it was made public', () => {
    expect(roleOn(actor('kim-hyok-chol'), '2019-01-21')).toBeUndefined();
    expect(roleOn(actor('kim-hyok-chol'), '2019-01-22')?.title).toBe('Special Representative for US Affairs');
  });

  it('Xi Jinping is President from 2013-03-14 (General Secretary from 2012-11-15)', () => {
    expect(roleOn(actor('xi-jinping'), '2013-03-13')?.title).toBe('General Secretary of the Communist Party');
    expect(roleOn(actor('xi-jinping'), '2013-03-14')?.title).toMatch(/and President$/);
  });

  it('no role is left marked "to verify"', () => {
    for (const a of data.actors) for (const r of a.roles) expect(r.source ?? '', a.id).not.toMatch(/to verify/);
  });

  it("Sohae's partial dismantling carries the same date as its observation and event, then it is rebuilt", () => {
    const sohae = data.facilities.find((f) => f.id === 'sohae')!;
    const partly = sohae.statuses.find((s) => s.status === 'partly-dismantled')!;
    const seen = sohae.observations.find((o) => o.finding === 'dismantling')!;
    expect(partly.date).toBe(seen.date);
    expect(data.events.find((e) => e.id === seen.event)?.date).toBe(partly.date);
    expect(sohae.statuses.map((s) => [s.date, s.status])).toEqual([
      ['2012-04-13', 'operational'],
      ['2018-07-20', 'partly-dismantled'],
      ['2019-03-02', 'rebuilding'],
      ['2019-03-06', 'operational'],
    ]);
  });

  it('the inter-Korean railway groundbreaking (2018-12-26) fully implements its provision from that day', () => {
    const rail = data.agreements
      .find((a) => a.id === 'pyongyang-joint-declaration')!
      .provisions.find((p) => p.id === 'rail-road-links')!;
    expect(provisionStatusOn(rail, '2018-12-25')?.level).toBe(0);
    expect(provisionStatusOn(rail, '2018-12-26')?.level).toBe(3);
  });

  it('every condition cites a source with a title or a date, none "as summarised in the Parley brief"', () => {
    for (const c of data.conditions) {
      expect(c.sources.length, c.id).toBeGreaterThan(0);
      for (const s of c.sources) expect(JSON.stringify(s)).not.toMatch(/summarised in the Parley brief/);
    }
    const op = data.conditions.find((c) => c.id === 'pompeo-visit-precondition')!.sources[0]!;
    expect(op).toMatchObject({
      publisher: 'Washington Examiner (opinion)',
      title: 'Mike Pompeo must not visit Pyongyang without this North Korean concession',
      date: '2018-09',
      link: 'https://www.washingtonexaminer.com/opinion/352008/mike-pompeo-must-not-visit-pyongyang-without-this-north-korean-concession',
    });
  });

  it('the headline counts only commitments to inspections by an inspecting body, offered or accepted', () => {
    const c = data.conditions.find((x) => x.id === 'pompeo-visit-precondition')!;
    expect(c.requires.kind === 'facilities' && c.requires.facilities.coveredBy).toMatchObject({
      verifiers: ['inspecting-body'],
      commitments: ['offered', 'accepted'],
    });
    const hanoi = data.events.find((e) => e.id === '2019-02-28-kim-offers-yongbyon-with-us-experts')!;
    expect(hanoi.commitment).toMatchObject({ verifier: 'named-experts', status: 'conditional' });
  });
});
