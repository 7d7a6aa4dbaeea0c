import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.js';
import { createScratchDatabase } from '../../test/helpers/postgres.js';
import { loadProfileFixture } from '../../test/helpers/profiles.js';
import { openDatabase } from '../db/database.js';

describe('the vakt command', () => {
  let dir: string;
  let env: Record<string, string>;
  const vakt = (...args: string[]) => runCli(args, env);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vakt-cli-'));
    env = { VAKT_DATA_DIR: join(dir, 'data') };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers wrong usage with exit 2 and one line', async () => {
    const r = await vakt('bogus');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect((await vakt('users', 'add', '--email', 'a@b.se', '--name', 'A', '--role', 'god')).code).toBe(2);
  });

  it('refuses an invalid profile naming the file and field, writing nothing', async () => {
    const p = loadProfileFixture('cert-stockholm');
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...p, timeZone: 'Europe/Nowhere' }));
    const bad = await vakt('profile', 'import', join(dir, 'bad.json'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      `vakt: ${join(dir, 'bad.json')}: timeZone: "Europe/Nowhere" is not an IANA time zone such as Europe/Stockholm\n`,
    );
    writeFileSync(join(dir, 'broken.json'), '{"team": {');
    const broken = await vakt('profile', 'import', join(dir, 'broken.json'));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.json: \(file\): not valid JSON/);
    const exported = await vakt('profile', 'export');
    expect(exported.code).toBe(1);
    expect(exported.stderr).toMatch(/not set up yet/);
  });

  it('imports and exports the profile in every format', async () => {
    writeFileSync(join(dir, 'truesec.json'), JSON.stringify(loadProfileFixture('truesec-csirt')));
    const imported = await vakt('profile', 'import', join(dir, 'truesec.json'));
    expect(imported).toMatchObject({ code: 0, stdout: 'profile of Truesec CSIRT saved as version 1\n' });
    expect((await vakt('profile', 'export', '--format', 'txt')).stdout).toContain('2.7. Electronic Mail Address\n\n   csirt@truesec.com');
    expect((await vakt('profile', 'export', '--format', 'security.txt')).stdout).toContain('Contact: mailto:csirt@truesec.com');
    expect(JSON.parse((await vakt('profile', 'export')).stdout)).toEqual(loadProfileFixture('truesec-csirt'));
    expect((await vakt('profile', 'export', '--format', 'pdf')).code).toBe(2);
  });

  // Seven CLI processes, each loading every module: slow until the CLI loads lazily (issue 17).
  it('manages users', { timeout: 120_000 }, async () => {
    const added = await runCli(['users', 'add', '--email', 'eva@cert.test', '--name', 'Eva', '--role', 'analyst'], env);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/password \(shown once\): \S{20,}/);
    expect((await vakt('users', 'list')).stdout).toMatch(/^eva@cert\.test\tanalyst\tactive\tEva$/m);
    expect((await runCli(['users', 'reset-password', 'eva@cert.test'], { ...env, VAKT_PASSWORD: 'a fresh long password' })).stdout).toBe(
      'password of eva@cert.test reset\n',
    );
    expect((await vakt('users', 'disable', 'eva@cert.test')).code).toBe(0);
    expect((await vakt('users', 'list')).stdout).toMatch(/^eva@cert\.test\tanalyst\tdisabled/m);
    const missing = await vakt('users', 'disable', 'nobody@cert.test');
    expect(missing).toMatchObject({ code: 1, stderr: 'vakt: user nobody@cert.test not found\n' });
  });

  it('verifies the audit log and names the first bad entry', async () => {
    expect((await vakt('audit', 'verify')).stdout).toMatch(/^audit log intact: 4 entries/);
    const database = await openDatabase({ dataDir: env.VAKT_DATA_DIR! });
    await database.db.transaction().execute(async (trx) => {
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(trx);
      await sql`update audit_log set actor = 'cli:mallory' where seq = 2`.execute(trx);
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(trx);
    });
    await database.close();
    const r = await vakt('audit', 'verify');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('vakt: audit log broken at entry 2: contents do not match its hash (altered) (1 entries before it are intact)\n');
  });

  it('initialises a new installation once', async () => {
    const fresh = { VAKT_DATA_DIR: join(dir, 'fresh') };
    const first = await runCli(['init', '--team-name', 'CERT Test', '--admin-email', 'root@cert.test'], fresh);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/password \(shown once\)/);
    const second = await runCli(['init', '--team-name', 'CERT Test', '--admin-email', 'root@cert.test'], fresh);
    expect(second).toMatchObject({ code: 2, stderr: 'vakt: this installation is already initialised (it has users)\n' });
  });
});

const serverUrl = process.env.VAKT_TEST_DATABASE_URL;
describe.runIf(serverUrl)('the vakt command on a PostgreSQL server [postgres]', () => {
  let env: Record<string, string>;
  let drop = async () => {};
  beforeAll(async () => {
    const scratch = await createScratchDatabase(serverUrl!);
    env = { DATABASE_URL: scratch.url, VAKT_DATA_DIR: '/nonexistent-so-pglite-is-not-used' };
    drop = scratch.drop;
  });
  afterAll(() => drop());

  it('migrates, loads the demo, lists users and verifies the audit log', async () => {
    expect(await runCli(['migrate'], env)).toMatchObject({
      code: 0,
      stdout:
        'applied: 0001_foundation, 0002_incident_loop, 0003_directory, 0004_constituency, 0005_event_storage, 0006_egress, 0007_login_throttle, 0008_workbench, 0009_list_order, 0010_machine_reports, 0011_retention, 0012_international_teams, 0013_key_list_order, 0014_watch_mail, 0015_list_order_indexes, 0016_advisories, 0017_advisory_authoring, 0018_advisory_recipients, 0019_csaf_subscriptions, 0020_csaf_aggregators, 0021_sharing_profiles, 0022_shared_objects, 0023_taxii, 0024_taxii_sources, 0025_warninglists, 0026_peer_shares, 0027_feed_event_values, 0028_incident_page_indexes, 0029_kpi_summaries\n',
    });
    expect((await runCli(['demo'], env)).code).toBe(0);
    expect((await runCli(['users', 'list'], env)).stdout).toMatch(/^admin@cert-stockholm\.demo\tadmin\tactive/m);
    expect((await runCli(['audit', 'verify'], env)).stdout).toMatch(/^audit log intact: 96 entries/);
    expect((await runCli(['profile', 'export', '--format', 'txt'], env)).stdout).toContain('CERT Stockholm');
  });
});
