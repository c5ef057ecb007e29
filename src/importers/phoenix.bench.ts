import { describe } from 'vitest';
import { phoenixParser } from './phoenix.js';
import { benchParser } from './test-support/parser-bench.js';

describe('phoenix parser', () => {
  benchParser('phoenix', phoenixParser);
});
