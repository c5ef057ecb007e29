import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summarizeIndicators } from '../analysis/indicator-summary.js';
import { readCaseFolder } from '../case/read-case-folder.js';
import { markdownStyle, textStyle } from './brief-style.js';
import { indicatorsBlock } from './render-indicators.js';

const mini = readCaseFolder(fileURLToPath(new URL('../case/fixtures/mini/', import.meta.url))).data;

describe('the indicators section of a brief', () => {
  it('gives each indicator its latest figure as known on the date, its limit and its trend', () => {
    const text = indicatorsBlock(summarizeIndicators(mini.indicators!, '2018-12-31', '2018-12-31'), textStyle(false));
    expect(text.join('\n')).toMatch(
      /Spent fuel rods stored at Site A\s+above 8,000 rods on 2018-09-01, BEYOND the limit\s+at most 8,000 rods from 2018-06-12\s+–/,
    );
    expect(text).toContain('  Site A reactor running: yes, News agency, reported 2018-07-02 (a party)');
    // As known on 2018-09-29 the figure above the limit (reported 2018-09-30) is not there yet.
    const before = indicatorsBlock(summarizeIndicators(mini.indicators!, '2018-09-29', '2018-09-29'), markdownStyle);
    expect(before).toContain(
      '| Spent fuel rods stored at Site A | 7,900–8,100 rods on 2018-06-01 (estimated) | at most 8,000 rods from 2018-06-12 | – |',
    );
  });

  it('is left out for a case that follows no indicator', () => {
    expect(indicatorsBlock([], textStyle(false))).toEqual([]);
    expect(indicatorsBlock(undefined, markdownStyle)).toEqual([]);
  });
});
