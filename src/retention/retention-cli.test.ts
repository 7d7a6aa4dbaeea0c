import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.js';

describe('vakt retention', () => {
  let dir: string;
  let env: Record<string, string>;
  const vakt = (...args: string[]) => runCli(args, env);
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vakt-retention-'));
    env = { VAKT_DATA_DIR: join(dir, 'data') };
    expect((await vakt('demo')).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says in one line that the profile has no policy, and refuses a bad address', async () => {
    const none = await vakt('retention', 'plan');
    expect(none.code).toBe(2);
    expect(none.stderr.trim().split('\n')).toEqual([expect.stringMatching(/sets no retention periods/)]);
    const bad = await vakt('retention', 'subject', 'not-an-address');
    expect(bad).toMatchObject({ code: 2, stderr: 'vakt: "not-an-address" is not an e-mail address\n' });
  });

  it('plans and purges by the policy in the profile, and exports what is held about an address', { timeout: 60_000 }, async () => {
    const profile = JSON.parse((await vakt('profile', 'export')).stdout) as Record<string, unknown>;
    writeFileSync(join(dir, 'profile.json'), JSON.stringify({ ...profile, retention: { feedEvents: 90, auditDetail: 3650 } }));
    expect((await vakt('profile', 'import', join(dir, 'profile.json'))).code).toBe(0);
    const plan = await vakt('retention', 'plan');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/^feedEvents: \d+ due \(before \d{4}-\d\d-\d\d\) — feed events are deleted/m);
    expect(plan.stdout).toMatch(/^reports: kept \(no period in the policy\)$/m);
    const purged = await vakt('retention', 'purge');
    expect(purged.code).toBe(0);
    expect(purged.stdout).toMatch(/^feedEvents: (\d+) of \1 done/m);

    const file = join(dir, 'subject.json');
    const exported = await vakt('retention', 'subject', 'analyst@cert-stockholm.demo', '--output', file);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^analyst@cert-stockholm\.demo: 1 users, .* → /);
    const found = JSON.parse(readFileSync(file, 'utf8')) as { users: Array<{ email: string }>; auditEntries: unknown[] };
    expect(found.users).toEqual([expect.objectContaining({ email: 'analyst@cert-stockholm.demo' })]);
    expect(JSON.stringify(found)).not.toMatch(/password_hash|totp_secret/);
  });
});
