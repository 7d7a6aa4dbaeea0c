/** `vakt init`, `migrate`, `demo`, `users …`, `audit …`, `backup`, `restore`. */
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { summary } from './catalogue.js';
import { listAudit, verifyAudit } from '../../audit/audit-log.js';
import { ROLES, isRole } from '../../auth/roles.js';
import { changeUser, createUser, disableUser, listUsers, resetPassword, resetTotp, unlockUser } from '../../auth/users.js';
import { loadConfig } from '../../config.js';
import { migrate } from '../../db/database.js';
import { action, actorFromCli, EXIT_ERROR, openConfiguredDatabase, UsageError, withDatabase } from '../run.js';

/** The password to set: VAKT_PASSWORD, else a generated one that the caller prints once. */
function cliPassword(): { password: string; generated: boolean } {
  const given = process.env.VAKT_PASSWORD;
  return given ? { password: given, generated: false } : { password: randomBytes(18).toString('base64url'), generated: true };
}

export function registerAdminCommands(program: Command): void {
  program
    .command('migrate')
    .description(summary('migrate'))
    .action(
      action(async () => {
        const database = await openConfiguredDatabase(loadConfig());
        try {
          const { applied } = await migrate(database);
          process.stdout.write(applied.length > 0 ? `applied: ${applied.join(', ')}\n` : 'the database is up to date\n');
        } finally {
          await database.close();
        }
      }),
    );

  program
    .command('init')
    .description(summary('init'))
    .requiredOption('--team-name <name>', 'the team, e.g. "CERT Example"')
    .requiredOption('--admin-email <email>', 'e-mail of the first administrator')
    .option('--admin-name <name>', 'name of the first administrator', 'Administrator')
    .action(
      action(async (options: { teamName: string; adminEmail: string; adminName: string }) =>
        withDatabase(async ({ db }) => {
          if (await db.selectFrom('users').select('id').limit(1).executeTakeFirst())
            throw new UsageError('this installation is already initialised (it has users)');
          const { password, generated } = cliPassword();
          const team = await db
            .insertInto('organisations')
            .values({ name: options.teamName, kind: 'team', parent_id: null })
            .returning('id')
            .executeTakeFirstOrThrow();
          await createUser(db, actorFromCli(), {
            email: options.adminEmail,
            name: options.adminName,
            role: 'admin',
            password,
            organisationId: team.id,
          });
          process.stdout.write(`created ${options.teamName} and admin ${options.adminEmail}\n`);
          if (generated) process.stdout.write(`password (shown once): ${password}\n`);
          process.stdout.write('next: `vakt profile import FILE` with your RFC 2350 profile (see docs/profile.example.json)\n');
        }),
      ),
    );

  program
    .command('demo')
    .description(summary('demo'))
    .action(
      action(async () =>
        withDatabase(async ({ db }, config) => {
          // The demo modules are loaded only for this command: they pull in most of Vakt.
          const [{ loadWholeDemo }, { DEMO_PASSWORD }] = await Promise.all([import('../../demo/load.js'), import('../../demo/demo.js')]);
          const report = await loadWholeDemo(db, config.mail);
          if (!report.loaded) throw new UsageError('the database already has users; demo data goes only into an empty one');
          for (const login of report.logins) process.stdout.write(`${login.email}\t${DEMO_PASSWORD}\t${login.role}\n`);
        }),
      ),
    );

  const users = program.command('users').description(summary('users'));
  users
    .command('add')
    .description('add a user; the password comes from VAKT_PASSWORD or is generated and shown once')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option('--organisation <id>', 'organisation id (required for constituents)')
    .action(
      action(async (options: { email: string; name: string; role: string; organisation?: string }) => {
        if (!isRole(options.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
        const { password, generated } = cliPassword();
        await withDatabase(async ({ db }) => {
          const user = await createUser(db, actorFromCli(), {
            email: options.email,
            name: options.name,
            role: options.role,
            password,
            ...(options.organisation ? { organisationId: options.organisation } : {}),
          });
          process.stdout.write(`added ${user.email} (${user.role}) id ${user.id}\n`);
          if (generated) process.stdout.write(`password (shown once): ${password}\n`);
        });
      }),
    );
  users
    .command('list')
    .option('--json', 'machine-readable output')
    .action(
      action(async (options: { json?: boolean }) =>
        withDatabase(async ({ db }) => {
          const list = await listUsers(db);
          if (options.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
          else
            for (const u of list)
              process.stdout.write(
                `${u.email}\t${u.role}\t${u.disabled ? 'disabled' : 'active'}${u.totpEnabled ? '\ttotp' : ''}\t${u.name}\n`,
              );
        }),
      ),
    );
  users
    .command('disable <email>')
    .description('disable a user: ends their sessions and revokes their tokens')
    .action(
      action(async (email: string) =>
        withDatabase(async ({ db }) => void process.stdout.write(`disabled ${(await disableUser(db, actorFromCli(), email)).email}\n`)),
      ),
    );
  users
    .command('reset-password <email>')
    .description('set a new password (VAKT_PASSWORD or generated and shown once); ends their sessions and tokens')
    .action(
      action(async (email: string) => {
        const { password, generated } = cliPassword();
        await withDatabase(async ({ db }) => resetPassword(db, actorFromCli(), email, password));
        process.stdout.write(generated ? `new password for ${email} (shown once): ${password}\n` : `password of ${email} reset\n`);
      }),
    );

  users
    .command('unlock <email>')
    .description('lift the lockout that failed logins put on an account')
    .action(
      action(async (email: string) =>
        withDatabase(async ({ db }) => {
          await unlockUser(db, actorFromCli(), email);
          process.stdout.write(`${email} is unlocked\n`);
        }),
      ),
    );
  users
    .command('set-role <email> <role>')
    .description(`change a user's role (${ROLES.join(' | ')}); ends their sessions and tokens`)
    .action(
      action(async (email: string, role: string) => {
        if (!isRole(role)) throw new UsageError(`role must be one of ${ROLES.join(', ')}`);
        await withDatabase(
          async ({ db }) => void process.stdout.write(`${(await changeUser(db, actorFromCli(), email, { role })).email} is now ${role}\n`),
        );
      }),
    );
  users
    .command('reset-totp <email>')
    .description("turn off a user's two-factor authentication (lost device); ends their sessions")
    .action(
      action(async (email: string) =>
        withDatabase(async ({ db }) => {
          await resetTotp(db, actorFromCli(), email);
          process.stdout.write(`two-factor authentication of ${email} is off; they can set it up again after logging in\n`);
        }),
      ),
    );

  const audit = program.command('audit').description(summary('audit'));
  audit
    .command('verify')
    .description('walk the hash chain; exits 1 naming the first bad entry')
    .action(
      action(async () =>
        withDatabase(async ({ db }) => {
          const result = await verifyAudit(db);
          if (!result.ok) {
            process.stderr.write(
              `vakt: audit log broken at entry ${result.firstBad?.seq}: ${result.firstBad?.problem} (${result.checked} entries before it are intact)\n`,
            );
            return EXIT_ERROR;
          }
          process.stdout.write(`audit log intact: ${result.checked} entries, head ${result.head}\n`);
        }),
      ),
    );
  audit
    .command('list')
    .option('--limit <n>', 'entries to show', '20')
    .action(
      action(async (options: { limit: string }) =>
        withDatabase(async ({ db }) => {
          const limit = Number(options.limit);
          if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive whole number');
          for (const e of await listAudit(db, { limit }))
            process.stdout.write(`${e.seq}\t${e.at.toISOString()}\t${e.actor}\t${e.action}\t${e.object_type}:${e.object_id ?? ''}\n`);
        }),
      ),
    );

  const progress = (verb: string) => (table: string, rows: number) => process.stderr.write(`${verb} ${table}: ${rows} rows\n`);
  program
    .command('backup <file>')
    .description(summary('backup'))
    .action(
      action(async (file: string) =>
        withDatabase(async (database) => {
          const { backup } = await import('../../db/backup.js');
          const { counts } = await backup(database, file, progress('saved'));
          process.stdout.write(`backup written to ${file}: ${Object.values(counts).reduce((a, b) => a + b, 0)} rows\n`);
        }),
      ),
    );
  program
    .command('restore <file>')
    .description(summary('restore'))
    .action(
      action(async (file: string) =>
        withDatabase(async (database) => {
          const { restore } = await import('../../db/backup.js');
          const { counts } = await restore(database, file, progress('restored'));
          process.stdout.write(`restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows from ${file}\n`);
        }),
      ),
    );
}
