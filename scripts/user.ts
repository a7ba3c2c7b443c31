// `npm run user -- COMMAND`: accounts from the command line (also how the first admin is made).
//
//   add USERNAME --role ROLE [--scope pre2025:42,2025:66] [--name "Họ tên"]   password on stdin
//   passwd USERNAME                                                           password on stdin
//   disable USERNAME | enable USERNAME
//   list
//
// Scope: "country" (the default) or STRUCTURE:CODE provinces, see core/scope-list.ts. Every change
// is written to the audit trail as procedure "cli:user <command>".
import { parseArgs } from 'node:util';
import { formatScopeList, parseScopeList } from '../core/scope-list.ts';
import { displayNameSchema, passwordSchema, roleSchema, usernameSchema } from '../server/accounts/account-input.ts';
import { AccountError, createAccount, findAccount, listAccounts, updateAccount } from '../server/accounts/account-store.ts';
import { readPassword } from '../server/accounts/read-password.ts';
import type { AuditActor } from '../server/audit/audit-log.ts';
import { databaseSettingsFromEnv, openDatabase, type PovmapDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';

const USAGE = `usage: npm run user -- add USERNAME --role admin|planner|supervisor|viewer [--scope pre2025:42,2025:66] [--name "Họ tên"]
       npm run user -- passwd USERNAME | disable USERNAME | enable USERNAME | list
The password is read from standard input (typed twice without echo at a terminal, or piped).`;

class UsageError extends Error {}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { role: { type: 'string' }, scope: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});

if (values.help || positionals.length === 0) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}

const database = openDatabase(databaseSettingsFromEnv());
try {
  await migrateToLatest(database);
  await run(database, positionals[0]!, positionals.slice(1));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`povmap: user: ${error.message}\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(`povmap: user: ${error instanceof AccountError || error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}

async function run(database: PovmapDatabase, command: string, args: string[]): Promise<void> {
  const actor: AuditActor = { userId: null, procedure: `cli:user ${command}`, clock: () => new Date() };
  const db = database.db;
  if (command === 'list') {
    for (const a of await listAccounts(db)) {
      console.log([a.username, a.role, formatScopeList(a.scope), a.disabled ? 'disabled' : 'active', a.displayName].join('\t'));
    }
    return;
  }
  if (args.length !== 1) throw new UsageError(`${command} takes one USERNAME`);
  const username = parse(usernameSchema, args[0]!, 'USERNAME');

  if (command === 'add') {
    const role = parse(roleSchema, values.role, '--role');
    const scope = parseScope(values.scope);
    const displayName = parse(displayNameSchema, values.name ?? username, '--name');
    const password = parse(passwordSchema, await readPassword('Mật khẩu / Password'), 'password');
    const account = await createAccount(db, actor, { username, role, scope, displayName, password });
    console.error(`povmap: user: added ${account.username} (${account.role}, ${formatScopeList(account.scope)})`);
    return;
  }

  const account = await findAccount(db, username);
  if (!account) throw new AccountError(`không có tài khoản / no account "${username}"`, 'not-found');
  if (command === 'passwd') {
    const password = parse(passwordSchema, await readPassword('Mật khẩu mới / New password'), 'password');
    await updateAccount(db, actor, account.id, { password });
    console.error(`povmap: user: new password for ${username}; its sessions were ended`);
  } else if (command === 'disable' || command === 'enable') {
    await updateAccount(db, actor, account.id, { disabled: command === 'disable' });
    console.error(`povmap: user: ${username} ${command}d`);
  } else {
    throw new UsageError(`unknown command "${command}"`);
  }
}

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`${what}: ${result.error.issues.map((i) => i.message).join('; ')}`);
  return result.data;
}

function parseScope(text: string | undefined) {
  if (text === undefined) return null;
  const parsed = parseScopeList(text);
  if (!parsed.ok) throw new UsageError(`--scope: ${parsed.error}`);
  return parsed.scope;
}
