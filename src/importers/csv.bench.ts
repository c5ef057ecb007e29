import { describe } from 'vitest';
import { csvParser } from './csv.js';
import { benchParser } from './test-support/parser-bench.js';

describe('csv parser', () => {
  benchParser('csv', csvParser);
});
