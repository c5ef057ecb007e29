import { parseHTML } from 'linkedom';
import type { ChartDocument } from './chart-kit.js';

/**
 * A DOM document for drawing charts in Node (briefs, tests). linkedom rather than jsdom: Plot only
 * creates elements, sets attributes and serialises them, which linkedom does in a small fraction
 * of jsdom's install size and start-up time. Not exported from the charts index, so the browser
 * bundle never pulls it in.
 */
export function nodeChartDocument(): ChartDocument {
  return parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as ChartDocument;
}
