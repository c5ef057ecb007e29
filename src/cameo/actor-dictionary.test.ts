import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { actorCodeOn, roleOn, roleProblems } from '../model/actor.js';
import { ValidationError } from '../model/errors.js';
import { ACTOR_FILES, loadActorDictionary } from './actor-dictionary.js';

const REAL_DIR = fileURLToPath(new URL('../../data/actors/', import.meta.url));

/** A copy of the real files in a temp dir, with one file replaced, so each test breaks one thing. */
function dirWith(file: string, mutate: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-actors-'));
  for (const f of Object.values(ACTOR_FILES)) copyFileSync(join(REAL_DIR, f), join(dir, f));
  writeFileSync(join(dir, file), mutate(readFileSync(join(REAL_DIR, file), 'utf8')));
  return dir;
}

function loadError(dir: string): ValidationError {
  try {
    loadActorDictionary(dir);
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

function lineOf(text: string, needle: string): number {
  const idx = text.indexOf(needle);
  if (idx < 0) throw new Error(`fixture lacks ${needle}`);
  return text.slice(0, idx).split('\n').length;
}

describe('loadActorDictionary on the real files', () => {
  const dict = loadActorDictionary();

  it('loads every UN member and the CAMEO extras', () => {
    expect(dict.countries.length).toBeGreaterThanOrEqual(199);
    expect(dict.people.length).toBeGreaterThanOrEqual(300);
    const codes = new Set(dict.countries.map((c) => c.code));
    for (const c of ['USA', 'PRK', 'KOR', 'KSV', 'PSE', 'TWN', 'HKG', 'VAT', 'ESH']) expect(codes.has(c)).toBe(true);
    const prk = dict.countries.find((c) => c.code === 'PRK')!;
    expect(prk).toMatchObject({ fips: 'KN', iso2: 'KP', cow: 731 });
    expect(prk.capitals).toContain('Pyongyang');
    expect(dict.countries.find((c) => c.code === 'RUS')!.capitals).toContain('the Kremlin');
  });

  it('is cached', () => {
    expect(loadActorDictionary()).toBe(dict);
  });

  it('has the organisations of the case with their codes', () => {
    const byName = (n: string) => dict.organisations.find((o) => o.name === n || o.names.includes(n));
    expect(byName('IAEA')?.code).toBe('IGOUNOIAE');
    expect(byName('NATO')?.code).toBe('IGOWSTNAT');
    expect(byName('EU')?.code).toBe('IGOEUREEC');
    expect(byName('Red Cross')?.code).toBe('NGOHLHIRC');
    expect(byName('Amnesty International')?.code).toBe('NGOHRIAMN');
  });

  it('dates the codes of groups whose status changed', () => {
    const hamas = dict.organisations.find((o) => o.name === 'Hamas')!;
    const asActor = { id: 'hamas', kind: 'group' as const, name: 'Hamas', aliases: [], roles: hamas.roles ?? [] };
    expect(actorCodeOn(asActor, '2006-06-01')).toBe('PSEGOVHMS');
    expect(actorCodeOn(asActor, '2018-06-01')).toBe('PSEREBHMS');
    const taliban = dict.organisations.find((o) => o.name === 'Taliban')!;
    const tal = { id: 'taliban', kind: 'group' as const, name: 'Taliban', aliases: [], roles: taliban.roles ?? [] };
    expect(actorCodeOn(tal, '2019-01-01')).toBe('AFGREBTAL');
    expect(actorCodeOn(tal, '2022-01-01')).toBe('AFGGOVTAL');
  });

  it('maps generic agents to roles', () => {
    const role = (p: string) => dict.agents.find((a) => a.phrase === p)?.role;
    expect(role('foreign minister')).toBe('GOV');
    expect(role('defence minister')).toBe('GOVMIL');
    expect(role('troops')).toBe('MIL');
    expect(role('lawmakers')).toBe('LEG');
    expect(role('journalists')).toBe('MED');
    expect(dict.agents.length).toBeGreaterThanOrEqual(150);
  });

  it("gives Pompeo's role by date: CIA director, then Secretary of State", () => {
    const pompeo = dict.people.find((p) => p.id === 'mike-pompeo')!;
    expect(roleOn(pompeo, '2018-03-31')?.title).toBe('Director of the CIA');
    expect(actorCodeOn(pompeo, '2018-03-31')).toBe('USAGOVSPY');
    expect(roleOn(pompeo, '2018-05-09')?.title).toBe('Secretary of State');
    expect(actorCodeOn(pompeo, '2018-05-09')).toBe('USAGOV');
    // Half-open: the day he was sworn in is already State.
    expect(actorCodeOn(pompeo, '2018-04-26')).toBe('USAGOV');
    expect(actorCodeOn(pompeo, '2021-01-20')).toBeUndefined();
  });

  it('has the people of the US-DPRK case', () => {
    const ids = new Set(dict.people.map((p) => p.id));
    for (const id of [
      'donald-trump',
      'kim-jong-un',
      'kim-yong-chol',
      'moon-jae-in',
      'yukiya-amano',
      'rafael-grossi',
      'antonio-guterres',
      'stephen-biegun',
      'ri-yong-ho',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
    const amano = dict.people.find((p) => p.id === 'yukiya-amano')!;
    expect(actorCodeOn(amano, '2018-09-01')).toBe('IGOUNOIAE');
  });

  it('has a head of government, foreign and defence minister for every G20 country on a 2019 and a 2024 date', () => {
    const g20 = [
      'ARG',
      'AUS',
      'BRA',
      'CAN',
      'CHN',
      'FRA',
      'DEU',
      'IND',
      'IDN',
      'ITA',
      'JPN',
      'MEX',
      'RUS',
      'SAU',
      'ZAF',
      'KOR',
      'TUR',
      'GBR',
      'USA',
    ];
    for (const date of ['2019-06-01', '2024-06-01']) {
      for (const c of g20) {
        const codes = dict.people.map((p) => actorCodeOn(p, date)).filter((x): x is string => x !== undefined);
        expect(codes.filter((x) => x === `${c}GOV`).length, `${c} GOV on ${date}`).toBeGreaterThanOrEqual(2);
        expect(codes.includes(`${c}GOVMIL`), `${c} GOVMIL on ${date}`).toBe(true);
      }
    }
  });

  it('has no overlapping roles and a source on every role', () => {
    for (const p of dict.people) {
      expect(roleProblems(p), p.id).toEqual([]);
      for (const r of p.roles) expect(r.source, `${p.id} ${r.title}`).toBeTruthy();
    }
  });
});

describe('loadActorDictionary on bad files', () => {
  it('names file, line and field for a bad country code', () => {
    const dir = dirWith(ACTOR_FILES.countries, (t) => t.replace('\nPRK\t', '\nPRKX\t'));
    const err = loadError(dir);
    const text = readFileSync(join(dir, ACTOR_FILES.countries), 'utf8');
    const p = err.problems.find((x) => x.location?.field === 'code')!;
    expect(p.location).toMatchObject({
      file: join(dir, ACTOR_FILES.countries),
      line: lineOf(text, 'PRKX\t'),
      field: 'code',
    });
    expect(err.message).toMatch(/countries\.tsv:\d+ \(field code\)/);
  });

  it('rejects a COW number that is not a number', () => {
    const dir = dirWith(ACTOR_FILES.countries, (t) => t.replace('\tKN\tKP\t731\t', '\tKN\tKP\tseven\t'));
    const err = loadError(dir);
    expect(err.problems.some((p) => p.location?.field === 'cow' && /seven/.test(p.message))).toBe(true);
  });

  it('rejects a name claimed by two entries', () => {
    const dir = dirWith(ACTOR_FILES.countries, (t) => t.replace('\tSeoul|', '\tPyongyang|'));
    expect(loadError(dir).problems.some((p) => /pyongyang/.test(p.message))).toBe(true);
  });

  it('rejects an agent row without a role', () => {
    const dir = dirWith(ACTOR_FILES.agents, (t) => t.replace('troops\tMIL\t', 'troops\t\t'));
    const text = readFileSync(join(dir, ACTOR_FILES.agents), 'utf8');
    const p = loadError(dir).problems[0]!;
    expect(p.location).toMatchObject({ line: lineOf(text, 'troops\t'), field: 'role' });
  });

  it('rejects a bad date in people.yaml with its line and field', () => {
    const dir = dirWith(ACTOR_FILES.people, (t) =>
      t.replace('title: Secretary of State, from: 2018-04-26', 'title: Secretary of State, from: 2018-04-31'),
    );
    const text = readFileSync(join(dir, ACTOR_FILES.people), 'utf8');
    const err = loadError(dir);
    const p = err.problems.find((x) => x.location?.field?.endsWith('.from'))!;
    expect(p.location?.line).toBe(lineOf(text, 'from: 2018-04-31'));
    expect(p.location?.file).toBe(join(dir, ACTOR_FILES.people));
    expect(p.message).toMatch(/2018-04-31/);
  });

  it('rejects overlapping roles', () => {
    const dir = dirWith(ACTOR_FILES.people, (t) =>
      t.replace(
        'title: Director of the CIA, from: 2017-01-23, to: 2018-04-26',
        'title: Director of the CIA, from: 2017-01-23, to: 2018-06-01',
      ),
    );
    const err = loadError(dir);
    expect(err.problems.some((p) => p.location?.field === 'roles' && /mike-pompeo.*overlap/.test(p.message))).toBe(
      true,
    );
  });

  it('rejects a duplicate person id and a bad actor code', () => {
    const dir = dirWith(ACTOR_FILES.people, (t) =>
      t
        .replace('id: rex-tillerson', 'id: mike-pompeo')
        .replace(
          '{code: USAGOV, title: Vice President, from: 2017-01-20',
          '{code: usagov, title: Vice President, from: 2017-01-20',
        ),
    );
    const err = loadError(dir);
    expect(err.problems.some((p) => p.location?.field === 'id' && /already used/.test(p.message))).toBe(true);
    expect(err.problems.some((p) => p.location?.field === 'roles[0].code' && /usagov/.test(p.message))).toBe(true);
  });

  it('rejects an alias shared by two people', () => {
    const dir = dirWith(ACTOR_FILES.people, (t) => t.replace('aliases: [Tillerson,', 'aliases: [Pompeo, Tillerson,'));
    const text = readFileSync(join(dir, ACTOR_FILES.people), 'utf8');
    const p = loadError(dir).problems.find((x) => x.location?.field === 'aliases')!;
    expect(p.message).toMatch(/"pompeo" also names mike-pompeo/);
    expect(p.location?.line).toBe(lineOf(text, 'aliases: [Pompeo, Tillerson,'));
  });

  it('reports broken YAML with a line', () => {
    const dir = dirWith(ACTOR_FILES.people, (t) => t.replace('  - id: jim-mattis', '  - id: [jim-mattis'));
    const err = loadError(dir);
    expect(err.problems[0]!.location?.line).toBeGreaterThan(1);
  });
});
