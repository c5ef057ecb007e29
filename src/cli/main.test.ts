import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './main.js';

const MINI = fileURLToPath(new URL('../case/fixtures/mini/', import.meta.url));

/** Runs the CLI in this process and returns what it wrote to stderr. */
async function stderrOf(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(['node', 'parley', ...argv]);
    return { code, stderr };
  } finally {
    spy.mockRestore();
  }
}

function event(id: string, date: string): string {
  return `- id: ${id}\n  date: ${date}\n  source: usa\n  target: prk\n  code: "042"\n  summary: A visit.\n  sources: [{ publisher: Test Wire }]\n`;
}

describe('the CLI reporting a file with several problems', () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('says each problem once: the first on the error line, the others below it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-main-'));
    const folder = join(dir, 'mini');
    cpSync(MINI, folder, { recursive: true });
    writeFileSync(
      join(folder, 'events.yaml'),
      event('a', '2018-10-32') + event('b', '2018-02-30') + event('c', '2018-13-01'),
    );
    const { code, stderr } = await stderrOf(['--db', join(dir, 'store.db'), 'case', 'load', folder]);
    expect(code).toBe(2);
    const lines = stderr.trimEnd().split('\n');
    // The events dropped also leave references to them in other files dangling: those are problems too.
    const more = Number(/\(and (\d+) more problems\)$/.exec(lines[0]!)?.[1]);
    expect(lines[0]).toMatch(/^parley: .*events\.yaml:2 .*2018-10-32/);
    expect(more).toBeGreaterThanOrEqual(2);
    expect(lines.slice(1)).toHaveLength(more);
    expect(lines[1]).toMatch(/events\.yaml:9 .*2018-02-30/);
    expect(lines[2]).toMatch(/events\.yaml:16 .*2018-13-01/);
    for (const date of ['2018-10-32', '2018-02-30', '2018-13-01'])
      expect(stderr.split(date).length - 1, `${date} said once`).toBe(1);
  });
});

describe('the CLI naming a file it cannot read or write', () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('says which file is a folder, in plain words, before any work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-main-'));
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    expect(await stderrOf(['read', '--docs', folder])).toEqual({
      code: 2,
      stderr: `parley: cannot read the --docs file "${folder}": it is a folder, not a file\n`,
    });
    expect(await stderrOf(['read', folder, '--date', '2018-10-08'])).toEqual({
      code: 2,
      stderr: `parley: cannot read the article "${folder}": it is a folder, not a file\n`,
    });
    for (const format of ['md', 'html'])
      expect(await stderrOf(['--db', join(dir, 'p.db'), 'brief', '--format', format, '--output', folder])).toEqual({
        code: 2,
        stderr: `parley: cannot write the brief to "${folder}": it is a folder, not a file; nothing was written\n`,
      });
    expect(await stderrOf(['--db', folder, 'case', 'list'])).toEqual({
      code: 2,
      stderr: `parley: --db "${folder}" is a folder; give the path of a SQLite file, such as ${join(folder, 'parley.db')}\n`,
    });
  });

  it('says why a date of the year 0018 is refused, instead of calling its form wrong', async () => {
    const args = ['event', 'add', '0018-06-01', 'usa', '040', 'prk', '--summary', 's', '--publisher', 'W'];
    expect(await stderrOf(args)).toEqual({
      code: 2,
      stderr: 'parley: date "0018-06-01" is not a date Parley takes: the year must be from 1000 to 9999\n',
    });
  });
});
