import { type Command, Option } from '@commander-js/extra-typings';
import { briefCase, type CaseBriefOptions } from '../../app/build-brief.js';
import { markdownStyle, textStyle } from '../../brief/brief-style.js';
import { renderBrief } from '../../brief/render-brief.js';
import { DEFAULT_CASE } from '../../case/builtin-cases.js';
import { dbFlag, dbLocation, withStore } from '../context.js';
import { checkWritableFile, writeOutputFile } from '../file-access.js';
import { useColour } from '../../util/colour.js';
import { choiceOption, dateOption, examples, parseDyad } from '../options.js';

const BRIEF_FORMATS = ['text', 'md', 'json', 'html', 'docx', 'pdf'] as const;

export function registerBriefCommand(program: Command): void {
  withBriefOptions(program.command('brief'))
    .addHelpText(
      'after',
      examples(
        'parley brief',
        'parley brief --as-of 2018-10-07 --format md',
        'parley brief --as-of 2018-10-07 --format pdf --output brief.pdf',
        'parley brief --as-of 2019-03-01 --hindsight',
        'parley brief --dyad USA:PRK --from 2018-01-01 --to 2019-03-01 --format json',
        'parley brief --as-of 2018-10-07 --recorded-on 2026-01-06',
      ),
    )
    .action((opts, cmd) => writeBrief(opts, dbLocation(dbFlag(cmd))));
}

function withBriefOptions(brief: Command) {
  return brief
    .description(
      'the state of a case on a date: the headline condition, other conditions, reciprocity, commitments, facilities and pace',
    )
    .option('--case <id>', 'case to brief', DEFAULT_CASE)
    .addOption(dateOption('--as-of <date>', "date to read the case on (default: the case's own, else today)"))
    .addOption(choiceOption('--format <format>', 'how to write the brief', BRIEF_FORMATS).default('text'))
    .option(
      '--output <file>',
      'write the brief to this file (html, docx and pdf default to <case>-brief-<date>.<format>)',
    )
    .addOption(
      new Option(
        '--dyad <A:B>',
        'read reciprocity and pace between these two parties (CAMEO codes), e.g. USA:PRK',
      ).argParser(parseDyad('--dyad')),
    )
    .addOption(dateOption('--from <date>', 'reciprocity window start'))
    .addOption(dateOption('--to <date>', 'reciprocity window end'))
    .option(
      '--hindsight',
      'use everything on record, not only what was known on that date, and list what was not yet known',
    )
    .addOption(
      dateOption(
        '--known-by <date>',
        'use what was known by this date (on or after --as-of), and list what was not yet known',
      ),
    )
    .addOption(
      dateOption(
        '--recorded-on <date>',
        "the team's record as it stood at the end of this day (UTC), not as it stands now",
      ),
    );
}

/** Builds the brief and writes it: a file for html, docx and pdf; text, Markdown or JSON on stdout or to --output. */
async function writeBrief(
  opts: ReturnType<ReturnType<typeof withBriefOptions>['opts']>,
  location: string,
): Promise<void> {
  const { format } = opts;
  const options = briefOptions(opts);
  // A folder given as --output is refused before the brief is built, not after.
  if (opts.output) checkWritableFile(opts.output, 'the brief');
  const access = { access: 'read' as const, builtinCase: opts.case };
  if (format === 'html' || format === 'docx' || format === 'pdf') {
    // Word, the charts and the world outline load only when a brief file is written, not with every command.
    const { briefFile } = await import('../../app/brief-files.js');
    const file = await withStore(location, (store) => briefFile(store, options, format), access);
    const out = opts.output ?? file.fileName;
    writeOutputFile(out, file.bytes, 'the brief');
    process.stderr.write(`wrote ${out} (${file.bytes.length.toLocaleString('en')} bytes)\n`);
    return;
  }
  const brief = await withStore(location, (store) => briefCase(store, options), access);
  const text =
    format === 'json'
      ? `${JSON.stringify(brief, null, 2)}\n`
      : renderBrief(brief, format === 'md' ? markdownStyle : textStyle(useColour(process.stdout)));
  if (opts.output) writeOutputFile(opts.output, text, 'the brief');
  else process.stdout.write(text);
}

/** The brief's options from the command line's flags. */
function briefOptions(opts: {
  case: string;
  asOf?: string;
  from?: string;
  to?: string;
  dyad?: [string, string];
  recordedOn?: string;
  knownBy?: string;
  hindsight?: true;
}): CaseBriefOptions {
  const { asOf, from, to, dyad, recordedOn, knownBy } = opts;
  // With only --to given, the brief is read on that day.
  const day = asOf ?? to;
  return {
    ...(recordedOn ? { recordedOn } : {}),
    caseId: opts.case,
    ...(day ? { asOf: day } : {}),
    ...(dyad ? { dyad } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(knownBy ? { knownBy } : {}),
    ...(opts.hindsight ? { hindsight: true } : {}),
  };
}
