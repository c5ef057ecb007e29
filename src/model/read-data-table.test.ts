import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeProblem, type ValidationProblem } from './errors.js';
import { listCell, parseDataTable, readDataTable, requiredCell } from './read-data-table.js';

const parse = (text: string, header?: 'named' | 'positional') => {
  const problems: ValidationProblem[] = [];
  const rows = parseDataTable(text, 't.tsv', { columns: ['a', 'b'], ...(header ? { header } : {}) }, problems);
  return { rows, problems: problems.map(describeProblem) };
};

describe('readDataTable', () => {
  it('finds columns by header name, past comments, a BOM and CRLF line ends', () => {
    const { rows, problems } = parse('\uFEFF# about\r\nb\ta\r\n2\t1\r\n\r\n# note\r\n4\t3\r\n');
    expect(problems).toEqual([]);
    expect(rows.map((r) => `${r.line}:${r.get('a')}${r.get('b')}`)).toEqual(['3:12', '6:34']);
  });

  it('says which file, line and field is wrong, and goes on to report every problem', () => {
    const { problems } = parse('a\n1\t2\t3\n');
    expect(problems).toEqual([
      't.tsv:1 (field b): header lacks column "b"',
      't.tsv:2: 3 cells but the header names 1 columns',
    ]);
    const rows: ValidationProblem[] = [];
    const [row] = parseDataTable('a\tb\n\tx\n', 't.tsv', { columns: ['a', 'b'] }, rows);
    expect(requiredCell(row!, 'a', rows)).toBe('');
    expect(rows.map(describeProblem)).toEqual(['t.tsv:2 (field a): is empty']);
    expect(parse('# only comments\n').problems).toEqual(['t.tsv: no header line']);
  });

  it('reads positional tables with or without their header line', () => {
    expect(parse('x\ty\n', 'positional').rows.map((r) => r.get('b'))).toEqual(['y']);
    expect(parse('a\tb\nx\ty\n', 'positional').rows.map((r) => `${r.line}${r.get('a')}`)).toEqual(['2x']);
  });

  it('reports a file it cannot read as one problem', () => {
    const problems: ValidationProblem[] = [];
    expect(readDataTable('/no/such/table.tsv', { columns: ['a'] }, problems)).toEqual([]);
    expect(problems.map(describeProblem)).toEqual(['/no/such/table.tsv: cannot read the file (ENOENT)']);
    const file = join(mkdtempSync(join(tmpdir(), 'parley-table-')), 'ok.tsv');
    writeFileSync(file, 'a\nx\n');
    expect(readDataTable(file, { columns: ['a'] }, problems)[0]!.get('a')).toBe('x');
  });

  it('splits list cells on bars', () => {
    expect(listCell(' a | b ||c ')).toEqual(['a', 'b', 'c']);
    expect(listCell('')).toEqual([]);
  });
});
