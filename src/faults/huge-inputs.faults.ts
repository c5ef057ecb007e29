import { mkdtempSync } from 'node:fs';
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
