/**
 * `vakt share`: sharing an incident with a peer team. `export` writes the STIX 2.1 bundle (what
 * the peer's sharing profile and the egress gate admit) and says on stderr what was left out and
 * why; `preview` lists both without writing a bundle; `import` takes a peer's bundle in and says
 * what became of each object; `send` shares it with a peer by the channels of its profile and keeps
 * it current, or withdraws it.
 */
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { findTeam } from '../../directory/teams.js';
import type { EgressRecipient } from '../../sharing/egress.js';
import { exportIncidentStix, type StixExport } from '../../sharing/stix-export.js';
import { exportIncidentMisp, type MispExport } from '../../sharing/misp-export.js';
import { STIX_MAX_BYTES } from '../../sharing/stix-import.js';
import { importShared } from '../../sharing/import-shared.js';
import { httpReader } from '../../sharing/misp-import.js';
import { shareWithPeer, withdrawShare } from '../../sharing/peer-shares.js';
import { intakeSettings } from '../../intake/settings.js';
import { loadTeamKeyFile } from '../../mail/pgp.js';
import { readSource } from '../read-source.js';
import { action, actorFromCli, EXIT_ERROR, UsageError, withDatabase } from '../run.js';
import { summary } from './catalogue.js';

interface ShareOptions {
  peer?: string;
  format: string;
  incident: boolean;
  out?: string;
}

type Exported = Pick<StixExport, 'left'> & { document: unknown; included: StixExport['included'] | MispExport['included'] };

async function run(incidentId: string, options: ShareOptions, write: (result: Exported) => Promise<void>): Promise<number> {
  if (options.format !== 'stix' && options.format !== 'misp') throw new UsageError(`--format is stix or misp, not ${options.format}`);
  if (!/^\d{1,15}$/.test(incidentId)) throw new UsageError(`${incidentId} is not an incident number`);
  return withDatabase(async ({ db }) => {
    // The CLI speaks for the team: without --peer the bundle is for the team's own use.
    const recipient: EgressRecipient = options.peer
      ? { kind: 'peer-team', peerTeamId: (await findTeam(db, options.peer)).id }
      : { kind: 'team' };
    const share = { recipient, actor: actorFromCli(), withIncident: options.incident };
    const result: Exported =
      options.format === 'misp'
        ? await exportIncidentMisp(db, incidentId, share).then((r) => ({ ...r, document: r.event }))
        : await exportIncidentStix(db, incidentId, share).then((r) => ({ ...r, document: r.bundle }));
    await write(result);
    for (const l of result.left) process.stderr.write(`left out ${l.kind} ${l.what}: ${l.reason}\n`);
    return 0;
  });
}

export function registerShareCommands(program: Command): void {
  const share = program.command('share').description(summary('share'));
  const common = (command: Command) =>
    command
      .option('--peer <team>', 'the peer team (its directory id or name) the bundle is for; without it, the team itself')
      .option('--format <format>', 'stix (a STIX 2.1 bundle) or misp (a MISP event)', 'stix')
      .option('--incident', 'the incident itself too, as a STIX report over what is shared', false);

  common(
    share
      .command('export <incident>')
      .description('write the incident as a STIX 2.1 bundle or a MISP event (standard output, or --out FILE)'),
  )
    .option('--out <file>', 'write the bundle to FILE')
    .action(
      action(async (incident: string, options: ShareOptions) =>
        run(incident, options, async ({ document }) => {
          const text = `${JSON.stringify(document, null, 2)}\n`;
          if (options.out) await writeFile(options.out, text);
          else process.stdout.write(text);
        }),
      ),
    );

  share
    .command('import <source>')
    .description(
      'import what a peer sent, recognised by content: a STIX 2.1 bundle or a MISP event (a file or URL), or a MISP feed (its URL or directory; only changed events are fetched); what became of each object, line by line',
    )
    .action(
      action(async (source: string) =>
        withDatabase(async ({ db }, config) => {
          const remote = /^https?:\/\//i.test(source);
          // A feed's URL or directory names its manifest; its event files are read beside it.
          const manifest = remote
            ? `${source}${source.endsWith('/') ? 'manifest.json' : ''}`
            : (await stat(source)).isDirectory()
              ? join(source, 'manifest.json')
              : source;
          const base = manifest.slice(0, manifest.lastIndexOf('/') + 1);
          const read = remote ? httpReader(config.feedPrivateUrls) : (file: string) => readSource(file, false, STIX_MAX_BYTES);
          const text = await readSource(manifest, config.feedPrivateUrls, STIX_MAX_BYTES);
          const result = await importShared(db, actorFromCli(), text, source, { base, read });
          if (result.format === 'misp-feed') {
            process.stdout.write(
              `MISP feed: ${result.events} event(s): ${result.fetched} fetched (${result.stored} stored), ${result.skipped} unchanged since the last import\n`,
            );
            for (const f of result.failed) process.stdout.write(`failed ${f.uuid}: ${f.reason}\n`);
            return result.failed.length > 0 ? EXIT_ERROR : 0;
          }
          for (const o of result.objects) {
            process.stdout.write(`${o.status}\t${o.tlp ? `TLP:${o.tlp}` : '-'}\t${o.id || '(no id)'}\t${o.became}\n`);
            for (const p of o.problems) process.stdout.write(`\tnot valid STIX 2.1: ${p}\n`);
          }
          process.stdout.write(`${result.stored} stored, ${result.unchanged} unchanged, ${result.refused} refused\n`);
          return result.refused > 0 ? EXIT_ERROR : 0;
        }),
      ),
    );

  share
    .command('send <incident>')
    .description(
      "share the incident with a peer team by its profile's channels (TAXII collection, MISP feed, encrypted mail), pseudonymised as the profile says; again: publish what changed; --withdraw revokes all of it",
    )
    .requiredOption('--peer <team>', 'the peer team (its directory id or name)')
    .option('--withdraw', 'withdraw the share instead', false)
    .action(
      action(async (incident: string, options: { peer: string; withdraw: boolean }) => {
        if (!/^\d{1,15}$/.test(incident)) throw new UsageError(`${incident} is not an incident number`);
        return withDatabase(async ({ db }, config) => {
          const peer = (await findTeam(db, options.peer)).id;
          const teamKey = config.mail.pgpKeyFile ? await loadTeamKeyFile(config.mail.pgpKeyFile, config.mail.pgpPassphrase) : undefined;
          const { sender } = await intakeSettings(db, config.mail, teamKey);
          const actor = actorFromCli();
          const result = options.withdraw
            ? await withdrawShare(db, actor, incident, peer, sender)
            : await shareWithPeer(db, actor, incident, peer, sender);
          process.stdout.write(
            `revision ${result.revision}: ${result.changed} object(s) sent, ${result.revoked} revoked or deleted, by ${result.channels.join(', ') || 'no channel'}\n`,
          );
          for (const problem of result.problems) process.stderr.write(`vakt: ${problem}\n`);
          return result.problems.length > 0 ? EXIT_ERROR : 0;
        });
      }),
    );

  common(
    share.command('preview <incident>').description('what an export would hold for the peer, and why each left-out item is left out'),
  ).action(
    action(async (incident: string, options: ShareOptions) =>
      run(incident, options, async ({ included }) => {
        for (const i of included) process.stdout.write(`${i.kind}\t${i.tlp}\t${'stixId' in i ? `${i.stixId}\t` : ''}${i.what}\n`);
      }),
    ),
  );
}
