import { describe } from 'vitest';
import { icewsParser } from './icews.js';
import { benchParser } from './test-support/parser-bench.js';

describe('icews parser', () => {
  benchParser('icews', icewsParser);
});
