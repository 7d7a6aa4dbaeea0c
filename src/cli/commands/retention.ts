/** `vakt retention plan|purge|subject`: the retention policy, run by hand, and data-subject requests. */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { getProfile } from '../../profile/service.js';
import type { RetentionPolicy } from '../../retention/policy.js';
import { purge, type PurgeOutcome } from '../../retention/purge.js';
import { exportSubject } from '../../retention/subject-export.js';
import { action, actorFromCli, progressBar, UsageError, withDatabase } from '../run.js';
import { summary } from './catalogue.js';

async function policyOf(db: Kysely<Schema>): Promise<RetentionPolicy> {
  const policy = (await getProfile(db))?.profile.retention;
  if (!policy || Object.keys(policy).length === 0)
    throw new UsageError('the team profile sets no retention periods: add "retention" to it (see the README) with `vakt profile import`');
  return policy;
}

function print(outcome: PurgeOutcome): void {
  for (const kind of outcome.kinds) {
    const head = kind.cutoff
      ? `${kind.kind}: ${outcome.dryRun ? `${kind.due} due` : `${kind.done} of ${kind.due} done`} (before ${kind.cutoff.slice(0, 10)}) — ${kind.effect}`
      : `${kind.kind}: kept (no period in the policy)`;
    process.stdout.write(`${head}\n`);
    if (kind.kept) process.stdout.write(`  ${kind.kept.count} kept: ${kind.kept.reason}\n`);
  }
}

export function registerRetentionCommands(program: Command): void {
  const retention = program.command('retention').description(summary('retention'));

  retention
    .command('plan')
    .description('a dry run: what the next purge would remove or pseudonymise, and what it must keep')
    .action(
      action(async () =>
        withDatabase(async ({ db }) => print(await purge(db, await policyOf(db), { actor: actorFromCli(), dryRun: true }))),
      ),
    );

  retention
    .command('purge')
    .description('remove or pseudonymise now what the policy says is due (the worker also does this every night)')
    .action(
      action(async () =>
        withDatabase(async ({ db }) => {
          const bar = progressBar('{kind} {bar} {value}/{total}');
          let current = '';
          const outcome = await purge(db, await policyOf(db), {
            actor: actorFromCli(),
            onProgress(kind, done, due) {
              if (kind !== current) {
                if (current) bar.stop();
                bar.start(Math.max(due, done), done, { kind });
                current = kind;
              }
              bar.update(done, { kind });
            },
          });
          if (current) bar.stop();
          print(outcome);
        }),
      ),
    );

  retention
    .command('subject <email>')
    .description('a data-subject request: everything held about one e-mail address, as JSON')
    .option('-o, --output <file>', 'write to FILE instead of standard output')
    .action(
      action(async (email: string, options: { output?: string }) =>
        withDatabase(async ({ db }) => {
          if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) throw new UsageError(`"${email}" is not an e-mail address`);
          const found = await exportSubject(db, email);
          const json = `${JSON.stringify(found, null, 2)}\n`;
          if (options.output) {
            await writeFile(options.output, json, { mode: 0o600 });
            const counts = Object.entries(found.counts).map(([section, n]) => `${n} ${section}`);
            process.stdout.write(`${found.email}: ${counts.join(', ')} → ${options.output}\n`);
          } else process.stdout.write(json);
        }),
      ),
    );
}
