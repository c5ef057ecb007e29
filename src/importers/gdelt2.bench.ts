import { describe } from 'vitest';
import { gdelt2Parser } from './gdelt2.js';
import { benchParser } from './test-support/parser-bench.js';

describe('gdelt2 parser', () => {
  benchParser('gdelt2', gdelt2Parser);
});
