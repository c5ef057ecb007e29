import { describe, expect, it } from 'vitest';
import { actorCodeOn, roleOn, roleProblems, type Actor } from './actor.js';
import { codeUnder, isActorCode, partyOf, rolesOf } from './actor-code.js';
import { addDays, daysBetween, fromDayNumber, isIsoDate, toDayNumber } from './iso-date.js';
import { provisionStatusOn, type Provision } from './agreement.js';
import { facilityStatusOn, type Facility } from './facility.js';

const pompeo: Actor = {
  id: 'mike-pompeo',
  kind: 'person',
  name: 'Mike Pompeo',
  aliases: ['Pompeo'],
  roles: [
    { code: 'USAGOVSPY', title: 'CIA Director', from: '2017-01-23', to: '2018-04-26' },
    { code: 'USAGOV', title: 'Secretary of State', from: '2018-04-26', to: '2021-01-20' },
  ],
};

describe('dated roles', () => {
  it('gives the role held on a date, with half-open spans', () => {
    expect(actorCodeOn(pompeo, '2018-03-31')).toBe('USAGOVSPY');
    expect(actorCodeOn(pompeo, '2018-04-25')).toBe('USAGOVSPY');
    expect(roleOn(pompeo, '2018-04-26')?.title).toBe('Secretary of State');
    expect(actorCodeOn(pompeo, '2021-01-20')).toBeUndefined();
    expect(actorCodeOn(pompeo, '2016-12-31')).toBeUndefined();
  });

  it("takes a state's own code whatever the date", () => {
    expect(
      actorCodeOn({ id: 'prk', kind: 'state', name: 'North Korea', aliases: [], code: 'PRK', roles: [] }, '1950-06-25'),
    ).toBe('PRK');
  });

  it('finds overlapping and reversed roles', () => {
    const bad: Actor = {
      ...pompeo,
      roles: [...pompeo.roles, { code: 'USAGOV', title: 'Envoy', from: '2020-01-01', to: '2019-01-01' }],
    };
    expect(roleProblems(pompeo)).toEqual([]);
    expect(roleProblems(bad)).toEqual(
      expect.arrayContaining([expect.stringMatching(/ends \(2019-01-01\) before it starts/)]),
    );
    const overlap: Actor = { ...pompeo, roles: [pompeo.roles[0]!, { ...pompeo.roles[1]!, from: '2018-01-01' }] };
    expect(roleProblems(overlap)).toEqual([expect.stringMatching(/overlap from 2018-01-01/)]);
  });
});

describe('actor codes', () => {
  it('reads the party and the roles of a code', () => {
    expect(partyOf('USAGOVMIL')).toBe('USA');
    expect(rolesOf('USAGOVMIL')).toBe('GOVMIL');
    expect(partyOf('IGOUNOIAE')).toBe('IGOUNOIAE');
    expect(partyOf('NGOHRIAMN')).toBe('NGOHRIAMN');
    expect(partyOf('IGOUNOIAEGOV')).toBe('IGOUNOIAE');
  });

  it('matches the hierarchy on whole parts', () => {
    expect(codeUnder('USAGOV', 'USA')).toBe(true);
    expect(codeUnder('USAGOVMIL', 'USAGOV')).toBe(true);
    expect(codeUnder('USAMIL', 'USAGOV')).toBe(false);
    expect(codeUnder('USA', 'USAGOV')).toBe(false);
    expect(codeUnder('USAGOV', 'US')).toBe(false);
    expect(isActorCode('PRKGOV')).toBe(true);
    expect(isActorCode('PRKGO')).toBe(false);
  });
});

describe('dates', () => {
  it('checks calendar dates and counts days', () => {
    expect(isIsoDate('2018-02-29')).toBe(false);
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2018-6-12')).toBe(false);
    expect(daysBetween('2018-06-12', '2019-02-27')).toBe(260);
    expect(addDays('2018-12-31', 1)).toBe('2019-01-01');
    expect(fromDayNumber(toDayNumber('1999-12-31'))).toBe('1999-12-31');
  });
});

describe('statuses on a date', () => {
  it('uses the last status dated on or before the date', () => {
    const p: Provision = {
      id: 'remains',
      text: 'Return remains',
      theme: 'humanitarian',
      owedBy: ['prk'],
      statuses: [
        { date: '2018-07-27', level: 2, events: [], sources: [] },
        { date: '2018-06-12', level: 0, events: [], sources: [] },
      ],
    };
    expect(provisionStatusOn(p, '2018-06-11')).toBeUndefined();
    expect(provisionStatusOn(p, '2018-07-26')?.level).toBe(0);
    expect(provisionStatusOn(p, '2018-07-27')?.level).toBe(2);
    const f: Facility = {
      id: 'pg',
      caseId: 'c',
      name: 'Punggye-ri',
      type: 'test site',
      tags: [],
      location: '',
      country: 'PRK',
      key: true,
      observations: [],
      statuses: [
        { date: '2006-10-09', status: 'operational', sources: [] },
        { date: '2018-05-24', status: 'dismantled', sources: [] },
      ],
    };
    expect(facilityStatusOn(f, '2018-05-23')?.status).toBe('operational');
    expect(facilityStatusOn(f, '2018-05-24')?.status).toBe('dismantled');
  });
});
