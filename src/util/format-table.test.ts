import { describe, expect, it } from 'vitest';
import { useColour } from './colour.js';
import { displayWidth, escapeControls } from './escape-controls.js';
import { csvField, formatCsv, formatMarkdownTable, formatTable, formatTableLines } from './format-table.js';

describe('escapeControls', () => {
  it('shows NUL, ESC, newlines, tabs, C1 and bidi overrides instead of obeying them', () => {
    expect(escapeControls('a\0b\x1b[2Jc\nd\re\tf\x7fg\x85h\u202ei')).toBe(
      'a\\0b\\x1b[2Jc\\nd\\re\\tf\\x7fg\\x85h\\u202ei',
    );
  });
  it('keeps colour sequences only when asked', () => {
    expect(escapeControls('\x1b[1mbold\x1b[22m\x1b]0;title\x07', { keepSgr: true })).toBe(
      '\x1b[1mbold\x1b[22m\\x1b]0;title\\x07',
    );
    expect(escapeControls('\x1b[1m')).toBe('\\x1b[1m');
  });
  it('leaves ordinary text, accents and CJK alone', () => {
    expect(escapeControls('Kim Jong Un · 김정은 — café')).toBe('Kim Jong Un · 김정은 — café');
  });
});

describe('displayWidth', () => {
  it('counts CJK as two columns and colour sequences and combining marks as none', () => {
    expect(displayWidth('김정은')).toBe(6);
    expect(displayWidth('\x1b[7mab\x1b[27m')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
  });
});

describe('formatTable', () => {
  it('aligns columns, rules the header and cuts long cells with an ellipsis', () => {
    const out = formatTable(
      ['id', 'n', 'summary'],
      [
        ['a-1', '5', 'short'],
        ['b-22', '10', 'a summary that is too long'],
      ],
      { rule: true, align: [undefined, 'right'], maxWidths: [undefined, undefined, 10] },
    );
    expect(out).toBe(
      ['id     n  summary', '----  --  ----------', 'a-1    5  short', 'b-22  10  a summary…', ''].join('\n'),
    );
  });
  it('escapes control characters in every cell, so one row stays one line', () => {
    const lines = formatTableLines(['id', 'summary'], [['x', 'line one\nline two\x1b[2J\0']]);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('x   line one\\nline two\\x1b[2J\\0');
    expect(lines.join('')).not.toMatch(/[\0\x1b\n]/);
  });
  it('pads by display width and paints styled pieces only with colour on', () => {
    const rows = [
      [['pre ', { text: 'hit', style: 'inverse' as const }, ' post'], '김'],
      ['x', 'y'],
    ];
    expect(formatTableLines(['q', 'w'], rows)).toEqual(['q             w', 'pre hit post  김', 'x             y']);
    const painted = formatTableLines(['q', 'w'], rows, { colour: true });
    expect(painted[1]).toBe('pre \x1b[7mhit\x1b[27m post  김');
    expect(painted[2]).toBe('x             y');
  });
  it('indents every line', () => {
    expect(formatTableLines(['a'], [['b']], { indent: '  ' })).toEqual(['  a', '  b']);
  });
});

describe('formatMarkdownTable', () => {
  it('escapes pipes and keeps a line break in a cell inside the row', () => {
    expect(formatMarkdownTable(['', 'A'], [['x|y', 'one\ntwo']], [undefined, 'right'])).toEqual([
      '|  | A |',
      '| --- | ---: |',
      '| x\\|y | one two |',
    ]);
  });
});

describe('CSV', () => {
  it('neutralises formulas the OWASP way and keeps numbers as numbers', () => {
    expect(csvField('=HYPERLINK("http://evil.example","click")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""click"")"',
    );
    for (const lead of ['=', '+', '-', '@', '\t']) expect(csvField(`${lead}x`)).toBe(`'${lead}x`);
    expect(csvField('\rx')).toBe('"\'\rx"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-3.5')).toBe('-3.5');
    expect(csvField('+2')).toBe('+2');
    expect(csvField('-')).toBe("'-");
    expect(csvField('plain text')).toBe('plain text');
  });
  it('quotes commas, quotes and line breaks, with CRLF between records', () => {
    expect(formatCsv(['a', 'b'], [['1,2', 'say "hi"\nthen']])).toBe('a,b\r\n"1,2","say ""hi""\nthen"\r\n');
  });
});

describe('useColour', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it('colours a terminal unless NO_COLOR or TERM=dumb', () => {
    expect(useColour(tty, {})).toBe(true);
    expect(useColour(pipe, {})).toBe(false);
    expect(useColour(tty, { NO_COLOR: '1' })).toBe(false);
    expect(useColour(tty, { NO_COLOR: '' })).toBe(true);
    expect(useColour(tty, { TERM: 'dumb' })).toBe(false);
  });
  it('lets FORCE_COLOR decide first, as Node does', () => {
    expect(useColour(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColour(pipe, { FORCE_COLOR: '' })).toBe(true);
    expect(useColour(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColour(tty, { FORCE_COLOR: 'false' })).toBe(false);
    expect(useColour(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
  });
});
