import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeZipStreaming } from '../importers/test-support/zip-writer.js';
import { startCli, type Finished } from './test-support/processes.js';

const REPORT_RSS = fileURLToPath(new URL('./test-support/report-rss.mjs', import.meta.url));
const MiB = 1 << 20;
/** What `parley import` may hold at its peak on these inputs: the process itself plus a line at the limit. */
const RSS_BOUND_MIB = 320;

function peakMiB(r: Finished): number {
  const m = /peak-rss-kib (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`no peak memory reported: ${r.stderr}`);
  return Number(m[1]) / 1024;
}

/** `count` chunks of `size` bytes of `x`, and nothing else: one line with no end. */
function* oneLine(count: number, size = 4 * MiB): Generator<Buffer> {
  const chunk = Buffer.alloc(size, 0x78);
  for (let i = 0; i < count; i++) yield chunk;
}

/**
 * Inputs that ran away before there was a line limit (issue 9, §7), read by a real process whose
 * peak memory is measured: it stays flat, near that of the process itself, whatever their size.
 */
describe('huge inputs, memory bounded', () => {
  it('540 MB with no newline on stdin: the line is rejected unread, memory flat', async () => {
    const home = mkdtempSync(join(tmpdir(), 'parley-huge-'));
    const run = startCli(['import', '-', '--format', 'gdelt2', '--db', join(home, 'parley.db')], {
      env: { PARLEY_HOME: home },
      stdin: 'pipe',
      nodeArgs: ['--import', REPORT_RSS],
    });
    const stdin = run.stdin!;
    for (const chunk of oneLine(135)) {
      if (!stdin.write(chunk)) await new Promise((r) => stdin.once('drain', r));
    }
    stdin.end();
    const r = await run.done;
    // One line, rejected: nothing kept, so the run fails (exit 2), and says why.
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('stdin (gdelt2): read 1 rows and kept none');
    expect(peakMiB(r)).toBeLessThan(RSS_BOUND_MIB);
  });

  it('a zip entry of one line of 1 GiB: rejected unread, memory flat', async () => {
    const home = mkdtempSync(join(tmpdir(), 'parley-huge-'));
    const zip = join(home, '20180612000000.export.CSV.zip');
    await writeZipStreaming(zip, '20180612000000.export.CSV', oneLine(256));
    const r = await startCli(['import', zip, '--format', 'gdelt2', '--db', join(home, 'parley.db')], {
      env: { PARLEY_HOME: home },
      nodeArgs: ['--import', REPORT_RSS],
    }).done;
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('read 1 rows and kept none');
    expect(peakMiB(r)).toBeLessThan(RSS_BOUND_MIB);
  });
});

/** What `parley read` may hold reading one article as a stream: the process with its dictionary, and one chunk's analysis. */
const READ_RSS_BOUND_MIB = 400;
/**
 * What it may hold reading one --docs document, which is one JSON line parsed whole (docs/limits.md):
 * the document's text and events, and the garbage V8 lets grow before a full collection.
 */
const DOC_RSS_BOUND_MIB = 600;

/** Plain English of at least `mib` MiB with one move in every paragraph of 41 sentences; and how many moves. */
function article(mib: number): { text: string; moves: number } {
  const prose = [
    'The weather was fine and the market was calm on that day.',
    'People said the harvest would be good this year.',
    'A new bridge over the river opened to traffic in the morning.',
    'Prices of bread and milk rose slightly in the shops.',
  ];
  const paragraphs: string[] = [];
  let size = 0;
  for (let p = 0; size < mib * MiB; p++) {
    const sentences = Array.from({ length: 40 }, (_, i) => prose[(p + i) % prose.length]);
    const paragraph = `${sentences.join(' ')} Japan criticized China.\n\n`;
    paragraphs.push(paragraph);
    size += paragraph.length;
  }
  return { text: paragraphs.join(''), moves: paragraphs.length };
}

/**
 * The reader's memory grew with one article (issue 9, §8: 2 MB of text peaked at 342 MB, 20 MB
 * at 1.2 GB, one 10 MB --docs document at 827 MB). Read by a real process whose peak is measured,
 * every move of the text is found and memory stays near that of the process itself.
 */
describe('huge articles, memory bounded', () => {
  it('an article of 8 MiB: read in bounded chunks, every move found, memory flat', async () => {
    const home = mkdtempSync(join(tmpdir(), 'parley-huge-'));
    const { text, moves } = article(8);
    const file = join(home, 'article.txt');
    writeFileSync(file, text);
    const r = await startCli(['read', file, '--date', '2018-10-08'], {
      env: { PARLEY_HOME: home },
      nodeArgs: ['--import', REPORT_RSS],
    }).done;
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(moves);
    expect(peakMiB(r)).toBeLessThan(READ_RSS_BOUND_MIB);
  });

  it('a --docs document of 10 MiB, then a small one: both read, memory bounded', async () => {
    const home = mkdtempSync(join(tmpdir(), 'parley-huge-'));
    const { text, moves } = article(10);
    const docs = join(home, 'docs.jsonl');
    const small = { id: 'small', date: '2018-10-09', text: 'Japan criticized China.' };
    writeFileSync(docs, `${JSON.stringify({ id: 'big', date: '2018-10-08', text })}\n${JSON.stringify(small)}\n`);
    const r = await startCli(['read', '--docs', docs], {
      env: { PARLEY_HOME: home },
      nodeArgs: ['--import', REPORT_RSS],
    }).done;
    expect(r.code).toBe(0);
    const read = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { doc: string }).doc);
    expect(read.filter((d) => d === 'big')).toHaveLength(moves);
    expect(read.filter((d) => d === 'small')).toHaveLength(1);
    expect(peakMiB(r)).toBeLessThan(DOC_RSS_BOUND_MIB);
  });
});
