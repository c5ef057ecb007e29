import { describe, expect, it } from 'vitest';
import { readExtra } from './read-extra.js';

describe('readExtra', () => {
  it('names the positional GDELT values and leaves nulls out', () => {
    expect(readExtra('gdelt2', '[1,12,null,12,-1.5,"KN","PRK",null,39.01,125.75,"20180706141500","US",null]')).toEqual({
      root: 1,
      mentions: 12,
      articles: 12,
      tone: -1.5,
      geo: 'KN',
      geoCountry: 'PRK',
      lat: 39.01,
      lon: 125.75,
      added: '20180706141500',
      actor1Geo: 'US',
    });
  });

  it('passes the JSON objects of the other formats through, and reads no extra as no fields', () => {
    expect(readExtra('icews', '{"publisher":"KCNA"}')).toEqual({ publisher: 'KCNA' });
    expect(readExtra('polecat', null)).toEqual({});
  });

  it('says which dataset it cannot name an array for', () => {
    expect(() => readExtra('mystery', '[1]')).toThrow(/dataset "mystery"/);
  });
});
