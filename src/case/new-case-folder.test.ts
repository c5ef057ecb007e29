import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateCondition } from '../analysis/conditions/evaluate-condition.js';
import { CASE_FILES } from './case-schema.js';
import { writeNewCaseFolder } from './new-case-folder.js';
import { readCaseFolder } from './read-case-folder.js';
import { WriteRefusedError } from './write-files-safely.js';

describe('a new case folder', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'parley-new-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('holds every case file, commented, and loads as it is with one of each kind of entry', () => {
    const dir = join(root, 'talks');
    expect(writeNewCaseFolder(dir, 'talks').length).toBe(Object.keys(CASE_FILES).length);
    for (const name of Object.keys(CASE_FILES)) expect(readFileSync(join(dir, name), 'utf8')).toMatch(/^# /);
    const { data } = readCaseFolder(dir);
    expect(data.info.id).toBe('talks');
    expect([data.actors.length, data.events.length, data.agreements.length, data.facilities.length]).toEqual([
      2, 1, 1, 1,
    ]);
    expect([data.indicators?.length, data.conditions.length]).toEqual([1, 1]);
    const r = evaluateCondition(data.conditions[0]!, '2018-12-01', data);
    expect(r.verdict).toBe('met');
    expect(evaluateCondition(data.conditions[0]!, '2019-03-01', data).verdict).toBe('unknown');
  });

  it('writes nothing into a folder that holds anything', () => {
    const dir = join(root, 'busy');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expect(() => writeNewCaseFolder(dir)).toThrow(WriteRefusedError);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
