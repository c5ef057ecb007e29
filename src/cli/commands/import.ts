import { join } from 'node:path';
import { Option, type Command } from '@commander-js/extra-typings';
import cliProgress from 'cli-progress';
import { cliActing } from '../../app/acting.js';
import { importInputs } from '../../app/import-files.js';
import { type ImportEachOptions, type ImportRun, importEach, isFailedResult } from '../../importers/import-each.js';
import { UsageError } from '../../model/errors.js';
import { parseFilters } from '../../importers/filters.js';
import { IMPORT_FORMATS } from '../../importers/format-parser.js';
import type { FileResult, ImportProgress } from '../../importers/import-file.js';
import { describeResult } from '../../importers/import-summary.js';
import { expandInputs, spoolStdinZip } from '../../importers/open-input.js';
import { dataDir, dbFlag, dbLocation, EXIT, withStore } from '../context.js';
import { choiceOption, examples, parseNumber } from '../options.js';

/** Progress on stderr: a bar on a terminal, a log line every few seconds otherwise. */
class ImportProgressView {
  private bar: cliProgress.SingleBar | undefined;
  private lastLog = 0;
  private started = Date.now();
  private current = '';

  constructor(private readonly tty: boolean) {}

  update(p: ImportProgress): void {
    const now = Date.now();
    if (p.name !== this.current) {
      this.stop();
      this.current = p.name;
      this.started = now;
      this.lastLog = now;
      if (this.tty && p.size !== null) {
        this.bar = new cliProgress.SingleBar(
          {
            format: `${p.name} |{bar}| {percentage}% {mib} MiB | kept {kept} | rejected {rejected} | {rate} rows/s`,
            stream: process.stderr,
            hideCursor: true,
            etaBuffer: 50,
          },
          cliProgress.Presets.shades_classic,
        );
        this.bar.start(p.size, 0, { mib: '0', kept: 0, rejected: 0, rate: 0 });
      }
    }
    const secs = Math.max(0.001, (now - this.started) / 1000);
    const payload = {
      mib: (p.bytesRead / 1048576).toFixed(1),
      kept: p.rowsKept,
      rejected: p.rowsRejected,
      rate: Math.round(p.rowsRead / secs),
    };
    if (this.bar) {
      this.bar.update(p.bytesRead, payload);
    } else if (now - this.lastLog >= 5000) {
      this.lastLog = now;
      const of = p.size !== null ? ` of ${(p.size / 1048576).toFixed(1)}` : '';
      process.stderr.write(
        `parley import: ${p.name}: ${payload.mib}${of} MiB read, ${p.rowsRead} rows, ${p.rowsKept} kept, ${p.rowsRejected} rejected, ${payload.rate} rows/s\n`,
      );
    }
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}

/** A size in bytes: `1048576`, `64KiB`, `4MiB`. */
function byteSize(value: string): number {
  const m = /^(\d+)\s*(KiB|MiB|K|M)?$/i.exec(value.trim());
  const unit = m?.[2]?.toUpperCase().startsWith('M') ? 1 << 20 : m?.[2] ? 1 << 10 : 1;
  const n = m ? Number(m[1]) * unit : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 256)
    throw new UsageError(
      `--max-line takes a size of at least 256 bytes, such as 65536, 64KiB or 4MiB (got "${value}")`,
    );
  return n;
}

/** The line after several files: their sums, and how many failed. */
function describeRun(results: readonly FileResult[], failures: number, total: number, dryRun: boolean): string {
  const counted = results.filter((r) => r.outcome !== 'already');
  const sum = (f: (r: FileResult) => number): string => counted.reduce((a, r) => a + f(r), 0).toLocaleString('en-US');
  const added = dryRun
    ? ''
    : ` (${sum((r) => (r.outcome === 'dry-run' || r.outcome === 'empty' ? 0 : r.progress.rowsNew))} new)`;
  const bad = failures > 0 ? ` ${failures} of the ${total} inputs failed.` : '';
  return (
    `${total} files: ${sum((r) => r.progress.rowsRead)} rows read, ${sum((r) => r.progress.rowsKept)} kept${added}, ` +
    `${sum((r) => r.progress.rowsRejected)} rejected.${bad}\n`
  );
}

/** What `parley import --help` says after the options: the formats, and what an import promises. */
const IMPORT_HELP =
  `
Formats (detected from the first lines when --format is omitted):
  gdelt1   GDELT 1.0 events, 57 columns (to 2013-03-31) or 58 (daily files), no header
  gdelt2   GDELT 2.0 events export, 61 columns, no header
  icews    ICEWS Dataverse events (.tab quoted or .tsv), header by name, M/D/YYYY or ISO dates
  polecat  POLECAT (PLOVER) events, header by name; PLOVER categories become CAMEO roots
  phoenix  OEDA Phoenix, 26 columns, no header
  csv      comma-separated with a header: date, source, code (and target, id, goldstein,
           quad_class, source_name, target_name, url; other columns are kept as extras)

Rows are keyed by their dataset's own event id, so a file or an overlapping file imported again
adds nothing; a killed import resumes where its last transaction ended. Rows without both
parties are stored but not counted in the daily dyad aggregates. Bad rows are written to
<input>.rejects.tsv (or --rejects PATH; for stdin, the rejects folder of the data directory)
with file, line, reason and the row itself.
` +
  examples(
    'parley import 20180612.export.CSV.zip',
    'parley import gdelt/ --dyad USA:PRK --from 2018-01-01 --to 2019-03-01',
    'parley import events.2018.tab --format icews --codes 04,05,08 --case us-dprk-2018',
    'zcat polecat-2018.tsv.gz | parley import - --format polecat --actors USA,PRK --dry-run',
  );

export function registerImportCommand(program: Command): void {
  withImportOptions(program.command('import'))
    .addHelpText('after', IMPORT_HELP)
    .action((files, opts, cmd) => runImport(files, opts, dbLocation(dbFlag(cmd))));
}

function withImportOptions(command: Command) {
  return command
    .description(
      'import event data files (GDELT 1.0/2.0, ICEWS, POLECAT, Phoenix, CSV) into the store; ' +
        'importing the same or an overlapping file again adds nothing, and an interrupted import resumes where it stopped',
    )
    .argument('<files...>', 'files (.zip, .gz, plain), folders (every file in them), or - for stdin')
    .addOption(
      choiceOption('--format <format>', "the files' format, detected from each file when omitted", IMPORT_FORMATS),
    )
    .option(
      '--actors <codes>',
      'keep rows with one of these actors on either side (party or code prefix), e.g. USA,PRK',
    )
    .option('--dyad <a:b>', 'keep rows between these two actors, either direction, e.g. USA:PRK')
    .option('--codes <codes>', 'keep rows whose CAMEO event code starts with one of these, e.g. 04,05,08')
    .option('--from <date>', 'keep rows on or after this date (YYYY-MM-DD)')
    .option('--to <date>', 'keep rows on or before this date (YYYY-MM-DD)')
    .option('--case <id>', 'attach the rows to this case (default: the case "imports")')
    .option('--strict', 'stop at the first bad row and keep nothing of that file')
    .option('--dry-run', 'read and count, store nothing: says what would be imported, kept and rejected')
    .option(
      '--rejects <path>',
      'write rejected rows (file, line, reason, row) here instead of beside each input as <input>.rejects.tsv',
    )
    .addOption(
      new Option(
        '--max-line <size>',
        'the longest line read (default 1MiB); a longer line is rejected with its line number and the import goes on',
      ).argParser(byteSize),
    )
    .addOption(
      new Option('--chunk-rows <n>', 'rows read per transaction')
        .argParser(parseNumber('--chunk-rows', 1, 10_000_000, { integer: true }))
        .hideHelp(),
    );
}

type ImportCommandOptions = ReturnType<ReturnType<typeof withImportOptions>['opts']>;

/** The options as the importer takes them, then every input in turn. */
async function runImport(files: readonly string[], opts: ImportCommandOptions, location: string): Promise<void> {
  const format = opts.format;
  const importOptions = {
    ...(format ? { format } : {}),
    filters: parseFilters(opts),
    ...(opts.case !== undefined ? { caseId: opts.case } : {}),
    strict: Boolean(opts.strict),
    dryRun: Boolean(opts.dryRun),
    ...(opts.rejects !== undefined ? { rejectsPath: opts.rejects } : {}),
    ...(opts.chunkRows !== undefined ? { chunkRows: opts.chunkRows } : {}),
    ...(opts.maxLine !== undefined ? { maxLineBytes: opts.maxLine } : {}),
    dataDir: dataDir(),
  };
  await importAll(files, importOptions, location);
}

/**
 * Imports every input in turn. One input that cannot be read, or fails its checks, is reported
 * and the others go on; the exit code then says that something failed.
 */
async function importAll(
  files: readonly string[],
  options: Omit<ImportEachOptions, 'onProgress' | 'onFile' | 'onFailure'>,
  db: string,
): Promise<void> {
  // A zip piped in is spooled to a nameless file (its directory is at its end) and read as one,
  // named `stdin.zip`; piping the same zip again is then recognised like a file named twice.
  const spooled = files.includes('-') ? await spoolStdinZip(join(options.dataDir, 'spool')) : null;
  try {
    const inputs = await expandInputs(files, { stdinZip: spooled });
    if (inputs.length === 0) throw new UsageError(`no files to import in ${files.join(', ')}`);
    const view = new ImportProgressView(Boolean(process.stderr.isTTY));
    const each: ImportEachOptions = {
      ...options,
      onProgress: (p) => view.update(p),
      onFile: (result) => {
        view.stop();
        process.stdout.write(`${describeResult(result)}\n`);
      },
      onFailure: (f) => {
        view.stop();
        process.stderr.write(`parley: ${f.error.message}\n`);
      },
    };
    let run: ImportRun;
    try {
      // A dry run stores nothing, so it goes straight to the importer; a real one through the
      // application layer, which writes the audit trail.
      run = options.dryRun
        ? await importEach(inputs, null, each)
        : await withStore(db, (store) => importInputs(cliActing(store), inputs, each));
    } finally {
      view.stop();
    }
    const failures = run.failed.length + run.results.filter(isFailedResult).length;
    if (inputs.length > 1)
      process.stdout.write(describeRun(run.results, failures, inputs.length, Boolean(options.dryRun)));
    if (failures > 0) process.exitCode = EXIT.error;
  } finally {
    spooled?.close();
  }
}
