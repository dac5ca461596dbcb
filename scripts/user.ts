// `npm run user -- add|remove|reset|list ...`: account administration on the configured store, for
// administrators at the command line (like `npm run seed`). Without --password, `add` and `reset` ask for
// one on a terminal (an empty answer generates one) and elsewhere generate one; a generated password is
// printed once.
import { parseArgs } from 'node:util';
import { Username } from '../server/model/account';
import { AccountService } from '../server/auth/accounts';
import { systemClock } from '../server/auth/clock';
import { generatePassword } from '../server/auth/passwords';
import { ROLES, type Role } from '../server/model/roles';
import { ValidationError } from '../server/errors';
import { runWithStore, UsageError } from './cli';

const USAGE = [
  'npm run user -- add <username> --role admin|editor|ncp|viewer [--countries SE,NO] [--name "Display name"] [--password ...]',
  '       npm run user -- remove <username>',
  '       npm run user -- reset <username> [--password ...]',
  '       npm run user -- list',
].join('\n');

/** Reads a line from the terminal without echoing it. */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UsageError('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The password given, asked for on a terminal, or generated; and whether it was generated (to print it). */
async function choosePassword(given: string | undefined): Promise<{ password: string; generated: boolean }> {
  if (given !== undefined) return { password: given, generated: false };
  if (process.stdin.isTTY) {
    const first = await readHidden('Password (empty: generate one): ');
    if (first !== '') {
      if ((await readHidden('Again: ')) !== first) throw new UsageError('the two passwords differ');
      return { password: first, generated: false };
    }
  }
  return { password: generatePassword(), generated: true };
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        countries: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

void runWithStore(USAGE, async (store) => {
  const accounts = new AccountService(store, systemClock);
  const actor = `cli:${process.env.USER ?? 'unknown'}`;
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parse(rest);
  const allowed: Record<string, string[]> = {
    add: ['role', 'countries', 'name', 'password'],
    reset: ['password'],
    remove: [],
    list: [],
  };
  if (!command || !allowed[command]) throw new UsageError(command ? `unknown command '${command}'` : 'name a command');
  const extra = Object.keys(values).filter((k) => !allowed[command]!.includes(k));
  if (extra.length) throw new UsageError(`${command} takes no ${extra.map((k) => `--${k}`).join(', ')}`);
  const wanted = command === 'list' ? 0 : 1;
  if (positionals.length !== wanted)
    throw new UsageError(wanted ? `${command} takes exactly one username` : 'list takes no arguments');
  const username = positionals[0]!;
  // Before asking for a password: a name that can never be an account is refused at once.
  if (command === 'add' && !Username.safeParse(username).success) {
    throw new ValidationError('invalid account: username', [
      { path: 'username', field: 'username', message: Username.safeParse(username).error!.issues[0]!.message },
    ]);
  }

  if (command === 'list') {
    const rows = (await accounts.list()).map((a) => [
      a.username,
      a.role,
      a.countries.join(',') || '-',
      a.displayName ?? '-',
      a.lastLoginAt ?? 'never',
    ]);
    const table = [['username', 'role', 'countries', 'name', 'last sign-in'], ...rows];
    const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
    for (const row of table)
      console.log(
        row
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      );
    return;
  }
  if (command === 'add') {
    if (!values.role || !(ROLES as readonly string[]).includes(values.role)) {
      throw new UsageError(`--role must be one of ${ROLES.join(', ')}${values.role ? `, not '${values.role}'` : ''}`);
    }
    const countries = values.countries
      ?.split(',')
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean);
    const { password, generated } = await choosePassword(values.password);
    const account = await accounts.create(
      {
        username,
        role: values.role as Role,
        password,
        ...(countries ? { countries } : {}),
        ...(values.name !== undefined ? { displayName: values.name } : {}),
      },
      actor,
    );
    const where = account.countries.length ? ` for ${account.countries.join(', ')}` : '';
    console.log(
      `created the account "${account.username}" (${account.role}${where})${generated ? ` with password ${password}; change it after signing in` : ''}`,
    );
    return;
  }
  if (command === 'reset') {
    const { password, generated } = await choosePassword(values.password);
    await accounts.reset(username, password, actor);
    console.log(
      `reset the password of "${username}" and ended its sessions${generated ? `; the new password is ${password}` : ''}`,
    );
    return;
  }
  await accounts.remove(username, actor);
  console.log(`removed the account "${username}" and ended its sessions`);
});
