import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCaseFolder } from './read-case-folder.js';
import { copyMini, edit, loadError, MINI } from './test-support/case-folders.js';

describe('problems in a case folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyMini();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports every problem of every file in one pass, each once', () => {
    writeFileSync(join(dir, 'facilities.yaml'), '- id: x\n  name: [unclosed\n');
    edit(dir, 'events.yaml', 'verification: observed', 'verification: seen');
    edit(dir, 'agreements.yaml', /owedBy: \[prk\]/, 'owedBy: [prq]');
    edit(dir, 'case.yaml', /title: .*/, 'title: 5');
    const all = loadError(dir).describeAll().split('\n');
    expect(all).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/facilities\.yaml:\d+:\d+: a list in \[ \] or a map in \{ \} is not closed/),
        expect.stringMatching(/events\.yaml:\d+ \(field \[2\]\.verification\)/),
        expect.stringMatching(/agreements\.yaml:\d+ .*unknown actor "prq"/),
        expect.stringMatching(/case\.yaml:\d+ \(field title\)/),
      ]),
    );
    expect(new Set(all).size).toBe(all.length);
    // Listed by file in the folder's order, as a person fixing them goes through the files.
    const files = all.map((l) => /(\w+)\.yaml/.exec(l)?.[1]).filter((f, i, fs) => f !== fs[i - 1]);
    expect(files).toEqual(['case', 'events', 'agreements', 'facilities']);
    // The events that name facilities of the unreadable facilities.yaml are not reported as well.
    expect(all.join('\n')).not.toMatch(/unknown facility/);
  });

  it('does not report references to an entry whose own problem is reported', () => {
    edit(
      dir,
      'events.yaml',
      /- id: 2018-05-24-demolition\n {2}date: 2018-05-24/,
      '- id: 2018-05-24-demolition\n  date: soon',
    );
    const all = loadError(dir).describeAll();
    expect(all).toMatch(/events\.yaml:\d+ \(field \[2\]\.date\): expected a date in the form YYYY-MM-DD/);
    expect(all).not.toMatch(/unknown event "2018-05-24-demolition"/);
  });

  it('says that 2018-10-32 is not a real date, and refuses the years 0000-0999', () => {
    edit(dir, 'events.yaml', 'date: 2018-05-09', 'date: 2018-10-32');
    expect(loadError(dir).message).toMatch(/\[1\]\.date\): not a real date \(found "2018-10-32"\)/);
    edit(dir, 'events.yaml', 'date: 2018-10-32', 'date: 0018-05-09');
    expect(loadError(dir).message).toMatch(/\[1\]\.date\): .*year must be from 1000 to 9999/);
  });

  it('reads where in its quote a move was read, and refuses a span outside the quote', () => {
    edit(
      dir,
      'events.yaml',
      '{ publisher: Test Wire, date: 2018-04-17 }',
      '{ publisher: Test Wire, date: 2018-04-17, quote: The envoy visits., span: [4, 9] }',
    );
    expect(readCaseFolder(dir).data.events[0]!.sources[0]).toMatchObject({ quote: 'The envoy visits.', span: [4, 9] });
    edit(dir, 'events.yaml', 'span: [4, 9]', 'span: [4, 90]');
    expect(loadError(dir).message).toMatch(/\[0\]\.sources\[0\]\.span\): span: expected characters of the quote/);
  });

  it('reads the codes the sides acted under, and refuses a target code without a target', () => {
    edit(
      dir,
      'events.yaml',
      /(id: 2018-05-24-demolition\n[\s\S]*?)code: "087"/,
      '$1codes: {source: PRKGOV}\n  code: "087"',
    );
    const demolition = readCaseFolder(dir).data.events.find((e) => e.id === '2018-05-24-demolition');
    expect([demolition?.sourceCode, demolition?.targetCode]).toEqual(['PRKGOV', 'USA']);
    edit(dir, 'events.yaml', 'codes: {source: PRKGOV}', 'codes: {source: prkgov}');
    expect(loadError(dir).message).toMatch(/\[2\]\.codes\.source\): expected a CAMEO actor code/);
    edit(
      dir,
      'events.yaml',
      /target: prk\n {2}code: "042"\n {2}summary: The envoy visits as Secretary/,
      'codes: {target: PRK}\n  code: "042"\n  summary: The envoy visits as Secretary',
    );
    expect(loadError(dir).describeAll()).toMatch(
      /\[1\]\.codes\.target\): a code for the target of an event that has none/,
    );
  });

  it('rewrites YAML syntax errors in plain words, with file and line', () => {
    writeFileSync(join(dir, 'actors.yaml'), '- id: usa\n  name: "United States\n  kind: state\n');
    expect(loadError(dir).message).toMatch(/actors\.yaml:\d+:\d+: a quoted text is not closed/);
    writeFileSync(join(dir, 'actors.yaml'), '- id: usa\n  name: Kim says: no\n');
    expect(loadError(dir).message).toMatch(/actors\.yaml:2:\d+: .*put a value holding ": " in quotes/);
    writeFileSync(join(dir, 'actors.yaml'), '- id: usa\n\tname: x\n');
    expect(loadError(dir).message).toMatch(/actors\.yaml:2:\d+: /);
    expect(loadError(dir).message).not.toMatch(/token|YAML stream|implicit/i);
  });

  it('bounds every number: a window of 99999999999999 days does not load', () => {
    edit(dir, 'conditions.yaml', 'window: { days: 90 }', 'window: { days: 99999999999999 }');
    expect(loadError(dir).message).toMatch(/conditions\.yaml:\d+ \(field \[1\]\.requires\.notObserved\.window\.days\)/);
    edit(dir, 'conditions.yaml', 'window: { days: 99999999999999 }', 'window: { days: .inf }');
    expect(loadError(dir).message).toMatch(/\(field \[1\]\.requires\.notObserved\.window\.days\)/);
    edit(dir, 'conditions.yaml', 'window: { days: .inf }', 'window: { days: 90 }');
    edit(dir, 'conditions.yaml', 'atLeast: 2', 'atLeast: 1e300');
    expect(loadError(dir).message).toMatch(/atLeast/);
  });

  it('reads a list file that starts with a UTF-8 byte-order mark', () => {
    const path = join(dir, 'events.yaml');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(path)]));
    expect(readCaseFolder(dir).data.events).toHaveLength(8);
  });

  it('takes a dangling events.yaml link as an error, not as a case without events', () => {
    unlinkSync(join(dir, 'events.yaml'));
    symlinkSync(join(dir, 'gone.yaml'), join(dir, 'events.yaml'));
    expect(loadError(dir).message).toMatch(/events\.yaml: is a symbolic link to .*gone\.yaml, which does not exist/);
  });

  it('refuses a FIFO as a case file instead of waiting on it', () => {
    unlinkSync(join(dir, 'actors.yaml'));
    execFileSync('mkfifo', [join(dir, 'actors.yaml')]);
    expect(loadError(dir).message).toMatch(/actors\.yaml: is not a plain file \(a FIFO/);
  });

  it('names the file that is a folder', () => {
    unlinkSync(join(dir, 'facilities.yaml'));
    mkdirSync(join(dir, 'facilities.yaml'));
    expect(loadError(dir).message).toMatch(/facilities\.yaml: is a folder, not a file/);
  });

  it('names the file of an alias bomb, of an alias inside itself, and of nesting too deep', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]'];
    for (const [n, p] of ['b', 'c', 'd', 'e', 'f', 'g'].entries())
      bomb.push(`${p}: &${p} [${Array(9).fill(`*${'abcdefg'[n]}`).join(',')}]`);
    writeFileSync(join(dir, 'case.yaml'), `${bomb.join('\n')}\n`);
    expect(loadError(dir).message).toMatch(/case\.yaml: aliases \(\*name\) expand to too many entries/);
    cpSync(MINI, dir, { recursive: true });
    edit(dir, 'conditions.yaml', /requires:\n {4}facilities:/, 'requires: &loop\n    not: *loop\n    facilities:');
    expect(loadError(dir).message).toMatch(
      /conditions\.yaml:\d+:\d+: an alias \(\*name\) sits inside the entry it names/,
    );
    cpSync(MINI, dir, { recursive: true });
    edit(
      dir,
      'conditions.yaml',
      /requires:\n {4}facilities:[\s\S]*?atLeast: 2\n/,
      `requires: ${'{ not: '.repeat(200)}{ all: [] }${' }'.repeat(200)}\n`,
    );
    expect(loadError(dir).message).toMatch(
      /conditions\.yaml(:\d+:\d+)?: entries are nested (more than 64 levels|too) deep/,
    );
  });

  it('names UTF-16 and other files that are not UTF-8 text', () => {
    const text = readFileSync(join(dir, 'actors.yaml'), 'utf8');
    writeFileSync(join(dir, 'actors.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(loadError(dir).message).toMatch(/actors\.yaml: is UTF-16 text; save it as UTF-8/);
    writeFileSync(join(dir, 'actors.yaml'), Buffer.from(text, 'utf16le'));
    expect(loadError(dir).message).toMatch(/actors\.yaml:1: holds NUL bytes/);
    writeFileSync(
      join(dir, 'actors.yaml'),
      Buffer.concat([Buffer.from('- id: usa\n  name: '), Buffer.from([0xc3, 0x28])]),
    );
    expect(loadError(dir).message).toMatch(/actors\.yaml:2: is not UTF-8 text/);
  });

  it('lists a flood of problems up to a point, and counts the rest', () => {
    const many = Array.from({ length: 300 }, (_, i) => `- id: a${i}\n  kind: nation\n`).join('');
    writeFileSync(join(dir, 'actors.yaml'), many);
    const err = loadError(dir);
    expect(err.problems.length).toBe(100);
    expect(err.describeAll()).toMatch(/… and \d+ more problems$/);
  });
});
