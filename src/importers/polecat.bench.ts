import { describe } from 'vitest';
import { polecatParser } from './polecat.js';
import { benchParser } from './test-support/parser-bench.js';

describe('polecat parser', () => {
  benchParser('polecat', polecatParser);
});
