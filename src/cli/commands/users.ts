import type { Command } from '@commander-js/extra-typings';
import { cliActing } from '../../app/acting.js';
import { addUser, listUsers, removeUser, setUserRole } from '../../app/accounts.js';
import { createSignInLink } from '../../app/sign-in.js';
import { dbFlag, dbLocation, withStore } from '../context.js';
import { ROLES } from '../../store/account-repository.js';
import { formatTable } from '../../util/format-table.js';
import { choiceOption, examples, parseChoice } from '../options.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function registerUserCommand(program: Command): void {
  const user = program.command('user').description("the team server's accounts: add, list, remove, change a role");
  addAddCommand(user);
  addListCommand(user);
  addRemoveCommand(user);
  addRoleCommand(user);
}

function addAddCommand(user: Command): void {
  user
    .command('add')
    .description('add an account; without --password-stdin it signs in by a one-time link, printed here')
    .argument('<name>', 'account name')
    .addOption(choiceOption('--role <role>', 'what the account may do', ROLES).makeOptionMandatory())
    .option('--password-stdin', 'read the password from standard input')
    .option('--url <url>', 'the server address the link should point at', 'http://127.0.0.1:7300')
    .addHelpText(
      'after',
      examples('parley user add ana --role analyst', 'echo "$PW" | parley user add bo --role viewer --password-stdin'),
    )
    .action(async (name, opts, cmd) => {
      const password = opts.passwordStdin ? await readStdin() : undefined;
      const line = await withStore(dbLocation(dbFlag(cmd)), async (store) => {
        const a = await addUser(cliActing(store), {
          name,
          role: opts.role,
          ...(password !== undefined ? { password } : {}),
        });
        if (password !== undefined) return `added ${a.name} (${a.role})`;
        const secret = await createSignInLink(store, a.id);
        return `added ${a.name} (${a.role}); a one-time sign-in link, valid 24 hours:\nSign in: ${opts.url.replace(/\/$/, '')}/signin?token=${secret}`;
      });
      process.stdout.write(`${line}\n`);
    });
}

function addListCommand(user: Command): void {
  user
    .command('list')
    .description('the accounts, with their roles')
    .addHelpText('after', examples('parley user list'))
    .action(async (_opts, cmd) => {
      const users = await withStore(dbLocation(dbFlag(cmd)), (store) => listUsers(cliActing(store)));
      if (users.length === 0) {
        process.stdout.write(
          'no accounts; `parley serve` makes the first admin, or `parley user add NAME --role admin`\n',
        );
        return;
      }
      process.stdout.write(
        formatTable(
          ['name', 'role', 'password', 'created (UTC)'],
          users.map((u) => [
            u.name,
            u.role,
            u.hasPassword ? 'set' : 'link only',
            u.createdAt.slice(0, 19).replace('T', ' '),
          ]),
        ),
      );
    });
}

function addRemoveCommand(user: Command): void {
  user
    .command('remove')
    .description('remove an account and end its sessions')
    .argument('<name>', 'account name')
    .addHelpText('after', examples('parley user remove bo'))
    .action(async (name, _opts, cmd) => {
      const a = await withStore(dbLocation(dbFlag(cmd)), (store) => removeUser(cliActing(store), name));
      process.stdout.write(`removed ${a.name}\n`);
    });
}

function addRoleCommand(user: Command): void {
  user
    .command('role')
    .description("change an account's role")
    .argument('<name>', 'account name')
    .argument('<role>', ROLES.join(', '), parseChoice('role', ROLES))
    .addHelpText('after', examples('parley user role ana admin'))
    .action(async (name, role, _opts, cmd) => {
      const a = await withStore(dbLocation(dbFlag(cmd)), (store) => setUserRole(cliActing(store), name, role));
      process.stdout.write(`${a.name} is now ${a.role}\n`);
    });
}
