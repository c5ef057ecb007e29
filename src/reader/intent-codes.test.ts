import { describe, expect, it } from 'vitest';
import { isEventCode } from '../cameo/event-codes.js';
import { intentCodeFor, refusalCodeFor, threatCodeFor } from './intent-codes.js';

describe('intent, refusal and threat codes', () => {
  it('map an act to the most specific 03x / 12x / 13x code', () => {
    expect(intentCodeFor('042')).toBe('036');
    expect(intentCodeFor('0833')).toBe('0343');
    expect(refusalCodeFor('0862')).toBe('1245');
    expect(refusalCodeFor('073')).toBe('1223');
    expect(threatCodeFor('163')).toBe('1312');
    expect(threatCodeFor('191')).toBe('1381');
    expect(threatCodeFor('2042')).toBe('1385');
  });

  it('keep a 13x code as it is and give none for cooperative or verbal acts', () => {
    expect(threatCodeFor('134')).toBe('134');
    expect(threatCodeFor('042')).toBeUndefined();
    expect(intentCodeFor('190')).toBeUndefined();
    expect(intentCodeFor('020')).toBeUndefined();
  });

  it('only ever return codes of the CAMEO table', () => {
    const codes = [
      '01',
      '02',
      '03',
      '04',
      '040',
      '041',
      '042',
      '043',
      '044',
      '045',
      '046',
      '05',
      '051',
      '054',
      '057',
      '06',
      '061',
      '062',
      '063',
      '064',
      '07',
      '071',
      '072',
      '073',
      '074',
      '075',
      '08',
      '081',
      '0813',
      '083',
      '0831',
      '0832',
      '0833',
      '0834',
      '084',
      '0841',
      '0842',
      '085',
      '086',
      '0862',
      '087',
      '0871',
      '0873',
      '0874',
      '12',
      '128',
      '13',
      '134',
      '15',
      '16',
      '160',
      '161',
      '162',
      '163',
      '164',
      '166',
      '17',
      '171',
      '172',
      '1721',
      '1722',
      '1723',
      '1724',
      '173',
      '174',
      '175',
      '18',
      '1823',
      '19',
      '190',
      '191',
      '192',
      '195',
      '20',
      '202',
      '2041',
      '2042',
    ];
    for (const c of codes) {
      for (const f of [intentCodeFor, refusalCodeFor, threatCodeFor]) {
        const out = f(c);
        if (out !== undefined) expect(isEventCode(out), `${f.name}(${c}) = ${out}`).toBe(true);
      }
    }
  });
});
