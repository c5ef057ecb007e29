import type { Command } from '@commander-js/extra-typings';
import { cliActing } from '../../app/acting.js';
import { createToken, listTokens, revokeToken } from '../../app/tokens.js';
import type { ApiToken } from '../../store/token-repository.js';
import { dbFlag, dbLocation, withStore } from '../context.js';
import { ROLES } from '../../store/account-repository.js';
import { formatTable } from '../../util/format-table.js';
import { choiceOption, dateOption, examples } from '../options.js';

export function registerTokenCommand(program: Command): void {
  const token = program.command('token').description('API tokens for scripts: create, list, revoke');
  addCreateCommand(token);
  addListCommand(token);
  addRevokeCommand(token);
}

function addCreateCommand(token: Command): void {
  token
    .command('create')
    .description('create an API token; the token is printed once, alone on the last line')
    .addOption(choiceOption('--role <role>', 'what the token may do', ROLES).makeOptionMandatory())
    .option('--name <name>', 'what it is for')
    .addOption(dateOption('--expires <date>', 'last day it works (UTC), YYYY-MM-DD'))
    .addHelpText(
      'after',
      examples(
        'parley token create --role viewer --name dashboard-ci',
        'TOKEN=$(parley token create --role analyst --expires 2026-12-31 | tail -n 1)',
      ),
    )
    .action(async (opts, cmd) => {
      const { expires } = opts;
      const t = await withStore(dbLocation(dbFlag(cmd)), (store) =>
        createToken(cliActing(store), {
          role: opts.role,
          ...(opts.name ? { name: opts.name } : {}),
          ...(expires ? { expires } : {}),
        }),
      );
      process.stdout.write(
        `created ${t.token.id} "${t.token.name}" (${t.token.role}${t.token.expiresAt ? `, through ${expires}` : ''}); it is shown only now:\n${t.secret}\n`,
      );
    });
}

function addListCommand(token: Command): void {
  token
    .command('list')
    .description('API tokens: id, name, role, expiry, last use (never the secret)')
    .addHelpText('after', examples('parley token list'))
    .action(async (_opts, cmd) => {
      const tokens = await withStore(dbLocation(dbFlag(cmd)), (store) => listTokens(cliActing(store)));
      if (tokens.length === 0) {
        process.stdout.write('no API tokens; `parley token create --role viewer` makes one\n');
        return;
      }
      process.stdout.write(
        formatTable(['id', 'name', 'role', 'created by', 'expires', 'last used', 'state'], tokens.map(tokenRow)),
      );
    });
}

function tokenRow(t: ApiToken): string[] {
  return [
    t.id,
    t.name,
    t.role,
    t.createdBy,
    t.expiresAt?.slice(0, 10) ?? 'never',
    t.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? '-',
    t.revokedAt
      ? `revoked ${t.revokedAt.slice(0, 10)}`
      : t.expiresAt && t.expiresAt < new Date().toISOString()
        ? 'expired'
        : 'active',
  ];
}

function addRevokeCommand(token: Command): void {
  token
    .command('revoke')
    .description('revoke an API token: it stops working at once')
    .argument('<id>', 'the id `parley token list` shows')
    .addHelpText('after', examples('parley token revoke tok_1a2b3c4d5e6f'))
    .action(async (id, _opts, cmd) => {
      const t = await withStore(dbLocation(dbFlag(cmd)), (store) => revokeToken(cliActing(store), id));
      process.stdout.write(`revoked ${t.id} "${t.name}"\n`);
    });
}
