/**
 * `vakt taxii`: the peers' TAXII collections the team pulls. `follow` records one (the token the
 * peer gave the team comes from VAKT_TAXII_TOKEN, never the command line, where shells keep it);
 * `pull` reads what is new from one source, a peer's sources, or all of them, with progress.
 */
import type { Command } from 'commander';
import { findTeam } from '../../directory/teams.js';
import { followCollection, pullCollection } from '../../sharing/taxii-client.js';
import { action, actorFromCli, EXIT_ERROR, UsageError, withDatabase } from '../run.js';
import { summary } from './catalogue.js';

export function registerTaxiiCommands(program: Command): void {
  const taxii = program.command('taxii').description(summary('taxii'));

  taxii
    .command('follow <collection-url>')
    .description("pull a peer's TAXII collection (…/collections/<id>/) every hour; the token is read from VAKT_TAXII_TOKEN")
    .option('--peer <team>', 'the peer team (directory id or name) it belongs to')
    .action(
      action(async (url: string, options: { peer?: string }) => {
        const token = process.env.VAKT_TAXII_TOKEN;
        if (!token) throw new UsageError('set VAKT_TAXII_TOKEN to the API token the peer gave you');
        return withDatabase(async ({ db }) => {
          const peerTeamId = options.peer ? (await findTeam(db, options.peer)).id : undefined;
          const made = await followCollection(db, actorFromCli(), { url, token, ...(peerTeamId ? { peerTeamId } : {}) });
          process.stdout.write(`${made.created ? 'following' : 'already following'} ${url} (${made.id})\n`);
          return 0;
        });
      }),
    );

  taxii
    .command('pull [source]')
    .description('read what is new: one source (its id), every source of a peer team (its name), or, without it, every source')
    .action(
      action(async (ref: string | undefined) =>
        withDatabase(async ({ db }, config) => {
          let query = db.selectFrom('taxii_sources').select(['id', 'collection_url']).orderBy('created_at');
          if (ref && /^[0-9a-f-]{36}$/i.test(ref)) query = query.where('id', '=', ref);
          else if (ref) query = query.where('peer_team_id', '=', (await findTeam(db, ref)).id);
          const sources = await query.execute();
          if (ref && sources.length === 0) throw new UsageError(`no TAXII source for ${ref}`);
          let failed = 0;
          for (const source of sources) {
            try {
              const pulled = await pullCollection(db, source.id, {
                allowPrivate: config.feedPrivateUrls,
                onPage: (pages, stored) => process.stderr.write(`\r${source.collection_url}: ${pages} page(s), ${stored} stored`),
              });
              process.stderr.write('\n');
              process.stdout.write(
                `${source.collection_url}: ${pulled.stored} stored, ${pulled.unchanged} unchanged, ${pulled.refused} refused in ${pulled.pages} page(s)\n`,
              );
            } catch (error) {
              failed++;
              process.stdout.write(`${source.collection_url}: ${(error as Error).message}\n`);
            }
          }
          return failed > 0 ? EXIT_ERROR : 0;
        }),
      ),
    );
}
