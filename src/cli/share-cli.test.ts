/** `vakt share export|preview` as an operator runs them: the bundle on stdout, what was left out on stderr. */
import { makePeerTeam } from '../../test/helpers/peers.js';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.js';
import { openDatabase } from '../db/database.js';
import { createIncident } from '../incidents/incidents.js';
import { addObservable } from '../incidents/items.js';
import { saveSharingProfile } from '../sharing/sharing-profiles.js';
import { stixBundleIssues } from '../sharing/stix-validate.js';

describe('vakt share', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vakt-share-'));
  const env = { VAKT_DATA_DIR: join(dir, 'data') };

  it(
    'exports an incident as a STIX bundle for a peer, names what it left out, and refuses what it cannot do',
    { timeout: 180_000 },
    async () => {
      expect((await runCli(['migrate'], env)).code).toBe(0);
      const database = await openDatabase({ dataDir: env.VAKT_DATA_DIR });
      let incident = '';
      try {
        const { db } = database;
        const peer = await makePeerTeam(db, 'CERT-NO Demo', 'NO');
        await saveSharingProfile(db, 'system:test', peer, { maxTlp: 'GREEN', itemKinds: ['observable', 'indicator'] }, undefined);
        incident = String((await createIncident(db, 'system:test', { title: 'Scanning from a botnet', tlp: 'GREEN' })).id);
        await addObservable(db, 'system:test', incident, { kind: 'ipv4', value: '203.0.113.9', isIoc: true, tlp: 'GREEN' });
        await addObservable(db, 'system:test', incident, { kind: 'domain', value: 'c2.example', tlp: 'AMBER' });
      } finally {
        await database.close();
      }
      const exported = await runCli(['share', 'export', incident, '--peer', 'CERT-NO Demo', '--incident'], env);
      expect(exported.code).toBe(0);
      const bundle = JSON.parse(exported.stdout) as { objects: Array<{ type: string }> };
      expect(stixBundleIssues(bundle)).toEqual([]);
      expect(bundle.objects.map((o) => o.type).sort()).toEqual([
        'identity',
        'indicator',
        'ipv4-addr',
        'marking-definition',
        'marking-definition',
        'relationship',
      ]);
      expect(exported.stderr).toContain('left out observable domain c2.example: TLP:AMBER is limited to the organisation and its clients');
      expect(exported.stderr).toContain(
        `left out incident incident ${incident}: Scanning from a botnet: the sharing profile does not share items of kind incident`,
      );

      const preview = await runCli(['share', 'preview', incident], env);
      expect(preview.code).toBe(0);
      expect(preview.stdout).toMatch(/^observable\tAMBER\tdomain-name--[0-9a-f-]{36}\tdomain c2\.example$/m);

      expect(await runCli(['share', 'export', incident, '--format', 'csv'], env)).toMatchObject({ code: 2, stdout: '' });
      const misp = await runCli(['share', 'export', incident, '--format', 'misp', '--peer', 'CERT-NO Demo'], env);
      expect(misp.code).toBe(0);
      const event = (JSON.parse(misp.stdout) as { Event: { Attribute: Array<{ type: string; value: string; to_ids: boolean }> } }).Event;
      expect(event.Attribute).toEqual([expect.objectContaining({ type: 'ip-dst', value: '203.0.113.9', to_ids: true })]);
      // Shared for good by mail: without a team key the mail is held back, and the operator is told.
      const database2 = await openDatabase({ dataDir: env.VAKT_DATA_DIR });
      try {
        const peer = (await database2.db.selectFrom('peer_teams').select('id').where('name', '=', 'CERT-NO Demo').executeTakeFirstOrThrow())
          .id;
        await saveSharingProfile(
          database2.db,
          'system:test',
          peer,
          { maxTlp: 'GREEN', itemKinds: ['observable', 'indicator'], channels: ['mail'], mailTo: 'soc@cert-no.test' },
          undefined,
        );
      } finally {
        await database2.close();
      }
      const sent = await runCli(['share', 'send', incident, '--peer', 'CERT-NO Demo'], env);
      expect(sent).toMatchObject({
        code: 1,
        stdout: 'revision 1: 3 object(s) sent, 0 revoked or deleted, by no channel\n',
        stderr: 'vakt: mail to soc@cert-no.test not sent: encryption is required and no team key is configured\n',
      });
      const withdrawn = await runCli(['share', 'send', incident, '--peer', 'CERT-NO Demo', '--withdraw'], env);
      expect(withdrawn.stdout).toMatch(/^revision 2: 0 object\(s\) sent, 3 revoked or deleted/);
      const unknown = await runCli(['share', 'export', incident, '--peer', 'Nobody CERT'], env);
      expect(unknown).toMatchObject({ code: 1, stdout: '', stderr: 'vakt: team "Nobody CERT" not found\n' });
    },
  );

  it("imports a peer's bundle and says what became of each object; a broken file is one line on stderr", { timeout: 180_000 }, async () => {
    const example = new URL('../../test/fixtures/stix/indicator-for-c2-ip-address.json', import.meta.url).pathname;
    const imported = await runCli(['share', 'import', example], env);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^stored\tTLP:[A-Z+]+\tindicator--[0-9a-f-]{36}\tindicator values: ipv4 /m);
    expect(imported.stdout).toMatch(/\d+ stored, 0 unchanged, 0 refused\n$/);
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, readFileSync(example, 'utf8').slice(0, 100));
    const broken = await runCli(['share', 'import', truncated], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
    expect(broken.stderr).toMatch(/^vakt: body: not valid JSON/);
  });

  it('follows a TAXII collection with the token from the environment, and says which pull failed', { timeout: 180_000 }, async () => {
    const url = 'http://127.0.0.1:9/taxii2/api/collections/00000000-0000-4000-8000-000000000001/';
    expect(await runCli(['taxii', 'follow', url], env)).toMatchObject({ code: 2, stdout: '' });
    const followed = await runCli(['taxii', 'follow', url], { ...env, VAKT_TAXII_TOKEN: 'a-token-the-peer-gave' });
    expect(followed.code).toBe(0);
    expect(followed.stdout).toMatch(/^following http:\/\/127\.0\.0\.1:9\/.* \([0-9a-f-]{36}\)\n$/);
    // Nothing listens there (and it is a private address): the pull fails, is named, and exits 1.
    const pulled = await runCli(['taxii', 'pull'], env);
    expect(pulled.code).toBe(1);
    expect(pulled.stdout).toContain(`${url}: `);
  });

  it('imports a MISP feed from its directory, and the second time fetches nothing', { timeout: 180_000 }, async () => {
    const feed = join(dir, 'feed');
    mkdirSync(feed);
    const uuid = '5eed0000-0000-4000-8000-0000000000f1';
    writeFileSync(join(feed, 'manifest.json'), JSON.stringify({ [uuid]: { info: 'Feed event', timestamp: '1764000000' } }));
    writeFileSync(
      join(feed, `${uuid}.json`),
      JSON.stringify({
        Event: {
          uuid,
          info: 'Feed event',
          timestamp: '1764000000',
          Tag: [{ name: 'tlp:clear' }],
          Attribute: [{ type: 'domain', value: 'feed.example.test' }],
        },
      }),
    );
    const first = await runCli(['share', 'import', feed], env);
    expect(first.stderr).toBe('');
    expect(first).toMatchObject({ code: 0, stdout: 'MISP feed: 1 event(s): 1 fetched (2 stored), 0 unchanged since the last import\n' });
    const again = await runCli(['share', 'import', feed], env);
    expect(again.stdout).toBe('MISP feed: 1 event(s): 0 fetched (0 stored), 1 unchanged since the last import\n');
  });
});
