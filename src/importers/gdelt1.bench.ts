import { describe } from 'vitest';
import { gdelt1Parser } from './gdelt1.js';
import { benchParser } from './test-support/parser-bench.js';

describe('gdelt1 parser', () => {
  benchParser('gdelt1', gdelt1Parser);
});
