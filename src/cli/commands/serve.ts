import { type Command, Option } from '@commander-js/extra-typings';
import { openStore } from '../../store/store.js';
import { dataDir, dbFlag, dbLocation } from '../context.js';
import { examples, parseNumber } from '../options.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'serve a team: a JSON API with accounts, roles, an audit trail and live updates (reference at /api/docs)',
    )
    .option('--host <address>', 'address to listen on (127.0.0.1: this machine only)', '127.0.0.1')
    .addOption(
      new Option('--port <n>', 'port to listen on')
        .argParser(parseNumber('--port', 0, 65535, { integer: true }))
        .default(7300),
    )
    .option('--quiet', 'print no line per request')
    .addHelpText(
      'after',
      `${examples(
        'parley serve',
        'parley serve --port 8080',
        'parley serve --host 0.0.0.0 --db postgres://parley@db.example/parley',
        'parley token create --role viewer --name ci && curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:7300/api/cases',
      )}
On its first start with no accounts, serve makes the account "admin" and prints a one-time link on a
line starting with "Sign in: ". Several serve processes on one PostgreSQL database share live updates.
Only /healthz answers without signing in.
`,
    )
    .action(async (opts, cmd) => {
      // Loaded here, not with the other commands: the server's modules would slow every command's start.
      const { startServer } = await import('../../server/start-server.js');
      const store = await openStore(dbLocation(dbFlag(cmd)));
      const running = await startServer({
        store,
        host: opts.host,
        port: opts.port,
        dataDir: dataDir(),
        say: (line) => process.stdout.write(`${line}\n`),
        ...(opts.quiet ? {} : { log: (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`) }),
      });
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      process.stdout.write('stopping\n');
      await running.close();
      await store.close();
    });
}
